//! Each kind of noise, several cases per kind, in English, Simplified and
//! Traditional Chinese, at the top, middle or bottom of a text dump or an
//! HTML page: the noise goes (with its reason in `dropped`), the article
//! stays whole, and real Latin-script content inside Chinese text stays.

use model::{CleanDoc, DropReason};
use newsfacts_cleaner::clean;

const EN: [&str; 4] = [
    "Nvidia said on Wednesday that data-center revenue rose 66% to $51.2 billion in the quarter, as cloud providers kept buying its Blackwell systems.",
    "The company expects supply of HBM3E memory to stay tight into next year, chief financial officer Colette Kress told analysts on a call.",
    "Rivals are catching up. AMD said its MI355X accelerator was shipping in volume, and Broadcom reported a fourth customer for its custom chips.",
    "Shares of Nvidia rose 3% in extended trading after the results, adding about $140 billion to the company's market value.",
];
const HANS: [&str; 4] = [
    "英伟达周三公布财报，本季度数据中心业务收入同比增长66%，达到512亿美元，云服务商继续大量采购Blackwell系统。",
    "公司预计HBM3E内存的供应到明年仍将偏紧，首席财务官克雷斯在电话会议上向分析师表示，产能扩张需要时间。",
    "竞争对手正在追赶。AMD表示MI355X加速器已经批量出货，博通也披露了其定制芯片业务的第四位客户。",
    "财报公布后，英伟达股价在盘后交易中上涨3%，公司市值增加约1400亿美元。",
];
const HANT: [&str; 4] = [
    "輝達週三公布財報，本季資料中心營收年增66%，達到512億美元，雲端服務業者持續大量採購Blackwell系統。",
    "公司預期HBM3E記憶體的供應到明年仍將吃緊，財務長克雷斯在電話會議上向分析師表示，產能擴充需要時間。",
    "競爭對手正在追趕。超微表示MI355X加速器已經大量出貨，博通也揭露了其客製化晶片業務的第四位客戶。",
    "財報公布後，輝達股價在盤後交易中上漲3%，公司市值增加約1400億美元。",
];

#[derive(Clone, Copy)]
enum At {
    Top,
    Middle,
    Bottom,
}

/// A text dump: headline, the four paragraphs, and `noise` lines at `at`.
fn dump(title: &str, body: &[&str; 4], noise: &[&str], at: At) -> String {
    let mut lines: Vec<&str> = vec![title];
    match at {
        At::Top => {
            lines.extend(noise);
            lines.extend(body);
        }
        At::Middle => {
            lines.extend(&body[..2]);
            lines.extend(noise);
            lines.extend(&body[2..]);
        }
        At::Bottom => {
            lines.extend(body);
            lines.extend(noise);
        }
    }
    lines.join("\n")
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Body kept whole, every `gone` string removed, and a `reason` recorded.
fn check(doc: &CleanDoc, body: &[&str; 4], gone: &[&str], reasons: &[DropReason], case: &str) {
    let text = squash(&doc.text);
    for p in body {
        assert!(
            text.contains(&squash(p)),
            "{case}: lost {p:?}\n{}",
            doc.text
        );
    }
    for g in gone {
        // A short menu word may occur inside the body; then only a line of
        // its own is noise.
        let kept = if g.chars().count() < 8 {
            doc.text.lines().any(|l| l.trim() == g.trim())
        } else {
            text.contains(&squash(g))
        };
        assert!(!kept, "{case}: kept {g:?}\n{}", doc.text);
    }
    assert!(
        doc.dropped.iter().any(|d| reasons.contains(&d.reason)),
        "{case}: none of {reasons:?} in {:?}",
        doc.dropped
    );
}

fn scripts() -> [(&'static str, &'static str, &'static [&'static str; 4]); 3] {
    [
        (
            "en",
            "Nvidia sales beat forecasts as AI demand holds up",
            &EN,
        ),
        ("zh-Hans", "英伟达业绩超预期 AI需求依旧强劲", &HANS),
        ("zh-Hant", "輝達業績優於預期 AI需求依舊強勁", &HANT),
    ]
}

fn run_cases(cases: &[(&str, &[&str], At)], reasons: &[DropReason], kind: &str) {
    let s = scripts();
    for (k, (lang, noise, at)) in cases.iter().enumerate() {
        let (_, title, body) = s.iter().find(|x| x.0 == *lang).copied().expect("script");
        let doc = clean("t", &dump(title, body, noise, *at));
        check(&doc, body, noise, reasons, &format!("{kind} #{k} ({lang})"));
    }
}

#[test]
fn chrome_menus_breadcrumbs_counters_app_promos() {
    use At::*;
    let cases: &[(&str, &[&str], At)] = &[
        ("en", &["Home", "News", "Chips", "Markets", "Sign in"], Top),
        ("en", &["Home > Tech > Semiconductors"], Top),
        ("en", &["Share 1.2K · Comments 87"], Middle),
        ("en", &["Download the app for breaking news alerts"], Bottom),
        ("zh-Hans", &["首页", "财经", "科技", "芯片", "登录"], Top),
        ("zh-Hans", &["首页 > 科技 > 半导体 > 正文"], Top),
        ("zh-Hans", &["分享 1.2万 评论 87"], Middle),
        ("zh-Hans", &["下载APP，随时随地看新闻"], Bottom),
        ("zh-Hant", &["首頁", "即時", "科技", "晶片", "登入"], Top),
        ("zh-Hant", &["首頁 > 科技 > 半導體"], Top),
        ("zh-Hant", &["分享 3.4K 留言 12"], Middle),
        ("zh-Hant", &["下載APP 搶先看最新消息"], Bottom),
    ];
    run_cases(cases, &[DropReason::Chrome, DropReason::Metadata], "chrome");
}

#[test]
fn related_headline_lists() {
    use At::*;
    let cases: &[(&str, &[&str], At)] = &[
        (
            "en",
            &[
                "Related articles",
                "Intel delays Falcon Shores again as losses mount",
                "TSMC lifts its CoWoS capacity target for 2026",
                "Micron samples HBM4 to three customers",
            ],
            Bottom,
        ),
        (
            "en",
            &[
                "Read more",
                "Qualcomm takes aim at inference with the AI200 rack",
                "Samsung clears qualification for HBM4 at last",
            ],
            Bottom,
        ),
        (
            "zh-Hans",
            &[
                "相关阅读",
                "寒武纪上半年营收大增 净利润扭亏为盈",
                "海光信息深算三号即将推出",
                "华为昇腾新品明年一季度上市",
            ],
            Bottom,
        ),
        (
            "zh-Hans",
            &[
                "猜你喜欢",
                "中芯国际产能利用率升至九成以上",
                "长鑫存储启动上市辅导",
            ],
            Bottom,
        ),
        (
            "zh-Hant",
            &[
                "延伸閱讀",
                "聯發科十月營收月減 AI晶片出貨仍強",
                "日月光擴大先進封裝產能",
                "鴻海AI伺服器出貨翻倍",
            ],
            Bottom,
        ),
        (
            "zh-Hant",
            &[
                "相關新聞",
                "美光宣布HBM4量產 頻寬再創新高",
                "廣達AI伺服器占比將逾七成",
            ],
            Bottom,
        ),
    ];
    run_cases(
        cases,
        &[DropReason::RelatedLinks, DropReason::Chrome],
        "related",
    );
}

#[test]
fn disclaimers_editor_copyright_contact() {
    use At::*;
    let cases: &[(&str, &[&str], At)] = &[
        ("en", &["Disclaimer: This article is for information only and does not constitute investment advice."], Bottom),
        ("en", &["© 2025 Chip Ledger Media. All rights reserved."], Bottom),
        ("en", &["Editor's note: An earlier version of this story misstated the quarter."], Top),
        ("en", &["Tel: 010-12345678"], Bottom),
        ("zh-Hans", &["免责声明：本文仅代表作者个人观点，与本网站无关，不构成投资建议。"], Bottom),
        ("zh-Hans", &["责任编辑：张晓明"], Bottom),
        ("zh-Hans", &["版权所有 © 2025 芯片财经网 未经授权不得转载"], Bottom),
        ("zh-Hans", &["联系电话：400-810-0000"], Middle),
        ("zh-Hant", &["免責聲明：本文僅供參考，不構成任何投資建議。"], Bottom),
        ("zh-Hant", &["（編輯：陳政偉）"], Bottom),
        ("zh-Hant", &["本網站之文字、圖片及影音，版權所有，未經授權不得轉載。"], Bottom),
        ("zh-Hant", &["客服專線：02-2505-0000"], Middle),
    ];
    run_cases(
        cases,
        &[DropReason::Disclaimer, DropReason::Metadata],
        "disclaimer",
    );
}

#[test]
fn seo_spam_and_link_farms() {
    use At::*;
    let cases: &[(&str, &[&str], At)] = &[
        ("en", &["cheap gpu | buy h100 | h100 rental | best ai stock | gpu server price | ai chip etf | nvidia stock forecast"], Bottom),
        ("en", &["gpu deals, cheap h100, rent a100, ai stocks to buy, chip etf, cloud gpu price, best gpu 2025"], Top),
        ("zh-Hans", &["芯片|显卡|算力租赁|GPU服务器|便宜显卡|AI股票|芯片股|服务器租用|显卡价格"], Bottom),
        ("zh-Hans", &["亚洲无码精品视频|日韩在线观看|国产精品自拍|午夜福利网站|成人影院在线"], Middle),
        ("zh-Hans", &["主站蜘蛛池模板： 蜘蛛池 百度蜘蛛池 蜘蛛池出租 泛目录 站群系统 秒收录"], Bottom),
        ("zh-Hant", &["晶片｜顯示卡｜算力租賃｜GPU伺服器｜便宜顯卡｜AI股票｜半導體ETF｜伺服器租用"], Bottom),
        ("zh-Hant", &["亚洲无码精品视频|日韩在线观看|国产精品自拍|午夜福利网站|成人影院在线"], Top),
        ("zh-Hant", &["主站蜘蛛池模板： 蜘蛛池 百度蜘蛛池 蜘蛛池出租 泛目录 站群系统 秒收录"], Middle),
    ];
    run_cases(cases, &[DropReason::Spam], "spam");
}

#[test]
fn repeated_title_and_citations() {
    for (lang, title, body) in scripts() {
        let page = dump(title, body, &[title, title], At::Middle);
        let doc = clean("t", &page);
        assert_eq!(
            doc.text.matches(title).count(),
            1,
            "{lang}: title kept more than once\n{}",
            doc.text
        );
        assert!(doc
            .dropped
            .iter()
            .any(|d| d.reason == DropReason::DuplicateLine));
        check(
            &doc,
            body,
            &[],
            &[DropReason::DuplicateLine],
            &format!("title {lang}"),
        );

        let cited: Vec<String> = body
            .iter()
            .enumerate()
            .map(|(k, p)| format!("{p}[{}]", k + 1))
            .collect();
        let page = format!("{title}\n{}", cited.join("\n"));
        let doc = clean("t", &page);
        assert!(
            !doc.text.contains("[1]") && !doc.text.contains("[4]"),
            "{lang}: {}",
            doc.text
        );
        check(
            &doc,
            body,
            &[],
            &[DropReason::Citation],
            &format!("citation {lang}"),
        );
    }
}

#[test]
fn garbled_clauses_go_latin_content_stays() {
    let cases = [
        (
            "英伟达在数据中心市场的份额继续扩大，ang pag-unlad ng mga chip sa parehong oras ay mabilis，公司预计明年收入将再创新高。",
            "ang pag-unlad ng mga chip",
        ),
        (
            "AMD的MI355X加速器搭载288GB的HBM3E内存-BOOMING，单卡性能较上一代提升约2.2倍。",
            "-BOOMING",
        ),
        (
            "輝達在資料中心市場的份額持續擴大，ang pag-unlad ng mga chip sa parehong oras ay mabilis，公司預期明年營收將再創新高。",
            "ang pag-unlad ng mga chip",
        ),
    ];
    for (k, (para, junk)) in cases.iter().enumerate() {
        let hant = k == 2;
        let (title, body) = if hant {
            (scripts()[2].1, &HANT)
        } else {
            (scripts()[1].1, &HANS)
        };
        let page = format!("{title}\n{}\n{para}\n{}", body[0], body[1..].join("\n"));
        let doc = clean("t", &page);
        assert!(
            !doc.text.contains(junk),
            "case {k}: kept {junk:?}\n{}",
            doc.text
        );
        assert!(
            doc.dropped.iter().any(|d| d.reason == DropReason::Garbled),
            "case {k}: {:?}",
            doc.dropped
        );
        // Real Latin content of the article stays.
        for keep in ["HBM3E", "Blackwell", "MI355X", "AI"] {
            assert!(
                doc.text.contains(keep),
                "case {k}: lost {keep}\n{}",
                doc.text
            );
        }
    }
}
