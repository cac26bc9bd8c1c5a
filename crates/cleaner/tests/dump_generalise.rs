//! Whole text dumps, written for these tests in English, Simplified and
//! Traditional Chinese, with the noise shapes of real dumps (menus, byline
//! rows, datelines, keyword spam, MT clauses, glued debris, related lists,
//! end markers). None of the strings come from the fixtures or seeds.

use newsfacts_cleaner::clean;

fn check(page: &str, keep: &[&str], strip: &[&str]) {
    let doc = clean("test.txt", page);
    for k in keep {
        assert!(doc.text.contains(k), "lost {k:?} in\n{}", doc.text);
    }
    for s in strip {
        assert!(!doc.text.contains(s), "kept {s:?} in\n{}", doc.text);
    }
}

#[test]
fn english_dump() {
    let page = "\
gift card generator free | replica handbags sale | casino no deposit bonus codes | keygen office download | buy followers instantly
Lakeside Chip Review
Graphcore rivals line up as inference demand doubles
Senior Writer — Austin — Updated 2 hours ago — Comments (9)
Inference hardware is the fastest-growing part of the accelerator market, and start-ups are racing to sell cards that cost less than a training GPU. Buyers said prices for a 96GB inference card fell about 15% this year.
Share 88   Post 12   Email   Print
the wafer prices iss not knownn yet and and the the buyers waitt
Several cloud operators said they would split orders between two suppliers next year, to keep a second source of 3nm capacity.
More chip briefs
Qualcomm signs a cloud deal in the Gulf
Micron opens a packaging plant in Idaho
About · Careers · Privacy · Terms
";
    check(
        page,
        &[
            "Graphcore rivals line up as inference demand doubles",
            "prices for a 96GB inference card fell about 15% this year",
            "a second source of 3nm capacity",
        ],
        &[
            "replica handbags",
            "Updated 2 hours ago",
            "Post 12",
            "waitt",
            "More chip briefs",
            "Qualcomm signs",
            "Careers",
        ],
    );
}

#[test]
fn simplified_dump() {
    let page = "\
客户端 | 投稿 | 设为首页 | 联系我们
某某科技网
国产推理卡出货翻倍 云厂商加速替换进口产品
2024-06-18 09:30 本网讯
今年上半年国产推理卡出货量约为40万张，同比增长一倍。Sin embargo, los precios siguen bajando este año. 多家云厂商表示将继续扩大采购。
业内人士认为，功耗仍是短板。Menurut analis, pasokan masih terbatas hingga akhir tahun. 单卡功耗约为350瓦。
新一代芯片已经流片aNd量产时间定在明年二季度，营收Climbing。
（完）
你可能还喜欢
• 某厂发布新一代训练芯片 算力提升三倍
• 存储大厂扩产 HBM价格松动
";
    check(
        page,
        &[
            "今年上半年国产推理卡出货量约为40万张",
            "多家云厂商表示将继续扩大采购",
            "单卡功耗约为350瓦",
            "量产时间定在明年二季度",
        ],
        &[
            "设为首页",
            "本网讯",
            "Sin embargo",
            "Menurut",
            "aNd",
            "Climbing",
            "（完）",
            "你可能还喜欢",
            "算力提升三倍",
        ],
    );
}

#[test]
fn traditional_dump() {
    let page = "\
首頁
財經
某某新聞網 > 科技 > 半導體
晶圓代工報價調漲 先進製程客戶仍排隊
2024/05/07 10:05　記者 張三／新竹報導
晶圓代工廠今（7）日表示，明年先進製程報價將調漲約5%，客戶需求仍超過供給，產能利用率維持在九成以上。
法人指出，先進封裝產能明年將擴增約四成。Les clients attendent encore les nouvelles capacités. 供應鏈預估交期仍需半年。
延伸閱讀
▸ 記憶體報價連三漲 模組廠營收創高
▸ 伺服器組裝廠接單滿載
";
    check(
        page,
        &[
            "明年先進製程報價將調漲約5%",
            "先進封裝產能明年將擴增約四成",
            "供應鏈預估交期仍需半年",
        ],
        &["記者 張三", "Les clients", "延伸閱讀", "模組廠營收創高"],
    );
}
