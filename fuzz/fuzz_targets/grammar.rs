//! `claimcheck::extract` on arbitrary UTF-8: never panics, spans are on char boundaries, in
//! order, and cover exactly the quantity's text; the Markdown reading maps into the source.
#![no_main]

use claimcheck::{Document, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let qs = claimcheck::extract(text);
    let mut last_end = 0;
    for q in &qs {
        assert!(q.start <= q.end && q.end <= text.len(), "{q:?}");
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        assert_eq!(q.text, &text[q.start..q.end]);
        assert!(q.start >= last_end, "overlapping spans: {q:?}");
        last_end = q.end;
    }
    let doc = Document::parse(text, Format::Markdown);
    for q in claimcheck::quantities_of(&doc) {
        assert!(q.start <= q.end && q.end <= text.len(), "{q:?}");
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
    }
});
