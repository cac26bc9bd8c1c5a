//! Benchmark server (not a test): serves generated article pages on
//! 127.0.0.1 .. 127.0.0.N at one port, so a crawl sees N hosts.
//!
//! Usage: `bench_server HOSTS` -> prints the port, then serves until killed.
//! `GET /p/{i}.html` is article `i` (English or Chinese, ~3 KB, with page
//! chrome, companies, chips and figures); `/robots.txt` allows everything.

#[path = "../../../tests/support/http_server.rs"]
mod http_server;

use http_server::{Reply, Server};
use std::sync::Arc;

const ZH: &[&str] = &[
    "寒武纪{n}日发布公告称，公司第三季度营收达到{n}.5亿元，同比增长{p}%。",
    "思元590出货量超过{n}万张卡，主要客户来自互联网与运营商。",
    "英伟达H100与H20在中国市场的供货仍然紧张，渠道价格上涨{p}%。",
    "华为昇腾910C集群算力达到{q} PFLOPS，功耗约{n}兆瓦。",
    "分析师表示，海光信息与摩尔线程也在加速推出新一代训练芯片。",
    "据报道，台积电{n}纳米产能利用率维持高位，订单排至明年第{n}季度。",
    "CoWoS封装产能预计明年翻倍至每月{q}万片晶圆，仍难满足需求。",
    "壁仞科技完成新一轮融资，金额约{n}亿元，估值超过{q}亿元。",
    "沐曦发布曦云C{q}，单卡显存{n}GB，带宽达到{n}.2TB/s。",
    "中芯国际表示，先进制程良率提升{p}个百分点，月产能增加{n}千片。",
    "阿里云称其自研含光芯片已部署超过{n}万颗，用于推理业务。",
    "百度昆仑芯第三代产品将于{n}月量产，性能较上代提升{n}倍。",
    "长江存储与长鑫存储加快HBM研发，预计{n}年内实现小批量供货。",
    "地平线征程{n}芯片累计出货突破{q}万片，覆盖{p}个车型。",
    "天数智芯表示，其训练卡在大模型场景下的利用率达到{p}%。",
    "燧原科技新品功耗为{q}瓦，面向数据中心推理市场。",
];

const EN: &[&str] = &[
    "NVIDIA said on Tuesday that data-center revenue rose {p}% to ${n}.2 billion as H200 shipments ramped.",
    "AMD expects the MI355X to deliver {q} TFLOPS of FP8 compute in the second half.",
    "Intel said Gaudi 3 pricing, around ${n},500 per card, would undercut rivals.",
    "SK hynix and Samsung are racing to ship HBM4 with up to {n}.5 TB/s of bandwidth per stack.",
    "Broadcom booked ${n} billion of custom accelerator orders from {n} hyperscale customers.",
    "TSMC raised its CoWoS capacity target to {q},000 wafers a month by the end of next year.",
    "Cerebras said its wafer-scale engine trained a {q}-billion-parameter model in {n} days.",
    "Groq raised ${n}00 million at a valuation of ${q} million to expand its LPU cloud.",
    "Micron said HBM revenue grew {p}% sequentially and its supply is sold out for {n} quarters.",
    "Qualcomm introduced the AI{q} inference card with {n}GB of memory for data centers.",
    "Google said its Ironwood TPU delivers {n}.6 EFLOPS per pod at {p}% lower power.",
    "Amazon Web Services said Trainium2 instances now run {p}% of its internal training jobs.",
    "Tenstorrent shipped {n},000 Blackhole cards and opened a design center with {q} engineers.",
    "Analysts at the firm expect accelerator spending to reach ${q} billion within {n} years.",
    "Marvell said its custom AI revenue would exceed ${n}.5 billion, up {p}% from a year earlier.",
    "Arm said {p}% of new data-center CPUs shipped by partners now include matrix extensions.",
];

/// Five sentences per paragraph, two paragraphs, chosen by a small LCG so
/// articles differ as real ones do (not near-duplicates of each other).
fn article(i: usize) -> String {
    let n = i % 97 + 3;
    let (p, q) = (n * 3 % 100 + 1, n * 11 + i % 1000);
    let pool = if i & 1 == 0 { ZH } else { EN };
    let mut state = (i as u64)
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1);
    let mut body = String::new();
    for _ in 0..2 {
        body.push_str("<p>");
        for _ in 0..5 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let s = pool[(state >> 33) as usize % pool.len()];
            body.push_str(
                &s.replace("{n}", &n.to_string())
                    .replace("{p}", &p.to_string())
                    .replace("{q}", &q.to_string()),
            );
            body.push(' ');
        }
        body.push_str("</p>");
    }
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Chip news {i}</title></head><body>\
         <nav><a href=\"/\">Home</a> | <a href=\"/markets\">Markets</a> | <a href=\"/tech\">Tech</a> | <a href=\"/about\">About</a></nav>\
         <article><h1>Chip news {i}</h1>{body}</article>\
         <aside><h3>Related</h3><ul><li><a href=\"/p/{a}.html\">More chip news {a}</a></li><li><a href=\"/p/{b}.html\">More chip news {b}</a></li></ul></aside>\
         <footer>Copyright 2026 Example News. All rights reserved. Contact: news@example.com</footer></body></html>",
        a = i + 1,
        b = i + 2
    )
}

fn main() {
    let hosts: u8 = std::env::args()
        .nth(1)
        .and_then(|h| h.parse().ok())
        .unwrap_or(50)
        .clamp(1, 250);
    let ips: Vec<std::net::IpAddr> = (1..=hosts)
        .map(|h| std::net::IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, h)))
        .collect();
    let server = Server::start_on(
        &ips,
        Arc::new(|r: &http_server::Request| {
            if let Some(i) = r
                .path
                .strip_prefix("/p/")
                .and_then(|p| p.strip_suffix(".html"))
                .and_then(|n| n.parse::<usize>().ok())
            {
                return Reply::ok("text/html; charset=utf-8", article(i));
            }
            Reply::status(404)
        }),
    );
    println!("{}", server.port);
    loop {
        std::thread::park();
    }
}
