//! Throughput of the numeral grammar, of claim extraction and linking, and of checking one
//! article, on text from the deterministic generator in `corpus.rs`. See BENCHMARKS.md.

#[path = "corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Duration;

use claimcheck::claim::Linker;
use claimcheck::rules::Tolerances;
use claimcheck::table::Table;
use claimcheck::text::Document;
use claimcheck::Format;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const MB: usize = 1_000_000;

fn table(rows: usize) -> Vec<Table> {
    let yaml = corpus::Data::new(rows, 1).yaml();
    let mut no_csv = |p: &str| -> Result<String, String> { Err(format!("{p}: no CSV here")) };
    vec![Table::from_yaml("table.yaml", &yaml, &mut no_csv).expect("generated table loads")]
}

fn benches(c: &mut Criterion) {
    let text = corpus::text(MB, 1000, 1);
    let tables = table(1000);
    let linker = Linker::new(&tables);
    let tol = Tolerances::default();

    // (a) The numeral grammar alone, on 1 MB of Markdown read as plain text.
    let mut g = c.benchmark_group("grammar");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("extract/1MB", |b| {
        b.iter(|| claimcheck::extract(black_box(&text)))
    });
    g.finish();

    // (b) Quantities placed in the Markdown source, then claims: parse, extract, link (what
    // check_source does before the rules run; the linker takes plain-text offsets).
    let mut g = c.benchmark_group("claims");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("extract_source/1MB", |b| {
        b.iter(|| claimcheck::extract_source(black_box(&text), Format::Markdown))
    });
    g.bench_function("parse+extract+link/1MB", |b| {
        b.iter(|| {
            let doc = Document::parse(black_box(&text), Format::Markdown);
            let quantities = claimcheck::extract(&doc.plain);
            linker.claims(&doc, &quantities)
        })
    });
    g.finish();

    // (c) The whole check of one article: 100 KB (one file of the 20 MB / 200-file corpus)
    // against the 1,000-row table.
    let article = corpus::corpus(&corpus::Config {
        bytes: MB / 10,
        files: 1,
        rows: 1000,
        seed: 7,
        ..corpus::Config::default()
    })
    .articles
    .remove(0)
    .1;
    let mut g = c.benchmark_group("check");
    g.throughput(Throughput::Bytes(article.len() as u64));
    g.bench_function("check_source/article-100KB", |b| {
        b.iter(|| {
            claimcheck::check_source(
                "article.md",
                black_box(&article),
                Format::Markdown,
                &linker,
                &tables,
                &tol,
            )
        })
    });
    g.finish();
}

criterion_group! {
    name = extract;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = benches
}
criterion_main!(extract);
