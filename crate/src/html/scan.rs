//! The tag scanner behind [`super::to_text`]: one left-to-right pass over the page that keeps a
//! stack of open elements, hides what is not article text, and writes the rest as lines.
//!
//! Why hand-written: a conforming HTML5 parser (html5ever, as used by scraper) adds several
//! hundred kilobytes to the Wasm module and builds a whole DOM, while article text needs only a
//! tokenizer, an element stack that knows the common implied end tags, and a few rules about
//! what to hide. Entities are decoded by the `html-escape` crate, which has the full HTML5 table.
//!
//! Robustness: every search moves forward only, and a search for a terminator (`-->`, a
//! closing quote, `</script`) that fails once is not repeated, so any input takes linear time.
//! Malformed markup never panics: an unclosed tag or comment ends at the next `>` or at the end
//! of the input, and a `<` that cannot start a tag is text.

use html_escape::decode_html_entities;

/// How much to hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Hide navigation, headers, footers, sidebars, comments, share bars and hidden elements.
    Article,
    /// As `Article`, but `visibility:hidden` does not hide: the second reading of a page
    /// whose script reveals the article on load (WeChat's `#js_content` is saved with
    /// `visibility: hidden`), chosen when that style hid more text than the page showed.
    Revealed,
    /// Hide only what is never text (head, scripts, styles, templates, SVG, form widgets);
    /// the fallback when `Article` would leave almost nothing.
    Everything,
}

/// The scanner's result.
pub(super) struct Extracted {
    /// Lines of text, untrimmed, with possibly empty lines.
    pub text: String,
    /// The first `<title>`, white space collapsed, entities decoded.
    pub title: String,
    /// Chinese characters left out because an element's inline `visibility:hidden` hid them
    /// (and nothing else did).
    pub veiled_han: usize,
}

/// Deeper nesting than this is not tracked (its elements count as inline and unhidden), which
/// bounds the cost of matching an end tag against the stack.
const MAX_DEPTH: usize = 512;

/// Elements with no content and no end tag.
#[rustfmt::skip]
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is raw text up to their own end tag; all are dropped except the title.
const RAW_TEXT: &[&str] =
    &["script", "style", "noscript", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// Elements whose start and end are line breaks.
#[rustfmt::skip]
const BLOCK: &[&str] = &[
    "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "legend", "li", "listing", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead",
    "tr", "ul", "option", "optgroup",
];

/// Elements a `<p>` start or a block start closes an open `<p>` for (HTML's implied `</p>`).
#[rustfmt::skip]
const CLOSES_P: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
    "dd", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
    "table", "ul",
];

/// Elements that may appear in `<head>`; any other start tag means the body has begun even if
/// `</head>` and `<body>` are missing.
#[rustfmt::skip]
const HEAD_CONTENT: &[&str] = &[
    "base", "basefont", "bgsound", "link", "meta", "noscript", "script", "style", "template",
    "title",
];

/// Never text, in any mode.
#[rustfmt::skip]
const ALWAYS_HIDDEN: &[&str] = &[
    "head", "template", "svg", "math", "select", "datalist", "canvas", "object", "video", "audio",
    "map",
];

/// Page furniture, hidden in `Article` mode.
const FURNITURE: &[&str] = &["nav", "aside", "footer", "menu", "button", "dialog"];

/// ARIA roles of page furniture.
#[rustfmt::skip]
const FURNITURE_ROLES: &[&str] = &[
    "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "toolbar",
];

/// Words in a class or id that mark page furniture. Matched against whole words of the value
/// (split at punctuation and camelCase), so "main-nav" and "shareBox" match but "canvas" does
/// not. Chinese sites often use pinyin names: daohang or its initials dh = navigation, banquan
/// = copyright, fenxiang = share, pinglun = comments, dqwz = current position.
#[rustfmt::skip]
const FURNITURE_WORDS: &[&str] = &[
    "nav", "navs", "navbar", "navigation", "topnav", "subnav", "mainnav", "sidenav", "menu",
    "menus", "submenu", "topmenu", "menubar", "footer", "foot", "breadcrumb", "breadcrumbs",
    "crumb", "crumbs", "copyright", "share", "sharing", "bdshare", "comment", "comments",
    "sidebar", "related", "toolbar", "topbar", "daohang", "dh", "banquan", "fenxiang", "pinglun", "dqwz",
    "mianbaoxie",
    // Side columns and "hot / recommended / related" boxes of news sites (paihang = ranking,
    // tuijian = recommended, xgxw / xgwz = related news / articles, youqing = friendly links).
    "side", "sidebox", "sidelist", "recommend", "ranking", "rank", "hot", "hotnews", "paihang",
    "tuijian", "xgxw", "xgwz", "xiangguan", "friendlink", "youqing",
];

/// Elements that are never hidden for their class or id: hiding them would hide the page.
const NEVER_HIDDEN_BY_NAME: &[&str] = &["html", "body", "main", "article"];

struct Open {
    name: String,
    hides: bool,
    block: bool,
    pre: bool,
    article: bool,
    /// Hidden by `visibility:hidden` alone.
    veils: bool,
}

/// The attributes that decide whether an element is shown.
#[derive(Default)]
struct Attrs<'a> {
    class: &'a str,
    id: &'a str,
    role: &'a str,
    style: &'a str,
    hidden: bool,
    aria_hidden: bool,
    /// A cell's colspan and rowspan (0 when not given).
    colspan: usize,
    rowspan: usize,
}

/// The widest span and the most columns a table's layout is tracked for: a page's `colspan`
/// cannot make the text grow without bound.
const MAX_SPAN: usize = 64;
const MAX_COLUMNS: usize = 256;

/// Where a table's cells stand, so that each row is written with a tab for every column a
/// merged cell covers: a `rowspan` leaves an empty cell in the rows below it, a `colspan`
/// empty cells after it, as a spreadsheet pasted as text does (crate::tables reads both).
#[derive(Default)]
struct Grid {
    /// Per column, how many rows below the current one a cell above still covers.
    covered: Vec<usize>,
    /// Per column, whether a cell above covers it in the current row.
    row_covered: Vec<bool>,
    in_row: bool,
    /// The current row's next free column.
    col: usize,
    /// The column of the last cell of the row that wrote text.
    written: Option<usize>,
    /// The column of the open cell, until its first text is written.
    cell: Option<usize>,
}

impl Grid {
    fn begin_row(&mut self) {
        self.row_covered = self.covered.iter().map(|&n| n > 0).collect();
        self.covered.iter_mut().for_each(|n| *n = n.saturating_sub(1));
        self.in_row = true;
        self.col = 0;
        self.written = None;
        self.cell = None;
    }

    fn begin_cell(&mut self, colspan: usize, rowspan: usize) {
        if !self.in_row {
            self.begin_row();
        }
        while self.row_covered.get(self.col) == Some(&true) {
            self.col += 1;
        }
        let (cs, rs) = (colspan.clamp(1, MAX_SPAN), rowspan.clamp(1, MAX_SPAN));
        let end = (self.col + cs).min(MAX_COLUMNS);
        if self.covered.len() < end {
            self.covered.resize(end, 0);
        }
        for n in &mut self.covered[self.col.min(end)..end] {
            *n = (*n).max(rs - 1);
        }
        self.cell = Some(self.col);
        self.col = end;
    }
}

/// White space seen since the last character written.
#[derive(Clone, Copy, PartialEq)]
enum Pending {
    None,
    /// Spaces or tabs: one space.
    Space,
    /// A table cell boundary: a tab, so that the row reads as a table row (crate::tables).
    Cell,
    /// White space with a line break in it: a space, except between two CJK characters, where
    /// (as in CSS) it vanishes, since Chinese puts no spaces between words.
    SegmentBreak,
}

struct Scanner<'a> {
    src: &'a str,
    mode: Mode,
    out: String,
    title: Option<String>,
    stack: Vec<Open>,
    hidden: usize,
    /// Open elements hidden by `visibility:hidden` alone.
    veiled: usize,
    veiled_han: usize,
    pre: usize,
    article: usize,
    pending: Pending,
    last: Option<char>,
    /// Terminators already known to be absent from the rest of the input.
    no_comment_end: bool,
    no_cdata_end: bool,
    no_quote: [bool; 2],
    no_raw_end: Vec<&'static str>,
    /// A body element or text has been seen, so a late `<head>` is ignored.
    body_started: bool,
    /// The open tables' layouts, innermost last.
    grids: Vec<Grid>,
}

/// Extracts text from `html`.
pub(super) fn extract(html: &str, mode: Mode) -> Extracted {
    let mut s = Scanner {
        src: html,
        mode,
        out: String::with_capacity(html.len() / 2),
        title: None,
        stack: Vec::new(),
        hidden: 0,
        veiled: 0,
        veiled_han: 0,
        pre: 0,
        article: 0,
        pending: Pending::None,
        last: None,
        no_comment_end: false,
        no_cdata_end: false,
        no_quote: [false; 2],
        no_raw_end: Vec::new(),
        body_started: false,
        grids: Vec::new(),
    };
    s.run();
    Extracted { text: s.out, title: s.title.unwrap_or_default(), veiled_han: s.veiled_han }
}

fn find_byte(b: &[u8], from: usize, byte: u8) -> Option<usize> {
    b.get(from..)?.iter().position(|x| *x == byte).map(|p| from + p)
}

fn find_seq(b: &[u8], from: usize, seq: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(p) = find_byte(b, i, seq[0]) {
        if b[p..].starts_with(seq) {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

/// Letters, digits and the few punctuation marks that appear in tag names (`o:p`, `my-tag`).
fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'_' | b'.')
}

fn is_cjk(c: char) -> bool {
    crate::decode::is_han(c)
        || ('\u{3000}'..='\u{30FF}').contains(&c)
        || ('\u{FF00}'..='\u{FFEF}').contains(&c)
}

impl<'a> Scanner<'a> {
    fn run(&mut self) {
        let b = self.src.as_bytes();
        let mut text_start = 0;
        let mut i = 0;
        while let Some(lt) = find_byte(b, i, b'<') {
            let Some(next) = self.markup(lt, text_start) else {
                i = lt + 1;
                continue;
            };
            i = next;
            text_start = next;
        }
        self.text(&self.src[text_start..]);
    }

    /// Handles the markup starting at `lt` (first writing the text before it) and returns
    /// where the text resumes, or `None` if this `<` does not start markup.
    fn markup(&mut self, lt: usize, text_start: usize) -> Option<usize> {
        let b = self.src.as_bytes();
        let len = b.len();
        let next = *b.get(lt + 1)?;
        if next == b'!' {
            self.text(&self.src[text_start..lt]);
            if b[lt..].starts_with(b"<!--") {
                if !self.no_comment_end {
                    if let Some(end) = find_seq(b, lt + 4, b"-->") {
                        return Some(end + 3);
                    }
                    self.no_comment_end = true;
                }
            } else if b[lt..].starts_with(b"<![CDATA[") && !self.no_cdata_end {
                if let Some(end) = find_seq(b, lt + 9, b"]]>") {
                    return Some(end + 3);
                }
                self.no_cdata_end = true;
            }
            return Some(find_byte(b, lt, b'>').map_or(len, |e| e + 1));
        }
        if next == b'?' {
            self.text(&self.src[text_start..lt]);
            return Some(find_byte(b, lt, b'>').map_or(len, |e| e + 1));
        }
        if next == b'/' {
            let name_start = lt + 2;
            if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                if b.get(name_start) == Some(&b'>') {
                    // "</>" is dropped by browsers.
                    self.text(&self.src[text_start..lt]);
                    return Some(name_start + 1);
                }
                return None;
            }
            self.text(&self.src[text_start..lt]);
            let mut p = name_start;
            while p < len && is_name_byte(b[p]) {
                p += 1;
            }
            let name = self.src[name_start..p].to_ascii_lowercase();
            let end = find_byte(b, p, b'>').map_or(len, |e| e + 1);
            self.end_tag(&name);
            return Some(end);
        }
        if !next.is_ascii_alphabetic() {
            return None;
        }
        self.text(&self.src[text_start..lt]);
        let mut p = lt + 1;
        while p < len && is_name_byte(b[p]) {
            p += 1;
        }
        let name = self.src[lt + 1..p].to_ascii_lowercase();
        let (attrs, self_closing, end) = self.attributes(p);
        if let Some(raw) = RAW_TEXT.iter().find(|r| **r == name) {
            return Some(self.raw_text(raw, end));
        }
        self.start_tag(name, &attrs, self_closing);
        Some(end)
    }

    /// Reads the attributes of a start tag from `p` to its `>`; returns them, whether the tag
    /// ends in `/>`, and the position after the tag.
    fn attributes(&mut self, mut p: usize) -> (Attrs<'a>, bool, usize) {
        let src: &'a str = self.src;
        let b = src.as_bytes();
        let len = b.len();
        let mut attrs = Attrs::default();
        let mut self_closing = false;
        loop {
            while p < len && (b[p].is_ascii_whitespace() || b[p] == b'/') {
                self_closing = b[p] == b'/';
                p += 1;
            }
            if p >= len {
                return (attrs, false, len);
            }
            if b[p] == b'>' {
                return (attrs, self_closing, p + 1);
            }
            self_closing = false;
            let name_start = p;
            p += 1; // Any first byte, even '=', belongs to the name.
            while p < len && !b[p].is_ascii_whitespace() && !matches!(b[p], b'/' | b'>' | b'=') {
                p += 1;
            }
            let name = &src[name_start..p];
            while p < len && b[p].is_ascii_whitespace() {
                p += 1;
            }
            let mut value = "";
            if p < len && b[p] == b'=' {
                p += 1;
                while p < len && b[p].is_ascii_whitespace() {
                    p += 1;
                }
                let quote = b.get(p).copied().filter(|q| *q == b'"' || *q == b'\'');
                let closing = quote.and_then(|q| {
                    let slot = usize::from(q == b'\'');
                    if self.no_quote[slot] {
                        return None;
                    }
                    let found = find_byte(b, p + 1, q);
                    self.no_quote[slot] = found.is_none();
                    found
                });
                if let Some(close) = closing {
                    value = &src[p + 1..close];
                    p = close + 1;
                } else {
                    // Unquoted, or a quote that never closes: the value ends at white space or
                    // `>`, so one stray quote cannot swallow the rest of the page.
                    let start = p + usize::from(quote.is_some());
                    p = start;
                    while p < len && !b[p].is_ascii_whitespace() && b[p] != b'>' {
                        p += 1;
                    }
                    value = &src[start..p];
                }
            }
            if name.eq_ignore_ascii_case("class") {
                attrs.class = value;
            } else if name.eq_ignore_ascii_case("id") {
                attrs.id = value;
            } else if name.eq_ignore_ascii_case("role") {
                attrs.role = value;
            } else if name.eq_ignore_ascii_case("style") {
                attrs.style = value;
            } else if name.eq_ignore_ascii_case("hidden") {
                attrs.hidden = true;
            } else if name.eq_ignore_ascii_case("aria-hidden") {
                attrs.aria_hidden = value.trim().eq_ignore_ascii_case("true");
            } else if name.eq_ignore_ascii_case("colspan") {
                attrs.colspan = value.trim().parse().unwrap_or(0);
            } else if name.eq_ignore_ascii_case("rowspan") {
                attrs.rowspan = value.trim().parse().unwrap_or(0);
            }
        }
    }

    /// Skips the raw text of `<script>`, `<style>` and the like up to their end tag (keeping the
    /// first `<title>`), and returns the position after it.
    fn raw_text(&mut self, name: &'static str, from: usize) -> usize {
        let b = self.src.as_bytes();
        let len = b.len();
        let close =
            if self.no_raw_end.contains(&name) { None } else { self.find_end_tag(from, name) };
        if close.is_none() && !self.no_raw_end.contains(&name) {
            self.no_raw_end.push(name);
        }
        let (content_end, resume) = match close {
            Some((start, end)) => (start, end),
            // An unclosed title ends at the next tag; anything else runs to the end, as in a
            // browser.
            None if name == "title" => {
                let e = find_byte(b, from, b'<').unwrap_or(len);
                (e, e)
            }
            None => (len, len),
        };
        if name == "title" && self.title.is_none() && self.stack.iter().all(|o| o.name != "svg") {
            let raw = decode_html_entities(&self.src[from..content_end]);
            self.title = Some(raw.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        if name == "textarea" || name == "iframe" {
            self.line_break();
        }
        resume
    }

    /// The span of `</name …>` at or after `from`, matched without regard to case.
    fn find_end_tag(&self, from: usize, name: &str) -> Option<(usize, usize)> {
        let b = self.src.as_bytes();
        let mut i = from;
        while let Some(p) = find_seq(b, i, b"</") {
            let n = p + 2;
            let matches_name =
                b.get(n..n + name.len()).is_some_and(|s| s.eq_ignore_ascii_case(name.as_bytes()));
            let after = b.get(n + name.len()).copied();
            if matches_name
                && after.is_none_or(|a| a.is_ascii_whitespace() || a == b'/' || a == b'>')
            {
                let end = find_byte(b, n, b'>').map_or(b.len(), |e| e + 1);
                return Some((p, end));
            }
            i = p + 2;
        }
        None
    }

    fn start_tag(&mut self, name: String, attrs: &Attrs, self_closing: bool) {
        let name_is = |list: &[&str]| list.contains(&name.as_str());
        if self.stack.last().is_some_and(|o| o.name == "head") && !name_is(HEAD_CONTENT) {
            self.pop();
        }
        if name == "html" || name == "body" || (name == "head" && self.body_started) {
            return;
        }
        if name != "head" && !name_is(HEAD_CONTENT) {
            self.body_started = true;
        }
        self.implied_end_tags(&name);
        if name_is(VOID) {
            if name == "br" || name == "hr" {
                self.line_break();
            }
            return;
        }
        let block = name_is(BLOCK);
        let cell = name == "td" || name == "th";
        if self_closing || self.stack.len() >= MAX_DEPTH {
            if block {
                self.line_break();
            }
            return;
        }
        if block {
            self.line_break();
        } else if cell && self.last.is_some_and(|c| c != '\n') {
            self.pending = Pending::Cell;
        }
        let mut hides = self.hides(&name, attrs);
        let veils = !hides && self.mode == Mode::Article && style_veils(attrs.style);
        hides |= veils;
        let pre = name == "pre" || name == "listing";
        let article = name == "article" || name == "main";
        self.hidden += usize::from(hides);
        self.veiled += usize::from(veils);
        self.pre += usize::from(pre);
        self.article += usize::from(article);
        match name.as_str() {
            "table" => self.grids.push(Grid::default()),
            "tr" => {
                if let Some(g) = self.grids.last_mut() {
                    g.begin_row();
                }
            }
            "td" | "th" => {
                if let Some(g) = self.grids.last_mut() {
                    g.begin_cell(attrs.colspan, attrs.rowspan);
                }
            }
            _ => {}
        }
        self.stack.push(Open { name, hides, block: block || cell, pre, article, veils });
    }

    /// HTML closes some elements without an end tag: a new paragraph closes the open one, a new
    /// list item the open item, a new cell or row the open cell.
    fn implied_end_tags(&mut self, name: &str) {
        let top_is = |s: &Self, names: &[&str]| {
            s.stack.last().is_some_and(|o| names.contains(&o.name.as_str()))
        };
        if CLOSES_P.contains(&name) && top_is(self, &["p"]) {
            self.pop();
        }
        match name {
            "li" if top_is(self, &["li"]) => self.pop(),
            "dt" | "dd" if top_is(self, &["dt", "dd"]) => self.pop(),
            "td" | "th" if top_is(self, &["td", "th"]) => self.pop(),
            "tr" => {
                if top_is(self, &["td", "th"]) {
                    self.pop();
                }
                if top_is(self, &["tr"]) {
                    self.pop();
                }
            }
            "option" if top_is(self, &["option"]) => self.pop(),
            _ => {}
        }
    }

    fn end_tag(&mut self, name: &str) {
        match name {
            // Browsers keep reading content after `</body>` and `</html>` into the body.
            "html" | "body" => return,
            // `</br>` is read as `<br>`.
            "br" => return self.line_break(),
            _ => {}
        }
        match self.stack.iter().rposition(|o| o.name == name) {
            Some(at) => {
                while self.stack.len() > at {
                    self.pop();
                }
            }
            // A stray `</p>` still ends a paragraph; other stray end tags are ignored.
            None if name == "p" => self.line_break(),
            None => {}
        }
    }

    fn pop(&mut self) {
        if let Some(open) = self.stack.pop() {
            if open.name == "table" {
                self.grids.pop();
            }
            self.hidden -= usize::from(open.hides);
            self.veiled -= usize::from(open.veils);
            self.pre -= usize::from(open.pre);
            self.article -= usize::from(open.article);
            if open.block {
                if open.name == "td" || open.name == "th" {
                    self.pending = Pending::Cell;
                } else {
                    self.line_break();
                }
            }
        }
    }

    /// Whether an element's content is left out.
    fn hides(&self, name: &str, attrs: &Attrs) -> bool {
        if ALWAYS_HIDDEN.contains(&name) {
            return true;
        }
        if self.mode == Mode::Everything {
            return false;
        }
        if FURNITURE.contains(&name) || (name == "header" && self.article == 0) {
            return true;
        }
        if attrs.hidden || attrs.aria_hidden || style_hides(attrs.style) {
            return true;
        }
        if FURNITURE_ROLES.iter().any(|r| attrs.role.trim().eq_ignore_ascii_case(r)) {
            return true;
        }
        !NEVER_HIDDEN_BY_NAME.contains(&name)
            && (names_furniture(attrs.class) || names_furniture(attrs.id))
    }

    fn line_break(&mut self) {
        self.pending = Pending::None;
        if self.last.is_some_and(|c| c != '\n') {
            self.out.push('\n');
            self.last = Some('\n');
        }
    }

    /// Writes a run of text, entities decoded and white space collapsed.
    fn text(&mut self, run: &str) {
        if self.hidden > 0 && self.hidden == self.veiled {
            self.veiled_han += run.chars().filter(|c| crate::decode::is_han(*c)).count();
        }
        if self.hidden > 0 || run.is_empty() {
            return;
        }
        if !run.trim().is_empty() && self.stack.last().is_none_or(|o| o.name != "head") {
            self.body_started = true;
        }
        let decoded = decode_html_entities(run);
        for c in decoded.chars() {
            if self.pre > 0 {
                if c == '\n' {
                    self.line_break();
                } else if c != '\r' {
                    self.put(if c == '\u{A0}' { ' ' } else { c });
                }
                continue;
            }
            match c {
                ' ' | '\t' | '\u{0C}' => {
                    if self.pending == Pending::None {
                        self.pending = Pending::Space;
                    }
                }
                '\n' | '\r' => {
                    if self.pending == Pending::None {
                        self.pending = Pending::SegmentBreak;
                    }
                }
                // A no-break space is a space the page meant to keep, but not an odd character
                // the extractor should see.
                '\u{A0}' => {
                    self.flush_pending(' ');
                    self.put(' ');
                }
                _ => {
                    self.flush_pending(c);
                    self.put(c);
                }
            }
        }
    }

    fn flush_pending(&mut self, next: char) {
        // A table cell's first text: a tab for each column since the row's last written cell
        // (or since the row's start), so covered and empty cells keep their place.
        if let Some(g) = self.grids.last_mut() {
            if let Some(col) = g.cell.take() {
                let tabs = match g.written {
                    Some(w) => col.saturating_sub(w).max(1),
                    None => col,
                };
                g.written = Some(col);
                self.pending = Pending::None;
                if tabs > 0 {
                    self.out.extend(std::iter::repeat_n('\t', tabs));
                    self.last = Some('\t');
                }
                return;
            }
        }
        let pending = std::mem::replace(&mut self.pending, Pending::None);
        let Some(last) = self.last.filter(|c| *c != '\n') else { return };
        let space = match pending {
            Pending::None => false,
            Pending::Space => true,
            Pending::Cell => {
                self.out.push('\t');
                return;
            }
            Pending::SegmentBreak => !(is_cjk(last) && is_cjk(next)),
        };
        if space && last != ' ' {
            self.out.push(' ');
        }
    }

    fn put(&mut self, c: char) {
        self.out.push(c);
        self.last = Some(c);
    }
}

/// An inline style that hides the element for good.
fn style_hides(style: &str) -> bool {
    style_has(style, "display:none")
}

/// An inline style that makes the element invisible while keeping its place, which pages also
/// use to hold content back until a script shows it.
fn style_veils(style: &str) -> bool {
    style_has(style, "visibility:hidden")
}

/// Whether an inline style holds `declaration` (lower case, no spaces), ignoring case and
/// white space.
fn style_has(style: &str, declaration: &str) -> bool {
    if style.is_empty() {
        return false;
    }
    let compact: String = style
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    compact.contains(declaration)
}

/// Whether a class or id value names page furniture: any of its words (split at anything but
/// letters and digits, and at lower-to-upper case changes) is in [`FURNITURE_WORDS`].
fn names_furniture(value: &str) -> bool {
    fn check(word: &mut String) -> bool {
        let hit = FURNITURE_WORDS.contains(&word.as_str());
        word.clear();
        hit
    }
    let mut word = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        let boundary = !c.is_ascii_alphanumeric() || (c.is_ascii_uppercase() && prev_lower);
        if boundary && check(&mut word) {
            return true;
        }
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    check(&mut word)
}
