//! The map from byte offsets in [`Document::plain`](super::Document::plain) back to the source.
//!
//! The plain text is built left to right out of three kinds of pieces:
//!
//! * *verbatim* pieces, copied byte for byte from the source: offsets inside them map exactly;
//! * *opaque* pieces, whose text differs from the source they stand for (an entity such as
//!   `&nbsp;`, a soft line break rendered as a space): every offset inside maps to the start of
//!   their source range for a span start, and to its end for a span end;
//! * *gaps*: separators inserted by the parser (the blank line between blocks, the space left
//!   where a code span was), which stand for no source text at all and have no segment.
//!
//! Segments are kept sorted and non-overlapping in both plain and source order, so lookups are a
//! binary search and the map is monotonic: a later plain offset never maps to an earlier source
//! offset.

/// One piece of plain text that stands for a range of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    plain: usize,
    plain_len: usize,
    source: usize,
    source_len: usize,
    /// The plain bytes are the source bytes (so `plain_len == source_len`).
    verbatim: bool,
}

impl Segment {
    fn plain_end(&self) -> usize {
        self.plain + self.plain_len
    }

    fn source_end(&self) -> usize {
        self.source + self.source_len
    }
}

/// Builds the plain text and its offset map together, so they cannot drift apart.
#[derive(Debug, Clone, Default)]
pub(crate) struct OffsetMap {
    segments: Vec<Segment>,
    /// Where the prose starts in the source (after a byte-order mark): the image of every offset
    /// when there is no segment at all.
    base: usize,
}

impl OffsetMap {
    pub(crate) fn new(base: usize) -> OffsetMap {
        OffsetMap {
            segments: Vec::new(),
            base,
        }
    }

    /// End of the source covered so far; new segments never start before it.
    fn source_frontier(&self) -> usize {
        self.segments.last().map_or(self.base, Segment::source_end)
    }

    /// Appends `text`, copied verbatim from `source[source_start..]`.
    pub(crate) fn push_verbatim(
        &mut self,
        plain: &mut String,
        source: &str,
        text: &str,
        source_start: usize,
    ) {
        if text.is_empty() {
            return;
        }
        if source_start < self.source_frontier()
            || source.get(source_start..source_start + text.len()) != Some(text)
        {
            // Out of source order, or not actually verbatim (neither expected): keep the map
            // monotonic and on char boundaries at the price of precision.
            let at = self.source_frontier();
            self.push_opaque(plain, source, text, at, at);
            return;
        }
        let plain_start = plain.len();
        plain.push_str(text);
        if let Some(last) = self.segments.last_mut() {
            if last.verbatim && last.plain_end() == plain_start && last.source_end() == source_start
            {
                last.plain_len += text.len();
                last.source_len += text.len();
                return;
            }
        }
        self.segments.push(Segment {
            plain: plain_start,
            plain_len: text.len(),
            source: source_start,
            source_len: text.len(),
            verbatim: true,
        });
    }

    /// Appends `text`, which stands for `source[source_start..source_end]` without being equal
    /// to it.
    pub(crate) fn push_opaque(
        &mut self,
        plain: &mut String,
        source: &str,
        text: &str,
        source_start: usize,
        source_end: usize,
    ) {
        if text.is_empty() {
            return;
        }
        // Whatever the caller's range, the segment must cover whole characters of the source and
        // come after what is already mapped.
        let source_start = floor_char_boundary(source, source_start).max(self.source_frontier());
        let source_end = ceil_char_boundary(source, source_end).max(source_start);
        self.segments.push(Segment {
            plain: plain.len(),
            plain_len: text.len(),
            source: source_start,
            source_len: source_end - source_start,
            verbatim: false,
        });
        plain.push_str(text);
    }

    /// Appends `text`, which the parser produced for `source[start..end]`: verbatim where it
    /// can be found there in order (escapes such as `\$` simply drop the backslash), opaque where
    /// it cannot (entities such as `&nbsp;`).
    pub(crate) fn push_mapped(
        &mut self,
        plain: &mut String,
        source: &str,
        text: &str,
        start: usize,
        end: usize,
    ) {
        let Some(raw) = source.get(start..end) else {
            self.push_opaque(plain, source, text, start, end);
            return;
        };
        if raw == text {
            self.push_verbatim(plain, source, text, start);
            return;
        }
        // How far ahead to look for the next character: long enough to step over any escape or
        // entity (`&CounterClockwiseContourIntegral;` is 33 bytes), short enough to keep the
        // alignment linear.
        const WINDOW: usize = 40;
        let mut cursor = 0; // in `raw`
                            // A run of text characters not found in the source: (start in `text`, cursor then).
        let mut unmatched: Option<(usize, usize)> = None;
        for (i, c) in text.char_indices() {
            let found = raw[cursor..]
                .char_indices()
                .take_while(|&(off, _)| off < WINDOW)
                .find(|&(_, r)| r == c)
                .map(|(off, _)| cursor + off);
            match found {
                Some(at) => {
                    if let Some((run, from)) = unmatched.take() {
                        self.push_opaque(plain, source, &text[run..i], start + from, start + at);
                    }
                    let len = c.len_utf8();
                    self.push_verbatim(plain, source, &text[i..i + len], start + at);
                    cursor = at + len;
                }
                None => {
                    unmatched.get_or_insert((i, cursor));
                }
            }
        }
        if let Some((run, from)) = unmatched {
            self.push_opaque(plain, source, &text[run..], start + from, end);
        }
    }

    /// Source offset for a span starting at plain byte `p`.
    pub(crate) fn to_source(&self, source: &str, p: usize) -> usize {
        // The first segment that ends after `p`.
        let i = self.segments.partition_point(|s| s.plain_end() <= p);
        match self.segments.get(i) {
            Some(s) if s.plain <= p => {
                if s.verbatim {
                    floor_char_boundary(source, s.source + (p - s.plain))
                } else {
                    s.source
                }
            }
            // In a gap: the separator belongs to what follows it.
            Some(s) => s.source,
            None => self.source_frontier(),
        }
    }

    /// Source offset for a span ending (exclusively) at plain byte `q`.
    pub(crate) fn to_source_end(&self, source: &str, q: usize) -> usize {
        // The number of segments starting before `q`; the last of them holds byte `q - 1`, or
        // ends before it.
        let i = self.segments.partition_point(|s| s.plain < q);
        let Some(s) = i.checked_sub(1).and_then(|i| self.segments.get(i)) else {
            // An empty span before any prose.
            return self.to_source(source, q);
        };
        if q <= s.plain_end() {
            if s.verbatim {
                ceil_char_boundary(source, s.source + (q - s.plain))
            } else {
                s.source_end()
            }
        } else {
            // The span ends inside a gap, so it includes separator bytes: consistently with
            // `to_source`, the separator stretches up to the next segment.
            self.segments
                .get(i)
                .map_or(s.source_end(), |next| next.source)
        }
    }
}

/// The largest char boundary of `s` at or below `i` (clamped to `s.len()`).
pub(crate) fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or above `i` (clamped to `s.len()`).
pub(crate) fn ceil_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}
