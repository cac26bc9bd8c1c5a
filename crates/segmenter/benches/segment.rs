//! Throughput of `Segmenter::tokens` on mixed news text, in characters/s.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsfacts_segmenter::Segmenter;

const SIMPLIFIED: &str = "英伟达周三发布财报，第三财季营收达到350.8亿美元，同比增长94%。\
数据中心业务收入308亿美元，H100和H200的需求依然强劲，Blackwell架构的GB200将于第四季度量产。\
华为昇腾910B与Ascend 910D在国内市场份额持续提升，中芯国际7nm工艺良率约为50%。\
寒武纪股价上涨8.5%，市值突破3298.82亿元，公司表示将出货18,000张加速卡。";

const TRADITIONAL: &str = "台積電宣布將在美國亞利桑那州興建第三座晶圓廠，採用2奈米製程，\
預計投資金額達到650億美元。輝達執行長黃仁勳表示，GPT-4o等大型語言模型的訓練需要大量HBM3E記憶體，\
超微的MI300X加速器也獲得微軟與甲骨文採用，市占率約為10%。";

/// Prose with no Latin or digits: all of it goes through jieba, the worst
/// case for throughput.
const HAN_ONLY: &str = "国产人工智能芯片企业近年来加快了产品迭代的步伐，多家公司在训练和推理两个方向同时发力，\
业内人士认为，随着大模型应用逐步落地，算力需求将持续增长，但先进制程产能和高带宽存储供应仍是制约行业发展的主要瓶颈。\
与此同时，地方政府纷纷出台扶持政策，鼓励数据中心采购国产加速卡，并推动软件生态建设，以降低开发者的迁移成本。";

fn bench(c: &mut Criterion) {
    let seg = Segmenter::new(["英伟达", "寒武纪", "昇腾910B", "台積電", "輝達"]);
    let mut group = c.benchmark_group("tokens");
    for (name, para) in [
        ("simplified", SIMPLIFIED),
        ("traditional", TRADITIONAL),
        ("han_only", HAN_ONLY),
    ] {
        let text = para.repeat(50);
        group.throughput(Throughput::Elements(text.chars().count() as u64));
        group.bench_function(name, |b| b.iter(|| seg.tokens(std::hint::black_box(&text))));
    }
    group.finish();
    c.bench_function("load", |b| b.iter(|| Segmenter::new(["英伟达", "寒武纪"])));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
