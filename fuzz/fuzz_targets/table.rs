//! `Table::from_yaml` on arbitrary text: an error or a table, never a panic or a hang. The CSV
//! reader returns the input itself (so `csv:` tables read fuzzed CSV) or a fixed CSV.
#![no_main]

use claimcheck::table::Table;
use libfuzzer_sys::fuzz_target;

const CSV: &str = "Country,Fighters,Year\nRussia,3417,2017\nTunisia,\"2,926\",2017\n";

fuzz_target!(|text: &str| {
    let mut as_input = |_: &str| -> Result<String, String> { Ok(text.to_string()) };
    let _ = Table::from_yaml("fuzz.yaml", text, &mut as_input);
    let mut fixed = |path: &str| -> Result<String, String> {
        if path.ends_with(".csv") {
            Ok(CSV.to_string())
        } else {
            Err(format!("{path}: no such file"))
        }
    };
    if let Err(e) = Table::from_yaml("fuzz.yaml", text, &mut fixed) {
        assert!(!e.message.is_empty());
    }
});
