//! The figure grammar form by form, in English, Simplified and Traditional
//! Chinese: `Extractor::figures` (every number, the `newsfacts figures`
//! protocol) and the figure facts of `Extractor::extract` (news rules:
//! ranges, qualifiers, money rates, counts, disambiguation).

use model::{Fact, Qualifier};
use newsfacts_extractor::{Extractor, FigureKind};
use std::sync::OnceLock;

fn ex() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::bundled().expect("bundled config loads"))
}

/// `figures()` as (surface, value, unit, kind).
fn bare(text: &str) -> Vec<(String, Option<f64>, Option<String>, FigureKind)> {
    ex().figures(text)
        .into_iter()
        .map(|f| (f.text, f.value, f.unit, f.kind))
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

/// The only figure of `text` in `figures()` has this surface, value, unit.
/// With a unit, the bare number inside the figure (reported too) is ignored.
fn one_bare(text: &str, surface: &str, value: f64, unit: Option<&str>) {
    let f: Vec<_> = bare(text)
        .into_iter()
        .filter(|f| unit.is_none() || f.2.is_some())
        .collect();
    assert_eq!(f.len(), 1, "{text}: {f:?}");
    assert_eq!(f[0].0, surface, "{text}: {f:?}");
    assert!(close(f[0].1.unwrap_or(f64::NAN), value), "{text}: {f:?}");
    assert_eq!(f[0].2.as_deref(), unit, "{text}: {f:?}");
}

#[derive(Debug)]
struct Fig {
    surface: String,
    value: f64,
    max: Option<f64>,
    unit: String,
    qualifier: Option<Qualifier>,
}

/// Figure facts of `extract()`.
fn facts(text: &str) -> Vec<Fig> {
    ex().extract(text, &[])
        .into_iter()
        .filter_map(|f| match f {
            Fact::Figure {
                surface,
                value,
                value_max,
                unit,
                qualifier,
                ..
            } => Some(Fig {
                surface,
                value,
                max: value_max,
                unit,
                qualifier,
            }),
            _ => None,
        })
        .collect()
}

fn one_fact(text: &str) -> Fig {
    let mut f = facts(text);
    assert_eq!(f.len(), 1, "{text}: {f:?}");
    f.remove(0)
}

// ------------------------------------------------------------ numerals

#[test]
fn english_numbers_in_words() {
    one_bare("two hundred and five", "two hundred and five", 205.0, None);
    one_bare(
        "twenty-one trillion and three hundred",
        "twenty-one trillion and three hundred",
        21e12 + 300.0,
        None,
    );
    one_bare(
        "Three hundred  and  thirty one",
        "Three hundred  and  thirty one",
        331.0,
        None,
    );
    one_bare(
        "4 thousand 3 hundred and 21 units",
        "4 thousand 3 hundred and 21",
        4321.0,
        None,
    );
    one_bare("half a dozen", "half a dozen", 6.0, None);
    one_bare(
        "five and a half million",
        "five and a half million",
        5.5e6,
        None,
    );
    one_bare(
        "two thirds of a million",
        "two thirds of a million",
        2e6 / 3.0,
        None,
    );
    one_bare(
        "nought point nought three",
        "nought point nought three",
        0.03,
        None,
    );
    // words that look like numbers but are not
    assert!(bare("The one you mentioned").is_empty());
    assert!(bare("and then a chip").is_empty());
}

#[test]
fn english_fractions_negatives_and_notation() {
    one_bare("1/2", "1/2", 0.5, None);
    one_bare("- 1 4/5", "- 1 4/5", -1.8, None);
    one_bare("three quarters", "three quarters", 0.75, None);
    one_bare("one over 20", "one over 20", 0.05, None);
    one_bare("minus 5", "minus 5", -5.0, None);
    one_bare("negative one", "negative one", -1.0, None);
    one_bare("-127.32e13", "-127.32e13", -1.2732e15, None);
    one_bare("12.32e+14", "12.32e+14", 1.232e15, None);
    one_bare("2^-1", "2^-1", 0.5, None);
    one_bare(".08", ".08", 0.08, None);
    one_bare("1 234 567", "1 234 567", 1_234_567.0, None);
    one_bare("either 10 bln", "10 bln", 1e10, None);
    one_bare("10G", "10G", 1e10, None);
    one_bare("-2.5 M", "-2.5 M", -2.5e6, None);
    // in news, 5G is a network generation, not five billion
    assert!(facts("华为5G基站").is_empty());
    assert!(facts("5G modems and 5G chips")
        .iter()
        .all(|f| f.value == 5.0));
    // a loan over three years is not a fraction
    let f = bare("loan $10000 over 3 years");
    assert_eq!(f[0].0, "$10000", "{f:?}");
    assert_eq!(f.last().map(|x| x.0.as_str()), Some("3"), "{f:?}");
}

#[test]
fn chinese_numerals_simplified_and_traditional() {
    for (text, value) in [
        ("三千二百", 3200.0),
        ("两万", 20000.0),
        ("兩萬", 20000.0),
        ("壹佰伍拾", 150.0),
        ("5万4千6百", 54600.0),
        ("5萬4千6百", 54600.0),
        ("3万4000", 34000.0),
        ("五兆六十二亿四万五千二", 5_006_200_045_200.0),
        ("四百零五亿零四百零四万", 40_504_040_000.0),
        ("一百 五 十 二", 152.0),
        ("三千 八百 九十六 萬 四千 九百 六十五", 38_964_965.0),
        ("十多萬", 100_000.0),
        ("二十几万", 200_000.0),
        ("五十打", 600.0),
    ] {
        let f = bare(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(f[0].0, text, "{text}: {f:?}");
        assert!(close(f[0].1.unwrap_or(f64::NAN), value), "{text}: {f:?}");
    }
}

#[test]
fn chinese_fractions_and_negatives() {
    one_bare("五分之一", "五分之一", 0.2, None);
    one_bare("五 分之 一", "五 分之 一", 0.2, None);
    one_bare("负一又二分之一", "负一又二分之一", -1.5, None);
    one_bare("負壹又二分之壹", "負壹又二分之壹", -1.5, None);
    one_bare("３分之一百五十七", "３分之一百五十七", 157.0 / 3.0, None);
    one_bare("负四百零五亿", "负四百零五亿", -40_500_000_000.0, None);
    one_bare("負三十二", "負三十二", -32.0, None);
}

#[test]
fn chinese_numerals_inside_words_are_not_numbers() {
    for text in [
        "我家在四川",
        "这个人很放肆",
        "他在海滩上拾取贝壳",
        "請問伍仁怎麼賣",
    ] {
        assert!(bare(text).is_empty(), "{text}: {:?}", bare(text));
    }
}

// ------------------------------------------------------------ percents

#[test]
fn percents_in_three_scripts() {
    one_bare("百分之五十", "百分之五十", 50.0, Some("%"));
    one_bare("百 分之 2", "百 分之 2", 2.0, Some("%"));
    one_bare("千分之一", "千分之一", 0.1, Some("%"));
    one_bare("负40%", "负40%", -40.0, Some("%"));
    one_bare("twenty percent", "twenty percent", 20.0, Some("%"));
    one_bare("50 per cent", "50 per cent", 50.0, Some("%"));
    one_bare("七成", "七成", 70.0, Some("%"));
    one_bare("九折", "九折", 90.0, Some("%"));
    one_bare("八點五折", "八點五折", 85.0, Some("%"));
    one_bare("五五折", "五五折", 55.0, Some("%"));
    // percentage points: `pp` for facts, `%` in the conformance protocol
    one_bare("二十個百分點", "二十個百分點", 20.0, Some("%"));
    let f = one_fact("毛利率提升2.4个百分点");
    assert_eq!((f.value, f.unit.as_str()), (2.4, "pp"));
    let f = one_fact("國產晶片已佔據近三成市場");
    assert_eq!((f.value, f.unit.as_str()), (30.0, "%"));
    assert_eq!(f.qualifier, Some(Qualifier::Under));
}

// ------------------------------------------------------------ currency

#[test]
fn currencies_with_symbols_codes_and_names() {
    one_bare("$ 1.40", "$ 1.40", 1.4, Some("USD"));
    one_bare("GBP 350", "GBP 350", 350.0, Some("GBP"));
    one_bare("£ 8.10 million", "£ 8.10 million", 8.1e6, Some("Pound"));
    one_bare("10 €", "10 €", 10.0, Some("EUR"));
    one_bare("USD115.5", "USD115.5", 115.5, Some("USD"));
    one_bare("75 USD million", "75 USD million", 75e6, Some("USD"));
    one_bare("30 MUSD", "30 MUSD", 30e6, Some("USD"));
    one_bare("c $ 16.4 million", "c $ 16.4 million", 16.4e6, Some("CAD"));
    one_bare("five million yen", "five million yen", 5e6, Some("JPY"));
    one_bare(
        "thirteen dollars and forty-five cents",
        "thirteen dollars and forty-five cents",
        13.45,
        Some("USD"),
    );
    one_bare("50元6角三分", "50元6角三分", 50.63, Some("CNY"));
    one_bare("五元三毛", "五元三毛", 5.3, Some("CNY"));
    one_bare("1.95港元", "1.95港元", 1.95, Some("HKD"));
    one_bare("5306亿台币", "5306亿台币", 5.306e11, Some("TWD"));
    // a currency name alone is reported without a value
    let f = bare("人民币 美元");
    assert_eq!(f.len(), 2);
    assert_eq!((f[0].1, f[0].2.as_deref()), (None, Some("CNY")));
}

#[test]
fn money_facts_in_three_scripts() {
    let f = one_fact("沐曦营收3298.82亿元");
    assert_eq!((f.value, f.unit.as_str()), (329_882_000_000.0, "CNY"));
    let f = one_fact("沐曦營收3298.82億元");
    assert_eq!((f.value, f.unit.as_str()), (329_882_000_000.0, "CNY"));
    let f = one_fact("NVIDIA reported revenue of $35.1 billion");
    assert_eq!((f.value, f.unit.as_str()), (35.1e9, "USD"));
    let f = one_fact("HBM costs $15 per GB");
    assert_eq!((f.value, f.unit.as_str()), (15.0, "USD/GB"));
    let f = one_fact("每股派息2.5元/股");
    assert_eq!(f.unit, "CNY/share");
}

#[test]
fn taiwan_zhao_yuan_is_twd_on_a_traditional_page_that_names_the_currency() {
    let text = "台積電第三季營收達新台幣7,596億元，全年資本支出約1.2兆元。";
    let f = facts(text);
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!((f[1].value, f[1].unit.as_str()), (1.2e12, "TWD"));
    assert_eq!(f[1].qualifier, Some(Qualifier::About));
    // without the currency named, plain 元 stays CNY (documented default)
    let f = one_fact("全年資本支出約1.2兆元。");
    assert_eq!(f.unit, "CNY");
    // a Simplified page keeps CNY even when it mentions 新台币 elsewhere
    let f = facts(
        "台积电营收达新台币7596亿元，另一家公司资本支出约1.2兆元，规模庞大，资本开支大幅增长。",
    );
    assert_eq!(f[1].unit, "CNY");
}

// ------------------------------------------------------------ dimensions

#[test]
fn dimensions_and_temperatures() {
    one_bare(
        "2.4 billion gallons",
        "2.4 billion gallons",
        2.4e9,
        Some("Gallon"),
    );
    one_bare(
        "190,000 square meters",
        "190,000 square meters",
        190_000.0,
        Some("m2"),
    );
    one_bare("a 2.5-mile stretch", "2.5-mile", 2.5, Some("mi"));
    one_bare("I'm 1.8m tall.", "1.8m", 1.8, Some("m"));
    one_bare("168公分", "168公分", 168.0, Some("cm"));
    one_bare("2.3千克", "2.3千克", 2.3, Some("kg"));
    one_bare("一吨半", "一吨半", 1.5, Some("ton"));
    one_bare("三千比特", "三千比特", 3.0, Some("kbit"));
    one_bare("五十兆字节", "五十兆字节", 50.0, Some("MB"));
    one_bare("40 deg celsius", "40 deg celsius", 40.0, Some("°C"));
    one_bare("华氏温度98.6度", "华氏温度98.6度", 98.6, Some("°F"));
    one_bare(
        "- 20 degrees fahrenheit",
        "- 20 degrees fahrenheit",
        -20.0,
        Some("°F"),
    );
    let f = one_fact("Blackwell delivers 20 PFLOPS");
    assert_eq!((f.value, f.unit.as_str()), (20.0, "PFLOPS"));
    let f = one_fact("功耗为5kW");
    assert_eq!((f.value, f.unit.as_str()), (5000.0, "W"));
    let f = one_fact("採用3奈米製程");
    assert_eq!((f.value, f.unit.as_str()), (3.0, "nm"));
}

#[test]
fn the_figures_protocol_also_reports_the_number_inside_money_and_worded_percents() {
    let f = bare("$20");
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!((f[0].0.as_str(), f[0].3), ("$20", FigureKind::Currency));
    assert_eq!(
        (f[1].0.as_str(), f[1].1, f[1].3),
        ("20", Some(20.0), FigureKind::Number)
    );
    let f = bare("百分之五十五点五七九");
    assert!(
        f.iter()
            .any(|x| x.0 == "五十五点五七九" && x.3 == FigureKind::Number),
        "{f:?}"
    );
    // a % sign does not repeat its number
    assert_eq!(bare("增长2%").len(), 1);
}

#[test]
fn degrees_are_an_angle_when_the_text_turns_and_a_temperature_otherwise() {
    let f = bare("rotate 90 degrees");
    assert_eq!(
        (f[0].2.as_deref(), f[0].3),
        (Some("Degree"), FigureKind::Dimension)
    );
    let f = bare("raise the temperature by 5 degrees");
    assert_eq!(
        (f[0].2.as_deref(), f[0].3),
        (Some("Degree"), FigureKind::Temperature)
    );
}

// ------------------------------------------------------------ news rules

#[test]
fn english_spelled_multiples_and_money_are_facts_counts_are_not() {
    let f = one_fact("The chip is three times faster.");
    assert_eq!((f.value, f.unit.as_str()), (3.0, "x"));
    assert_eq!(f.surface, "three times");
    let f = one_fact("It costs two hundred and five dollars.");
    assert_eq!((f.value, f.unit.as_str()), (205.0, "USD"));
    // "one company", "two chips" in prose are not figures
    assert!(facts("One company shipped two chips to one customer.").is_empty());
}

#[test]
fn a_change_is_not_a_range() {
    let f = facts("Gross margin rose 5% to 20% in the quarter.");
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(f.iter().all(|x| x.max.is_none()));
    let f = facts("Revenue grew from $3 billion to $5 billion.");
    assert_eq!(f.len(), 2, "{f:?}");
    // a range stays a range
    let f = one_fact("Margins are expected at 30%-40% next year.");
    assert_eq!((f.value, f.max), (30.0, Some(40.0)));
    let f = one_fact("预计出货20到30万片晶圆");
    assert_eq!(
        (f.value, f.max, f.unit.as_str()),
        (200_000.0, Some(300_000.0), "wafers")
    );
    let f = one_fact("預計出貨20至30萬片晶圓");
    assert_eq!((f.value, f.max), (200_000.0, Some(300_000.0)));
}

#[test]
fn qualifiers_in_three_scripts() {
    for (text, q) in [
        ("营收约300亿元", Qualifier::About),
        ("營收超過300億元", Qualifier::Over),
        ("nearly 40% of output", Qualifier::Under),
        ("up to 2TB of storage", Qualifier::UpTo),
        ("出货量达10万片以上", Qualifier::Over),
    ] {
        let f = facts(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(f[0].qualifier, Some(q), "{text}");
    }
}

#[test]
fn not_figures_years_versions_models_and_vague_numbers() {
    for text in [
        "In 2024 the company moved.",
        "CUDA 11.6.2 was released on 2024-03-18.",
        "英伟达H20和H100都受影响",
        "第4262期",
        "数十亿用户",
        "营收十几亿",
    ] {
        let f = facts(text);
        assert!(f.is_empty(), "{text}: {f:?}");
    }
}

// ------------------------------------------------------------ bad input

#[test]
fn bad_input_in_the_figures_protocol() {
    let t = std::time::Instant::now();
    let digits = "9".repeat(10 * 1024 * 1024);
    let f = bare(&digits);
    assert!(f.is_empty());
    let groups = "123 ".repeat(1024 * 1024);
    let _ = bare(&groups);
    let commas = "1,000".repeat(200_000);
    let _ = bare(&commas);
    let han = "一".repeat(1024 * 1024);
    let _ = bare(&han);
    assert!(t.elapsed().as_secs() < 60, "{:?}", t.elapsed());
    // beyond f64: no figure, no panic
    assert!(bare("1e999 and 2^99999")
        .iter()
        .all(|f| f.1.is_some_and(f64::is_finite)));
    for s in ["", "-", "负", "百分之", "1/0", "0分之5", "minus", "$", "½"] {
        let _ = bare(s);
        let _ = ex().extract(s, &[]);
    }
}
