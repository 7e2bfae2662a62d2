//! Source files as prose: Markdown or plain text → plain text with an offset map back to the
//! source, sentences and paragraphs, and a line/column index.

mod map;
mod markdown;
mod sentences;
#[cfg(test)]
mod tests;

use std::ops::Range;

use map::OffsetMap;

/// How a source file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Plain,
}

impl Format {
    /// Chooses the format from a file name: `.md`/`.markdown` are Markdown, anything else is plain.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Format::Markdown
        } else {
            Format::Plain
        }
    }
}

/// One sentence: a byte range into [`Document::plain`] and the paragraph it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (block) this sentence is in, counting from 0.
    pub paragraph: usize,
}

/// An HTML comment `<!-- … -->` in a Markdown source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Byte range of the whole comment, markers included, in [`Document::source`].
    pub start: usize,
    pub end: usize,
    /// The text between the markers, trimmed.
    pub text: String,
    /// The offset in [`Document::plain`] where the comment sits: prose before it ends at or
    /// before this offset, prose after it starts at or after it.
    pub plain_offset: usize,
}

/// A source file read as prose.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub source: &'a str,
    /// The prose of the file: Markdown syntax, code, HTML comments and front matter removed.
    pub plain: String,
    pub sentences: Vec<Sentence>,
    map: OffsetMap,
    paragraphs: Vec<Range<usize>>,
    comments: Vec<Comment>,
}

impl<'a> Document<'a> {
    /// Reads `source` in `format`: a leading byte-order mark is skipped, Markdown is reduced to
    /// its prose, and the prose is split into paragraphs and sentences.
    pub fn parse(source: &'a str, format: Format) -> Document<'a> {
        let base = if source.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        };
        let (plain, map, paragraphs, comments) = match format {
            Format::Markdown => {
                let prose = markdown::parse(source, base);
                (prose.plain, prose.map, prose.paragraphs, prose.comments)
            }
            Format::Plain => {
                let body = &source[base..];
                let mut plain = String::with_capacity(body.len());
                let mut map = OffsetMap::new(base);
                map.push_verbatim(&mut plain, source, body, base);
                let paragraphs = plain_paragraphs(&plain);
                (plain, map, paragraphs, Vec::new())
            }
        };
        let mut sentences = Vec::new();
        for (index, range) in paragraphs.iter().enumerate() {
            sentences::split(&plain, range.clone(), index, &mut sentences);
        }
        Document {
            source,
            plain,
            sentences,
            map,
            paragraphs,
            comments,
        }
    }

    /// Maps a byte offset in `plain` to a byte offset in `source` (for the start of a span).
    ///
    /// An offset inside a separator the parser inserted (between blocks, in place of a code
    /// span) maps to the start of the prose after it. The result is always a char boundary of
    /// `source`.
    pub fn to_source(&self, plain_offset: usize) -> usize {
        self.map.to_source(self.source, plain_offset)
    }

    /// Maps an exclusive end offset in `plain` to an exclusive end offset in `source`.
    ///
    /// The end of a piece of prose maps to the end of its source text, not to the start of the
    /// next one. An end inside an inserted separator (so the span includes separator bytes)
    /// maps, like [`Document::to_source`], to the start of the prose after it. The result is
    /// always a char boundary of `source`, and `to_source(p) <= to_source_end(q)` whenever
    /// `p < q`.
    pub fn to_source_end(&self, plain_end: usize) -> usize {
        self.map.to_source_end(self.source, plain_end)
    }

    /// Byte ranges of `plain`, one per paragraph, indexed by [`Sentence::paragraph`].
    pub fn paragraphs(&self) -> &[Range<usize>] {
        &self.paragraphs
    }

    /// The paragraph that holds plain byte `plain_offset`, if any.
    pub fn paragraph_of(&self, plain_offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.end <= plain_offset);
        self.paragraphs
            .get(i)
            .filter(|p| p.start <= plain_offset)
            .map(|_| i)
    }

    /// The HTML comments of a Markdown source, in order (none for plain text).
    pub fn comments(&self) -> &[Comment] {
        &self.comments
    }
}

/// Paragraphs of plain text: runs of lines separated by blank lines, where a line that ends a
/// sentence also ends its paragraph (see [`sentences::ends_line_paragraph`]).
fn plain_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut paragraphs = Vec::new();
    let mut current: Option<usize> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let next_line = line_start + line.len();
        let content_end = line_start + line.trim_end().len();
        if line.trim().is_empty() {
            if let Some(start) = current.take() {
                paragraphs.push(start..line_start);
            }
        } else {
            current.get_or_insert(line_start);
            // Only the line before a run of blank lines looks ahead through it, so this stays
            // linear.
            let next = text[next_line..].trim_start().chars().next();
            if sentences::ends_line_paragraph(text, content_end, next) {
                if let Some(start) = current.take() {
                    paragraphs.push(start..next_line);
                }
            }
        }
        line_start = next_line;
    }
    if let Some(start) = current {
        paragraphs.push(start..text.len());
    }
    paragraphs
}

/// 1-based line and column (column counted in characters) for byte offsets of a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// Every `ANCHOR_EVERY` bytes, a char boundary and its column (0-based) on its line, so a
    /// column is counted from a nearby anchor rather than from the start of a long line.
    anchors: Vec<(usize, usize)>,
}

const ANCHOR_EVERY: usize = 1024;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        let mut anchors = Vec::with_capacity(text.len() / ANCHOR_EVERY + 1);
        let mut column = 0;
        let mut next_anchor = ANCHOR_EVERY;
        for (i, c) in text.char_indices() {
            if i >= next_anchor {
                anchors.push((i, column));
                next_anchor = i + ANCHOR_EVERY;
            }
            if c == '\n' {
                line_starts.push(i + 1);
                column = 0;
            } else {
                column += 1;
            }
        }
        LineIndex {
            line_starts,
            anchors,
        }
    }

    /// Line and column (both 1-based, column in characters) of byte `offset` in `text`.
    ///
    /// Lines split on `\n`; the `\r` of a `\r\n` is not a column, so the `\n` has the column
    /// the `\r` would have. An offset past the end is taken as the end, and one inside a
    /// character as the start of that character.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = map::floor_char_boundary(text, offset);
        let line = self
            .line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.line_starts.get(line).copied().unwrap_or(0).min(offset);
        // Count from the last anchor on this line, if there is one.
        let a = self.anchors.partition_point(|&(at, _)| at <= offset);
        let (from, base) = match a.checked_sub(1).map(|k| self.anchors[k]) {
            Some((at, col)) if at >= start => (at, col),
            _ => (start, 0),
        };
        let before = &text[start..offset];
        let mut column = base + text[from..offset].chars().count() + 1;
        if before.ends_with('\r') && text[offset..].starts_with('\n') {
            column -= 1;
        }
        (line + 1, column)
    }
}
