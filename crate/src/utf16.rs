//! Converts a report's char offsets (what the engine counts) into UTF-16 code-unit offsets
//! (what JavaScript string indices count), so the page can highlight `text.slice(start, end)`.
//!
//! The two only differ after a character outside the Basic Multilingual Plane (an emoji, a
//! CJK Extension B ideograph such as 𠀀), which takes two UTF-16 units but one `char`.

use crate::report::Report;

/// Maps char indices of one text to UTF-16 code-unit indices.
pub struct Utf16Index {
    /// `units[i]` is the UTF-16 offset of char `i`; one extra entry for the end of the text.
    /// Empty when the text has no character outside the BMP, where both counts agree.
    units: Vec<usize>,
}

impl Utf16Index {
    pub fn new(text: &str) -> Utf16Index {
        if text.chars().all(|c| c.len_utf16() == 1) {
            return Utf16Index { units: Vec::new() };
        }
        let mut units = Vec::with_capacity(text.len() + 1);
        let mut at = 0;
        for c in text.chars() {
            units.push(at);
            at += c.len_utf16();
        }
        units.push(at);
        Utf16Index { units }
    }

    /// The UTF-16 offset of char offset `char_index`; offsets past the end map to the end.
    pub fn convert(&self, char_index: usize) -> usize {
        match self.units.last() {
            None => char_index,
            Some(&end) => self.units.get(char_index).copied().unwrap_or(end),
        }
    }
}

/// Rewrites every offset in `report` (figures, sentences, candidates, region, warnings and
/// their related spans) from chars of `text` to UTF-16 code units of `text`.
pub fn report_offsets_to_utf16(report: &mut Report, text: &str) {
    let index = Utf16Index::new(text);
    let span = |start: &mut usize, end: &mut usize| {
        *start = index.convert(*start);
        *end = index.convert(*end);
    };
    for h in &mut report.indicators {
        span(&mut h.start, &mut h.end);
        span(&mut h.sentence_start, &mut h.sentence_end);
    }
    for c in &mut report.candidates {
        span(&mut c.start, &mut c.end);
        span(&mut c.sentence_start, &mut c.sentence_end);
    }
    if let Some(region) = &mut report.region {
        span(&mut region.start, &mut region.end);
    }
    for w in &mut report.warnings {
        span(&mut w.start, &mut w.end);
        for (s, e) in &mut w.related {
            span(s, e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Utf16Index;

    #[test]
    fn bmp_text_keeps_offsets() {
        let index = Utf16Index::new("石柱县63101人");
        assert_eq!(index.convert(3), 3);
        assert_eq!(index.convert(99), 99);
    }

    #[test]
    fn non_bmp_character_shifts_later_offsets_by_one() {
        // 𠀀 is one char and two UTF-16 units.
        let index = Utf16Index::new("𠀀石柱63101人");
        assert_eq!(index.convert(0), 0);
        assert_eq!(index.convert(1), 2);
        assert_eq!(index.convert(3), 4);
        assert_eq!(index.convert(9), 10);
        assert_eq!(index.convert(50), 10);
    }
}
