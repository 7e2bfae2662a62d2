//! The HTML report: one self-contained page (inline CSS and a little inline JS, no network
//! loads) with the summary and coverage, the findings, each article's full text with its claims
//! highlighted by status, and where the tables came from.
//!
//! The page is a pure function of its inputs: the same reports give the same bytes.

use std::fmt::Write as _;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{group_numbers, number, Context, Summary};
use crate::check::{ClaimReport, Expected, FileReport, Finding, Status};
use crate::rules::Interval;
use crate::table::Table;

/// The Content-Security-Policy of the page: nothing may be fetched; inline style and script
/// only; images only as `data:` URLs.
pub const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/// Renders the whole run as one HTML5 document. `ctx.sources[i]` is the text of `files[i]`; an
/// article without its text is listed with its claims but without the highlighted text.
pub fn render(files: &[FileReport], ctx: &Context<'_>) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let s = Summary::of(files);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        esc(CSP)
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"claimcheck {}\">",
        esc(ctx.version)
    );
    out.push_str("<title>claimcheck report</title>\n<style>\n");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n");
    let _ = writeln!(
        out,
        "<header><h1>claimcheck report</h1><p class=\"tool\">claimcheck {}</p></header>",
        esc(ctx.version)
    );
    summary(&mut out, files, &s);
    let marks: Vec<Vec<Mark<'_>>> = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            ctx.sources
                .get(i)
                .map_or_else(Vec::new, |src| marks_of(f, src))
        })
        .collect();
    findings(&mut out, files, &marks, ctx.tables);
    articles(&mut out, files, &marks, ctx);
    tables(&mut out, ctx.tables);
    out.push_str(concat!(
        "<aside id=\"panel\" hidden aria-live=\"polite\">",
        "<button type=\"button\" id=\"panel-close\" aria-label=\"Close\">\u{00d7}</button>",
        "<h3 id=\"panel-title\"></h3><pre id=\"panel-body\"></pre></aside>\n"
    ));
    out.push_str("<script>\n");
    out.push_str(JS);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// Escapes text for HTML content and quoted attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for a quoted attribute, keeping line breaks as character references.
fn esc_attr(s: &str) -> String {
    esc(s)
        .replace("\r\n", "&#10;")
        .replace(['\n', '\r'], "&#10;")
}

fn status_str(s: Status) -> &'static str {
    match s {
        Status::Consistent => "consistent",
        Status::Inconsistent => "inconsistent",
        Status::Unverified => "unverified",
    }
}

/// Which status a mark holding several claims shows: the one that needs attention most.
fn urgency(s: Status) -> u8 {
    match s {
        Status::Inconsistent => 2,
        Status::Unverified => 1,
        Status::Consistent => 0,
    }
}

/// A number with its thousands grouped: 1234567.5 → "1,234,567.5".
fn grouped(v: f64) -> String {
    group_numbers(&number(v), Some(','))
}

/// A table value as the table writes it, with the thousands of its numbers grouped.
fn value(text: &str) -> String {
    group_numbers(text, Some(','))
}

fn interval(i: &Interval) -> String {
    let lo = i.low.is_finite();
    let hi = i.high.is_finite();
    match (lo, hi) {
        (true, true) if i.low == i.high => grouped(i.low),
        (true, true) => format!("{}\u{2013}{}", grouped(i.low), grouped(i.high)),
        (true, false) => format!(
            "{} {}",
            if i.low_open { ">" } else { "\u{2265}" },
            grouped(i.low)
        ),
        (false, true) => format!(
            "{} {}",
            if i.high_open { "<" } else { "\u{2264}" },
            grouped(i.high)
        ),
        (false, false) => "any".to_string(),
    }
}

fn percent(part: usize, whole: usize) -> String {
    (part * 100 + whole / 2)
        .checked_div(whole)
        .map_or_else(|| "\u{2013}".to_string(), |p| format!("{p}%"))
}

fn summary(out: &mut String, files: &[FileReport], s: &Summary) {
    out.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"stats\">\n");
    let items: [(&str, usize, &str); 7] = [
        ("files", s.files, ""),
        ("claims", s.claims, ""),
        ("checked", s.checked, ""),
        ("unverified", s.unverified, ""),
        ("errors", s.errors, " error"),
        ("warnings", s.warnings, " warning"),
        ("notes", s.notes, " note"),
    ];
    for (label, n, class) in items {
        let class = if n == 0 { "" } else { class };
        let _ = writeln!(
            out,
            "<div class=\"stat{class}\"><dt>{label}</dt><dd>{n}</dd></div>"
        );
    }
    out.push_str("</dl>\n");
    let _ = writeln!(
        out,
        "<p class=\"coverage\">Coverage: <strong>{}</strong> of claims checked against a table \
         ({} of {}).</p>",
        percent(s.checked, s.claims),
        s.checked,
        s.claims
    );
    out.push_str(concat!(
        "<table class=\"files\">\n<thead><tr><th>article</th><th>claims</th>",
        "<th>consistent</th><th>inconsistent</th><th>unverified</th><th>coverage</th>",
        "<th class=\"barcell\"></th></tr></thead>\n<tbody>\n"
    ));
    for (i, f) in files.iter().enumerate() {
        let count = |st: Status| f.claims.iter().filter(|c| c.status == st).count();
        let (ok, bad, unv) = (
            count(Status::Consistent),
            count(Status::Inconsistent),
            count(Status::Unverified),
        );
        let n = f.claims.len();
        let _ = write!(
            out,
            "<tr><td><a href=\"#file-{i}\">{}</a></td><td>{n}</td><td>{ok}</td><td>{bad}</td>\
             <td>{unv}</td><td>{}</td><td class=\"barcell\"><div class=\"bar\" role=\"img\" \
             aria-label=\"{ok} consistent, {bad} inconsistent, {unv} unverified\">",
            esc(&f.path),
            percent(n - unv, n)
        );
        for (k, class) in [
            (ok, "consistent"),
            (bad, "inconsistent"),
            (unv, "unverified"),
        ] {
            if k > 0 && n > 0 {
                let _ = write!(
                    out,
                    "<span class=\"{class}\" style=\"width:{:.2}%\"></span>",
                    k as f64 * 100.0 / n as f64
                );
            }
        }
        out.push_str("</div></td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// The table a finding's expected value came from: by the table's path, else by the file of
/// one of its records (a CSV described by a YAML file).
fn table_of<'a>(tables: &'a [Table], file: &str) -> Option<&'a Table> {
    tables.iter().find(|t| t.path == file).or_else(|| {
        tables
            .iter()
            .find(|t| t.records.iter().any(|r| r.file == file))
    })
}

fn provenance(t: &Table) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(src) = &t.source {
        parts.extend(src.publisher.as_deref());
        parts.extend(src.title.as_deref());
        parts.extend(src.date.as_deref());
    }
    if parts.is_empty() {
        parts.extend(t.title.as_deref());
    }
    parts.join(", ")
}

fn findings(out: &mut String, files: &[FileReport], marks: &[Vec<Mark<'_>>], tables: &[Table]) {
    out.push_str("<section id=\"findings\">\n<h2>Findings</h2>\n");
    let total: usize = files.iter().map(|f| f.findings.len()).sum();
    if total == 0 {
        out.push_str("<p class=\"none\">No findings.</p>\n</section>\n");
        return;
    }
    out.push_str("<ol class=\"findings\">\n");
    for (i, file) in files.iter().enumerate() {
        for f in &file.findings {
            let sev = f.severity.as_str();
            let _ = write!(
                out,
                "<li class=\"finding {sev}\"><span class=\"sev\">{sev}</span> \
                 <code class=\"rule\">{}</code> ",
                esc(f.rule)
            );
            let place = format!("{}:{}:{}", f.path, f.line, f.column);
            match marks
                .get(i)
                .and_then(|m| m.iter().position(|m| m.start <= f.start && f.start < m.end))
            {
                Some(m) => {
                    let _ = write!(
                        out,
                        "<a class=\"place\" href=\"#m-{i}-{m}\">{}</a>",
                        esc(&place)
                    );
                }
                None => {
                    let _ = write!(out, "<span class=\"place\">{}</span>", esc(&place));
                }
            }
            let _ = write!(out, "<div class=\"message\">{}</div>", esc(&f.message));
            if let Some(c) = &f.claimed {
                let _ = write!(
                    out,
                    "<div class=\"detail\">claimed: {} (<q>{}</q>)</div>",
                    esc(&interval(c)),
                    esc(&f.text)
                );
            }
            if let Some(e) = &f.expected {
                let _ = write!(
                    out,
                    "<div class=\"detail\">table value: <strong>{}</strong> \
                     (<span class=\"loc\">{}:{}:{}</span>)",
                    esc(&value(&e.value)),
                    esc(&e.table),
                    e.line,
                    e.column
                );
                if let Some(t) = table_of(tables, &e.table) {
                    let p = provenance(t);
                    if !p.is_empty() {
                        let _ = write!(out, "; source: {}", esc(&p));
                    }
                }
                out.push_str("</div>");
            }
            if let Some(r) = &f.related {
                let _ = write!(
                    out,
                    "<div class=\"detail\">stated earlier at {}:{}: <q>{}</q></div>",
                    r.line,
                    r.column,
                    esc(&r.text)
                );
            }
            out.push_str("</li>\n");
        }
    }
    out.push_str("</ol>\n</section>\n");
}

/// One highlighted span of an article: one claim, or several that overlap, merged.
struct Mark<'a> {
    start: usize,
    end: usize,
    claims: Vec<&'a ClaimReport>,
}

impl<'a> Mark<'a> {
    /// The claim the mark shows: the first of those that need attention most.
    fn primary(&self) -> &'a ClaimReport {
        let top = self.claims.iter().map(|c| urgency(c.status)).max();
        self.claims
            .iter()
            .copied()
            .find(|c| Some(urgency(c.status)) == top)
            .unwrap_or(self.claims[0])
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The claims of a file as non-overlapping spans of `source`, in order, cut at character
/// boundaries; overlapping claims are merged into one mark.
fn marks_of<'a>(file: &'a FileReport, source: &str) -> Vec<Mark<'a>> {
    let mut claims: Vec<&ClaimReport> = file.claims.iter().collect();
    claims.sort_by_key(|c| (c.start, c.end));
    let mut marks: Vec<Mark<'a>> = Vec::new();
    for c in claims {
        let start = floor_boundary(source, c.start);
        let end = ceil_boundary(source, c.end.max(c.start));
        if start >= end {
            continue;
        }
        match marks.last_mut() {
            Some(m) if start < m.end => {
                m.end = m.end.max(end);
                m.claims.push(c);
            }
            _ => marks.push(Mark {
                start,
                end,
                claims: vec![c],
            }),
        }
    }
    marks
}

/// Whether a finding speaks of a claim: it starts inside it and names the same entity,
/// metric and period.
fn is_about(f: &Finding, c: &ClaimReport) -> bool {
    let end = c.end.max(c.start + 1);
    c.start <= f.start
        && f.start < end
        && f.entity == c.entity
        && f.metric == c.metric
        && f.period == c.period
}

/// The details of a mark, as plain lines (for the tooltip and the details panel): each claim
/// with the findings about it, then any other finding inside the mark, each finding once.
fn details(file: &FileReport, m: &Mark<'_>) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut shown = vec![false; file.findings.len()];
    // A finding's table value, unless its claim already showed the same one.
    let finding = |lines: &mut Vec<String>, f: &Finding, shown: Option<&Expected>| {
        lines.push(format!(
            "{}[{}]: {}",
            f.severity.as_str(),
            f.rule,
            f.message
        ));
        if let Some(e) = f.expected.as_ref().filter(|e| Some(*e) != shown) {
            lines.push(format!(
                "table value: {} ({}:{}:{})",
                value(&e.value),
                e.table,
                e.line,
                e.column
            ));
        }
    };
    for (k, c) in m.claims.iter().enumerate() {
        if k > 0 {
            lines.push(String::new());
        }
        lines.push(format!(
            "\u{201c}{}\u{201d} \u{2014} {} {} claim, line {}, column {}",
            c.text,
            status_str(c.status),
            c.kind,
            c.line,
            c.column
        ));
        let field = |v: &Option<String>| v.clone().unwrap_or_else(|| "\u{2013}".into());
        lines.push(format!(
            "entity: {}; metric: {}; period: {}",
            field(&c.entity),
            field(&c.metric),
            field(&c.period)
        ));
        if let Some(e) = &c.expected {
            lines.push(format!(
                "table value: {} ({}:{}:{})",
                value(&e.value),
                e.table,
                e.line,
                e.column
            ));
        }
        for (i, f) in file.findings.iter().enumerate() {
            if !shown[i] && is_about(f, c) {
                shown[i] = true;
                finding(&mut lines, f, c.expected.as_ref());
            }
        }
    }
    let mut rest = file
        .findings
        .iter()
        .enumerate()
        .filter(|(i, f)| !shown[*i] && m.start <= f.start && f.start < m.end)
        .peekable();
    if rest.peek().is_some() {
        lines.push(String::new());
    }
    for (_, f) in rest {
        finding(&mut lines, f, None);
    }
    lines.join("\n")
}

fn opt_attr(out: &mut String, name: &str, v: &Option<String>) {
    if let Some(v) = v {
        let _ = write!(out, " data-{name}=\"{}\"", esc_attr(v));
    }
}

fn articles(out: &mut String, files: &[FileReport], marks: &[Vec<Mark<'_>>], ctx: &Context<'_>) {
    out.push_str("<section id=\"articles\">\n<h2>Articles</h2>\n");
    out.push_str(concat!(
        "<p class=\"legend\">Claims: ",
        "<mark class=\"claim consistent\">consistent</mark> agrees with the table; ",
        "<mark class=\"claim inconsistent\">inconsistent</mark> disagrees with the table ",
        "or the article; ",
        "<mark class=\"claim unverified\">unverified</mark> no table row to check. ",
        "Hover over a claim for details, or click it.</p>\n"
    ));
    for (i, file) in files.iter().enumerate() {
        let _ = writeln!(
            out,
            "<article id=\"file-{i}\">\n<h3>{}</h3>",
            esc(&file.path)
        );
        let Some(source) = ctx.sources.get(i) else {
            out.push_str("<p class=\"none\">The text of this article is not available.</p>\n");
            out.push_str("</article>\n");
            continue;
        };
        let mut marker = Marker {
            file,
            index: i,
            marks: &marks[i],
            next: 0,
            opened: vec![false; marks[i].len()],
        };
        if crate::text::Format::from_path(&file.path) == crate::text::Format::Markdown {
            out.push_str("<div class=\"source rendered\">\n");
            markdown(out, source, &mut marker);
        } else {
            out.push_str("<div class=\"source\">");
            marker.text(out, source, 0, source.len());
        }
        out.push_str("</div>\n</article>\n");
    }
    out.push_str("</section>\n");
}

/// Writes pieces of an article's text with its claims marked. The first piece of a mark
/// carries its id and details; a mark cut by markup (emphasis, a line break) goes on in
/// further pieces that carry only its status.
struct Marker<'a, 'r> {
    file: &'r FileReport,
    index: usize,
    marks: &'r [Mark<'a>],
    /// The first mark that may still be written: marks come in order of position.
    next: usize,
    opened: Vec<bool>,
}

impl Marker<'_, '_> {
    /// Writes `source[start..end]`, escaped, with the marks inside it.
    fn text(&mut self, out: &mut String, source: &str, start: usize, end: usize) {
        let end = floor_boundary(source, end);
        let mut at = floor_boundary(source, start.min(end));
        while self.next < self.marks.len() && self.marks[self.next].end <= at {
            self.next += 1;
        }
        let mut k = self.next;
        while at < end {
            let Some(m) = self.marks.get(k).filter(|m| m.start < end) else {
                break;
            };
            let from = m.start.max(at);
            let to = m.end.min(end);
            out.push_str(&esc(&source[at..from]));
            self.open(out, k);
            out.push_str(&esc(&source[from..to]));
            out.push_str("</mark>");
            at = to;
            if m.end <= end {
                k += 1;
            }
        }
        out.push_str(&esc(&source[at..end]));
    }

    /// Text that is not the source as written (a character escape, an entity): written as
    /// it reads, inside the mark that covers `start..end` if one does.
    fn replaced(&mut self, out: &mut String, text: &str, start: usize, end: usize) {
        let k = (self.next..self.marks.len())
            .take_while(|&k| self.marks[k].start < end)
            .find(|&k| self.marks[k].end > start);
        match k {
            Some(k) => {
                self.open(out, k);
                out.push_str(&esc(text));
                out.push_str("</mark>");
            }
            None => out.push_str(&esc(text)),
        }
    }

    fn open(&mut self, out: &mut String, k: usize) {
        let m = &self.marks[k];
        let first = m.primary();
        let status = status_str(first.status);
        if self.opened[k] {
            let _ = write!(out, "<mark class=\"claim {status} more\">");
            return;
        }
        self.opened[k] = true;
        let i = self.index;
        let _ = write!(
            out,
            "<mark class=\"claim {status}\" id=\"m-{i}-{k}\" tabindex=\"0\" \
             data-status=\"{status}\" data-kind=\"{}\" data-line=\"{}\" data-column=\"{}\"",
            esc_attr(first.kind),
            first.line,
            first.column
        );
        opt_attr(out, "entity", &first.entity);
        opt_attr(out, "metric", &first.metric);
        opt_attr(out, "period", &first.period);
        if m.claims.len() > 1 {
            let _ = write!(out, " data-claims=\"{}\"", m.claims.len());
        }
        let _ = write!(out, " title=\"{}\">", esc_attr(&details(self.file, m)));
    }
}

/// An article's Markdown as HTML: headings (moved below the report's own), paragraphs,
/// emphasis, lists, quotes, code, tables and links, with its claims marked. Raw HTML is shown
/// as text, images by their description, and front matter not at all; nothing is loaded.
fn markdown(out: &mut String, source: &str, marker: &mut Marker<'_, '_>) {
    let base = if source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    // The closing tag of each open element.
    let mut open: Vec<&'static str> = Vec::new();
    let mut in_head = false;
    let mut hidden = 0usize;
    for (event, range) in Parser::new_ext(&source[base..], options).into_offset_iter() {
        let (start, end) = (range.start + base, range.end + base);
        match event {
            Event::Start(tag) => {
                let (html, close): (String, &'static str) = match tag {
                    Tag::Paragraph => ("<p>".into(), "</p>\n"),
                    Tag::Heading { level, .. } => {
                        let n = (level as usize + 3).min(6);
                        (format!("<h{n}>"), ["</h4>\n", "</h5>\n", "</h6>\n"][n - 4])
                    }
                    Tag::BlockQuote(_) => ("<blockquote>\n".into(), "</blockquote>\n"),
                    Tag::CodeBlock(_) => ("<pre><code>".into(), "</code></pre>\n"),
                    Tag::HtmlBlock => ("<pre class=\"html\">".into(), "</pre>\n"),
                    Tag::List(Some(1)) => ("<ol>\n".into(), "</ol>\n"),
                    Tag::List(Some(n)) => (format!("<ol start=\"{n}\">\n"), "</ol>\n"),
                    Tag::List(None) => ("<ul>\n".into(), "</ul>\n"),
                    Tag::Item => ("<li>".into(), "</li>\n"),
                    Tag::FootnoteDefinition(label) => (
                        format!(
                            "<div class=\"footnote\"><sup>{}</sup> ",
                            esc(label.as_ref())
                        ),
                        "</div>\n",
                    ),
                    Tag::Table(_) => ("<table class=\"md\">\n".into(), "</table>\n"),
                    Tag::TableHead => {
                        in_head = true;
                        ("<thead><tr>".into(), "</tr></thead>\n")
                    }
                    Tag::TableRow => ("<tr>".into(), "</tr>\n"),
                    Tag::TableCell if in_head => ("<th>".into(), "</th>"),
                    Tag::TableCell => ("<td>".into(), "</td>"),
                    Tag::Emphasis => ("<em>".into(), "</em>"),
                    Tag::Strong => ("<strong>".into(), "</strong>"),
                    Tag::Strikethrough => ("<del>".into(), "</del>"),
                    Tag::Link { dest_url, .. }
                        if dest_url.starts_with("https://") || dest_url.starts_with("http://") =>
                    {
                        (
                            format!(
                                "<a href=\"{}\" rel=\"noreferrer noopener\">",
                                esc_attr(dest_url.as_ref())
                            ),
                            "</a>",
                        )
                    }
                    Tag::Link { .. } => ("<span class=\"link\">".into(), "</span>"),
                    Tag::Image { .. } => ("<span class=\"image\">".into(), "</span>"),
                    Tag::MetadataBlock(_) => {
                        hidden += 1;
                        (String::new(), "")
                    }
                    _ => ("<span>".into(), "</span>"),
                };
                if hidden == 0 {
                    out.push_str(&html);
                }
                open.push(close);
            }
            Event::End(tag) => {
                let close = open.pop().unwrap_or_default();
                match tag {
                    TagEnd::MetadataBlock(_) => hidden = hidden.saturating_sub(1),
                    TagEnd::TableHead => in_head = false,
                    _ => {}
                }
                if hidden == 0 {
                    out.push_str(close);
                }
            }
            _ if hidden > 0 => {}
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                if source.get(start..end) == Some(text.as_ref()) {
                    marker.text(out, source, start, end);
                } else {
                    marker.replaced(out, &text, start, end);
                }
            }
            Event::Code(text) => {
                out.push_str("<code>");
                if source.get(start..end) == Some(text.as_ref()) {
                    marker.text(out, source, start, end);
                } else {
                    marker.replaced(out, &text, start, end);
                }
                out.push_str("</code>");
            }
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br>\n"),
            Event::Rule => out.push_str("<hr>\n"),
            Event::TaskListMarker(done) => {
                out.push_str(if done { "[x] " } else { "[ ] " });
            }
            Event::FootnoteReference(label) => {
                let _ = write!(out, "<sup>[{}]</sup>", esc(label.as_ref()));
            }
            _ => {}
        }
    }
}

fn tables(out: &mut String, tables: &[Table]) {
    out.push_str("<section id=\"tables\">\n<h2>Tables</h2>\n");
    if tables.is_empty() {
        out.push_str("<p class=\"none\">No tables.</p>\n</section>\n");
        return;
    }
    out.push_str(concat!(
        "<table class=\"provenance\">\n<thead><tr><th>path</th><th>title</th>",
        "<th>publisher</th><th>source title</th><th>date</th><th>url</th><th>records</th>",
        "</tr></thead>\n<tbody>\n"
    ));
    for t in tables {
        let src = t.source.clone().unwrap_or_default();
        let cell = |v: &Option<String>| v.as_deref().map(esc).unwrap_or_default();
        let url = match src.url.as_deref() {
            Some(u) if u.starts_with("https://") || u.starts_with("http://") => format!(
                "<a href=\"{}\" rel=\"noreferrer noopener\">{}</a>",
                esc(u),
                esc(u)
            ),
            Some(u) => esc(u),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td class=\"date\">{}</td>\
             <td class=\"url\">{url}</td><td>{}</td></tr>",
            esc(&t.path),
            cell(&t.title),
            cell(&src.publisher),
            cell(&src.title),
            cell(&src.date),
            t.records.len()
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

const CSS: &str = r#":root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --soft: #f6f8fa;
  --ok: #1a7f37; --ok-bg: #dafbe1; --bad: #cf222e; --bad-bg: #ffd8d3;
  --unv: #9a6700; --unv-bg: #fff1b8; --warn: #bc4c00;
}
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 72rem; padding: 1.5rem 2rem 4rem; color: var(--fg);
  background: var(--bg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif;
}
header { display: flex; align-items: baseline; gap: 1rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem;
  border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; font-family: ui-monospace, SFMono-Regular,
  Menlo, Consolas, monospace; }
.tool { color: var(--muted); margin: 0; }
code, .loc, .place { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 0.9em; }
.stats { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0 0 1rem; }
.stat { border: 1px solid var(--line); border-radius: 6px; padding: 0.4rem 0.9rem;
  min-width: 6.5rem; background: var(--soft); }
.stat dt { color: var(--muted); font-size: 0.8rem; text-transform: uppercase;
  letter-spacing: 0.04em; }
.stat dd { margin: 0; font-size: 1.5rem; font-weight: 600; }
.stat.error dd { color: var(--bad); }
.stat.warning dd { color: var(--warn); }
.stat.note dd { color: var(--unv); }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.url { overflow-wrap: anywhere; min-width: 12rem; }
table.provenance td:first-child, td.date { white-space: nowrap; }
table.files td:first-child { white-space: nowrap; }
.barcell { width: 30%; }
.bar { display: flex; height: 0.8rem; border-radius: 3px; overflow: hidden;
  background: var(--soft); margin-top: 0.25rem; }
.bar span { display: block; height: 100%; }
.bar .consistent { background: var(--ok); }
.bar .inconsistent { background: var(--bad); }
.bar .unverified { background: #d4a72c; }
ol.findings { list-style: none; padding: 0; margin: 0; }
.finding { border-left: 4px solid var(--line); padding: 0.4rem 0.8rem; margin: 0 0 0.6rem;
  background: var(--soft); border-radius: 0 6px 6px 0; }
.finding.error { border-left-color: var(--bad); }
.finding.warning { border-left-color: var(--warn); }
.finding.note { border-left-color: #d4a72c; }
.sev { font-weight: 700; text-transform: uppercase; font-size: 0.75rem; letter-spacing: 0.05em; }
.error .sev { color: var(--bad); }
.warning .sev { color: var(--warn); }
.note .sev { color: var(--unv); }
.rule { background: #eaeef2; padding: 0 0.3rem; border-radius: 4px; }
.place { color: var(--muted); margin-left: 0.4rem; }
.message { margin-top: 0.15rem; }
.detail { color: var(--muted); font-size: 0.9rem; }
.none { color: var(--muted); font-style: italic; }
.legend { background: var(--soft); border: 1px solid var(--line); border-radius: 6px;
  padding: 0.5rem 0.8rem; }
.source { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--line);
  border-radius: 6px; padding: 1rem 1.2rem; line-height: 1.7;
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88rem; }
.source.rendered { white-space: normal; font-family: inherit; font-size: 0.95rem;
  line-height: 1.65; }
.source.rendered h4, .source.rendered h5, .source.rendered h6 { font-family: inherit;
  margin: 1rem 0 0.5rem; }
.source.rendered h4 { font-size: 1.2rem; }
.source.rendered pre { white-space: pre-wrap; background: var(--soft); padding: 0.5rem; }
.source.rendered blockquote { margin: 0.5rem 0; padding-left: 1rem;
  border-left: 3px solid var(--line); color: var(--muted); }
.source.rendered table.md { width: auto; }
mark.claim { color: inherit; border-radius: 3px; padding: 0 0.1em; cursor: pointer;
  border-bottom: 2px solid; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.consistent { background: var(--ok-bg); border-bottom-color: var(--ok); }
mark.inconsistent { background: var(--bad-bg); border-bottom: 2px dashed var(--bad);
  font-weight: 600; }
mark.unverified { background: var(--unv-bg); border-bottom: 2px dotted var(--unv); }
mark.claim:focus, mark.claim.active { outline: 2px solid #0969da; outline-offset: 1px; }
#panel { position: fixed; right: 1rem; bottom: 1rem; width: min(28rem, 90vw);
  max-height: 50vh; overflow: auto; background: #fff; border: 1px solid var(--line);
  border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,0.15); padding: 0.8rem 1rem; }
#panel[hidden] { display: none; }
#panel h3 { margin: 0 1.5rem 0.4rem 0; font-family: inherit; }
#panel pre { margin: 0; white-space: pre-wrap; font-size: 0.85rem; }
#panel-close { position: absolute; top: 0.4rem; right: 0.5rem; border: 0; background: none;
  font-size: 1.3rem; cursor: pointer; color: var(--muted); }
@media print { #panel { display: none; } mark.claim { cursor: auto; } }
"#;

const JS: &str = r#"(function () {
  "use strict";
  var panel = document.getElementById("panel");
  var title = document.getElementById("panel-title");
  var body = document.getElementById("panel-body");
  var active = null;
  function show(m) {
    if (active) { active.classList.remove("active"); }
    active = m;
    m.classList.add("active");
    var parts = [m.getAttribute("data-status"), m.getAttribute("data-kind") + " claim"];
    if (m.hasAttribute("data-claims")) { parts.push(m.getAttribute("data-claims") + " claims"); }
    title.textContent = parts.join(" \u00b7 ");
    body.textContent = m.getAttribute("data-details") || "";
    panel.hidden = false;
  }
  function hide() {
    panel.hidden = true;
    if (active) { active.classList.remove("active"); active = null; }
  }
  var marks = document.querySelectorAll("mark.claim[id]");
  for (var i = 0; i < marks.length; i++) {
    var m = marks[i];
    m.setAttribute("data-details", m.getAttribute("title") || "");
    m.addEventListener("click", function (e) { show(e.currentTarget); });
    m.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); show(e.currentTarget); }
    });
  }
  document.getElementById("panel-close").addEventListener("click", hide);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
})();
"#;
