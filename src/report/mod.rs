//! Writers of findings and quantities; one per format, over the same values.

/// A number as people write it in a report: integers without a fraction, others with up to
/// six significant decimals and no trailing zeros.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}
