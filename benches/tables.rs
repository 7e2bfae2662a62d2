//! Loading reference tables: a 100,000-row long-form YAML table and a 1,000,000-row wide-form
//! CSV table, the way the CLI reads them (the CSV is read from disk by the callback, relative
//! to the YAML's folder). Also building the linker's index over the 100k-row table.

#[path = "corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use claimcheck::claim::Linker;
use claimcheck::table::Table;
use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};

/// Where the generated tables are written (cargo runs benches from the crate root).
const DIR: &str = "target/bench-tables";

fn read_file(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn benches(c: &mut Criterion) {
    std::fs::create_dir_all(DIR).expect("create target/bench-tables");
    let yaml_100k = corpus::Data::new(100_000, 1).yaml();
    let (csv, csv_yaml) = corpus::wide_csv(1_000_000, 1, "table.csv");
    let yaml_path = format!("{DIR}/table-csv.yaml");
    std::fs::write(Path::new(DIR).join("table.csv"), &csv).expect("write table.csv");
    std::fs::write(&yaml_path, &csv_yaml).expect("write table-csv.yaml");

    let mut g = c.benchmark_group("tables");
    g.sampling_mode(SamplingMode::Flat);

    g.throughput(Throughput::Bytes(yaml_100k.len() as u64));
    g.bench_function("from_yaml/100k-rows", |b| {
        b.iter(|| {
            let mut read = read_file;
            Table::from_yaml("table.yaml", black_box(&yaml_100k), &mut read).expect("loads")
        })
    });

    g.throughput(Throughput::Bytes((csv.len() + csv_yaml.len()) as u64));
    g.bench_function("from_yaml+csv/1M-rows", |b| {
        b.iter(|| {
            // As the CLI does: read the YAML, then the CSV it names, from disk.
            let yaml = read_file(&yaml_path).expect("read yaml");
            let mut read = read_file;
            Table::from_yaml(&yaml_path, &yaml, &mut read).expect("loads")
        })
    });

    let tables = {
        let mut read = read_file;
        vec![Table::from_yaml("table.yaml", &yaml_100k, &mut read).expect("loads")]
    };
    g.throughput(Throughput::Elements(100_000));
    g.bench_function("linker_new/100k-rows", |b| {
        b.iter(|| Linker::new(black_box(&tables)))
    });
    g.finish();
}

criterion_group! {
    name = tables;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    targets = benches
}
criterion_main!(tables);
