//! Writes a deterministic benchmark corpus: news-like Markdown articles and the reference
//! table they talk about.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --mb 20 --files 200 --rows 1000 --seed 1 --out target/corpus
//! cargo run --release --example gen_corpus -- --mb 0 --files 0 --csv-rows 1000000 --out target/corpus-1m
//! ```
//!
//! Output: `OUT/articles/article-NNNN.md`, `OUT/table.yaml` (long-form records) and, with
//! `--csv-rows N`, `OUT/table.csv` + `OUT/table-csv.yaml` (wide-form CSV). The generator itself
//! lives in `benches/corpus.rs`, shared with `cargo bench`.

#[path = "../benches/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_corpus [--mb MB] [--files F] [--rows R] [--seed S] [--wrong SHARE] [--csv-rows N] [--out DIR]
  --mb        total size of the articles in MB (default 20; 0 writes no articles)
  --files     number of articles (default 200)
  --rows      records in table.yaml, 1..1000000 (default 1000)
  --seed      PRNG seed (default 1)
  --wrong     share of table figures stated wrong (default 0.05)
  --csv-rows  also write table.csv with N rows and table-csv.yaml (default: none)
  --out       output folder (default target/corpus)";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut mb = 20.0f64;
    let mut files = 200usize;
    let mut rows = 1000usize;
    let mut seed = 1u64;
    let mut wrong = 0.05f64;
    let mut csv_rows = 0usize;
    let mut out = PathBuf::from("target/corpus");
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "-h" || flag == "--help" {
            println!("{USAGE}");
            return Ok(());
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let bad = |_| format!("{flag}: not a valid value: {value}");
        match flag.as_str() {
            "--mb" => mb = value.parse().map_err(|_| bad(()))?,
            "--files" => files = value.parse().map_err(|_| bad(()))?,
            "--rows" => rows = value.parse().map_err(|_| bad(()))?,
            "--seed" => seed = value.parse().map_err(|_| bad(()))?,
            "--wrong" => wrong = value.parse().map_err(|_| bad(()))?,
            "--csv-rows" => csv_rows = value.parse().map_err(|_| bad(()))?,
            "--out" => out = PathBuf::from(&value),
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    if !(1..=1_000_000).contains(&rows) {
        return Err(format!("--rows must be 1..1000000, not {rows}"));
    }
    if !(0.0..=1.0).contains(&wrong) {
        return Err(format!("--wrong must be 0..1, not {wrong}"));
    }
    let write = |name: &str, text: &str| -> Result<(), String> {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;

    let bytes = (mb * 1_000_000.0) as usize;
    let cfg = corpus::Config {
        bytes,
        files: if bytes == 0 { 0 } else { files.max(1) },
        rows,
        seed,
        wrong,
    };
    let data = corpus::Data::new(rows, seed);
    write("table.yaml", &data.yaml())?;
    if cfg.files > 0 {
        let dir = out.join("articles");
        // Start clean so a smaller corpus does not keep a larger one's files.
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let c = corpus::corpus(&cfg);
        for (name, text) in &c.articles {
            write(&format!("articles/{name}"), text)?;
        }
        let s = &c.stats;
        println!(
            "{}: {} files, {} bytes, {} numbers (one per {:.0} bytes), {} table figures, {} wrong",
            dir.display(),
            s.files,
            s.bytes,
            s.numbers,
            s.bytes as f64 / s.numbers.max(1) as f64,
            s.claims,
            s.wrong
        );
    }
    println!("{}: {rows} records", out.join("table.yaml").display());
    if csv_rows > 0 {
        let (csv, yaml) = corpus::wide_csv(csv_rows, seed, "table.csv");
        write("table.csv", &csv)?;
        write("table-csv.yaml", &yaml)?;
        println!(
            "{}: {csv_rows} rows ({} bytes)",
            out.join("table.csv").display(),
            csv.len()
        );
    }
    Ok(())
}
