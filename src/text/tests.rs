use super::*;

/// The sentences of `doc`, as text.
fn sentences<'d>(doc: &'d Document) -> Vec<&'d str> {
    doc.sentences
        .iter()
        .map(|s| &doc.plain[s.start..s.end])
        .collect()
}

fn plain(text: &str) -> Vec<String> {
    let doc = Document::parse(text, Format::Plain);
    sentences(&doc).into_iter().map(str::to_string).collect()
}

fn md(text: &str) -> Document<'_> {
    Document::parse(text, Format::Markdown)
}

/// The source text a plain span maps to.
fn source_of<'a>(doc: &Document<'a>, start: usize, end: usize) -> &'a str {
    &doc.source[doc.to_source(start)..doc.to_source_end(end)]
}

/// Checks the offset map of `doc` everywhere: char boundaries, bounds, monotonicity, and that
/// every word of `plain` found verbatim in the source maps back to itself.
fn check_map(doc: &Document) {
    let n = doc.plain.len();
    let starts: Vec<usize> = (0..=n).map(|p| doc.to_source(p)).collect();
    let ends: Vec<usize> = (0..=n).map(|p| doc.to_source_end(p)).collect();
    for p in 0..=n {
        for (what, s) in [("start", starts[p]), ("end", ends[p])] {
            assert!(s <= doc.source.len(), "{what} of {p} out of bounds");
            assert!(
                doc.source.is_char_boundary(s),
                "{what} of {p} not a char boundary"
            );
        }
        if p > 0 {
            assert!(starts[p - 1] <= starts[p], "to_source not monotonic at {p}");
            assert!(ends[p - 1] <= ends[p], "to_source_end not monotonic at {p}");
        }
    }
    // `to_source(p) <= to_source_end(q)` for p < q: enough to check q = p + 1, by monotonicity.
    for p in 0..n {
        assert!(starts[p] <= ends[p + 1], "span {p}..{} inverted", p + 1);
    }
    // Words: maximal runs of non-whitespace.
    let mut offset = 0;
    for word in doc.plain.split(char::is_whitespace) {
        let (start, end) = (offset, offset + word.len());
        offset = end + doc.plain[end..].chars().next().map_or(0, char::len_utf8);
        if word.is_empty() || !doc.source.contains(word) {
            continue;
        }
        let mapped = source_of(doc, start, end);
        if mapped.len() == word.len() {
            assert_eq!(mapped, word, "word at {start}");
        }
    }
}

// --- Sentences -------------------------------------------------------------------------------

#[test]
fn splits_simple_sentences() {
    assert_eq!(
        plain("Revenue rose 5%. Costs fell! Why? Nobody knows."),
        ["Revenue rose 5%.", "Costs fell!", "Why?", "Nobody knows."]
    );
}

#[test]
fn does_not_split_decimals() {
    assert_eq!(
        plain("Inflation was 1.5% in May. It fell to .5 percent in June."),
        [
            "Inflation was 1.5% in May.",
            "It fell to .5 percent in June."
        ]
    );
}

#[test]
fn splits_before_a_digit() {
    assert_eq!(
        plain("Sales hit a record in 2019. 2020 was worse."),
        ["Sales hit a record in 2019.", "2020 was worse."]
    );
}

#[test]
fn does_not_split_on_lowercase() {
    assert_eq!(
        plain("The plant makes cars, trucks, etc. and employs 5,000 people."),
        ["The plant makes cars, trucks, etc. and employs 5,000 people."]
    );
}

#[test]
fn etc_before_capital_ends_sentence() {
    assert_eq!(
        plain("They sell cars, trucks, etc. The firm employs 5,000."),
        ["They sell cars, trucks, etc.", "The firm employs 5,000."]
    );
}

#[test]
fn a_unit_after_a_figure_ends_a_sentence_where_the_same_letters_as_a_title_would_not() {
    assert_eq!(
        plain("Output fell to 31.9 Mt. Brazil made 30 Mt. The tower is 1,000 ft. It stands."),
        [
            "Output fell to 31.9 Mt.",
            "Brazil made 30 Mt.",
            "The tower is 1,000 ft.",
            "It stands."
        ]
    );
    assert_eq!(
        plain("He climbed Mt. Everest twice."),
        ["He climbed Mt. Everest twice."]
    );
}

#[test]
fn titles_do_not_end_sentences() {
    for text in [
        "Mr. Smith earned $5 million.",
        "Mrs. Jones and Ms. Lee met Dr. Patel and Prof. Chen in 2020.",
        "Sen. Warren and Rep. Ocasio-Cortez met Gov. Newsom.",
        "Gen. Milley, Col. Sanders, Lt. Dan and Sgt. Pepper were there.",
        "The ship sailed to St. Petersburg and past Mt. Everest to Ft. Worth.",
        "The case Roe vs. Wade was decided in 1973.",
        "Some cities, e.g. Paris, grew. Others, i.e. London, shrank.",
        "The crowd was approx. 5,000 people.",
        "The church was built c. 1350 and the bridge ca. 1400.",
        "The company, est. 1901, employs 300.",
        "See p. 12, pp. 13-15, fig. 3, vol. 2, ch. 4 and sec. 5.",
        "The dept. and the govt. spent $3 billion.",
        "J. K. Rowling sold 500 million books.",
    ] {
        let got = plain(text);
        let expected: Vec<&str> = if text.starts_with("Some cities") {
            vec![
                "Some cities, e.g. Paris, grew.",
                "Others, i.e. London, shrank.",
            ]
        } else {
            vec![text]
        };
        assert_eq!(got, expected, "{text}");
    }
}

#[test]
fn numbers_and_months() {
    assert_eq!(
        plain("It ranked No. 1 on Sept. 11 and Jan. 5. No. They said no."),
        [
            "It ranked No. 1 on Sept. 11 and Jan. 5.",
            "No.",
            "They said no."
        ]
    );
    assert_eq!(
        plain("The report came out in Dec. The next one is due in March."),
        [
            "The report came out in Dec.",
            "The next one is due in March."
        ]
    );
}

#[test]
fn country_abbreviations() {
    assert_eq!(
        plain("The U.S. President met U.K. officials and the U.N. Secretary-General."),
        ["The U.S. President met U.K. officials and the U.N. Secretary-General."]
    );
    assert_eq!(
        plain("A D.C.-based group said E.U. exports fell 3%."),
        ["A D.C.-based group said E.U. exports fell 3%."]
    );
    // At the end of the text there is nothing to be ambiguous about.
    assert_eq!(
        plain("Exports went to the U.S."),
        ["Exports went to the U.S."]
    );
}

#[test]
fn corporate_suffixes() {
    assert_eq!(
        plain("Apple Inc. said revenue rose. It was sold to Acme Corp. The deal closed."),
        [
            "Apple Inc. said revenue rose.",
            "It was sold to Acme Corp.",
            "The deal closed."
        ]
    );
}

#[test]
fn quotes() {
    assert_eq!(
        plain("He said \"it rose 5%.\" Then it fell. \"Really?\" she asked. 'Yes.' \u{201c}No.\u{201d} (Maybe.) Done."),
        [
            "He said \"it rose 5%.\"",
            "Then it fell.",
            "\"Really?\" she asked.",
            "'Yes.'",
            "\u{201c}No.\u{201d}",
            "(Maybe.)",
            "Done."
        ]
    );
    assert_eq!(
        plain("Prices rose. \"We are worried,\" he said."),
        ["Prices rose.", "\"We are worried,\" he said."]
    );
}

#[test]
fn ellipses_and_repeated_marks() {
    assert_eq!(
        plain("Wait... What?! It rose 300%."),
        ["Wait...", "What?!", "It rose 300%."]
    );
}

#[test]
fn non_ascii_text() {
    assert_eq!(
        plain("Le café. Élan grew 5 %. Ünal said €5 m."),
        ["Le café.", "Élan grew 5 %.", "Ünal said €5 m."]
    );
}

// --- Plain-text paragraphs -------------------------------------------------------------------

#[test]
fn plain_paragraphs_by_blank_line_and_line_end() {
    let text = "First paragraph ends here.\nSecond paragraph, one line.\n\nThird is\nwrapped over lines.\n  \nFourth.";
    let doc = Document::parse(text, Format::Plain);
    assert_eq!(doc.plain, text);
    let got: Vec<(usize, &str)> = doc
        .sentences
        .iter()
        .map(|s| (s.paragraph, &doc.plain[s.start..s.end]))
        .collect();
    assert_eq!(
        got,
        [
            (0, "First paragraph ends here."),
            (1, "Second paragraph, one line."),
            (2, "Third is\nwrapped over lines."),
            (3, "Fourth.")
        ]
    );
    assert_eq!(doc.paragraph_of(0), Some(0));
    assert_eq!(doc.paragraph_of(text.find("Fourth").unwrap_or(0)), Some(3));
}

#[test]
fn plain_wrap_after_title_is_not_a_paragraph() {
    let doc = Document::parse("It was Dr.\nSmith who said so.\nThe end.", Format::Plain);
    let got: Vec<(usize, &str)> = doc
        .sentences
        .iter()
        .map(|s| (s.paragraph, &doc.plain[s.start..s.end]))
        .collect();
    assert_eq!(
        got,
        [(0, "It was Dr.\nSmith who said so."), (1, "The end.")]
    );
}

#[test]
fn plain_headline_line_without_punctuation_is_a_wrap() {
    // Documented behaviour: plain text has no way to tell a headline from a wrapped line.
    let doc = Document::parse("Sales up\nSales rose 5%.", Format::Plain);
    assert_eq!(sentences(&doc), ["Sales up\nSales rose 5%."]);
}

#[test]
fn plain_crlf() {
    let text = "One rose 5%.\r\nTwo fell.\r\n\r\nThree is\r\nwrapped.\r\n";
    let doc = Document::parse(text, Format::Plain);
    assert_eq!(
        sentences(&doc),
        ["One rose 5%.", "Two fell.", "Three is\r\nwrapped."]
    );
    let paragraphs: Vec<usize> = doc.sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(paragraphs, [0, 1, 2]);
    check_map(&doc);
}

#[test]
fn plain_bom() {
    let text = "\u{feff}Revenue rose 5%. Costs fell.";
    let doc = Document::parse(text, Format::Plain);
    assert_eq!(doc.plain, "Revenue rose 5%. Costs fell.");
    assert_eq!(doc.to_source(0), 3);
    let s = &doc.sentences[1];
    assert_eq!(source_of(&doc, s.start, s.end), "Costs fell.");
    check_map(&doc);
}

#[test]
fn markdown_without_prose() {
    let doc = md("```\ncode.\n```\n\n<!-- only a comment -->\n");
    assert_eq!(doc.plain, "");
    assert!(doc.sentences.is_empty());
    assert_eq!(doc.comments().len(), 1);
    check_map(&doc);
}

#[test]
fn empty_input() {
    for format in [Format::Plain, Format::Markdown] {
        for text in ["", "\u{feff}", "   \n\n  ", "\u{feff}\r\n"] {
            let doc = Document::parse(text, format);
            assert!(doc.sentences.is_empty(), "{text:?} {format:?}");
            assert!(doc.paragraphs().is_empty());
            check_map(&doc);
            assert_eq!(doc.to_source(0), doc.to_source_end(0));
        }
    }
}

// --- Markdown --------------------------------------------------------------------------------

#[test]
fn markdown_blocks_are_paragraphs() {
    let doc = md("# Revenue in 2020\n\nRevenue rose 5%\nto $3 billion. Costs fell.\n\n- First item\n- Second item.\n\n> Quoted text here.\n");
    let got: Vec<(usize, &str)> = doc
        .sentences
        .iter()
        .map(|s| (s.paragraph, &doc.plain[s.start..s.end]))
        .collect();
    assert_eq!(
        got,
        [
            (0, "Revenue in 2020"),
            (1, "Revenue rose 5% to $3 billion."),
            (1, "Costs fell."),
            (2, "First item"),
            (3, "Second item."),
            (4, "Quoted text here."),
        ]
    );
    check_map(&doc);
}

#[test]
fn markdown_soft_break_maps_to_newline() {
    let doc = md("Revenue rose\nto $3 billion.");
    assert_eq!(doc.plain, "Revenue rose to $3 billion.");
    let space = doc.plain.find(" to").unwrap_or(0);
    assert_eq!(
        &doc.source[doc.to_source(space)..doc.to_source_end(space + 1)],
        "\n"
    );
    check_map(&doc);
}

#[test]
fn markdown_inline_markup() {
    let src = "Sales were **2,920** units, *up* ~~10%~~ 12% per [the report](https://example.com/a.b \"Title\").";
    let doc = md(src);
    assert_eq!(
        doc.plain,
        "Sales were 2,920 units, up 10% 12% per the report."
    );
    let at = doc.plain.find("2,920").unwrap_or(0);
    assert_eq!(source_of(&doc, at, at + 5), "2,920");
    // A span starting before the markup includes it.
    let were = doc.plain.find("were").unwrap_or(0);
    assert_eq!(source_of(&doc, were, at + 5), "were **2,920");
    check_map(&doc);
}

#[test]
fn markdown_code_is_not_prose() {
    let src = "Run `cargo test`now. The value`x`is 5.\n\n```rust\nlet x = 1.5;\n```\n\n    indented code.\n\nAfter code.";
    let doc = md(src);
    assert_eq!(doc.plain, "Run now. The value is 5.\n\nAfter code.");
    assert_eq!(
        sentences(&doc),
        ["Run now.", "The value is 5.", "After code."]
    );
    check_map(&doc);
}

#[test]
fn markdown_tables() {
    let src = "| Year | Revenue |\n|------|--------:|\n| 2020 | $1.5 billion |\n| 2021 | **$2 billion** |\n";
    let doc = md(src);
    assert_eq!(
        sentences(&doc),
        [
            "Year",
            "Revenue",
            "2020",
            "$1.5 billion",
            "2021",
            "$2 billion"
        ]
    );
    let paragraphs: Vec<usize> = doc.sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(paragraphs, [0, 1, 2, 3, 4, 5]);
    for s in &doc.sentences {
        assert_eq!(source_of(&doc, s.start, s.end), &doc.plain[s.start..s.end]);
    }
    check_map(&doc);
}

#[test]
fn markdown_front_matter_is_skipped() {
    let src = "---\ntitle: Revenue rose 5%.\ndate: 2020-01-01\n---\n\nRevenue rose 7%.\n";
    let doc = md(src);
    assert_eq!(doc.plain, "Revenue rose 7%.");
    let s = &doc.sentences[0];
    assert_eq!(
        doc.to_source(s.start),
        src.find("Revenue rose 7").unwrap_or(0)
    );
    check_map(&doc);
}

#[test]
fn markdown_html_comments() {
    let src = "First claim 5%.\n\n<!-- claimcheck: ignore -->\n\nSecond claim 6%. Inline <!-- note\nhere --> text.\n\n<div>html block 7%.</div>\n";
    let doc = md(src);
    assert_eq!(
        doc.plain,
        "First claim 5%.\n\nSecond claim 6%. Inline  text."
    );
    let comments = doc.comments();
    assert_eq!(comments.len(), 2);
    assert_eq!(comments[0].text, "claimcheck: ignore");
    assert_eq!(
        &src[comments[0].start..comments[0].end],
        "<!-- claimcheck: ignore -->"
    );
    // The block comment sits right before the next sentence.
    assert_eq!(comments[0].plain_offset, doc.sentences[1].start);
    assert_eq!(comments[1].text, "note\nhere");
    assert_eq!(
        &src[comments[1].start..comments[1].end],
        "<!-- note\nhere -->"
    );
    assert_eq!(
        comments[1].plain_offset,
        doc.plain.find("Inline ").unwrap_or(0) + 7
    );
    check_map(&doc);
    assert!(Document::parse(src, Format::Plain).comments().is_empty());
}

#[test]
fn text_after_a_comment_that_opens_a_line_is_prose() {
    // CommonMark reads the whole line as an HTML block; its words are still the article's.
    let src = "<!-- claimcheck-ignore --> Spain had 95. France had 130.\nMore 7.\n\n<!-- a\nnote --> Tail 8.\n\n<!-- only -->\n";
    let doc = md(src);
    assert_eq!(
        doc.plain,
        "Spain had 95. France had 130.\n\nMore 7.\n\nTail 8."
    );
    let comments = doc.comments();
    assert_eq!(comments.len(), 3);
    // The comment sits right before the sentence it opens.
    assert_eq!(comments[0].plain_offset, 0);
    assert_eq!(
        comments[1].plain_offset,
        doc.plain.find("Tail").unwrap_or(0)
    );
    let s = doc.plain.find("France").unwrap_or(0);
    assert_eq!(source_of(&doc, s, s + 6), "France");
    check_map(&doc);
}

#[test]
fn markdown_escapes_and_entities() {
    let src = "It costs \\$5 \\* 2 &amp; more&nbsp;than &#36;3.";
    let doc = md(src);
    assert_eq!(doc.plain, "It costs $5 * 2 & more\u{a0}than $3.");
    let five = doc.plain.find("$5").unwrap_or(0);
    assert_eq!(source_of(&doc, five, five + 2), "$5");
    let amp = doc.plain.find('&').unwrap_or(0);
    assert_eq!(source_of(&doc, amp, amp + 1), "&");
    // Characters that are not in the source map to their whole entity.
    let nbsp = doc.plain.find('\u{a0}').unwrap_or(0);
    assert_eq!(source_of(&doc, nbsp, nbsp + 2), "&nbsp;");
    let three = doc.plain.find("$3").unwrap_or(0);
    assert_eq!(source_of(&doc, three, three + 2), "&#36;3");
    check_map(&doc);
}

#[test]
fn markdown_crlf() {
    let src = "# Title\r\n\r\nRevenue rose\r\n5%. Costs fell.\r\n\r\n- item 2.5\r\n";
    let doc = md(src);
    assert_eq!(
        sentences(&doc),
        ["Title", "Revenue rose 5%.", "Costs fell.", "item 2.5"]
    );
    check_map(&doc);
}

#[test]
fn markdown_bom_and_front_matter() {
    let src = "\u{feff}---\ntitle: x\n---\nRevenue rose 5%.";
    let doc = md(src);
    assert_eq!(doc.plain, "Revenue rose 5%.");
    assert_eq!(source_of(&doc, 0, doc.plain.len()), "Revenue rose 5%.");
    check_map(&doc);
}

#[test]
fn markdown_footnotes_and_images() {
    let src = "Revenue rose 5%.[^1] ![chart of 9%](chart.png) Costs fell.\n\n[^1]: Annual report, p. 4.\n";
    let doc = md(src);
    assert_eq!(
        sentences(&doc),
        ["Revenue rose 5%.", "Costs fell.", "Annual report, p. 4."]
    );
    check_map(&doc);
}

// --- Offset map ------------------------------------------------------------------------------

#[test]
fn offset_map_properties_on_tricky_inputs() {
    let inputs = [
        "",
        "plain",
        "\u{feff}# Ünïcødé **héllo** wörld\n\n> quote *é*\n",
        "a `b` c\n\nd&eacute;f &#x1F600; \\* g",
        "| a | é |\n|---|---|\n| **1** | `x` |\n",
        "- [ ] task\n- [x] done 5%\n  1. nested\n",
        "Hard  \nbreak\\\nhere.\n\n---\n\n<!-- c -->text <span>inline</span> end",
        "[ref][r] and <https://example.com/x.y>\n\n[r]: https://a.b\n",
        "***\n\n# \n\nemoji 😀 here. Next 😀.\r\n\r\nCRLF\r\n",
    ];
    for text in inputs {
        for format in [Format::Markdown, Format::Plain] {
            let doc = Document::parse(text, format);
            check_map(&doc);
            for s in &doc.sentences {
                assert!(s.start < s.end && s.end <= doc.plain.len());
                assert!(doc.plain.is_char_boundary(s.start) && doc.plain.is_char_boundary(s.end));
            }
            for pair in doc.sentences.windows(2) {
                assert!(pair[0].end <= pair[1].start);
                assert!(pair[0].paragraph <= pair[1].paragraph);
            }
            // Out-of-range offsets do not panic either.
            let _ = (doc.to_source(usize::MAX), doc.to_source_end(usize::MAX));
        }
    }
}

#[test]
fn plain_format_is_identity() {
    let text = "Ünïcødé text. More 5%.\r\n";
    let doc = Document::parse(text, Format::Plain);
    assert_eq!(doc.plain, text);
    for p in 0..=text.len() {
        if text.is_char_boundary(p) {
            assert_eq!(doc.to_source(p), p);
            assert_eq!(doc.to_source_end(p), p);
        }
    }
    check_map(&doc);
}

// --- LineIndex -------------------------------------------------------------------------------

#[test]
fn line_index() {
    let text = "ab\r\nçd\nx";
    let index = LineIndex::new(text);
    assert_eq!(index.line_col(text, 0), (1, 1));
    assert_eq!(index.line_col(text, 2), (1, 3));
    // The `\r` of a CRLF is not a column.
    assert_eq!(index.line_col(text, 3), (1, 3));
    assert_eq!(index.line_col(text, 4), (2, 1));
    assert_eq!(index.line_col(text, 6), (2, 2));
    assert_eq!(index.line_col(text, 8), (3, 1));
    assert_eq!(index.line_col(text, 9), (3, 2));
    // Past the end, or inside a character: no panic.
    assert_eq!(index.line_col(text, 100), (3, 2));
    assert_eq!(index.line_col(text, 5), (2, 1));
}

#[test]
fn offset_map_properties_on_generated_inputs() {
    // Pieces that stress the parser and the map; a small LCG strings them together, so the test
    // is deterministic.
    const PIECES: &[&str] = &[
        "Revenue",
        " rose",
        " 5%.",
        " ",
        "\n",
        "\r\n",
        "\n\n",
        "**",
        "*",
        "_",
        "`",
        "```\n",
        "# ",
        "- ",
        "1. ",
        "> ",
        "| a | b |\n|---|---|\n",
        "|",
        "[",
        "](u)",
        "<!--",
        "-->",
        "<b>",
        "\\$",
        "\\",
        "&amp;",
        "&nbsp;",
        "&#36;",
        "&",
        "é",
        "😀",
        "U.S.",
        " Dr.",
        " No. 1",
        "\"",
        "\u{201c}",
        "\u{201d}",
        "?",
        "!",
        "...",
        "---\n",
        "[^1]",
        "[^1]: ",
        "\u{feff}",
        "    ",
        "\t",
        "1.5",
        "~~",
        "![alt",
        "<https://a.b>",
        "  \n",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    for _ in 0..400 {
        let len = next() % 40;
        let text: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
        for format in [Format::Markdown, Format::Plain] {
            let doc = Document::parse(&text, format);
            check_map(&doc);
            for pair in doc.sentences.windows(2) {
                assert!(pair[0].end <= pair[1].start, "{text:?}");
            }
            for c in doc.comments() {
                assert!(c.start < c.end && c.end <= text.len());
                assert!(c.plain_offset <= doc.plain.len());
            }
        }
    }
}

#[test]
fn large_input_is_fast() {
    // Quadratic behaviour would make this take minutes, not milliseconds.
    let paragraph =
        "The U.S. economy grew 2.5% in 2020, Dr. Smith said. Revenue hit **$3 billion** \
                     (up `x` 5%) &amp; costs fell.\n\n";
    let text = paragraph.repeat(20_000);
    for format in [Format::Markdown, Format::Plain] {
        let doc = Document::parse(&text, format);
        assert_eq!(doc.sentences.len(), 40_000);
        let last = doc.plain.len();
        assert!(doc.to_source(last / 2) <= doc.to_source_end(last));
    }
    let index = LineIndex::new(&text);
    assert_eq!(index.line_col(&text, text.len()).0, 40_001);
}

#[test]
fn a_line_break_after_a_sentence_end_ends_it_whatever_follows() {
    let doc = md("Jordan has 3,000.\nfrance had 1,910.");
    assert_eq!(sentences(&doc), ["Jordan has 3,000.", "france had 1,910."]);
    check_map(&doc);
    // A title's dot before a line break is a wrap.
    let doc = md("The report by Dr.\nSmith counted 3,000.");
    assert_eq!(sentences(&doc).len(), 1);
    // Without a sentence end, a soft break is a space.
    let doc = md("Revenue rose\nto $3 billion.");
    assert_eq!(sentences(&doc), ["Revenue rose to $3 billion."]);
}

#[test]
fn a_line_opening_with_a_dash_starts_a_sentence() {
    assert_eq!(
        plain("Tunisia had 2,926 fighters\n-- France had 1,910."),
        ["Tunisia had 2,926 fighters", "-- France had 1,910."]
    );
}
