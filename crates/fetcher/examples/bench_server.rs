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

fn article(i: usize) -> String {
    let n = i % 97 + 3;
    let body = if i & 1 == 0 {
        format!(
            "<p>寒武纪{n}日发布公告称，公司第三季度营收达到{n}.5亿元，同比增长{p}%，思元590出货量超过{n}万张卡。</p>\
             <p>英伟达H100与H20在中国市场的供货仍然紧张，华为昇腾910C集群算力达到{q} PFLOPS，功耗约{n}兆瓦。</p>\
             <p>分析师表示，海光信息与摩尔线程也在加速推出新一代训练芯片，国产替代进程明显加快。</p>\
             <p>据报道，台积电{n}纳米产能利用率维持高位，CoWoS封装产能预计明年翻倍至每月{q}万片晶圆。</p>",
            p = n * 3,
            q = n * 11
        )
    } else {
        format!(
            "<p>NVIDIA said on Tuesday that data-center revenue rose {p}% to ${n}.2 billion as H200 shipments ramped.</p>\
             <p>AMD expects the MI355X to deliver {q} TFLOPS of FP8 compute, and said it shipped more than {n},000 accelerators.</p>\
             <p>Analysts at the firm said Intel Gaudi 3 pricing, around ${n},500 per card, could pressure margins next year.</p>\
             <p>SK hynix and Samsung are racing to ship HBM4 with bandwidth of up to {n}.5 TB/s per stack.</p>",
            p = n * 3,
            q = n * 100
        )
    };
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
