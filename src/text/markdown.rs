//! Markdown → plain prose, with its offset map, paragraphs and HTML comments.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::map::OffsetMap;
use super::Comment;

/// What reading a Markdown source produces.
pub(crate) struct Prose {
    pub(crate) plain: String,
    pub(crate) map: OffsetMap,
    /// Byte ranges of `plain`, one per block that holds prose, in order.
    pub(crate) paragraphs: Vec<Range<usize>>,
    pub(crate) comments: Vec<Comment>,
}

/// Accumulates the plain text block by block.
struct Builder<'s> {
    source: &'s str,
    plain: String,
    map: OffsetMap,
    paragraphs: Vec<Range<usize>>,
    paragraph_start: usize,
    /// Nesting depth of elements whose text is not prose (code blocks, HTML blocks, front
    /// matter, images).
    hidden: usize,
    /// Source ranges holding raw HTML, with the plain offset where each sits.
    html: Vec<(Range<usize>, usize)>,
}

impl Builder<'_> {
    /// Ends the current block: sentences never run across a block boundary, and each block with
    /// prose is a paragraph of its own.
    fn block_break(&mut self) {
        if self.plain.len() > self.paragraph_start {
            if !self.plain[self.paragraph_start..].trim().is_empty() {
                self.paragraphs.push(self.paragraph_start..self.plain.len());
            }
            self.plain.push_str("\n\n");
        }
        self.paragraph_start = self.plain.len();
    }

    fn text(&mut self, text: &str, range: Range<usize>) {
        if self.hidden == 0 {
            self.map
                .push_mapped(&mut self.plain, self.source, text, range.start, range.end);
        }
    }

    /// Inline code is not prose, but it must not glue the words around it together.
    fn inline_code(&mut self) {
        if self.hidden == 0
            && self
                .plain
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace())
        {
            self.plain.push(' ');
        }
    }

    fn html(&mut self, range: Range<usize>) {
        let at = self.plain.len();
        match self.html.last_mut() {
            // Inline HTML may come in pieces; a comment may span several of them.
            Some((last, _)) if last.end == range.start => last.end = range.end,
            _ => self.html.push((range, at)),
        }
    }
}

/// Whether a tag is a block, i.e. text on either side of it belongs to different paragraphs.
fn is_block(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

fn is_hidden(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) | Tag::Image { .. }
    )
}

fn is_hidden_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) | TagEnd::Image
    )
}

/// Reads `source[base..]` (`base` skips a byte-order mark) as Markdown.
pub(crate) fn parse(source: &str, base: usize) -> Prose {
    let body = source.get(base..).unwrap_or("");
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut b = Builder {
        source,
        plain: String::new(),
        map: OffsetMap::new(base),
        paragraphs: Vec::new(),
        paragraph_start: 0,
        hidden: 0,
        html: Vec::new(),
    };
    let mut trailing: Option<Range<usize>> = None;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + base..range.end + base;
        match event {
            Event::Start(tag) => {
                if is_block(&tag) {
                    b.block_break();
                }
                if matches!(tag, Tag::HtmlBlock) {
                    trailing = text_after_opening_comment(source, range.clone());
                    b.html(range);
                }
                if is_hidden(&tag) {
                    b.hidden += 1;
                }
            }
            Event::End(tag) => {
                if is_hidden_end(&tag) {
                    b.hidden = b.hidden.saturating_sub(1);
                }
                if is_block_end(&tag) {
                    b.block_break();
                }
                // "<!-- claimcheck-ignore --> Spain had 95.": CommonMark makes the whole line
                // an HTML block, but the words after the comment are prose.
                if let Some(r) = trailing.take().filter(|_| matches!(tag, TagEnd::HtmlBlock)) {
                    b.text(&source[r.clone()], r);
                    b.block_break();
                }
            }
            Event::Text(text) => b.text(&text, range),
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => b.inline_code(),
            // Lines of an HTML block: the block's whole range was recorded at its start.
            Event::Html(_) => {}
            Event::InlineHtml(_) => b.html(range),
            Event::SoftBreak => {
                if b.hidden == 0 {
                    // A line break after a sentence's end is kept, so that it ends the
                    // sentence whatever the next line starts with; any other is a space.
                    let core = b
                        .plain
                        .trim_end_matches(['"', '\'', '”', '’', ')', ']'])
                        .trim_end_matches(' ');
                    let after_end = core.ends_with(['.', '!', '?']);
                    let shown = if after_end { "\n" } else { " " };
                    b.map
                        .push_opaque(&mut b.plain, source, shown, range.start, range.end);
                }
            }
            Event::HardBreak => {
                if b.hidden == 0 {
                    b.map
                        .push_opaque(&mut b.plain, source, "\n", range.start, range.end);
                }
            }
            Event::Rule => b.block_break(),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }
    b.block_break();
    // The trailing separator is not prose.
    if b.plain.ends_with("\n\n") {
        b.plain.truncate(b.plain.len() - 2);
    }
    let comments = b
        .html
        .iter()
        // A comment after the last block sat before the separator just removed.
        .flat_map(|(range, at)| find_comments(source, range.clone(), (*at).min(b.plain.len())))
        .collect();
    Prose {
        plain: b.plain,
        map: b.map,
        paragraphs: b.paragraphs,
        comments,
    }
}

/// The text after the comment that opens an HTML block, on the line where the comment
/// closes (`<!-- note --> text`), when there is any. A block opened by a comment ends on
/// that line, so this is all the prose the block hides.
fn text_after_opening_comment(source: &str, range: Range<usize>) -> Option<Range<usize>> {
    let block = source.get(range.clone())?;
    let lead = block.len() - block.trim_start_matches([' ', '\t']).len();
    if !block[lead..].starts_with("<!--") {
        return None;
    }
    let close = lead + 4 + block[lead + 4..].find("-->")? + 3;
    let line_end = block[close..].find('\n').map_or(block.len(), |i| close + i);
    let text = &block[close..line_end];
    let start = close + (text.len() - text.trim_start().len());
    let end = close + text.trim_end().len();
    (end > start).then(|| range.start + start..range.start + end)
}

/// The HTML comments `<!-- … -->` in `source[range]`.
fn find_comments(source: &str, range: Range<usize>, plain_offset: usize) -> Vec<Comment> {
    let mut comments = Vec::new();
    let Some(html) = source.get(range.clone()) else {
        return comments;
    };
    let mut from = 0;
    while let Some(open) = html[from..].find("<!--").map(|i| from + i) {
        let inner_start = open + 4;
        let rest = &html[inner_start..];
        // `<!-->` and `<!--->` are complete (empty) comments.
        let (inner_end, end) = if rest.starts_with('>') {
            (inner_start, inner_start + 1)
        } else if rest.starts_with("->") {
            (inner_start, inner_start + 2)
        } else if let Some(close) = rest.find("-->") {
            (inner_start + close, inner_start + close + 3)
        } else {
            break;
        };
        comments.push(Comment {
            start: range.start + open,
            end: range.start + end,
            text: html[inner_start..inner_end].trim().to_string(),
            plain_offset,
        });
        from = end;
    }
    comments
}
