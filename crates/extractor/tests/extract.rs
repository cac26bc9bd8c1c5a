//! Behaviour of the extractor on sentences in the three scripts, most of
//! them taken from the seed articles' gold annotations.

use model::{Fact, Qualifier, Token, TokenKind};
use newsfacts_extractor::{ConfigError, Extractor};
use std::sync::OnceLock;

fn ex() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::bundled().expect("bundled config loads"))
}

/// Tokens from a pre-segmented string: words separated by `|`.
fn segmented(s: &str) -> (String, Vec<Token>) {
    let mut text = String::new();
    let mut tokens = Vec::new();
    for w in s.split('|') {
        let start = text.len();
        text.push_str(w);
        let kind = match w.chars().next() {
            Some(c) if c.is_ascii_digit() => TokenKind::Number,
            Some(c) if c.is_ascii_alphabetic() => TokenKind::Latin,
            Some(c) if c.is_whitespace() => TokenKind::Space,
            _ => TokenKind::Han,
        };
        tokens.push(Token {
            start,
            end: text.len(),
            kind,
        });
    }
    (text, tokens)
}

fn companies(text: &str) -> Vec<(String, String)> {
    ex().extract(text, &[])
        .into_iter()
        .filter_map(|f| match f {
            Fact::Company {
                canonical, surface, ..
            } => Some((canonical, surface)),
            _ => None,
        })
        .collect()
}

fn company_names(text: &str) -> Vec<String> {
    companies(text).into_iter().map(|c| c.0).collect()
}

fn chips(text: &str) -> Vec<String> {
    ex().extract(text, &[])
        .into_iter()
        .filter_map(|f| match f {
            Fact::Chip { canonical, .. } => Some(canonical),
            _ => None,
        })
        .collect()
}

#[derive(Debug, PartialEq)]
struct Fig {
    surface: String,
    value: f64,
    max: Option<f64>,
    unit: String,
    qualifier: Option<Qualifier>,
    about: Option<String>,
}

fn figures(text: &str) -> Vec<Fig> {
    ex().extract(text, &[])
        .into_iter()
        .filter_map(|f| match f {
            Fact::Figure {
                surface,
                value,
                value_max,
                unit,
                qualifier,
                about,
                ..
            } => Some(Fig {
                surface,
                value,
                max: value_max,
                unit,
                qualifier,
                about,
            }),
            _ => None,
        })
        .collect()
}

/// The only figure of `text`: (value, unit).
fn one(text: &str) -> (f64, String) {
    let f = figures(text);
    assert_eq!(f.len(), 1, "{text}: {f:?}");
    (f[0].value, f[0].unit.clone())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn assert_fig(text: &str, value: f64, unit: &str) {
    let (v, u) = one(text);
    assert!(close(v, value), "{text}: value {v} != {value}");
    assert_eq!(u, unit, "{text}");
}

// ------------------------------------------------------------- companies

#[test]
fn company_aliases_in_three_scripts_map_to_one_canonical_name() {
    for text in [
        "英伟达发布新品",
        "英偉達發布新品",
        "NVIDIA released",
        "Nvidia said",
        "shares of nvidia fell",
    ] {
        assert_eq!(company_names(text), vec!["NVIDIA"], "{text}");
    }
    assert_eq!(
        company_names("寒武紀和摩爾線程"),
        vec!["Cambricon", "Moore Threads"]
    );
    assert_eq!(
        company_names("寒武纪和摩尔线程"),
        vec!["Cambricon", "Moore Threads"]
    );
    assert_eq!(
        company_names("Cambricon and Moore Threads"),
        vec!["Cambricon", "Moore Threads"]
    );
}

#[test]
fn machine_translation_variants_are_aliases() {
    assert_eq!(
        company_names("Wallen Technology and Jiyue Star"),
        vec!["Biren Technology", "StepFun"]
    );
    assert_eq!(company_names("Haiguang Information’s DCU"), vec!["Hygon"]);
    assert_eq!(
        company_names("国产芯片如Cambrian 和华为"),
        vec!["Cambricon", "Huawei"]
    );
    assert_eq!(
        company_names("彼仁科技与速源"),
        vec!["Biren Technology", "Enflame"]
    );
}

#[test]
fn latin_aliases_need_word_boundaries() {
    assert!(company_names("Artificial Intelligence is here").is_empty());
    assert!(company_names("the AMDs of the world").is_empty());
    assert_eq!(company_names("Intel’s 20A process"), vec!["Intel"]);
    assert_eq!(company_names("AMD’s MI300X"), vec!["AMD"]);
}

#[test]
fn ambiguous_latin_aliases_need_their_case() {
    assert_eq!(company_names("Meta plans more data centers"), vec!["Meta"]);
    assert!(company_names("meta data and metadata").is_empty());
    assert_eq!(
        company_names("ASE and Samsung offer"),
        vec!["ASE Technology", "Samsung"]
    );
    assert!(company_names("we use ase here").is_empty());
    assert!(company_names("5 microns wide").is_empty());
    assert_eq!(company_names("Micron shipped"), vec!["Micron"]);
    assert!(company_names("an apple a day").is_empty());
}

#[test]
fn chinese_aliases_do_not_fire_inside_other_words() {
    // no tokens: the 上海 blocker wins the leftmost-longest match
    assert!(company_names("上海光机所发布").is_empty());
    assert_eq!(company_names("海光信息发布"), vec!["Hygon"]);
    // with tokens: a match must start on a token boundary
    let (text, tokens) = segmented("他|在|上海|光|谷");
    let facts = ex().extract(&text, &tokens);
    assert!(facts.is_empty(), "{facts:?}");
    let (text, tokens) = segmented("高通量|测序");
    assert!(ex().extract(&text, &tokens).is_empty());
    let (text, tokens) = segmented("高通|发布|新|芯片");
    let facts = ex().extract(&text, &tokens);
    assert!(matches!(&facts[0], Fact::Company { canonical, .. } if canonical == "Qualcomm"));
}

#[test]
fn longest_alias_wins() {
    let c = companies("摩爾線程智能科技(北京)股份有限公司");
    assert_eq!(c[0].0, "Moore Threads");
    assert_eq!(
        companies("SK海力士")[0],
        ("SK hynix".to_string(), "SK海力士".to_string())
    );
}

#[test]
fn company_fact_has_character_offsets_and_sentence() {
    let text = "第一句。英偉達發布了H200,市場反應熱烈!";
    let facts = ex().extract(text, &[]);
    match &facts[0] {
        Fact::Company {
            start,
            end,
            sentence,
            surface,
            ..
        } => {
            assert_eq!((*start, *end), (4, 7));
            assert_eq!(surface, "英偉達");
            assert_eq!(sentence, "英偉達發布了H200,市場反應熱烈!");
        }
        other => panic!("{other:?}"),
    }
}

// ------------------------------------------------------------------ chips

#[test]
fn gazetteer_chips_in_three_scripts() {
    assert_eq!(chips("以英偉達H100 GPU為例"), vec!["NVIDIA H100"]);
    assert_eq!(chips("芯片思元370為例"), vec!["Cambricon MLU370"]);
    assert_eq!(chips("MLU370 delivers"), vec!["Cambricon MLU370"]);
    assert_eq!(chips("昆侖芯R200可提供"), vec!["Kunlunxin R200"]);
    assert_eq!(chips("▲清微智能AI算力芯片TX81"), vec!["TsingMicro TX81"]);
    assert_eq!(
        chips("Haiguang Information’s Deep Computing No. 2, based on"),
        vec!["Hygon DCU Shensuan-2"]
    );
}

#[test]
fn pattern_chips_not_in_the_gazetteer() {
    assert_eq!(chips("昇腾950PR将于明年推出"), vec!["Huawei Ascend 950PR"]);
    assert_eq!(chips("Ascend 980 is planned"), vec!["Huawei Ascend 980"]);
    assert_eq!(chips("思元590"), vec!["Cambricon MLU590"]);
    assert_eq!(
        chips("Google TPU v8 and MI500X"),
        vec!["Google TPU v8", "AMD Instinct MI500X"]
    );
    assert_eq!(chips("Trainium4 launched"), vec!["AWS Trainium4"]);
    assert_eq!(chips("Gaudi 4 ships"), vec!["Intel Gaudi 4"]);
    assert_eq!(chips("H900 rumours"), vec!["NVIDIA H900"]);
    assert_eq!(
        chips("高通近期发布了基于4nm工艺的第四代骁龙8S。"),
        vec!["Qualcomm Snapdragon 8S Gen 4"]
    );
    assert_eq!(chips("m Core I7-1370P工艺"), vec!["Intel Core i7-1370P"]);
}

#[test]
fn chip_glued_to_digits_and_lower_case_suffix() {
    assert_eq!(
        chips("将于第一季度推出Ascend 950PR2026年"),
        vec!["Huawei Ascend 950PR"]
    );
    assert_eq!(chips("; 20Ascend 970于2028年"), vec!["Huawei Ascend 970"]);
    assert_eq!(chips("Ascend 950dt 是"), vec!["Huawei Ascend 950DT"]);
    assert_eq!(chips("H100s are scarce"), vec!["NVIDIA H100"]);
}

#[test]
fn systems_architectures_and_memory_are_not_chips() {
    assert!(chips("Huawei showcasing its Ascend 384 supernode").is_empty());
    assert!(chips("华为提出的升腾CloudMatrix 384超级节点").is_empty());
    assert!(chips("NVIDIA NVL72 and GB200 NVL72 racks").is_empty());
    assert!(chips("Huawei’s Ascend Atlas 900 has achieved").is_empty());
    assert!(chips("Blackwell and Hopper use HBM3E and GDDR6").is_empty());
    assert!(chips("CUDA 11.6 API, V3.2, GH2O").is_empty());
    assert!(chips("the A1000 and XH100").is_empty());
}

#[test]
fn a_cluster_of_chips_still_names_the_chip() {
    assert_eq!(chips("百度昆仑芯P800集群规模达3万卡"), ["Kunlunxin P800"]);
    assert_eq!(chips("a 100,000-GPU H100 cluster"), ["NVIDIA H100"]);
    assert_eq!(chips("輝達H200叢集"), ["NVIDIA H200"]);
}

#[test]
fn taiwan_and_mainland_names_of_amd_and_supermicro() {
    assert_eq!(company_names("超微（AMD）MI355X"), ["AMD", "AMD"]);
    assert_eq!(company_names("美超微伺服器出貨"), ["Supermicro"]);
    assert_eq!(company_names("Groq's LPU"), ["Groq"]);
    assert_eq!(
        chips("Groq's LPU and 平頭哥真武810E"),
        ["Groq LPU", "T-Head PPU"]
    );
}

// ---------------------------------------------------------------- figures

#[test]
fn chinese_money_with_scales() {
    assert_fig("總市值達到3298.82億元", 329_882_000_000.0, "CNY");
    assert_fig("拥有4.5万亿美元市值", 4.5e12, "USD");
    assert_fig("花费了 70 亿美元", 7e9, "USD");
    assert_fig("仅为 29.4 万美元", 294_000.0, "USD");
    assert_fig("约合21万亿元人民币", 2.1e13, "CNY");
    assert_fig("開盤價為700.00元/股", 700.0, "CNY/share");
    assert_fig("新台币1兆元", 1e12, "TWD");
    // a money rate names what it is paid for
    assert_fig("rented at $2.40 per GPU-hour", 2.4, "USD/GPU-hour");
    assert_fig("power at $0.09 per kWh", 0.09, "USD/kWh");
}

#[test]
fn english_money() {
    assert_fig("reached $15 billion in 2023", 15e9, "USD");
    assert_fig("a total of 5 billion yuan", 5e9, "CNY");
    assert_fig("selling at $15 per GB", 15.0, "USD/GB");
    assert_fig("raised US$2.5bn", 2.5e9, "USD");
    assert_fig("worth €3 million", 3e6, "EUR");
}

#[test]
fn percent_points_and_multiples() {
    assert_fig("year-on-year increase of 58%", 58.0, "%");
    assert_fig("股價大漲687.79%", 687.79, "%");
    assert_fig("毛利率提升3个百分点", 3.0, "pp");
    assert_fig("效能高5倍", 5.0, "x");
    assert_fig("achieving an 8-fold increase", 8.0, "x");
    assert_fig("more than 5 times that of GDDR6", 5.0, "x");
    assert_fig("a 3x speedup", 3.0, "x");
    assert_fig("增长了三倍", 3.0, "x");
    assert_fig("占比达百分之五十", 50.0, "%");
}

#[test]
fn compute_bytes_power_and_lengths() {
    assert_fig("FP16 computing power of 280 TFLOPS", 280.0, "TFLOPS");
    assert_fig("總算力達到300pflops", 300.0, "PFLOPS");
    assert_fig("智算算力突破12000P,", 12000.0, "PFLOPS");
    assert_fig("相當于260萬億TeraFLOPS", 2.6e14, "TFLOPS");
    assert_fig("energy efficiency ratio of 20TOPS/W", 20.0, "TOPS/W");
    assert_fig("最大算力高達256TOPS(INT8)", 256.0, "TOPS");
    assert_fig("equipped with 80GB HBM3", 80.0, "GB");
    assert_fig("bandwidth to 900GB/s", 900.0, "GB/s");
    assert_fig("达到1229TB/s", 1229.0, "TB/s");
    assert_fig("bandwidth of 1,250 gigabytes per second", 1250.0, "GB/s");
    let f = figures("Analysts put it between 1.2 TB/s and 1.8 TB/s per card.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].value, f[0].max, f[0].unit.as_str()),
        (1.2, Some(1.8), "TB/s")
    );
    let f = figures("It sold 5 billion yuan of bonds and 7 billion yuan of shares.");
    assert_eq!(f.len(), 2, "{f:?}");
    assert_fig("up to 3.2 terabytes per second", 3.2, "TB/s");
    assert_fig("490 million GB in 2024", 4.9e8, "GB");
    assert_fig("exceeding 5kW", 5000.0, "W");
    assert_fig("from 50mV", 0.05, "V");
    assert_fig("a 48V supply", 48.0, "V");
    assert_fig("開發3NM芯片", 3.0, "nm");
    assert_fig("设计一款28纳米芯片", 28.0, "nm");
    assert_fig("每片12寸晶圓", 12.0, "inch");
    assert_fig("line width ≤ 5 microns", 5.0, "µm");
    assert_fig("网络速率800Gbps", 800.0, "Gbps");
    // a bit rate keeps the form written; transfers are their own unit
    assert_fig("each pin runs at 11.7Gb/s", 11.7, "Gb/s");
    assert_fig("the link carries 1.6Tb/s", 1.6, "Tb/s");
    assert_fig("PCIe 6 signals at 64 GT/s", 64.0, "GT/s");
    // cents are dollars in facts
    assert_fig("Profit came to 81 cents per share.", 0.81, "USD/share");
    // a form factor glued to its number counts nothing
    assert!(figures("The 2U server holds the cards.").is_empty());
    assert_fig("The rack holds 8 GPU servers.", 8.0, "servers");
}

#[test]
fn counts_take_the_counted_noun() {
    assert_fig("約130萬張卡", 1.3e6, "cards");
    assert_fig("累計出貨量已超3000萬顆", 3e7, "chips");
    assert_fig("每月需要采购75万片存储晶圆", 7.5e5, "wafers/month"); // 每月 counts per month
    assert_fig("需要采购75万片存储晶圆", 7.5e5, "wafers");
    assert_fig("由12个计算柜", 12.0, "cabinets");
    assert_fig("超过 100 万个代币", 1e6, "tokens");
    assert_fig("單機4卡R200", 4.0, "cards");
    assert_fig("實現4800 tokens/s的推理", 4800.0, "tokens/s");
    assert_fig("GPT-4 has 1.7 trillion parameters", 1.7e12, "parameters");
    assert_fig("3 million developers", 3e6, "developers");
    assert_fig("integrates 12 Zen4 CPU cores", 12.0, "cores");
    assert_fig("over 500 tool libraries", 500.0, "libraries");
    assert_fig("exceed 100,000 pieces/month", 100_000.0, "pieces/month");
    assert_fig("训练两万张卡的集群", 20000.0, "cards");
}

#[test]
fn ranges_and_qualifiers() {
    let f = figures("400万至500万颗英伟达GPU芯片");
    assert_eq!(
        (f[0].value, f[0].max, f[0].unit.as_str()),
        (4e6, Some(5e6), "chips")
    );
    let f = figures("每天需要20-30萬片晶圓");
    assert_eq!((f[0].value, f[0].max), (2e5, Some(3e5)));
    let f = figures("毛利率高达50%-60%");
    assert_eq!(
        (f[0].value, f[0].max, f[0].qualifier),
        (50.0, Some(60.0), Some(Qualifier::UpTo))
    );
    let f = figures("3万亿美元至4万亿美元的AI基础设施");
    assert_eq!((f[0].value, f[0].max), (3e12, Some(4e12)));
    let f = figures("4-12 layers of DRAM");
    assert_eq!(
        (f[0].value, f[0].max, f[0].unit.as_str()),
        (4.0, Some(12.0), "layers")
    );
    assert_eq!(
        figures("約為2000 TeraFLOPS")[0].qualifier,
        Some(Qualifier::About)
    );
    assert_eq!(
        figures("拿下超20億元大額融資")[0].qualifier,
        Some(Qualifier::Over)
    );
    assert_eq!(
        figures("每瓦性能仅提升近8%")[0].qualifier,
        Some(Qualifier::Under)
    );
    assert_eq!(
        figures("nearly 40% of output")[0].qualifier,
        Some(Qualifier::Under)
    );
    assert_eq!(
        figures("up to 2TB of storage")[0].qualifier,
        Some(Qualifier::UpTo)
    );
    assert_eq!(
        figures("占據20%左右的份額")[0].qualifier,
        Some(Qualifier::About)
    );
    assert_eq!(figures("over 3TB/s")[0].qualifier, Some(Qualifier::Over));
    let f = figures("AI revenue could reach $60 billion to $90 billion in fiscal 2027");
    assert_eq!((f[0].value, f[0].max), (60e9, Some(90e9)));
    let f = figures("公司预计全年营收50亿元到70亿元");
    assert_eq!((f[0].value, f[0].max), (5e9, Some(7e9)));
    assert_fig("AI伺服器營收占比超過四成", 40.0, "%");
    assert!(figures("一成不变").is_empty());
    assert_fig("採用台積電3奈米製程", 3.0, "nm");
    assert_fig("deploy 10 gigawatts of chips", 10e9, "W");
    assert_fig("净利润10.38亿元", 1_038_000_000.0, "CNY");
    assert_eq!(figures("净利润10.38亿元")[0].value, 1_038_000_000.0);
    // from A to B is two figures, not a range
    let f = figures("GPU utilization from 30% to 75%");
    assert_eq!(f.len(), 2);
    assert_eq!(f[1].value, 75.0);
}

#[test]
fn things_that_are_not_figures() {
    for text in [
        "2025年发布",
        "in 2024 the market",
        "2025-10-25 10:20",
        "Q4 2025",
        "购买咨询电话400-123-4567",
        "CUDA 11.6 API",
        "DeepSeek V3.2-exp",
        "H100 and 910D",
        "CloudMatrix 384超级节点",
        "从0到1的突破",
        "第4262期",
        "1. Introduction",
        "唯一一家公司",
        "数十亿美元",
        "百家争鸣",
        "项目 2025E 2026E 2027P",
    ] {
        assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
    }
    // A conversion's left side names the unit; its right side is the rate.
    assert_fig("($1 = 1,390.55 won)", 1390.55, "KRW");
}

#[test]
fn full_width_digits_and_thousands_separators() {
    assert_fig("算力达１２０００P，", 12000.0, "PFLOPS");
    assert_fig("18,000 PFLOPS (FP32)", 18000.0, "PFLOPS");
}

#[test]
fn about_is_the_nearest_entity_in_the_clause() {
    let f = figures("沐曦股份開盤價為700.00元/股,總市值達到3298.82億元。");
    assert_eq!(f[0].about.as_deref(), Some("MetaX"));
    assert_eq!(f[1].about.as_deref(), Some("MetaX"));
    let f = figures("NVIDIA’s H100, equipped with 80GB HBM3, can");
    assert_eq!(f[0].about.as_deref(), Some("NVIDIA H100"));
    let f = figures("The market grew 22%.");
    assert_eq!(f[0].about, None);
}

#[test]
fn figure_offsets_are_characters() {
    let text = "英偉達市值4.5萬億美元";
    let facts = ex().extract(text, &[]);
    let (s, e) = facts
        .iter()
        .find(|f| matches!(f, Fact::Figure { .. }))
        .map(|f| f.span())
        .unwrap();
    assert_eq!((s, e), (5, 12));
    assert_eq!(
        text.chars().skip(s).take(e - s).collect::<String>(),
        "4.5萬億美元"
    );
}

// -------------------------------------------------------------- bad input

#[test]
fn bad_input_does_not_panic_or_explode() {
    let digits = "9".repeat(10 * 1024 * 1024);
    let t = std::time::Instant::now();
    let facts = ex().extract(&digits, &[]);
    assert!(facts.is_empty());
    assert!(t.elapsed().as_secs() < 30);

    let big = format!("{}亿美元 and 1e999 {}%", "9".repeat(400), "9".repeat(320));
    let _ = ex().extract(&big, &[]);

    let aliases = "英伟达 NVIDIA AMD 华为 H100 ".repeat(2000);
    let t = std::time::Instant::now();
    let facts = ex().extract(&aliases, &[]);
    assert_eq!(facts.len(), 10_000);
    assert!(t.elapsed().as_secs() < 30);
    // long sentences are cut to a window
    for f in facts.iter().take(3) {
        if let Fact::Company { sentence, .. } = f {
            assert!(sentence.chars().count() <= 700);
        }
    }

    // tokens that make no sense are ignored, not trusted
    let bad = [Token {
        start: 5,
        end: 2,
        kind: TokenKind::Han,
    }];
    assert!(!ex().extract("英伟达发布", &bad).is_empty());
    let _ = ex().extract("", &[]);
    let _ = ex().extract("$", &[]);
    let _ = ex().extract("5-", &[]);
    let _ = ex().extract("百分之", &[]);
}

// ----------------------------------------------------------------- config

#[test]
fn vocabulary_lists_aliases_of_every_script() {
    let v = ex().vocabulary();
    for a in ["英伟达", "英偉達", "NVIDIA", "思元370", "海光"] {
        assert!(v.iter().any(|x| x == a), "{a}");
    }
    assert!(
        !v.iter().any(|x| x == "上海"),
        "blockers are not vocabulary"
    );
}

fn config_dir(edit: impl Fn(&str, String) -> String) -> tempdir::Dir {
    let dir = tempdir::Dir::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../config");
    for name in newsfacts_extractor::CONFIG_FILES {
        let src = std::fs::read_to_string(root.join(name)).unwrap();
        std::fs::write(dir.path.join(name), edit(name, src)).unwrap();
    }
    dir
}

mod tempdir {
    pub struct Dir {
        pub path: std::path::PathBuf,
    }
    impl Dir {
        pub fn new() -> Self {
            use std::sync::atomic::{AtomicUsize, Ordering};
            static N: AtomicUsize = AtomicUsize::new(0);
            let path = std::env::temp_dir().join(format!(
                "nf-extractor-{}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::SeqCst)
            ));
            std::fs::create_dir_all(&path).unwrap();
            Dir { path }
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

#[test]
fn from_dir_reads_the_same_files() {
    let dir = config_dir(|_, s| s);
    let x = Extractor::from_dir(&dir.path).unwrap();
    assert_eq!(x.vocabulary().len(), ex().vocabulary().len());
}

#[test]
fn malformed_toml_names_file_and_line() {
    let dir = config_dir(|name, s| {
        if name == "companies.toml" {
            s.replacen(
                "[[company]]\ncanonical = \"AMD\"",
                "[[company]]\ncanonical = AMD",
                1,
            )
        } else {
            s
        }
    });
    let err = Extractor::from_dir(&dir.path).err().expect("must fail");
    let msg = err.to_string();
    assert!(matches!(err, ConfigError::Invalid { .. }));
    assert!(
        msg.contains("companies.toml") && msg.contains("line"),
        "{msg}"
    );
}

#[test]
fn an_alias_under_two_entities_is_a_load_error() {
    let dir = config_dir(|name, s| {
        if name == "companies.toml" {
            s.replacen(
                "aliases = [\"Broadcom\", \"博通\"]",
                "aliases = [\"Broadcom\", \"博通\", \"英伟达\"]",
                1,
            )
        } else {
            s
        }
    });
    let msg = Extractor::from_dir(&dir.path)
        .err()
        .expect("must fail")
        .to_string();
    assert!(
        msg.contains("英伟达") && msg.contains("NVIDIA") && msg.contains("Broadcom"),
        "{msg}"
    );
    assert!(msg.contains("companies.toml:"), "{msg}");
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let dir = config_dir(|_, s| s);
    std::fs::remove_file(dir.path.join("units.toml")).unwrap();
    let msg = Extractor::from_dir(&dir.path)
        .err()
        .expect("must fail")
        .to_string();
    assert!(msg.contains("units.toml"), "{msg}");
}

#[test]
fn taiwan_memory_makers_and_other_added_companies_in_three_scripts() {
    for (text, name) in [
        ("記憶體廠南亞科上週法說會釋出樂觀看法", "Nanya Technology"),
        ("内存厂南亚科技本季涨价", "Nanya Technology"),
        (
            "Nanya Technology raised DRAM contract prices.",
            "Nanya Technology",
        ),
        ("華邦電今年資本支出加碼", "Winbond"),
        ("华邦电子扩产利基型内存", "Winbond"),
        ("Winbond expects NOR flash demand to recover.", "Winbond"),
        ("寒武纪股价一度超过贵州茅台", "Kweichow Moutai"),
        ("市值超越貴州茅台", "Kweichow Moutai"),
        ("力積電與日本夥伴合建晶圓廠", "PSMC"),
        ("兆易创新推出新款存储芯片", "GigaDevice"),
        ("澜起科技发布内存接口芯片", "Montage Technology"),
        ("群創轉型面板級封裝", "Innolux"),
        ("Rapidus plans 2nm pilot production in Hokkaido.", "Rapidus"),
        ("Astera Labs shipped more retimers.", "Astera Labs"),
    ] {
        assert!(
            company_names(text).contains(&name.to_string()),
            "{text}: {:?}",
            company_names(text)
        );
    }
    // 世界先进 names VIS, but not inside "world-leading level"
    assert_eq!(
        company_names("世界先進今年營收成長"),
        ["Vanguard International Semiconductor"]
    );
    assert!(company_names("该技术达到世界先进水平").is_empty());
}

#[test]
fn a_bare_model_code_is_the_chip_of_the_vendor_named_before_it() {
    // codes of listed chips (`昇腾910B` -> 910B), after the vendor or its chip
    assert_eq!(
        chips("Huawei packs a pair of 910B dies into each 910C package."),
        ["Huawei Ascend 910B", "Huawei Ascend 910C"]
    );
    assert_eq!(
        chips("华为的新服务器仍采用910B，明年换代。"),
        ["Huawei Ascend 910B"]
    );
    assert_eq!(
        chips("昆侖芯今年將發布M100晶片，後年再推M300。"),
        ["Kunlunxin M100", "Kunlunxin M300"]
    );
    assert_eq!(chips("沐曦表示，C600已经开始送样。"), ["MetaX Xiyun C600"]);
    // pattern codes not listed yet, via the pattern's `bare` regex
    assert_eq!(chips("昆仑芯随后将发布M500芯片"), ["Kunlunxin M500"]);
    // without the vendor the code is nothing (a bus line, a camera, a part)
    assert!(chips("The M100 bus stops at the campus. A 910B form was filed.").is_empty());
    // a listed code after its vendor named paragraphs earlier counts (a
    // story names the vendor once, then its codes); a pattern's code, not
    // listed yet, needs the vendor on its own line
    assert_eq!(
        chips("昆仑芯发布会在北京举行。\nM300路线图待定。"),
        ["Kunlunxin M300"]
    );
    assert!(!chips("昆仑芯发布会在北京举行。\nM500路线图待定。")
        .iter()
        .any(|c| c.contains("M500")));
    // and the code is not a figure: 910 billion dies
    assert!(figures("Huawei packs a pair of 910B dies into each package.").is_empty());
}

#[test]
fn model_codes_glued_to_a_billion_letter_are_not_hardware_counts() {
    assert!(figures("The lab bought four 950T accelerators and two 760B cards.").is_empty());
    // real scaled counts stay
    assert_fig("Shipments reached 1.6B chips last year.", 1.6e9, "chips");
    assert_fig("The model has 671B parameters.", 671e9, "parameters");
}

#[test]
fn money_in_share_price_context_is_per_share() {
    let unit_of = |text: &str| one(text).1;
    // cues right before the amount
    assert_eq!(unit_of("小米集團盤中一度高見62.5港元。"), "HKD/share");
    assert_eq!(unit_of("招商银行今日收报41.2元。"), "CNY/share");
    assert_eq!(unit_of("券商把目标价上调到88港元。"), "HKD/share");
    assert_eq!(unit_of("該公司每股盈餘達到9.8元。"), "CNY/share");
    assert_eq!(
        unit_of("Shares of the chipmaker closed at $182.40 on Friday."),
        "USD/share"
    );
    // a stock word earlier in the sentence and a lead word right before;
    // the Taiwan market named on a Traditional page makes plain 元 TWD
    assert_eq!(unit_of("台股早盤走強，聯發科一度上漲35元。"), "TWD/share");
    assert_eq!(unit_of("股市早盤走強，某公司一度上漲35元。"), "CNY/share");
    let f = figures("The stock rose 4 percent to $95 on Tuesday.");
    assert!(
        f.iter().any(|x| x.unit == "USD/share" && x.value == 95.0),
        "{f:?}"
    );
    // a Taiwanese page may name only its government or its cities
    assert_eq!(
        unit_of("嘉義縣的農民說，經濟部補助每公頃約7.3萬元。"),
        "TWD"
    );
    // on a Taiwan page plain 元 is TWD, and a share price stays one
    let f = figures("新台幣計價的股價今天收在1580元。");
    assert!(f.iter().any(|x| x.unit == "TWD/share"), "{f:?}");
    // a Hong Kong page (five-digit codes, 港股) means the Hong Kong dollar,
    // a Taiwan one (four-digit codes, 奈米) the New Taiwan dollar
    assert_eq!(
        unit_of("港股午後造好，某公司（00999）股價高見41.30元。"),
        "HKD/share"
    );
    assert_eq!(
        unit_of("某公司（6789）在奈米製程帶動下，第三季營收達512億元。"),
        "TWD"
    );
    // Taiwan's trade words (台系, 台廠) mark the page too
    assert_eq!(
        unit_of("法人預估，台系代工廠明年AI營收將達1.1兆元。"),
        "TWD"
    );
    // a finance portal writes the market after the code (`(6789-TW)`)
    assert_eq!(unit_of("某代工廠 (6789-TW) 12月合併營收達512億元。"), "TWD");
    assert_eq!(
        unit_of("A股方面，某公司半日報1,166元人民幣，港股恒指亦升。"),
        "CNY/share"
    );
    // an analyst's target
    assert_eq!(
        unit_of("Morgan Stanley cut its target to $73 on Friday."),
        "USD/share"
    );
    // a target named after the amount; earnings per diluted share
    assert_eq!(
        unit_of("The bank rates it a buy with a $87 price target."),
        "USD/share"
    );
    assert_eq!(
        unit_of("That came to $0.19 per diluted share."),
        "USD/share"
    );
    assert_eq!(
        unit_of("GAAP earnings per diluted share were $0.37 for the quarter."),
        "USD/share"
    );
    // cents per share, and a stock's listing code as its stock word
    assert_eq!(unit_of("預計調整後每股盈餘為63美分。"), "USD/share");
    assert_eq!(
        unit_of("某公司（01234）今早高開，報38.60港元。"),
        "HKD/share"
    );
    assert_eq!(
        unit_of("Its shares rose in Seoul on Wednesday to a record 487,000 won."),
        "KRW/share"
    );
    // a long sentence keeps its stock word in reach
    let f = figures(
        "Shares of one memory maker rose 4.6 percent to 733,000 won on the exchange on Friday, while another maker added 1.7 percent to 151,200 won.",
    );
    assert!(
        f.iter()
            .any(|x| x.value == 151200.0 && x.unit == "KRW/share"),
        "{f:?}"
    );
    // an amount compared with a price per share is one too; a scaled one
    // is not, nor is a tolerance a negative figure
    let f = figures("Diluted EPS was $2.05, compared with $1.48 a year ago.");
    assert!(
        f.iter().any(|x| x.value == 1.48 && x.unit == "USD/share"),
        "{f:?}"
    );
    let f = figures("That is $0.01 per diluted share, compared with $4.1 million last year.");
    assert!(
        f.iter().any(|x| x.value == 4.1e6 && x.unit == "USD"),
        "{f:?}"
    );
    let f = figures("每股盈餘為63美分，正負4美分。");
    assert!(
        f.iter().any(|x| x.value == 0.04 && x.unit == "USD/share"),
        "{f:?}"
    );
    assert_eq!(unit_of("该公司市值约为41万亿韩圜。"), "KRW");
    // a broker's glued `m` before a counted noun is a million; before
    // anything else it stays metres
    assert_fig("Analysts expect 3.4m TPUs next year.", 3.4e6, "chips");
    assert_fig("Deliveries climb to 2.2m units.", 2.2e6, "units");
    assert_fig("The 3m cable runs along the rack.", 3.0, "m");
    // and lends its noun to the glued amount it is compared with
    let f = figures("Sales rose to 4.6m cards this year from 3.9m in 2024.");
    assert!(
        f.iter().any(|x| x.value == 3.9e6 && x.unit == "cards"),
        "{f:?}"
    );
    let f = figures("Output grows from 0.8m to 1.5m units by June.");
    assert!(
        f.iter().any(|x| x.value == 0.8e6 && x.unit == "units"),
        "{f:?}"
    );
    let f = figures("A 2m cable and a 5m cable hang from the rack.");
    assert!(f.iter().all(|x| x.unit == "m"), "{f:?}");
    assert_eq!(
        unit_of("We reiterate Outperform on the designer (TP TWD3,150) today."),
        "TWD/share"
    );
    // an effort in person-months counts no people
    assert!(!figures("迁移约需6人月。")
        .iter()
        .any(|x| x.unit == "people"));
    // not share prices: product prices, revenue, scaled amounts
    assert_eq!(unit_of("新款手机售价3999元。"), "CNY");
    assert_eq!(unit_of("The kit costs $499 at launch."), "USD");
    assert_eq!(unit_of("股价大涨之后，公司营收达到120亿元。"), "CNY");
}

#[test]
fn a_header_cells_bracketed_unit_governs_its_column() {
    let text = "公司 代码 营收（亿元） 同比 净利润（亿元）\n甲公司 600001 17.27 12% -3.46\n乙公司 600002 1,204.5 8% 2.10\n";
    let f = figures(text);
    let has = |v: f64, u: &str| f.iter().any(|x| close(x.value, v) && x.unit == u);
    assert!(
        has(17.27e8, "CNY") && has(-3.46e8, "CNY") && has(1204.5e8, "CNY"),
        "{f:?}"
    );
    // the listing code column names no unit
    assert!(!f.iter().any(|x| close(x.value, 600001.0)), "{f:?}");
    let f =
        figures("券商 股份 評級 目標價(港元)\n甲證券 某晶片 增持 95\n乙證券 某晶片 買入 92.5\n");
    assert!(
        f.iter()
            .any(|x| close(x.value, 92.5) && x.unit == "HKD/share"),
        "{f:?}"
    );
    // a row of another width is no row of the table
    let f = figures("型号 工艺(nm) 显存(GB)\n今年出货的新卡和旧卡 4 80 更多\n");
    assert!(f.iter().all(|x| x.unit != "GB"), "{f:?}");
}

#[test]
fn hyphened_scales_glued_currency_codes_and_square_units() {
    assert_fig(
        "They serve a 70-billion-parameter model.",
        7e10,
        "parameters",
    );
    assert_fig("It closed a $1.5-billion financing.", 1.5e9, "USD");
    assert_fig("The group will raise Rmb8bn in Shanghai.", 8e9, "CNY");
    assert_fig("Each die measures 610 square millimeters.", 610.0, "mm²");
    // a model code stays a code
    assert!(figures("The H100-class part ships now.").is_empty());
}

#[test]
fn energy_keeps_the_unit_the_text_wrote() {
    assert_fig(
        "The campus used 3.1 billion kilowatt-hours in 2024.",
        3.1e9,
        "kWh",
    );
    assert_fig("Its batteries store 640 MWh on site.", 640.0, "MWh");
    assert_fig("Demand reached 5,120 gigawatt-hours.", 5120.0, "GWh");
    assert_fig("该园区年用电量约6300万千瓦时。", 6.3e7, "kWh");
    assert_fig("全年耗电约15億度电。", 1.5e9, "kWh");
    // power stays power
    assert_fig("The hall draws 12 megawatts at peak.", 1.2e7, "W");
}

#[test]
fn compound_adjectives_ethernet_speeds_and_token_rates() {
    assert_fig("It signed a 6-gigawatt supply deal.", 6e9, "W");
    assert_fig("They opened a 20-megawatt inference region.", 2e7, "W");
    assert_fig(
        "Our 448-gigabit-per-second SerDes ships next year.",
        448.0,
        "Gb/s",
    );
    assert_fig("Each card has 24 ports of 200 GbE.", 200.0, "Gb/s");
    assert_fig("The box decodes at 61 tok/s on one card.", 61.0, "tokens/s");
    // a number between is the count, not a modifier
    let f = figures("Llama 32B INT4 29 tok/s");
    assert!(
        f.iter().any(|x| x.value == 29.0 && x.unit == "tokens/s"),
        "{f:?}"
    );
    assert!(
        !f.iter().any(|x| x.value == 32e9 && x.unit == "tokens/s"),
        "{f:?}"
    );
    // a hyphenated word that is no unit stays out
    assert!(!figures("a 3-pronged plan").iter().any(|f| f.unit != "x"));
}

#[test]
fn a_table_cell_after_a_scaled_amount_is_not_part_of_it() {
    let f = figures("Nvidia (NVDA) $4.45 trillion 29.8 Broadcom $1.58 trillion 33.1");
    assert!(
        f.iter().any(|x| x.value == 4.45e12 && x.unit == "USD"),
        "{f:?}"
    );
    assert!(
        !f.iter().any(|x| x.value > 4.45e12 && x.value < 4.46e12),
        "{f:?}"
    );
    // things are counted whole: a decimal before a counted noun is the
    // previous cell
    assert!(!figures("Nvidia 29.8 GB300 GPUs")
        .iter()
        .any(|x| x.unit == "chips"));
    assert_fig("Shipments reached 1.5 million chips.", 1.5e6, "chips");
    // words after digits still make one number
    assert_fig(
        "They shipped 4 thousand 3 hundred and 21 chips.",
        4321.0,
        "chips",
    );
}

#[test]
fn a_market_report_lists_its_movers_under_one_stock_word() {
    let per_share = |text: &str| {
        figures(text)
            .into_iter()
            .filter(|f| f.unit.ends_with("/share"))
            .map(|f| f.value)
            .collect::<Vec<_>>()
    };
    // semicolons part the movers; the stock word stands before the first
    assert_eq!(
        per_share(
            "股價方面，某甲今日收4,120元；某乙上漲5.32%，收1,585元；某丙上漲35元，收1,450元。"
        ),
        [4120.0, 1585.0, 35.0, 1450.0]
    );
    // a Hong Kong code in the sentence names a stock
    assert_eq!(per_share("某公司(09660.HK)逆市跌3.4%，收8.92元。"), [8.92]);
    // a move then the level it reached is two figures, not a range
    assert_eq!(
        per_share("台股方面，某公司勁揚40元至1,490元。"),
        [40.0, 1490.0]
    );
    // a Korean share trades above 100,000 won
    assert_eq!(
        per_share("Shares of the memory maker rose 3.2 percent to 598,000 won."),
        [598000.0]
    );
    // a long English lead right before the amount, and EPS as the stock word
    assert_eq!(
        per_share("She raised her price target to $265 from $240 on Friday."),
        [265.0, 240.0]
    );
    assert_eq!(
        per_share("Adjusted EPS came in at $0.79 against a forecast of $0.76."),
        [0.79, 0.76]
    );
    // the semicolon ends the cue's clause: a cost after it is no price
    assert!(per_share("公司股价收报30元；新产品售价999元。").len() == 1);
    // no stock word: a price rise in a shop is money
    assert!(per_share("这款显卡上涨200元至5999元。").is_empty());
}

#[test]
fn chinese_durations_people_and_clause_final_counts() {
    assert_eq!(
        figures("新工厂的建设周期需要4到6个月。")
            .iter()
            .map(|f| (f.value, f.max, f.unit.as_str()))
            .collect::<Vec<_>>(),
        [(4.0, Some(6.0), "months")]
    );
    assert_fig("審批只用了45天。", 45.0, "days");
    assert_fig("研发团队规模超过800人。", 800.0, "people");
    assert_fig("這家廠商深耕封裝測試已經接近15年。", 15.0, "years");
    assert_fig("全國投入運營的智算集群已超過25個。", 25.0, "clusters");
    // years need a duration cue; dates and anniversaries are not durations
    assert!(figures("公司计划2027年量产，26年底交付。").is_empty());
    assert!(figures("今天是开业3周年。").is_empty());
    // 个 counts only with its noun before it and at the end of a clause
    assert!(figures("他们讨论了40个问题的答案").is_empty());
    // 路 counts channels (concurrent requests, sockets); a noun after 的
    // is not what was counted
    assert_fig("在并发256路的条件下，吞吐保持稳定。", 256.0, "channels");
    assert_fig("单机并发不低于64路。", 64.0, "channels");
    // a number between the measure word and a noun starts another figure
    let f = figures("堆叠层数从8层乃至12层继续增加。");
    assert!(f.iter().any(|x| x.value == 8.0 && x.max.is_none()), "{f:?}");
    assert!(f.iter().any(|x| x.value == 12.0), "{f:?}");
    // 人 inside another word is not people
    assert!(figures("共有300人工智能企业参展").is_empty());
}

#[test]
fn durations_in_both_languages_in_the_unit_written() {
    assert_fig("The qualification took 14 months.", 14.0, "months");
    assert_fig("It passed a 72-hour burn-in test.", 72.0, "hours");
    assert_fig("Moving the stack took 3 years of work.", 3.0, "years");
    assert_fig("Median latency was 180 ms at launch.", 180.0, "ms");
    assert_fig("首字延迟降到612ms。", 612.0, "ms");
    assert_fig("Hops between racks take under 7 microseconds.", 7.0, "µs");
    assert_fig("一次访存约80纳秒。", 80.0, "ns");
    assert_fig("生成一张图约1.8 秒。", 1.8, "s");
    assert_fig("部署只用了40分钟。", 40.0, "minutes");
    assert_eq!(
        figures("Lead times dropped to 6 to 8 weeks.")
            .iter()
            .map(|f| (f.value, f.max, f.unit.as_str()))
            .collect::<Vec<_>>(),
        [(6.0, Some(8.0), "weeks")]
    );
    // a year date, a glued word, a price range and a company name are not durations
    assert!(figures("The 2024 year plan.").is_empty());
    assert!(figures("Shares hit a 52-week high.").is_empty());
    assert!(figures("It ran for 12months.").is_empty());
    assert!(figures("MS 12 MS").is_empty());
    // a page's reading time
    assert!(figures("以下是本期重點，約5分鐘讀完。").is_empty());
    assert!(figures("本文约2000字，阅读需要6分钟").is_empty());
    assert!(figures("A 6 minute read.").is_empty());
}

#[test]
fn hyphen_compounds_shares_and_index_points_are_counts() {
    assert_fig("Samsung shipped 12-high HBM4 stacks.", 12.0, "layers");
    assert_fig("A 16-layer stack is next.", 16.0, "layers");
    assert_fig("Google links them in 9,216-chip pods.", 9216.0, "chips");
    assert_fig("It sells 8-GPU servers.", 8.0, "chips");
    assert_fig(
        "AMD granted a warrant for up to 160 million AMD shares.",
        160e6,
        "shares",
    );
    assert_fig("本次公开发行4010万股。", 40.1e6, "shares");
    assert_fig("恒指報26,158點。", 26158.0, "points");
    // not a count: a bit width, a filing, a shareholder, a time of day
    assert!(figures("A 4-byte word and a 10-K filing.").is_empty());
    assert!(figures("三位股东下午3点开会").is_empty());
    assert!(figures("公司有3股东").is_empty());
    // the money of a buyback, not a count of shares
    assert_fig("It will buy back $1 billion of its own shares.", 1e9, "USD");
}

#[test]
fn memory_stacks_packages_and_suppliers_are_counts() {
    assert_fig(
        "That alone is 25.6 million HBM4 stacks this year.",
        25.6e6,
        "stacks",
    );
    assert_fig("It ships 3.2 million Rubin packages.", 3.2e6, "packages");
    assert_fig("公司有5家供应商。", 5.0, "suppliers");
}

#[test]
fn taiwanese_metric_units() {
    assert_fig("機櫃高約2.3公尺。", 2.3, "m");
    assert_fig("整櫃重達1.3公噸。", 1.3, "Metric ton");
    assert_fig("占地4平方公尺。", 4.0, "m2");
}

#[test]
fn english_counts_of_its_chips_and_compared_bare_numbers() {
    let f = figures("The startup trained on 12,000 of its MI300X chips last spring.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].value, f[0].unit.as_str()), (12000.0, "chips"));
    let f = figures(
        "Output climbed to roughly 80,000 wafers per month, up from about 42,000 a year earlier.",
    );
    assert_eq!(
        f.iter()
            .map(|x| (x.value, x.unit.as_str()))
            .collect::<Vec<_>>(),
        [(80000.0, "wafers/month"), (42000.0, "wafers/month")]
    );
    assert_eq!(f[1].qualifier, Some(Qualifier::About));
    // a year, or a number in another sentence, is not compared
    assert_eq!(
        figures("It shipped 5,000 servers, up from 2023. Up from 300 before.").len(),
        1
    );
    assert_eq!(figures("营收较9月减少了一些，产能达5万片。").len(), 1);
}

#[test]
fn canonical_name_resolves_aliases_in_any_script_and_case() {
    let ex = ex();
    for name in ["英偉達", "英伟达", "nvidia", " NVIDIA ", "輝達"] {
        assert_eq!(ex.canonical_name(name).as_deref(), Some("NVIDIA"), "{name}");
    }
    assert_eq!(
        ex.canonical_name("寒武紀"),
        ex.canonical_name("寒武纪"),
        "both scripts name one company"
    );
    assert!(ex.canonical_name("寒武纪").is_some());
    assert!(ex.canonical_name("h100").is_some());
    assert_eq!(ex.canonical_name("no such company"), None);
    assert_eq!(ex.canonical_name(""), None);
}

/// A chip alias that begins with its vendor's name names the vendor too.
#[test]
fn chip_alias_with_its_vendor_name_names_the_company() {
    let found = companies(
        "一家券商报告称，昆仑芯P800已进入多家银行的推理集群，平头哥PPU则在电商大促中承担部分算力。",
    );
    let names: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
    assert!(names.contains(&"Kunlunxin"), "{found:?}");
    assert!(names.contains(&"T-Head"), "{found:?}");
    assert!(found.iter().any(|(_, s)| s == "昆仑芯"), "{found:?}");
}

#[test]
fn a_legal_name_in_a_procurement_notice_names_its_company() {
    let names =
        company_names("包3：华为技术有限公司，87.92分；曙光信息产业股份有限公司报价4340万元。");
    assert!(names.contains(&"Huawei".to_string()), "{names:?}");
    assert!(names.contains(&"Sugon".to_string()), "{names:?}");
}

#[test]
fn counts_per_time_and_levels_reached() {
    assert_fig("测试显示，该芯片每秒可生成约25个token。", 25.0, "tokens/s");
    assert_fig(
        "国产HBM3产能预计年底达到每月约2万片晶圆。",
        20000.0,
        "wafers/month",
    );
    assert_fig("中芯国际的月产能约为4.5万片。", 45000.0, "wafers/month");
    // a verb ending in 成 before an Arabic count
    assert_fig("推理时单卡可生成25个token。", 25.0, "tokens");
    let f = figures("归母净利润 -9.8亿元 -6.1亿元");
    let values: Vec<(f64, Option<f64>)> = f.iter().map(|f| (f.value, f.max)).collect();
    assert_eq!(values, [(-9.8e8, None), (-6.1e8, None)], "{f:?}");
    let f = figures("Output will rise to 250,000 wafers a month from roughly 170,000 now.");
    let units: Vec<&str> = f.iter().map(|f| f.unit.as_str()).collect();
    assert_eq!(units, ["wafers/month", "wafers/month"], "{f:?}");
    let f = figures("It claims 1,000+ tokens/s per user at ~310 output tokens/s.");
    assert_eq!(f[0].qualifier, Some(Qualifier::Over), "{f:?}");
    assert_eq!(f[1].surface, "~310 output tokens/s");
    let f = figures("Google may deploy between 1.5 million and 2 million TPUs.");
    assert_eq!((f[0].value, f[0].max), (1.5e6, Some(2e6)), "{f:?}");
}
