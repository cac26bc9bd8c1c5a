//! Small HTML pages, one or more per kind of noise, in English, Simplified
//! and Traditional Chinese. Each checks what must stay and what must go.

use model::{DropReason, Lang};
use newsfacts_cleaner::{clean, detect_kind, InputKind};

fn has_reason(doc: &model::CleanDoc, r: DropReason) -> bool {
    doc.dropped.iter().any(|d| d.reason == r)
}

const EN_PAGE: &str = r##"<!DOCTYPE html><html><head>
<title>Nvidia books record data-center sales - Chip Ledger</title>
<meta property="og:title" content="Nvidia books record data-center sales">
<meta property="article:published_time" content="2025-11-19T21:05:00Z">
</head><body>
<header class="site-header"><a href="/">Chip Ledger</a><nav><a href="/news">News</a> <a href="/chips">Chips</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience.</div>
<main><article>
<h1>Nvidia books record data-center sales</h1>
<p class="byline">By Jane Doe</p>
<div class="share-tools"><a href="#">Share</a> <a href="#">Tweet</a></div>
<p>Nvidia reported data-center revenue of $51.2 billion for the quarter, up 66% from a year earlier, as cloud providers kept buying its Blackwell systems.</p>
<p>The company said its GB300 racks now account for about two thirds of Blackwell revenue, and that supply of HBM3E memory remains tight.</p>
<div class="ad-slot">Advertisement</div>
<h2>Outlook</h2>
<p>For the next quarter Nvidia guided revenue to $65 billion, plus or minus 2%, ahead of analysts' estimates of $61.7 billion.</p>
<aside class="related"><h3>Related</h3><ul>
<li><a href="/a">AMD unveils MI450 with 432GB of HBM4</a></li>
<li><a href="/b">Intel delays Falcon Shores again</a></li>
<li><a href="/c">Broadcom lands a $10 billion custom-chip order</a></li></ul></aside>
</article></main>
<section id="comments"><h3>42 Comments</h3><p>Great, buy the stock now, it will double by Friday!</p></section>
<footer><p>© 2025 Chip Ledger Media. All rights reserved.</p><p><a href="/privacy">Privacy</a></p></footer>
</body></html>"##;

#[test]
fn english_article_keeps_body_and_drops_chrome() {
    assert_eq!(detect_kind(EN_PAGE), InputKind::Html);
    let doc = clean("en", EN_PAGE);
    assert_eq!(doc.lang, Lang::En);
    assert_eq!(
        doc.title.as_deref(),
        Some("Nvidia books record data-center sales")
    );
    assert_eq!(doc.published.as_deref(), Some("2025-11-19T21:05:00Z"));
    assert!(
        doc.text.starts_with("Nvidia reported data-center revenue"),
        "{}",
        doc.text
    );
    assert!(!doc.text.contains("Nvidia books record"));
    for keep in [
        "data-center revenue of $51.2 billion",
        "GB300 racks now account",
        "Outlook",
        "guided revenue to $65 billion",
    ] {
        assert!(doc.text.contains(keep), "lost {keep:?} in {}", doc.text);
    }
    for gone in [
        "cookies",
        "Jane Doe",
        "Tweet",
        "Advertisement",
        "MI450",
        "Falcon Shores",
        "buy the stock",
        "All rights reserved",
        "Privacy",
        "News",
    ] {
        assert!(!doc.text.contains(gone), "kept {gone:?} in {}", doc.text);
    }
}

const HANS_PAGE: &str = r#"<html><head><meta charset="utf-8"><title>摩尔线程发布新一代GPU 单卡算力提升三倍_科技频道_某某网</title>
<meta name="publishdate" content="2025-12-20 10:30:00"></head><body>
<div class="top-menu"><a href="/">首页</a> <a href="/tech">科技</a> <a href="/fin">财经</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/tech">科技</a> &gt; 正文</div>
<div class="main-left">
<h1>摩尔线程发布新一代GPU 单卡算力提升三倍</h1>
<div class="info">2025-12-20 10:30 来源：某某网 作者：李明</div>
<div class="content">
摩尔线程在北京举行发布会，正式推出新一代全功能GPU，单卡FP8算力达到1000 TFLOPS，较上一代提升三倍。<br>
公司创始人张建中表示，新产品采用自研MUSA架构，支持万卡级集群训练，已获得多家智算中心订单。<br><br>
据介绍，新一代GPU配备96GB显存，显存带宽达到3.2TB/s，预计将于2026年第一季度量产。
<p>（责任编辑：王芳）</p>
</div>
<div class="tags">标签：AI芯片,GPU,GPU排行榜,显卡天梯图,算力租赁,免费云服务器,云服务器优惠</div>
</div>
<div class="sidebar"><h3>热门文章</h3><ul><li><a href="/1">英伟达市值突破5万亿美元</a></li><li><a href="/2">华为发布昇腾新品</a></li></ul></div>
<div class="footer"><p>免责声明：本站内容仅供参考，不构成投资建议。</p><p>联系电话：010-12345678</p></div>
</body></html>"#;

#[test]
fn simplified_div_page_with_br_paragraphs() {
    let doc = clean("hans", HANS_PAGE);
    assert_eq!(doc.lang, Lang::ZhHans);
    assert_eq!(
        doc.title.as_deref(),
        Some("摩尔线程发布新一代GPU 单卡算力提升三倍")
    );
    assert_eq!(doc.published.as_deref(), Some("2025-12-20T10:30:00"));
    let lines: Vec<&str> = doc.text.lines().collect();
    assert_eq!(lines.len(), 3, "{}", doc.text);
    assert!(lines[0].starts_with("摩尔线程在北京举行发布会"));
    assert!(doc.text.contains("显存带宽达到3.2TB/s"));
    for gone in [
        "当前位置",
        "来源：",
        "责任编辑",
        "标签",
        "热门文章",
        "英伟达市值",
        "免责声明",
        "010-12345678",
    ] {
        assert!(!doc.text.contains(gone), "kept {gone:?} in {}", doc.text);
    }
}

const HANT_PAGE: &str = r#"<!doctype html><html><head><title>台積電先進封裝產能明年倍增 | 某財經網</title></head><body>
<nav class="menu"><a>即時</a><a>財經</a><a>科技</a></nav>
<div id="news-body">
<h1>台積電先進封裝產能明年倍增</h1>
<time datetime="2025-10-17T08:00:00+08:00">2025年10月17日</time>
<div class="share">分享到 Facebook 分享 120</div>
<p>台積電表示，受惠於人工智慧需求強勁，CoWoS先進封裝產能明年將再擴充一倍，月產能上看9萬片。</p>
<p>法人指出，輝達仍是最大客戶，包下約六成產能；超微與博通的訂單也持續增加。</p>
<figure><img src="x.jpg"><figcaption>▲台積電竹南先進封裝廠</figcaption></figure>
<p>台積電預估，AI加速器營收在2024年至2029年的年複合成長率將達到40%以上。</p>
<div class="extend"><h4>延伸閱讀</h4><ul><li><a href="/1">鴻海AI伺服器營收季增逾170%</a></li><li><a href="/2">聯發科攜手輝達打造超級晶片</a></li><li><a href="/3">廣達第三季每股賺4.2元</a></li></ul></div>
<p>亚洲无码精品|日韩av在线观看|国产成人免费视频|久久精品一区二区|成人福利影院|欧美激情</p>
</div>
<div class="copyright">© 2025 某財經網 版權所有，禁止轉載</div>
</body></html>"#;

#[test]
fn traditional_page_drops_related_spam_and_copyright() {
    let doc = clean("hant", HANT_PAGE);
    assert_eq!(doc.lang, Lang::ZhHant);
    assert_eq!(doc.published.as_deref(), Some("2025-10-17T08:00:00+08:00"));
    assert_eq!(doc.title.as_deref(), Some("台積電先進封裝產能明年倍增"));
    assert!(doc.text.starts_with("台積電表示"), "{}", doc.text);
    for keep in [
        "月產能上看9萬片",
        "包下約六成產能",
        "▲台積電竹南先進封裝廠",
        "年複合成長率將達到40%以上",
    ] {
        assert!(doc.text.contains(keep), "lost {keep:?} in {}", doc.text);
    }
    for gone in [
        "分享",
        "延伸閱讀",
        "鴻海",
        "聯發科",
        "廣達",
        "无码",
        "久久",
        "版權所有",
        "即時",
    ] {
        assert!(!doc.text.contains(gone), "kept {gone:?} in {}", doc.text);
    }
    assert!(has_reason(&doc, DropReason::Spam));
}

#[test]
fn citation_markers_in_html() {
    let page = r#"<html><body><article><h1>HBM explained</h1>
<p>High Bandwidth Memory stacks DRAM dies on a base die.<sup>[1]</sup> HBM3E reaches 1.2 TB/s per stack.<sup>[2][3]</sup></p>
<p>SK hynix was the first supplier to ship HBM3E in volume, followed by Micron and Samsung.[4]</p>
</article></body></html>"#;
    let doc = clean("cite", page);
    assert!(!doc.text.contains('['), "{}", doc.text);
    assert!(doc.text.contains("HBM3E reaches 1.2 TB/s per stack."));
    assert!(has_reason(&doc, DropReason::Citation));
}

#[test]
fn tagalog_debris_inside_simplified_html() {
    let page = r#"<html><body><div class="article-content">
<p>英伟达发布了新一代芯片,Ayon sa kumpanya ang mga bagong chip ay mas mabilis 性能提升三成。公司表示将在2026年量产。</p>
<p>分析师认为,国产AI芯片的市场份额将继续扩大,华为、寒武纪和摩尔线程都在加快推出新产品以满足需求。</p>
</div></body></html>"#;
    let doc = clean("tl", page);
    assert!(!doc.text.contains("kumpanya"), "{}", doc.text);
    assert!(doc.text.contains("性能提升三成"));
    assert!(doc.text.contains("英伟达发布了新一代芯片"));
    assert!(has_reason(&doc, DropReason::Garbled));
}

#[test]
fn text_dump_related_feed_and_channel_blocks() {
    let page = "寒武纪发布新芯片\n\n寒武纪今日发布了新一代云端训练芯片,性能较上一代提升两倍,已开始向客户送样,预计明年量产。\n\
公司表示,新芯片采用先进封装技术,配备更大容量的HBM显存,能够支持更大规模的模型训练任务。\n\
相关推荐\n某明星官宣离婚,网友炸锅了\n某明星官宣离婚,网友炸锅了\n娱乐小编\n2025-12-29 16:16:22\n\
科技要闻\n手机厂商开始卷卫星通信\n";
    let doc = clean("dump", page);
    assert_eq!(doc.text.lines().count(), 3, "{}", doc.text);
    assert!(has_reason(&doc, DropReason::RelatedLinks));
}

#[test]
fn the_lead_pictures_caption_before_the_body_container_is_kept() {
    let para = "The commission approved the first export licences for the accelerator on Tuesday, two officials familiar with the decision said, covering about 80,000 units for a dozen buyers.";
    let page = format!(
        r##"<html><head><title>Licences approved</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/tech">Tech</a></nav>
<div class="page"><div class="story">
<header class="story-header"><h1>Licences approved</h1>
<div class="social-share"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a> <span class="share-count">148</span></div></header>
<figure class="story-media"><div class="player"><span class="player-title">Watch: licences explained</span></div>
<figcaption class="story-media__caption"><span class="caption-text">FILE - Accelerator boards on display at a trade show in Taipei, May 20, 2025.</span></figcaption></figure>
<div class="article-content article-body"><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p></div>
<div class="trending"><h3>Trending stories</h3><ul><li><a href="/1">Snow totals for the weekend in nine counties</a></li><li><a href="/2">Lottery jackpot climbs again</a></li></ul></div>
</div></div></body></html>"##
    );
    let doc = clean("en", &page);
    assert!(
        doc.text.starts_with("FILE - Accelerator boards on display"),
        "{}",
        doc.text
    );
    assert!(!doc.text.contains("Snow totals"), "{}", doc.text);
}

#[test]
fn footnote_markers_and_an_endnotes_list_go() {
    let p = "Controls on advanced computing chips have been revised six times since 2022, and each revision was followed by a compliant product within months.";
    let page = format!(
        r##"<html><body><article><h1>Export controls and the accelerator supply chain</h1>
<p>{p}<sup><a href="#fn1">1</a></sup></p><p>Second: {p}<sup><a href="#fn2">2</a></sup></p><p>Third: {p}</p><p>Fourth: {p}</p>
<h2>Endnotes</h2><ol>
<li id="fn1">Bureau of Industry and Security, Federal Register 87, no. 197 (2022). <a href="#r1">↩</a></li>
<li id="fn2">Company filing, Form 10-Q, April 2025. <a href="#r2">↩</a></li>
<li id="fn3">Ministry press statement, July 14, 2025. <a href="#r3">↩</a></li>
</ol></article></body></html>"##
    );
    let doc = clean("t.html", &page);
    assert!(doc.text.contains("within months."), "{}", doc.text);
    assert!(
        !doc.text.contains("months.1") && !doc.text.contains("months.2"),
        "{}",
        doc.text
    );
    assert!(
        !doc.text.contains("Federal Register") && !doc.text.contains("Endnotes"),
        "{}",
        doc.text
    );
}

#[test]
fn a_markdown_clip_is_read_as_a_page() {
    let p = "SK hynix shipped about 62% of the industry's HBM bits in the fourth quarter, and its [HBM4](https://example.com/hbm4) stacks passed qualification.";
    let page = format!(
        "---\ntitle: \"The HBM crunch\"\nsource: \"https://example.com/s\"\n---\n# The HBM crunch\n\n![A tray of stacks](https://example.com/a.jpg)\n\n{p}\n\n{p}\n\n{p}\n\n## More from Example\n\n- [Another story about chips](https://example.com/1)\n- [A third story about chips](https://example.com/2)\n"
    );
    let doc = clean("t.md", &page);
    assert!(doc.text.contains("its HBM4 stacks passed"), "{}", doc.text);
    assert!(
        !doc.text.contains("](") && !doc.text.contains("source:"),
        "{}",
        doc.text
    );
}
