//! Saved HTML pages to article text: tags, scripts, styles, entities, navigation and
//! copyright boilerplate.

/// Whether `text` looks like an HTML document rather than plain text.
pub fn looks_like_html(_text: &str) -> bool {
    false
}

/// The readable article text of an HTML page.
pub fn to_text(html: &str) -> String {
    html.to_string()
}

/// Spans (char offsets, half-open) of web boilerplate lines in plain text.
pub fn boilerplate_spans(_text: &str) -> Vec<(usize, usize)> {
    Vec::new()
}
