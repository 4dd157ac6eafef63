//! Bytes to text: detects the encoding (BOM, UTF-8, UTF-16, GB18030/GBK, Big5), refuses
//! binary input, and reduces saved HTML pages to their article text (see [`crate::html`]).

use crate::report::InputError;

/// The largest report accepted, in bytes.
pub const MAX_REPORT_BYTES: usize = 20 * 1024 * 1024;

/// A decoded report.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The document text; every offset the engine reports counts chars in this string.
    pub text: String,
    /// The encoding's name, e.g. "UTF-8", "GB18030", "Big5", "UTF-16LE".
    pub encoding: &'static str,
    /// Whether the input was an HTML page (and `text` is its extracted article text).
    pub html: bool,
}

/// Decodes raw bytes to text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, InputError> {
    // Placeholder: UTF-8 only until the decoding stage lands.
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::Empty);
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    Ok(Decoded { text, encoding: "UTF-8", html: false })
}
