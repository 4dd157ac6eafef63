//! Saved HTML pages to article text: tags, scripts, styles, entities, navigation and
//! copyright boilerplate; and, for plain text, the spans of web boilerplate lines.
//!
//! Rules of [`to_text`]:
//! - `<head>` (except the first `<title>`), `<script>`, `<style>`, `<noscript>`, `<template>`,
//!   `<textarea>`, `<iframe>`, SVG, form widgets and comments are dropped;
//! - page furniture is dropped: `<nav>`, `<aside>`, `<footer>`, `<menu>`, `<button>`, a
//!   `<header>` outside `<article>`/`<main>`, elements hidden by `hidden`, `aria-hidden` or an
//!   inline `display:none` or `visibility:hidden`, ARIA roles of navigation, and elements whose class or id names
//!   nav/menu/footer/breadcrumb/copyright/share/comment/sidebar/side/related/hot/ranking;
//! - block elements (p, div, br, li, h1–h6, tr, section, article…) end lines, inline ones join,
//!   table cells are separated by a tab (rows then read as table rows, see crate::tables);
//! - white space collapses as in a browser (a line break between two Chinese characters
//!   vanishes); `<pre>` keeps its lines; entities are decoded (all HTML5 names, numeric);
//!   no-break spaces become spaces;
//! - lines are trimmed, blank lines dropped (one paragraph per line), and the title becomes
//!   the first line unless the text already contains it;
//! - if `visibility:hidden` hid more Chinese text than the rest of the page shows, the page is
//!   one a script reveals on load (WeChat saves its `#js_content` so) and is read again with
//!   that style ignored;
//! - if dropping furniture would leave under a twentieth of the page's Chinese text (a site
//!   that puts its article in a "comment" box, say), the page is read again keeping furniture.

mod boilerplate;
mod scan;
#[cfg(test)]
mod tests;

pub use boilerplate::boilerplate_spans;

use crate::decode::is_han;

/// HTML tag names that, written as `<name…>` or `</name>`, mark text as HTML.
#[rustfmt::skip]
const TELLTALE_TAGS: &[&str] = &[
    "p", "br", "div", "span", "a", "td", "tr", "th", "table", "li", "ul", "ol", "h1", "h2", "h3",
    "h4", "h5", "h6", "img", "strong", "b", "i", "em", "font", "meta", "script", "style",
    "section", "article", "center", "tbody", "title", "link", "hr", "iframe", "form", "input",
];

/// Whether `text` looks like an HTML document rather than plain text: it starts with a
/// doctype, `<html` or an XML declaration, has an `<html`, `<head` or `<body` tag near the
/// start, or is dense with common tags (at least three, and one for every four lines), which
/// catches fragments saved without the page around them while a plain report that quotes a
/// tag or two stays plain.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let head = prefix(start, 1024).to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    let near = prefix(start, 64 * 1024).to_ascii_lowercase();
    if ["<html", "<head>", "<head ", "<body"].iter().any(|t| near.contains(t)) {
        return true;
    }
    let sample = prefix(start, 1024 * 1024).as_bytes();
    let lines = 1 + sample.iter().filter(|b| **b == b'\n').count();
    let mut tags = 0;
    let mut i = 0;
    while let Some(p) = sample[i..].iter().position(|b| *b == b'<') {
        let at = i + p + 1;
        i = at;
        let name_start = at + usize::from(sample.get(at) == Some(&b'/'));
        let name_len =
            sample[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        let name = &sample[name_start..name_start + name_len];
        let after = sample.get(name_start + name_len).copied();
        let ends_name = after.is_none_or(|a| a.is_ascii_whitespace() || a == b'>' || a == b'/');
        if ends_name && TELLTALE_TAGS.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(name)) {
            tags += 1;
        }
    }
    tags >= 3 && tags * 4 >= lines
}

/// At most `max` bytes of `s`, cut at a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The readable article text of an HTML page.
pub fn to_text(html: &str) -> String {
    let mut page = scan::extract(html, scan::Mode::Article);
    if page.veiled_han > han_count(&page.text) {
        page = scan::extract(html, scan::Mode::Revealed);
    }
    let kept = han_count(&page.text);
    if kept * 20 < han_count(html) {
        let everything = scan::extract(html, scan::Mode::Everything);
        if kept * 20 < han_count(&everything.text) {
            page = everything;
        }
    }
    let body = tidy_lines(&page.text);
    let title = page.title.trim();
    if title.is_empty() || body.contains(title) || body.contains(main_title(title)) {
        body
    } else if body.is_empty() {
        title.to_string()
    } else {
        format!("{title}\n{body}")
    }
}

fn han_count(text: &str) -> usize {
    text.chars().filter(|c| is_han(*c)).count()
}

/// The article's own part of a page title, without the site name: the longest piece between
/// the separators sites put there ("标题 - 重庆日报网", "标题_县人民政府").
fn main_title(title: &str) -> &str {
    title
        .split(['_', '|', '-', '－', '–', '—', '｜'])
        .map(str::trim)
        .max_by_key(|piece| piece.chars().count())
        .unwrap_or(title)
}

/// Trims every line, drops blank ones, and joins them with `\n`. Tabs stay: a table row's
/// leading tab is a cell a merged cell above covers.
fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim_matches(|c: char| c.is_whitespace() && c != '\t');
        if !line.trim().is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
        }
    }
    out
}
