//! General rules of the HTML front end and the metadata/disclaimer
//! detectors, on small pages written for these tests (their own sentences,
//! site names and class names) in English, Simplified and Traditional
//! Chinese: class words are matched on word parts, a wrapper holding the
//! page is never dropped, every dropped subtree is recorded, summary lists
//! and lead captions are kept, photo credits, bylines and repost notices go.

use model::DropReason;
use newsfacts_cleaner::clean;

fn page(body: &str) -> String {
    format!("<!DOCTYPE html><html><head><title>Test page</title></head><body>{body}</body></html>")
}

const EN_PARAS: &str = "<p>Acme Silicon said on Tuesday that its new inference accelerator will ship to three cloud customers in the spring, ahead of an earlier plan.</p>\
<p>The company expects the part to double throughput per watt compared with its previous generation, according to a filing with regulators.</p>\
<p>Analysts at a regional brokerage said the launch could lift the firm's data-centre revenue by a fifth next year, if supply holds up.</p>";

#[test]
fn camel_case_wrapper_with_pager_like_name_is_kept() {
    let html = page(&format!(
        r#"<div class="Layout-fullWidth Layout-pageRow"><div class="Story-body">{EN_PARAS}</div></div>"#
    ));
    let doc = clean("t", &html);
    assert!(doc.text.contains("inference accelerator"), "{}", doc.text);
    assert!(doc.text.contains("regional brokerage"));
}

#[test]
fn wrapper_holding_most_text_survives_a_chrome_class() {
    // A form around the whole page (ASP.NET style) and a wrapper whose
    // class reads as chrome still hold the article.
    let html = page(&format!(
        r#"<form id="aspnetForm"><div class="promo-layout">{EN_PARAS}</div></form><div class="side">Other</div>"#
    ));
    let doc = clean("t", &html);
    assert!(doc.text.contains("three cloud customers"), "{}", doc.text);
}

#[test]
fn a_sidebar_holding_most_of_the_text_is_still_chrome() {
    // Teasers in a sidebar can outweigh a short article; the sidebar holds
    // neither the headline nor the article element, so it goes.
    let teaser = "<p>Rival chipmaker Borealis Semi reported quarterly sales of 4.2 billion dollars, beating estimates, and raised its outlook for the year.</p>";
    let html = page(&format!(
        r#"<div class="layout"><h1>Acme ships its accelerator</h1><div class="story">{EN_PARAS}</div><aside>{}</aside></div>"#,
        teaser.repeat(6)
    ));
    let doc = clean("t", &html);
    assert!(doc.text.contains("three cloud customers"), "{}", doc.text);
    assert!(!doc.text.contains("Borealis"), "{}", doc.text);
}

#[test]
fn dropped_subtrees_are_recorded_with_a_reason() {
    let html = page(&format!(
        r#"<div class="content">{EN_PARAS}<div data-testid="promo-box"><p>Get our weekly silicon letter. Sign up now.</p></div></div>
<div class="ListSidebar-wrap"><ul><li><a href="/x">Another story about memory prices</a></li></ul></div>"#
    ));
    let doc = clean("t", &html);
    assert!(!doc.text.contains("weekly silicon letter"));
    assert!(doc
        .dropped
        .iter()
        .any(|d| d.reason == DropReason::Chrome && d.excerpt.contains("weekly silicon letter")));
    assert!(doc
        .dropped
        .iter()
        .any(|d| d.excerpt.contains("memory prices")));
}

#[test]
fn bem_element_part_decides() {
    let html = page(&format!(
        r#"<div class="story-text">{EN_PARAS}<p class="story-text__rights">Reproduction of this page without consent is not allowed by the owner.</p></div>"#
    ));
    let doc = clean("t", &html);
    assert!(doc.text.contains("throughput per watt"));
    // `rights` is not chrome vocabulary: the paragraph stays.
    assert!(doc.text.contains("Reproduction of this page"));
    let html = page(&format!(
        r#"<div class="story-text">{EN_PARAS}<p class="story-text__copyright">Text and photos belong to the publisher.</p></div>"#
    ));
    let doc = clean("t", &html);
    assert!(
        !doc.text.contains("belong to the publisher"),
        "{}",
        doc.text
    );
}

#[test]
fn summary_list_above_the_body_is_content() {
    let html = page(&format!(
        r#"<h1>Acme ships its accelerator early</h1>
<div class="col"><div class="Story-keyPoints"><ul><li>Acme moved its launch forward by a quarter.</li><li>Three cloud providers signed up first.</li></ul></div>
<div class="Player-container"><span>Watch the interview</span></div>
<div class="Story-articleBody">{EN_PARAS}</div></div>"#
    ));
    let doc = clean("t", &html);
    assert!(
        doc.text.contains("moved its launch forward"),
        "{}",
        doc.text
    );
    assert!(!doc.text.contains("Watch the interview"));
}

#[test]
fn lead_photo_caption_before_the_body_is_kept_without_its_credit() {
    let html = page(
        r#"<h1>芯片新厂投产</h1>
<div class="leadPhoto"><img src="a.jpg"><div class="picinfo">新厂房在园区内落成。（本台资料照片）</div></div>
<div class="paragraph"><p>某半导体公司今天宣布，位于沿海园区的新厂已经正式投产，首期月产能为两万片晶圆，主要生产车用与工业芯片。</p>
<p>公司表示，新厂采用自动化产线，良率已达到预期水平，明年将扩建第二期，届时产能将增加一倍，以满足客户需求。</p>
<p>业内人士认为，此举有助于缓解成熟制程芯片的供应紧张局面，并带动当地上下游企业的发展与就业。</p></div>"#,
    );
    let doc = clean("t", &html);
    assert!(doc.text.contains("新厂房在园区内落成。"), "{}", doc.text);
    assert!(!doc.text.contains("资料照片"));
}

#[test]
fn caption_credits_are_trimmed_in_three_scripts() {
    let zh_paras = "<p>该公司表示，新一代推理芯片将于明年第一季度量产，主要面向数据中心客户，单卡性能较上一代提升一倍。</p>\
<p>分析人士指出，国内云厂商对推理算力的需求持续增长，这为本土芯片企业提供了难得的市场窗口期。</p>\
<p>公司同时披露，研发投入占营收比例已超过三成，未来三年仍将保持较高水平的研发投入。</p>";
    let html = page(&format!(
        r#"<div class="article"><div class="img_box"><img src="x.jpg"><span class="img_descr">新一代推理芯片样品。图片来源：公司官网</span></div>
<p class="photo-desc">发布会现场。本报记者 李明 摄</p>{zh_paras}</div>"#
    ));
    let doc = clean("t", &html);
    assert!(doc.text.contains("新一代推理芯片样品。"), "{}", doc.text);
    assert!(!doc.text.contains("图片来源"));
    assert!(doc.text.contains("发布会现场。"));
    assert!(!doc.text.contains("李明"));

    let tw = page(
        r#"<article><figure><img src="y.jpg"><figcaption>晶圓廠外觀。圖／本報資料照</figcaption></figure>
<p>某晶圓代工廠今日表示，先進製程產能利用率維持高檔，預期明年營收將再創新高，並持續擴大海外布局。</p>
<p>公司指出，人工智慧相關訂單占比逐季上升，帶動高階封裝需求，相關產能已規畫擴充一倍以上。</p>
<p>法人認為，在客戶需求強勁下，公司毛利率有望維持在五成以上的水準，股價表現也將獲得支撐。</p></article>"#,
    );
    let doc = clean("t", &tw);
    assert!(doc.text.contains("晶圓廠外觀。"), "{}", doc.text);
    assert!(!doc.text.contains("資料照"));

    let en = page(&format!(
        r#"<article><figure><img src="z.jpg"><figcaption>Engineers test a wafer at the plant. (Photo courtesy of Acme)</figcaption></figure>
<div class="ImageEmbed-credit">Jane Roe | Getty Images</div>{EN_PARAS}</article>"#
    ));
    let doc = clean("t", &en);
    assert!(
        doc.text.contains("Engineers test a wafer at the plant."),
        "{}",
        doc.text
    );
    assert!(!doc.text.contains("courtesy"));
    assert!(!doc.text.contains("Getty"));
}

#[test]
fn reporter_bylines_are_metadata() {
    let html = page(
        r#"<article><div class="head-meta"><span>東方日報 記者林小華／高雄報導</span><time>2025-03-04 09:30</time></div>
<p>某記憶體廠商今天宣布，新一代高頻寬記憶體已通過主要客戶驗證，將於下半年開始大量出貨。</p>
<p>公司表示，新產品的傳輸速度較前一代提升約四成，功耗則降低兩成，可滿足人工智慧伺服器的需求。</p>
<p>業界預期，隨著相關需求持續升溫，記憶體價格在未來幾季仍有上漲空間，廠商獲利可望同步改善。</p></article>"#,
    );
    let doc = clean("t", &html);
    assert!(!doc.text.contains("林小華"), "{}", doc.text);
    assert!(doc.text.contains("高頻寬記憶體"));
    let hans = page(
        r#"<div id="article_body"><p>　　华南日报记者 赵一凡</p>
<p>　　一家本土芯片企业近日宣布完成新一轮融资，资金将主要用于先进封装产线建设和人才引进。</p>
<p>　　该企业负责人表示，今年以来订单量明显增加，部分产品交付周期已延长至六个月以上。</p>
<p>　　业内人士认为，先进封装正成为提升芯片性能的重要手段，相关投资热度有望持续。</p></div>"#,
    );
    let doc = clean("t", &hans);
    assert!(!doc.text.contains("赵一凡"), "{}", doc.text);
    assert!(doc.text.contains("新一轮融资"));
}

#[test]
fn repost_and_rights_notices_at_the_end_go() {
    let html = page(
        r#"<div class="post-content"><p>一家本土芯片企业近日宣布完成新一轮融资，资金将主要用于先进封装产线建设和人才引进。</p>
<p>该企业负责人表示，今年以来订单量明显增加，部分产品交付周期已延长至六个月以上。</p>
<p>业内人士认为，先进封装正成为提升芯片性能的重要手段，相关投资热度有望持续。</p>
<p>本文由某某科技评论原创，作者：张三。未经许可，请勿转载。</p></div>"#,
    );
    let doc = clean("t", &html);
    assert!(!doc.text.contains("原创"), "{}", doc.text);
    assert!(doc.text.contains("相关投资热度有望持续"));

    let hk = page(
        r#"<div class="story"><div>本港一間晶片設計公司表示，今年出貨量預計按年增長三成，主要受惠於數據中心客戶的強勁需求。</div>
<div>公司管理層指出，新一代產品已獲多家客戶採用，明年將進一步擴大研發團隊規模。</div>
<div>分析師認為，公司估值仍有上升空間，但需留意地緣政治因素對供應鏈的影響。</div>
<div>上文節錄自第321期《某某財經》月刊，原文題為《晶片新勢力》。</div></div>"#,
    );
    let doc = clean("t", &hk);
    assert!(!doc.text.contains("節錄"), "{}", doc.text);
    assert!(doc.text.contains("供應鏈的影響"));

    let en = page(&format!(
        r#"<article>{EN_PARAS}<p>This story was originally published by Example Wire and is republished with permission.</p></article>"#
    ));
    let doc = clean("t", &en);
    assert!(!doc.text.contains("originally published"), "{}", doc.text);
}

/// A paragraph printed twice is judged once: a copy of a kept paragraph is
/// a duplicate, and a copy of a notice that the chain drops goes with it,
/// wherever on the page the copy sits.
#[test]
fn repeated_paragraphs_take_their_first_copys_fate() {
    let notice = "<p>免责声明：文中观点仅属撰稿人，不构成投资建议，读者据此买卖风险自负。</p>";
    let lead =
        "<p>一家本土芯片企业近日宣布完成新一轮融资，资金将主要用于先进封装产线建设和人才引进。</p>";
    let html = page(&format!(
        r#"<div class="post-content">{lead}
<p>该企业负责人表示，今年以来订单量明显增加，部分产品交付周期已延长至六个月以上。</p>
{notice}
<p>业内人士认为，先进封装正成为提升芯片性能的重要手段，相关投资热度有望持续。</p>
{lead}
<p>另有分析指出，国内封装测试产能今年预计增长两成，设备国产化率也在提高。</p>
{notice}</div>"#
    ));
    let doc = clean("t", &html);
    assert!(!doc.text.contains("免责声明"), "{}", doc.text);
    assert_eq!(
        doc.text.matches("完成新一轮融资").count(),
        1,
        "{}",
        doc.text
    );
    assert!(doc.text.contains("相关投资热度有望持续"), "{}", doc.text);
    assert!(doc.text.contains("设备国产化率也在提高"), "{}", doc.text);
    let duplicates = doc
        .dropped
        .iter()
        .filter(|d| d.reason == DropReason::DuplicateLine)
        .count();
    assert_eq!(duplicates, 2, "{:?}", doc.dropped);
}

/// An article rendered by script: the saved DOM holds a shell, the story
/// is in JSON-LD `articleBody`.
#[test]
fn script_rendered_article_is_read_from_json_ld() {
    let body = "Acme Silicon said on Tuesday that its new inference accelerator will ship to three cloud customers in the spring.\n\nThe company expects the part to double throughput per watt compared with its previous generation, according to a filing.\n\nAnalysts said the launch could lift data-centre revenue by a fifth next year, if supply holds up.";
    let html = format!(
        r#"<!DOCTYPE html><html><head><title>Acme ships accelerator | Example News</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Acme ships accelerator","datePublished":"2025-11-04T09:30:00Z","articleBody":"{body}"}}</script>
</head><body><div id="root"><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav><p>Loading…</p></div></body></html>"#
    );
    let doc = clean("t", &html);
    assert_eq!(doc.paragraphs.len(), 3, "{}", doc.text);
    assert!(
        doc.text.starts_with("Acme Silicon said on Tuesday"),
        "{}",
        doc.text
    );
    assert!(doc.text.contains("lift data-centre revenue"));
    assert!(!doc.text.contains("Loading"));
    assert_eq!(doc.published.as_deref(), Some("2025-11-04T09:30:00Z"));
}

/// A JSON-LD `articleBody` that is only a summary never replaces a page
/// whose DOM holds the story.
#[test]
fn json_ld_summary_does_not_replace_the_dom_article() {
    let html = format!(
        r#"<!DOCTYPE html><html><head><title>Test page</title>
<script type="application/ld+json">{{"@type":"NewsArticle","articleBody":"Acme Silicon said on Tuesday that its new inference accelerator will ship to three cloud customers in the spring, ahead of an earlier plan, and more."}}</script>
</head><body><article>{EN_PARAS}</article></body></html>"#
    );
    let doc = clean("t", &html);
    assert!(doc.text.contains("regional brokerage"), "{}", doc.text);
    assert!(!doc.text.contains("and more."), "{}", doc.text);
}

/// A story whose only wrapper carries a chrome word (`share`, `promo`,
/// `sidebar`) beside enough menu and footer text that it is not "most of
/// the page": the strict reading keeps nothing, the relaxed one the story.
#[test]
fn a_story_in_a_chrome_named_wrapper_is_not_lost() {
    let menu: String = (0..40)
        .map(|i| format!(r#"<li><a href="/s/{i}">Section {i} news and more</a></li>"#))
        .collect();
    let footer = "<div class=\"legal\">Example Media Group. All rights reserved. Terms of use. Privacy policy. Cookie settings. Contact us. Advertise with us. Careers. Help centre. Accessibility. Newsletters. Corrections. Site map.</div>".repeat(3);
    for wrapper in ["share-story-body", "promoContainer", "sidebar-layout-main"] {
        let html = page(&format!(
            r#"<ul class="menu">{menu}</ul><div class="{wrapper}">{EN_PARAS}</div>{footer}"#
        ));
        let doc = clean("t", &html);
        assert!(
            doc.text.contains("inference accelerator"),
            "{wrapper}: {}",
            doc.text
        );
        assert!(
            doc.text.contains("regional brokerage"),
            "{wrapper}: {}",
            doc.text
        );
        assert!(!doc.text.contains("Section 12"), "{wrapper}: {}", doc.text);
    }
}

/// Article text shipped hidden until a script reveals it (WeChat articles
/// carry `visibility: hidden` on their content) is the article when it
/// holds most of the page's text; a small hidden box stays out.
#[test]
fn hidden_article_revealed_by_script_is_read() {
    let html = page(&format!(
        r#"<h1>Title line</h1><div id="content" style="visibility: hidden;">{EN_PARAS}<div style="display:none">Hidden popup text that nobody sees.</div></div>
<div class="comment">A reader wrote a single comment here about chips.</div>"#
    ));
    let doc = clean("t", &html);
    assert!(doc.text.contains("inference accelerator"), "{}", doc.text);
    assert!(doc.text.contains("regional brokerage"), "{}", doc.text);
    assert!(!doc.text.contains("Hidden popup"), "{}", doc.text);

    let small = page(&format!(
        r#"<article>{EN_PARAS}</article><div style="display: none">Subscribe now to read every story we publish, for one low price.</div>"#
    ));
    let doc = clean("t", &small);
    assert!(!doc.text.contains("Subscribe now"), "{}", doc.text);
}

/// Subscription walls, shopping boxes, byline blocks, timestamps, gallery
/// counters and footnote markers are named by their classes, including
/// `block--element` names whose block part reads as article.
#[test]
fn walls_shopping_boxes_bylines_and_counters_go() {
    let html = page(&format!(
        r##"<div class="story-header"><div data-component="byline-block"><div>Jane Roe</div><div>Chips correspondent</div></div>
<p class="story-meta__timestamp">Published July 9 2025</p></div>
<article>{EN_PARAS}
<div class="gallery"><div class="ds--article--slide-counter">2/5</div><p class="caption">The new accelerator board on a test bench in the lab.</p></div>
<div class="ds--commerce--deal-box"><div>Example Laptop Pro 14</div><div>$649.00 $829.00 22% off</div></div>
<p>Analysts expect shipments to triple next year.<sup class="footnote-ref"><a href="#n2">2</a></sup></p>
<div class="c-paywall__offer"><p>Read without limits</p><p>Three months for $5, then $39 a month.</p></div>
<div class="m-paybox"><div>订阅读者独享</div><div>新用户首季九元</div></div></article>"##
    ));
    let doc = clean("t", &html);
    for gone in [
        "Chips correspondent",
        "Published July",
        "2/5",
        "Laptop Pro",
        "without limits",
        "$39 a month",
        "订阅读者独享",
        "year.2",
    ] {
        assert!(!doc.text.contains(gone), "{gone}: {}", doc.text);
    }
    assert!(doc.text.contains("test bench in the lab"), "{}", doc.text);
    assert!(doc.text.contains("triple next year."), "{}", doc.text);
}

#[test]
fn data_table_rows_read_as_lines() {
    let html = page(&format!(
        r#"<article>{EN_PARAS}<table><tr><th>Model</th><th>Power</th></tr><tr><td>A100</td><td>400W</td></tr><tr><td>B1</td><td>1,200W</td></tr></table></article>"#
    ));
    let doc = clean("t", &html);
    assert!(doc.text.contains("B1 1,200W"), "{}", doc.text);
}

#[test]
fn screen_reader_only_text_is_not_shown() {
    let html = page(&format!(
        r#"<article><h2 class="Story-srOnly">listen now</h2>{EN_PARAS}<span class="visually-hidden">skip to footer</span></article>"#
    ));
    let doc = clean("t", &html);
    assert!(!doc.text.contains("listen now"));
    assert!(!doc.text.contains("skip to footer"));
}

#[test]
fn a_findings_box_inside_the_article_stays_and_a_complementary_rail_goes() {
    let findings = r#"<div class="key-findings" role="complementary"><h2>Key Findings</h2><ul><li>Acme has shipped three accelerator generations since 2022, each within months of a rule change.</li><li>Packaging, not wafers, is the tightest constraint on its output next year.</li></ul></div>"#;
    let rail = r#"<div class="rail" role="complementary"><p>Borealis Semi beat estimates on strong memory sales, its chief executive said in a call.</p></div>"#;
    let html = page(&format!(
        r#"<article><h1>Acme ships its accelerator</h1>{findings}{EN_PARAS}{rail}</article>"#
    ));
    let doc = clean("t", &html);
    assert!(
        doc.text.contains("three accelerator generations"),
        "{}",
        doc.text
    );
    assert!(doc.text.contains("three cloud customers"), "{}", doc.text);
    assert!(!doc.text.contains("Borealis"), "{}", doc.text);
}

#[test]
fn the_locked_rest_of_an_article_under_a_fade_stays_and_a_hidden_clone_goes() {
    let locked = "<div class=\"paywall-content paywall-fade\" aria-hidden=\"true\"><p>Acme also plans a second packaging line next year, its finance chief told investors on a call.</p></div>";
    let clone = "<div class=\"carousel-clone\" aria-hidden=\"true\"><p>Borealis Semi beat estimates on memory sales.</p></div>";
    let html = page(&format!(
        r#"<article><h1>Acme ships its accelerator</h1>{EN_PARAS}<div class="paywall-box"><p>Become a member to read on.</p></div>{locked}{clone}</article>"#
    ));
    let doc = clean("t", &html);
    assert!(doc.text.contains("second packaging line"), "{}", doc.text);
    assert!(!doc.text.contains("Borealis"), "{}", doc.text);
}

#[test]
fn an_encyclopedias_note_markers_and_print_hidden_tags_leave_the_text() {
    let html = page(
        r##"<div class="mw-parser-output"><p>The chip pairs two dies on one package, each made on a custom process.<sup class="reference"><a href="#cite_note-efn1">[註 1]</a></sup> The dies share one memory space.<sup class="noprint Template-Fact">[<i><a href="/wiki/Help:Cite">citation needed</a></i>]</sup></p>
<p>Each package draws about a kilowatt under load, and a rack holds seventy-two of them.<sup class="reference"><a href="#cite_note-3">[3]</a></sup></p>
<p>Supply is limited by advanced packaging and high-bandwidth memory capacity this year.</p></div>"##,
    );
    let doc = clean("t", &html);
    assert!(
        doc.text.contains("custom process. The dies"),
        "{}",
        doc.text
    );
    assert!(!doc.text.contains("註"), "{}", doc.text);
    assert!(!doc.text.contains("citation needed"), "{}", doc.text);
}

#[test]
fn blurbs_under_related_links_in_one_paragraph_go_and_a_paragraph_after_links_stays() {
    let related = r#"<p><strong>Related Reading</strong><br><a href="/a">Glass Substrates: Promise And Pitfalls</a><br>Borealis and Example Glass are ramping pilot lines.<br><a href="/b">Cooling A 3kW Package</a><br>Microfluidic channels could remove three times more heat.</p>"#;
    let html = page(&format!(
        r#"<article><h1>Acme ships its accelerator</h1>{EN_PARAS}{related}</article>"#
    ));
    let doc = clean("t", &html);
    assert!(doc.text.contains("three cloud customers"), "{}", doc.text);
    assert!(!doc.text.contains("Borealis"), "{}", doc.text);
    assert!(!doc.text.contains("Microfluidic"), "{}", doc.text);
    let box_then_text = r#"<div class="story"><span>【相關新聞】</span><br><a href="/x">某公司通過聆訊 最快下月掛牌</a><br><a href="/y">某公司季績收入急增</a><br><br>分析指，出口限制收緊後，國產晶片的市場空間明顯擴大，份額有望由三成升至五成。</div>"#;
    let html = page(&format!(
        r#"<article><h1>某公司上市</h1>{box_then_text}<p>某公司表示，新一代推理晶片將於明年量產，首批客戶包括三家雲端業者。</p></article>"#
    ));
    let doc = clean("t", &html);
    assert!(doc.text.contains("國產晶片的市場空間"), "{}", doc.text);
}

#[test]
fn a_donation_box_inside_the_article_and_a_closing_bio_box_go() {
    let zh = "<p>嘉義園區的先進封裝廠第一期廠房已於去年底完工，第二期預計明年投產，屆時月產能將再增加三成。</p>\
<p>地方政府表示，園區用水將優先採用再生水，並與水利單位協調枯水期的調度，確保農業灌溉不受影響。</p>\
<p>業者坦言，電力與人力才是更大的挑戰，夜班工程師的招募已經比去年更加困難，薪資也持續上漲。</p>";
    let html = page(&format!(
        r#"<article><div class="article-body">{zh}<div class="donation-box__Container-sc-1a2b"><p>獨立調查需要你的力量</p><p>本站不接受政府與政黨的資金，每月小額捐款就能支持我們。</p></div>{EN_PARAS}<h3>About the interviewee</h3><p>Jane Roe is co-founder of Example Compute and spent 11 years at a chip designer.</p></div></article>"#
    ));
    let doc = clean("t", &html);
    assert!(doc.text.contains("第二期預計明年投產"), "{}", doc.text);
    assert!(doc.text.contains("regional brokerage"), "{}", doc.text);
    assert!(!doc.text.contains("獨立調查需要你的力量"), "{}", doc.text);
    assert!(!doc.text.contains("About the interviewee"), "{}", doc.text);
    assert!(!doc.text.contains("Jane Roe"), "{}", doc.text);
}

#[test]
fn a_post_set_as_plain_text_in_a_div_is_read_line_by_line() {
    // A board post shown with `white-space: pre`: text nodes with line
    // breaks and blank lines, no `<p>`; its template lines and replies go.
    let html = page(
        r#"<div id="main" class="bbs-content"><span class="meta">作者 someone</span>
1.媒體來源:
<span class="note">※ 例如某某日報</span>
某某時報

4.完整新聞內文:
<span class="note">※ 社論特稿都不能貼！</span>
某某公司執行長昨日表示，新一代加速器將於今年第三季開始出貨，並採用最先進的製程量產，成為業界首款量產的資料中心晶片。

根據公司公布的規格，新晶片搭載大容量高頻寬記憶體，記憶體頻寬較上一代提升近一倍，算力也同步提升，客戶反應熱烈。

法人分析，公司在加速器市場的市占率目前約為百分之七，若新系統如期放量，明年有機會拉升至百分之十五左右。
</div>"#,
    );
    let doc = clean("t", &html);
    let lines: Vec<&str> = doc.text.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("根據公司公布的規格") && l.ends_with("客戶反應熱烈。")),
        "{}",
        doc.text
    );
    assert!(
        lines.iter().any(|l| l.starts_with("某某公司執行長")),
        "{}",
        doc.text
    );
    // Prose in ordinary markup is not split at its source line breaks.
    let html = page(&format!(
        "<article><p>Acme Silicon said on Tuesday that its new\ninference accelerator will ship to three cloud customers.</p>{EN_PARAS}</article>"
    ));
    let doc = clean("t", &html);
    assert!(
        doc.text.contains("its new inference accelerator"),
        "{}",
        doc.text
    );
}

#[test]
fn a_converted_pdfs_pages_are_all_the_article() {
    // pdf2htmlEX: each page a `pf` container, each visual line a div;
    // the statement runs on over its page breaks.
    let line = |t: &str| format!(r#"<div class="t m0 x1 h2 y3 ff1 fs0">{t}</div>"#);
    let page = |n: usize, lines: &[&str]| {
        let body: String = lines.iter().map(|l| line(l)).collect();
        format!(
            r#"<div id="pf{n}" class="pf w0 h0" data-page-no="{n}"><div class="pc pc{n} w0 h0">{body}</div></div>"#
        )
    };
    let html = format!(
        r#"<html><body><div id="page-container">{}{}{}</div></body></html>"#,
        page(1, &[
            "The agency today announced final determinations on 214 pending license applications,",
            "covering integrated circuits and computers with a combined declared value of",
            "approximately $19.6 billion. It approved 131 applications and denied 58 of them.",
        ]),
        page(2, &[
            "Together, the approved licenses cover up to 410,000 accelerator chips, which the agency",
            "estimates is less than 8 percent of the capacity installed at the end of last year.",
        ]),
        page(3, &[
            "Denials include every application naming end users that operate data centers for",
            "defense conglomerates, and requests for more than 100,000 units to one consignee.",
        ]),
    );
    let doc = clean("t", &html);
    assert!(
        doc.text.contains("approved 131 applications"),
        "{}",
        doc.text
    );
    assert!(
        doc.text.contains("410,000 accelerator chips"),
        "{}",
        doc.text
    );
    assert!(
        doc.text.contains("100,000 units to one consignee"),
        "{}",
        doc.text
    );
}
