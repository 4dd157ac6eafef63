//! Normalisation with an offset map back to the decoded text.
//!
//! Every later stage reads [`Normalized::chars`]: Simplified Chinese, half-width digits and
//! signs, without the pinyin ruby garble of scraped pages (`貧(pín)困(kùn)` → `贫困`), without
//! the doubled punctuation that garble leaves (`,,` → `,`), and with line breaks inside a
//! sentence joined. [`Normalized::map`] says, for each normalised char, which char of the
//! decoded text it came from, so every figure can be highlighted where the user sees it.

/// Clean text plus the offset map back to the decoded text.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub chars: Vec<char>,
    /// `map[i]` is the index, in the decoded text's chars, of normalised char `i`;
    /// `map[chars.len()]` is the decoded text's length, so half-open ends map too.
    pub map: Vec<usize>,
    /// Number of pinyin ruby annotations removed (a sign of a scraped page).
    pub ruby_removed: usize,
}

impl Normalized {
    /// Maps a half-open span of normalised chars to a half-open span of decoded chars.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.map[start.min(self.chars.len())];
        let e = if end == 0 || end <= start {
            s
        } else {
            // The end is one past the original position of the last char, so a span never
            // swallows a removed annotation that follows it.
            self.map[(end - 1).min(self.chars.len())] + 1
        };
        (s, e.max(s))
    }

    /// The normalised text of a span.
    pub fn slice(&self, start: usize, end: usize) -> String {
        crate::words::string(&self.chars[start.min(self.chars.len())..end.min(self.chars.len())])
    }
}

/// Whether `c` is a Han character (CJK Unified Ideographs and extensions, compatibility).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Full-width ASCII forms and the ideographic space to their half-width forms; the heavy and
/// long right arrows to → (11.73% ➔ 0).
fn half_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 | 0x00A0 | 0x2002..=0x200A => ' ',
        // Arrows a change is written with, the emoji's too (21.6%➡️0, its variation selector
        // dropped below).
        0x2794 | 0x27A1 | 0x27F6 | 0x2B95 => '→',
        _ => c,
    }
}

/// Letters that occur in pinyin, with or without tone marks.
fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿɑɡê".contains(c)
}

fn has_tone_mark(s: &[char]) -> bool {
    s.iter().any(|c| "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".contains(*c))
}

/// If `chars[i]` opens a ruby annotation `(pin)` after a Han char, the index past its `)`.
fn ruby_end(chars: &[char], i: usize, lenient: bool) -> Option<usize> {
    if chars[i] != '(' || i == 0 || !is_han(chars[i - 1]) {
        return None;
    }
    let mut j = i + 1;
    while j < chars.len() && j - i <= 7 && is_pinyin_letter(chars[j]) {
        j += 1;
    }
    if j == i + 1 || j >= chars.len() || chars[j] != ')' {
        return None;
    }
    // A toneless annotation (的(de)) is only taken as ruby in a page that has many.
    if has_tone_mark(&chars[i + 1..j]) || lenient {
        Some(j + 1)
    } else {
        None
    }
}

/// Chars fast2s converts only next to certain others (藉口, 看著, 計畫 …): a char alone
/// says nothing about them.
const CONVERTED_IN_CONTEXT: &[char] = &['藉', '著', '苧', '闔', '鍾', '讎', '畫'];

/// Bit `c` set for every char fast2s changes on its own (`CHANGED_ALONE`), asked of fast2s
/// for every three-byte char by the build script (crate/build.rs).
mod changed_alone {
    include!(concat!(env!("OUT_DIR"), "/fast2s_changes.rs"));
}

/// Whether fast2s could change any char of `text`. Most reports are Simplified, and fast2s
/// looks up every three-byte char in three hash tables (5% of a report's time), and builds
/// those tables on its first call (a million instructions, more than a short report costs):
/// a text of chars it never changes on their own, none of them one it changes in context, is
/// already Simplified and never reaches fast2s.
pub(crate) fn may_be_traditional(text: &str) -> bool {
    text.chars().filter(|c| c.len_utf8() == 3).any(|c| {
        let bit = c as usize;
        changed_alone::CHANGED_ALONE[bit / 64] & (1 << (bit % 64)) != 0
            || CONVERTED_IN_CONTEXT.contains(&c)
    })
}

/// Sentence-ending punctuation after which a line break is a real break.
fn ends_statement(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | ':' | '”' | '」' | '…' | ')' | '》' | '.')
}

/// Chars a figure's unit (or multiplier) starts with: what a number cut by a line break goes on
/// into on the next line.
const FIGURE_UNIT_STARTS: &str = "万亿千百人户元个%公里亩";

/// Minimum length (chars other than white space) of a line whose break, without closing
/// punctuation, is a wrapped sentence. Official documents are set 28 chars to the line
/// (GB/T 9704), and their first lines are indented by two.
const WRAPPED_LINE_MIN: usize = 22;
/// The same for a line that ends with a comma or 、, or inside a number whose digits go on
/// into a unit on the next line: a sentence that plainly goes on.
const WRAPPED_AFTER_COMMA_MIN: usize = 12;

/// Whether `line` holds at least `n` chars other than white space (looking back from its end
/// no further than needed: a line joined from many is long).
fn at_least(line: &[char], n: usize) -> bool {
    line.iter().rev().filter(|c| !c.is_whitespace()).nth(n - 1).is_some()
}

/// Normalises decoded text.
pub fn normalize(text: &str) -> Normalized {
    // Traditional → Simplified first. fast2s maps one char to one char, which keeps the
    // offset map trivial; if a future version ever changed the length, fall back to the
    // unconverted text rather than mis-map offsets.
    let src: Vec<char> = if !may_be_traditional(text) {
        text.chars().map(half_width).collect()
    } else {
        let simplified = fast2s::convert(text);
        if simplified.chars().count() == text.chars().count() {
            simplified.chars().map(half_width).collect()
        } else {
            text.chars().map(half_width).collect()
        }
    };

    // A page with several tone-marked annotations is a ruby page: there, toneless ones go too.
    // (Each test first asks for a `(`, here, without a call per char.)
    let toned = (0..src.len())
        .filter(|&i| src[i] == '(' && ruby_end(&src, i, false).is_some())
        .take(3)
        .count();
    let lenient = toned >= 3;

    let union = |a: Option<Vec<bool>>, b: Option<Vec<bool>>| match (a, b) {
        (Some(mut a), Some(b)) => {
            a.iter_mut().zip(b).for_each(|(x, y)| *x |= y);
            Some(a)
        }
        (a, b) => a.or(b),
    };
    let (cue_lines, cue_run_on) = subtitle_cues(&src).unzip();
    let dropped = union(
        union(union(spaces_inside_numbers(&src), phrase_breaks(&src)), letter_spacing(&src)),
        union(
            union(markdown_marks(&src), line_break_tags(&src)),
            union(cue_lines, speech_hesitations(&src)),
        ),
    );

    let csv = csv_line_breaks(text);

    let mut chars = Vec::with_capacity(src.len());
    let mut map = Vec::with_capacity(src.len() + 1);
    let mut ruby_removed = 0;
    // Where the current line starts in `chars` (kept here: finding it again at every line
    // break by scanning back was quadratic once many wrapped lines had been joined).
    let mut line_start = 0;
    // How much of the current line is known to hold no table cell break: a line joined from
    // many wrapped lines is checked once, not again in full at every join (quadratic).
    let mut line_clean = 0;
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        if let Some(end) = (c == '(').then(|| ruby_end(&src, i, lenient)).flatten() {
            ruby_removed += 1;
            i = end;
            continue;
        }
        if dropped.as_ref().is_some_and(|d| d[i]) {
            i += 1;
            continue;
        }
        match c {
            // Subtitle cues that run on: one sentence (see `subtitle_cues`).
            '\n' if cue_run_on.as_ref().is_some_and(|b| b[i]) => {
                chars.push(' ');
                map.push(i);
                i += 1;
                continue;
            }
            // Invisible: a BOM, zero-width spaces and joiners, a soft hyphen (0.2\u{AD}1%), CR,
            // and the variation selectors that make a symbol an emoji or text (➡️).
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{AD}' | '\r'
            | '\u{FE0E}' | '\u{FE0F}' => {
                i += 1;
                continue;
            }
            // A circled number right after a figure or a word is a footnote's mark (由2014年末
            //的25.3%①降至…): it goes, so the figure meets its words again. At the start of a
            // line or after punctuation it numbers an item, and stays.
            '①'..='⑳'
                if i > 0
                    && (src[i - 1].is_ascii_digit() || src[i - 1] == '%' || is_han(src[i - 1])) =>
            {
                i += 1;
                continue;
            }
            // Doubled punctuation left by ruby garble: `,,` and `,。` keep the second mark.
            ',' | '、' if ruby_removed > 0 || lenient => {
                if matches!(src.get(i + 1), Some(',' | '。' | ';' | ':' | '!' | '?' | '、')) {
                    i += 1;
                    continue;
                }
            }
            // 饮水安全问题. 教育扶贫方面…: a half-width full stop after a Han char, before a
            // space, a Han char or the end, ends a sentence as 。 does (a decimal point sits
            // between digits).
            '.' if i > 0
                && is_han(src[i - 1])
                && src.get(i + 1).is_none_or(|&n| n.is_whitespace() || is_han(n)) =>
            {
                chars.push('。');
                map.push(i);
                i += 1;
                continue;
            }
            '\n' if !csv.as_ref().is_some_and(|b| b[i]) => {
                let line = &chars[line_start..];
                let alone = line_start == 0 || chars[..line_start].ends_with(&['\n', '\n']);
                if alone && is_heading(line) && blank_line_after(&src, i) {
                    // A title between blank lines (…补助资金绩效自评报告) is no wrapped line.
                } else if let Some(next) = join_wrapped_line(&src, line, &mut line_clean, i) {
                    i = next;
                    continue;
                }
            }
            _ => {}
        }
        chars.push(c);
        map.push(i);
        if c == '\n' {
            line_start = chars.len();
            line_clean = 0;
        }
        i += 1;
    }
    map.push(src.len());
    Normalized { chars, map, ruby_removed }
}

/// The line breaks (by char index) next to a line of comma-separated values: three or more
/// ASCII commas that are no thousands separators, and no full stop. Chinese prose writes ，, which normalising makes a comma too,
/// so this is read off the text before; such a line is a table row (crate::tables), never a
/// sentence wrapped at its comma. `None` when the text has no such line.
fn csv_line_breaks(text: &str) -> Option<Vec<bool>> {
    let bytes = text.as_bytes();
    // A thousands separator (4,137户) is no field separator.
    let thousands = |at: usize| {
        at > 0
            && bytes[at - 1].is_ascii_digit()
            && bytes.len() > at + 3
            && bytes[at + 1..at + 4].iter().all(u8::is_ascii_digit)
            && !bytes.get(at + 4).is_some_and(u8::is_ascii_digit)
    };
    let mut breaks: Option<Vec<bool>> = None;
    // Char index of byte `counted_to`, advanced as lines are found.
    let (mut counted_to, mut chars_before) = (0, 0);
    let mut seps = [0usize; 3];
    let mut found = 0;
    let mut from = 0;
    // Commas are few: hop from one to the next (str::find runs memchr).
    while let Some(p) = text[from..].find(',') {
        let at = from + p;
        from = at + 1;
        if thousands(at) {
            continue;
        }
        seps = [seps[1], seps[2], at];
        found += 1;
        if found < 3 || bytes[seps[0]..at].contains(&b'\n') {
            continue;
        }
        // Three field separators on one line: the line, unless it holds a full stop.
        let start = bytes[..seps[0]].iter().rposition(|&b| b == b'\n').map_or(0, |k| k + 1);
        let end = bytes[at..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |k| at + k);
        from = end.min(bytes.len());
        found = 0;
        if text[start..end].contains('。') {
            continue;
        }
        chars_before += text[counted_to..start].chars().count();
        let start_char = chars_before;
        let end_char = start_char + text[start..end].chars().count();
        (counted_to, chars_before) = (end, end_char);
        let b = breaks.get_or_insert_with(|| vec![false; text.chars().count()]);
        if let Some(e) = b.get_mut(end_char) {
            *e = true;
        }
        if start_char > 0 {
            b[start_char - 1] = true;
        }
    }
    breaks
}

/// Whether a line stands as a heading: at most 40 chars, with no punctuation of a sentence.
fn is_heading(line: &[char]) -> bool {
    line.len() <= 40 && !line.iter().any(|&c| matches!(c, ',' | '、' | '。' | ';' | ':'))
}

/// Whether the line break at `src[i]` is followed by a blank line.
fn blank_line_after(src: &[char], i: usize) -> bool {
    src[i + 1..].iter().take_while(|&&c| c != '\n').all(|c| c.is_whitespace())
        && src[i + 1..].contains(&'\n')
}

/// At a line break at `src[i]`: if the line so far (`line`, normalised) is a long sentence
/// cut without closing punctuation and the text goes on with a Han char after blank lines,
/// returns where the text resumes (the break and the blank lines are dropped). `line[..*clean]`
/// is known to hold no cell break; a joined line is all clean.
fn join_wrapped_line(src: &[char], line: &[char], clean: &mut usize, i: usize) -> Option<usize> {
    let last = *line.iter().rev().find(|c| !c.is_whitespace())?;
    let after_blanks = || past_page_breaks(src, i);
    // A number cut from its unit (总人口21.2 / 万人) is a wrapped line at any length; a number
    // cut in two (累计脱贫29806户96 / 415人) when the line is a wrapped sentence and the
    // digits on the next line run into a unit.
    if last.is_ascii_digit() {
        let j = after_blanks();
        // A unit at `k`: 公 and 平 only as 公里, 公顷, 平方米 (not 公益性岗位 under a serial 7).
        let unit = |k: usize| {
            src.get(k).is_some_and(|c| "万亿千百人户元个%公里亩平".contains(*c))
                && match src[k] {
                    '公' => matches!(src.get(k + 1), Some('里' | '顷')),
                    '平' => src.get(k + 1) == Some(&'方'),
                    _ => true,
                }
        };
        // (The rest may hold a decimal point: 年均增长3 / 3.3%.)
        let digits =
            src[j.min(src.len())..].iter().take_while(|c| c.is_ascii_digit() || **c == '.').count();
        let cut_number = digits > 0 && unit(j + digits) && at_least(line, WRAPPED_AFTER_COMMA_MIN);
        if (unit(j) || cut_number) && !has_cell_break(line, *clean) && !spaced_rows(src, line, j) {
            *clean = line.len();
            return Some(j);
        }
        return None;
    }
    let comma = matches!(last, ',' | '、');
    if ends_statement(last)
        || !(is_han(last) || comma)
        || !at_least(line, if comma { WRAPPED_AFTER_COMMA_MIN } else { WRAPPED_LINE_MIN })
    {
        return None;
    }
    let j = after_blanks();
    // Only a lower-case continuation joins: a Han char, or a figure (由2014年的 / 21.75%下降
    // 到…); a new paragraph usually starts with indentation, which is white space and skipped
    // above, so also require the next line not to look like a heading (a short line).
    // (OCR may leave a space inside the figure: 48 215人.)
    let digits = src[j.min(src.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit() || **c == '.' || **c == ' ')
        .count();
    // A year goes on a sentence too (…人均可支配收入由 / 2014年的2347元增至…).
    // Only after a word that needs its object (由, 从, 至, 的 …): a title ends in a noun and
    // the paragraph under it may open with a year.
    let year = digits == 4
        && src.get(j + digits) == Some(&'年')
        && "由从自至到于在的比较与和及截".contains(last);
    let figure =
        year || digits > 0 && src.get(j + digits).is_some_and(|c| FIGURE_UNIT_STARTS.contains(*c));
    if j < src.len() && (is_han(src[j]) || figure) {
        // Rows of a table (cells split by tabs or runs of spaces) are lines of their own.
        let next_line = &src[j..j + src[j..].iter().take_while(|&&c| c != '\n').count()];
        if has_cell_break(line, *clean) || has_cell_break(next_line, 0) || spaced_rows(src, line, j)
        {
            return None;
        }
        *clean = line.len();
        let next_line_len = src[j..].iter().take_while(|&&c| c != '\n').count();
        let next_ends = src[j..].iter().take_while(|&&c| c != '\n').last().copied();
        // A short next line that ends inside a number (训1.26 / 万人次) is no heading either.
        let ends_in_number = next_ends.is_some_and(|c| c.is_ascii_digit() || c == '.');
        if next_line_len >= 8 || next_ends.is_some_and(ends_statement) || ends_in_number {
            return Some(j);
        }
    }
    None
}

/// Where the text resumes after the line break at `src[i]`: past white space and past any
/// page number standing alone on its line (`— 1 —`, `- 12 -`, `第3页`), which a PDF copy
/// leaves wherever a page ended, often mid-sentence.
fn past_page_breaks(src: &[char], i: usize) -> usize {
    let skip_blanks = |k: usize| k + src[k..].iter().take_while(|c| c.is_whitespace()).count();
    let mut j = skip_blanks(i);
    // `j` is at a line's first char other than white space; a folio is a few chars (the
    // look ahead stops there), and the loop ends at the first line that is not one.
    loop {
        let len = src[j..].iter().take(FOLIO_MAX + 1).take_while(|&&c| c != '\n').count();
        if len > FOLIO_MAX || j + len >= src.len() || !is_folio(&src[j..j + len]) {
            return j;
        }
        j = skip_blanks(j + len);
    }
}

/// The longest line (chars) read as a page number.
const FOLIO_MAX: usize = 16;

/// Whether a line is a page number alone: digits between dashes or middle dots on both sides
/// (`— 1 —`, `-2-`, `·3·`), or `第N页` (optionally `共M页`). A bare number is not one: it
/// may be a figure of a table cut into lines.
fn is_folio(line: &[char]) -> bool {
    let text: String = line.iter().filter(|c| !c.is_whitespace()).collect();
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(rest) = text.strip_prefix('第') {
        let page = rest.split(['页', '頁']).next().unwrap_or("");
        let after = &rest[page.len()..];
        let after = after.strip_prefix(['页', '頁']).unwrap_or("#");
        let total_ok = after.is_empty()
            || after
                .strip_prefix('共')
                .and_then(|t| t.strip_suffix(['页', '頁']))
                .is_some_and(digits);
        return digits(page) && total_ok;
    }
    let dash = |c: char| matches!(c, '—' | '-' | '–' | '―' | '─' | '－' | '·' | '•');
    let inner = text.trim_start_matches(dash);
    let core = inner.trim_end_matches(dash);
    inner.len() < text.len() && core.len() < inner.len() && digits(core)
}

/// The longest line (chars other than white space) that counts as a phrase of a chat paste.
const PHRASE_MAX: usize = 14;

/// Line breaks to drop in a text broken after every short phrase, as a chat app or a poster
/// sets it ("📌全县 / 累计脱贫 / 2.21万户 / 6.47万人"): each group of lines between blank lines
/// is one statement, so a label and its figure must share a sentence. Applies only when short
/// unpunctuated lines are at least two thirds of the text's lines (and a dozen at least); then
/// a break is dropped, with the next line's indentation, when the lines on both sides are such
/// phrases and the next one starts with a word or a figure, not a bullet or an emoji that
/// opens a new item. `None` when nothing is dropped.
fn phrase_breaks(src: &[char]) -> Option<Vec<bool>> {
    // A quick test first: a report of long lines has few line breaks for its length.
    let breaks = src.iter().filter(|&&c| c == '\n').count();
    if breaks < 12 || breaks * PHRASE_MAX * 2 < src.len() {
        return None;
    }
    let lines = line_spans(src, breaks);
    let body = |&(a, b): &(usize, usize)| -> &[char] {
        let line = &src[a..b];
        let lead = line.iter().take_while(|c| c.is_whitespace()).count();
        let trail = line[lead..].iter().rev().take_while(|c| c.is_whitespace()).count();
        &line[lead..line.len() - trail]
    };
    let phrase = |line: &[char]| {
        !line.is_empty()
            && line.len() <= PHRASE_MAX
            && !has_cell_break(line, 0)
            && !line.last().is_some_and(|&c| ends_statement(c) || matches!(c, '。' | ';'))
    };
    let filled = lines.iter().filter(|l| !body(l).is_empty()).count();
    let phrases = lines.iter().filter(|l| phrase(body(l))).count();
    if phrases < 12 || phrases * 3 < filled * 2 {
        return None;
    }
    // A Word table pasted one cell per line is no chat's phrases: its lines stay apart from
    // its header (序号 / 指标 / 单位 …) to the first sentence after it (crate::tables reads it).
    let mut table = vec![false; lines.len()];
    let mut i = 0;
    while i + 2 < lines.len() {
        if !crate::tables::opens_cell_per_line([
            body(&lines[i]),
            body(&lines[i + 1]),
            body(&lines[i + 2]),
        ]) {
            i += 1;
            continue;
        }
        while i < lines.len() && body(&lines[i]).len() <= 40 && !body(&lines[i]).contains(&'。') {
            table[i] = true;
            i += 1;
        }
    }
    let mut drop = vec![false; src.len()];
    for (k, pair) in lines.windows(2).enumerate() {
        if table[k] || table[k + 1] {
            continue;
        }
        let (this, next) = (body(&pair[0]), body(&pair[1]));
        let opens = next.first().is_some_and(|&c| {
            is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '(' | '[' | '【' | '“')
        });
        // A bracketed note under a figure goes with it: 2.68万户9.84万人 / (其中2020年脱贫1073人).
        let note =
            next.len() <= 2 * PHRASE_MAX && next.first() == Some(&'(') && next.last() == Some(&')');
        if phrase(this) && (phrase(next) || note) && opens {
            let (_, end) = pair[0];
            let lead = src[end + 1..].iter().take_while(|c| c.is_whitespace()).count();
            drop[end..end + 1 + lead].iter_mut().for_each(|d| *d = true);
        }
    }
    drop.contains(&true).then_some(drop)
}

/// Spaces between the chars of a letter-spaced word, as a PDF's headings set them and OCR
/// keeps them (三、存 在 的 问 题): single spaces inside a run of at least three single Han chars
/// each parted by one. Two words with a space between (指标 单位) are cells, and keep it.
fn letter_spacing(src: &[char]) -> Option<Vec<bool>> {
    let han = |k: usize| src.get(k).is_some_and(|&c| is_han(c));
    let mut drop: Option<Vec<bool>> = None;
    let mut i = 0;
    while i + 4 < src.len() {
        // A run starts at a Han char that does not follow another one.
        if !han(i) || (i > 0 && han(i - 1)) || src[i + 1] != ' ' {
            i += 1;
            continue;
        }
        let mut end = i;
        while src.get(end + 1) == Some(&' ') && han(end + 2) && !han(end + 3) {
            end += 2;
        }
        // The last char of the run may be followed by another Han char (基 本 情况): not spaced.
        let chars = (end - i) / 2 + 1;
        if chars >= 3 {
            let d = drop.get_or_insert_with(|| vec![false; src.len()]);
            (i + 1..end).step_by(2).for_each(|k| d[k] = true);
        }
        i = end + 1;
    }
    drop
}

/// Spaces that OCR or typesetting put inside a number, to be dropped: between single digits
/// (1 3 0 4户, 1 2 817户), before a group of three (11 268元), among the decimals (22.7 4%), and
/// after a lone first digit before a percentage (的2 2.74%). Only a number whose end is
/// followed by a Han char (its unit) or % qualifies, so a row of a table set with single
/// spaces (合计 156 144 342) keeps its cells. `None` when the text has no such space.
/// Markdown's marks around a run of text on one line: `**9,216户**` (bold) and `` `1,036.5` ``
/// (code). They are layout, not words: dropped, so the figure meets its words and units again
/// (the masks of censored text are single or unpaired: [`crate::warnings::censored_text`]
/// skips what this marks). None when the text has no such pair.
pub fn markdown_marks(src: &[char]) -> Option<Vec<bool>> {
    // Most texts have neither mark: one quick pass says so.
    if !src.iter().any(|&c| c == '*' || c == '`') {
        return None;
    }
    let mut drop: Option<Vec<bool>> = None;
    let mut i = 0;
    while i + 2 < src.len() {
        let (mark, width) = match src[i] {
            '*' if src[i + 1] == '*' && i + 2 < src.len() && src[i + 2] != '*' => ('*', 2),
            '`' if src[i + 1] != '`' => ('`', 1),
            _ => {
                i += 1;
                continue;
            }
        };
        let open = i + width;
        // The closing mark on the same line, within 60 chars, around text that neither
        // starts nor ends with a space.
        let close = (open..src.len().min(open + 60))
            .take_while(|&k| src[k] != '\n')
            .find(|&k| src[k] == mark && (width == 1 || src.get(k + 1) == Some(&'*')));
        let Some(close) = close.filter(|&k| {
            k > open
                && !src[open].is_whitespace()
                && !src[k - 1].is_whitespace()
                && src[open..k].iter().all(|&c| c != '*' && c != '`')
        }) else {
            i += width;
            continue;
        };
        let d = drop.get_or_insert_with(|| vec![false; src.len()]);
        d[i..open].iter_mut().for_each(|x| *x = true);
        d[close..close + width].iter_mut().for_each(|x| *x = true);
        i = close + width;
    }
    drop
}

/// A subtitle cue's time (`00:01:23,456`, WebVTT's `01:23.456` or `00:01:23.456`) at the
/// start of `s`: milliseconds and the chars read.
fn cue_time(s: &[char]) -> Option<(u64, usize)> {
    let mut parts = [0u64; 3];
    let mut count = 0;
    let mut i = 0;
    loop {
        let digits = s[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || digits > 2 || count == 3 {
            return None;
        }
        parts[count] =
            s[i..i + digits].iter().fold(0, |n, c| n * 10 + c.to_digit(10).unwrap_or(0) as u64);
        count += 1;
        i += digits;
        match s.get(i) {
            Some(':') => i += 1,
            Some(',' | '.') if count >= 2 => break,
            _ => return None,
        }
    }
    let millis = s[i + 1..].iter().take(3).take_while(|c| c.is_ascii_digit()).count();
    if millis == 0 {
        return None;
    }
    let frac =
        s[i + 1..i + 1 + millis].iter().fold(0, |n, c| n * 10 + c.to_digit(10).unwrap_or(0) as u64);
    let (h, m, sec) =
        if count == 3 { (parts[0], parts[1], parts[2]) } else { (0, parts[0], parts[1]) };
    Some((((h * 60 + m) * 60 + sec) * 1000 + frac * 10u64.pow(3 - millis as u32), i + 1 + millis))
}

/// A subtitle timing line (`00:00:19,980 --> 00:00:23,410`, WebVTT settings after it allowed):
/// its start and end in milliseconds.
fn cue_timing(line: &[char]) -> Option<(u64, u64)> {
    let lead = line.iter().take_while(|c| c.is_whitespace()).count();
    let (start, n) = cue_time(&line[lead..])?;
    let rest = &line[lead + n..];
    let gap = rest.iter().take_while(|&&c| c == ' ').count();
    let rest = rest.get(gap..)?;
    if !rest.starts_with(&['-', '-', '>']) {
        return None;
    }
    let rest = &rest[3..];
    let gap = rest.iter().take_while(|&&c| c == ' ').count();
    let (end, _) = cue_time(rest.get(gap..)?)?;
    Some((start, end))
}

/// Pause, in milliseconds, between two subtitle cues under which the second goes on with the
/// first one's sentence: a speaker's phrase cut for the screen (建档立卡贫困户 | 2713户9356人)
/// runs on with no pause; a new sentence comes after one.
const CUE_RUN_ON_MS: u64 = 200;

/// (start, end) of each line of `src`, without its '\n' (`breaks`: how many there are, if
/// known, for the room).
fn line_spans(src: &[char], breaks: usize) -> Vec<(usize, usize)> {
    let mut lines = Vec::with_capacity(breaks + 1);
    let mut start = 0;
    for (i, &c) in src.iter().enumerate() {
        if c == '\n' {
            lines.push((start, i));
            start = i + 1;
        }
    }
    lines.push((start, src.len()));
    lines
}

/// A subtitle file (SRT or WebVTT: numbered cues, each a timing line and its text, blank lines
/// between): the cue numbers, timing lines and blank lines go, so the spoken text reads as
/// prose. Returns the chars to drop and the line breaks to read as a space: between the lines
/// of a cue, and between cues that follow each other with no pause (speech cut for the screen,
/// mid-sentence as often as not, so no punctuation is made up); after a pause the line break
/// stays. `None` when the text has fewer than three timing lines.
fn subtitle_cues(src: &[char]) -> Option<(Vec<bool>, Vec<bool>)> {
    // A quick test first: a timing line holds "-->".
    let arrows = (2..src.len())
        .filter(|&i| src[i] == '>' && src[i - 1] == '-' && src[i - 2] == '-')
        .take(3)
        .count();
    if arrows < 3 {
        return None;
    }
    let lines = line_spans(src, 0);
    let timings: Vec<Option<(u64, u64)>> =
        lines.iter().map(|&(a, b)| cue_timing(&src[a..b])).collect();
    if timings.iter().flatten().count() < 3 {
        return None;
    }
    let blank = |k: usize| src[lines[k].0..lines[k].1].iter().all(|c| c.is_whitespace());
    let cue_number = |k: usize| {
        let line = &src[lines[k].0..lines[k].1];
        line.iter().any(char::is_ascii_digit)
            && line.iter().all(|c| c.is_ascii_digit() || c.is_whitespace())
    };
    let mut drop = vec![false; src.len()];
    let mut run_on = vec![false; src.len()];
    // The line break after the last text line, and when its cue ended.
    let mut pending: Option<(usize, u64)> = None;
    // The current cue's end, and whether a text line of it was seen.
    let mut cue: Option<u64> = None;
    let mut cue_has_text = false;
    for k in 0..lines.len() {
        let (a, b) = lines[k];
        // The line with its line break (the last line has none).
        let whole = a..(b + 1).min(src.len());
        if let Some((from, to)) = timings[k] {
            drop[whole].iter_mut().for_each(|x| *x = true);
            if let Some((brk, ended)) = pending {
                run_on[brk] = from.saturating_sub(ended) < CUE_RUN_ON_MS;
            }
            (cue, cue_has_text) = (Some(to), false);
        } else if (cue_number(k) && timings.get(k + 1).is_some_and(Option::is_some))
            || (cue.is_some() && blank(k))
        {
            drop[whole].iter_mut().for_each(|x| *x = true);
        } else if let Some(to) = cue {
            // A cue's second line runs on from its first.
            if let Some((brk, _)) = pending.filter(|_| cue_has_text) {
                run_on[brk] = true;
            }
            pending = (b < src.len()).then_some((b, to));
            cue_has_text = true;
        }
    }
    Some((drop, run_on))
}

/// Filler words of speech that may stand as a clause of their own in a transcript (吴海峰:嗯,
/// 大家好; 培训了……那个……两万多人次).
const FILLERS: &[&str] =
    &["嗯嗯", "嗯", "呃", "啊", "哦", "唔", "哎", "那个", "这个", "对对对", "对对", "对", "就是"];

/// Speech as a transcript writes it down: a filler word standing as a clause of its own (嗯,
/// 那个……, 对,) goes with the comma or dots after it; dots of hesitation between a word and a
/// number (培训了……两万多人次) go; a number begun and begun again (四千六百……四千六百三十二户)
/// keeps its second, whole saying. Written prose has none of these shapes. `None` when nothing
/// is dropped.
fn speech_hesitations(src: &[char]) -> Option<Vec<bool>> {
    // A transcript has dots of hesitation or a 嗯 or 呃: written prose goes no further.
    if !src.iter().any(|&c| matches!(c, '…' | '嗯' | '呃')) {
        return None;
    }
    let number_char =
        |c: char| c.is_ascii_digit() || crate::numbers::chars::cn(c).is_some() || c == '.';
    let opens_clause = |k: usize| {
        k == 0 || matches!(src[k - 1], ',' | '。' | ':' | '…' | '—' | '!' | '?' | '\n' | ' ' | '、')
    };
    let mut drop: Option<Vec<bool>> = None;
    let mut mark = |from: usize, to: usize| {
        drop.get_or_insert_with(|| vec![false; src.len()])[from..to]
            .iter_mut()
            .for_each(|x| *x = true);
    };
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        if c == '…' {
            let run = src[i..].iter().take_while(|&&d| d == '…').count();
            // 培训了……那个……两万多人次: past a filler and its own dots (dropped below).
            let mut k = i + run;
            if let Some(w) = FILLERS.iter().find(|w| crate::words::starts_with(&src[k..], w)) {
                let end = k + w.chars().count();
                let dots = src[end..].iter().take_while(|&&d| d == '…').count();
                if dots > 0 {
                    k = end + dots;
                }
            }
            let next = src.get(k).copied();
            let before = i.checked_sub(1).map(|k| src[k]);
            if let (Some(b), Some(n)) = (before, next) {
                if number_char(b) && number_char(n) {
                    // A number begun again: the first saying is a prefix of the second.
                    let first = src[..i].iter().rev().take_while(|&&d| number_char(d)).count();
                    let said = &src[i - first..i];
                    if src[i + run..].starts_with(said) {
                        mark(i - first, i + run);
                    }
                } else if is_han(b) && number_char(n) {
                    mark(i, i + run);
                }
            }
            i += run;
            continue;
        }
        // (Most chars open no filler: their first char is asked first.)
        if matches!(c, '嗯' | '呃' | '啊' | '哦' | '唔' | '哎' | '那' | '这' | '对' | '就')
            && opens_clause(i)
        {
            if let Some(w) = FILLERS.iter().find(|w| crate::words::starts_with(&src[i..], w)) {
                let end = i + w.chars().count();
                let punct = match src.get(end) {
                    Some(',' | '、') => 1,
                    Some('…') => src[end..].iter().take_while(|&&d| d == '…').count(),
                    _ => 0,
                };
                if punct > 0 {
                    mark(i, end + punct);
                    i = end + punct;
                    continue;
                }
            }
        }
        i += 1;
    }
    drop
}

/// HTML line breaks left in plain text (`<br>`, `<br/>`, `<br />`): a Markdown table's cell
/// written over two lines (`1,563户<br>5,814人`), or a page copied with its markup. Layout,
/// not words: dropped. `None` when the text has none.
fn line_break_tags(src: &[char]) -> Option<Vec<bool>> {
    let mut drop: Option<Vec<bool>> = None;
    let mut i = 0;
    while let Some(k) = src[i..].iter().position(|&c| c == '<') {
        let at = i + k;
        let tag = &src[at..src.len().min(at + 6)];
        let len = [
            &['<', 'b', 'r', '>'][..],
            &['<', 'b', 'r', '/', '>'],
            &['<', 'b', 'r', ' ', '/', '>'],
        ]
        .iter()
        .find(|t| {
            tag.len() >= t.len()
                && tag[..t.len()].iter().zip(t.iter()).all(|(a, b)| a.to_ascii_lowercase() == *b)
        })
        .map(|t| t.len());
        if let Some(len) = len {
            drop.get_or_insert_with(|| vec![false; src.len()])[at..at + len]
                .iter_mut()
                .for_each(|x| *x = true);
        }
        i = at + 1;
    }
    drop
}

fn spaces_inside_numbers(src: &[char]) -> Option<Vec<bool>> {
    let digit = |k: usize| src.get(k).is_some_and(char::is_ascii_digit);
    let digits_from = |k: usize| (k..).take_while(|&j| digit(j)).count();
    let mut drop: Option<Vec<bool>> = None;
    let mut i = 0;
    while i + 2 < src.len() {
        // Only at the start of a run of digits followed by a space and a digit (or by
        // decimals and then one).
        let lead = digits_from(i);
        let spaced_after = src.get(i + lead) == Some(&' ') && digit(i + lead + 1);
        let spaced_decimals = src.get(i + lead) == Some(&'.') && {
            let k = i + lead + 1 + digits_from(i + lead + 1);
            k > i + lead + 1 && src.get(k) == Some(&' ') && digit(k + 1)
        };
        if lead == 0 || (i > 0 && digit(i - 1)) || !(spaced_after || spaced_decimals) {
            i += lead.max(1);
            continue;
        }
        // The groups of digits parted by single spaces: (start, len).
        let mut groups = vec![(i, lead)];
        let mut end = i + lead;
        while src.get(end) == Some(&' ') && digit(end + 1) {
            let len = digits_from(end + 1);
            groups.push((end + 1, len));
            end += 1 + len;
        }
        let (last, lens) = (groups[groups.len() - 1].1, &groups[..groups.len() - 1]);
        let after_start = i > 0 && src[i - 1] == ' ';
        // Single digits, the last group of up to three: 1 3 0 4, 1 2 817.
        let spaced = groups.len() >= 3 && lens.iter().all(|g| g.1 == 1) && last <= 3;
        // One to three digits, a space, then exactly three: 11 268.
        let grouped = groups.len() == 2 && lead <= 3 && last == 3 && !after_start;
        // A decimal part, itself maybe spaced (22.7 4%).
        let mut tail = end;
        let mut decimal_gaps = Vec::new();
        if src.get(tail) == Some(&'.') && digit(tail + 1) {
            tail += 1 + digits_from(tail + 1);
            while src.get(tail) == Some(&' ') && digit(tail + 1) && digits_from(tail + 1) <= 2 {
                decimal_gaps.push(tail);
                tail += 1 + digits_from(tail + 1);
            }
        }
        let percent = src.get(tail) == Some(&'%');
        // 由2014年的2 2.74%降至: a lone digit cut from a percentage after a word.
        let cut_percent =
            groups.len() == 2 && lead == 1 && percent && tail > end && i > 0 && is_han(src[i - 1]);
        // The unit may stand after a line break (1 2 817 / 户47 352人).
        let wrapped_unit = src.get(tail) == Some(&'\n')
            && src[tail..]
                .iter()
                .find(|c| !c.is_whitespace())
                .is_some_and(|&c| FIGURE_UNIT_STARTS.contains(c));
        let unit_follows = percent || wrapped_unit || src.get(tail).is_some_and(|&c| is_han(c));
        // Or only the decimals spaced: 22.7 4%.
        let spaced_decimals_only = groups.len() == 1 && !decimal_gaps.is_empty();
        if (spaced || grouped || cut_percent || spaced_decimals_only) && unit_follows {
            let d = drop.get_or_insert_with(|| vec![false; src.len()]);
            for g in &groups[1..] {
                d[g.0 - 1] = true;
            }
            for g in &decimal_gaps {
                d[*g] = true;
            }
            i = tail;
            continue;
        }
        i += lead;
    }
    drop
}

/// Whether the line so far and the one at `src[j..]` are rows of a table whose cells are
/// parted by single spaces (a PDF copy: 户数 人数 户数 人数 / 卡嘎镇 219 1061 219 1061), or the
/// next line and the one after it are: such rows are lines of their own.
fn spaced_rows(src: &[char], line: &[char], j: usize) -> bool {
    let line_at = |k: usize| &src[k..k + src[k..].iter().take_while(|&&c| c != '\n').count()];
    let next = line_at(j);
    if !crate::tables::single_spaced_row(next) {
        return false;
    }
    let after = j + next.len() + 1;
    crate::tables::single_spaced_row(line)
        || (after < src.len() && crate::tables::single_spaced_row(line_at(after)))
}

/// Whether a line, past its indentation, has a tab or two spaces in a row: a table row.
/// `line[..clean]` is known to have neither, so only what follows is read (from the char
/// before it, for a pair of spaces across the boundary).
fn has_cell_break(line: &[char], clean: usize) -> bool {
    let start = line.iter().position(|c| !c.is_whitespace()).unwrap_or(line.len());
    let body = &line[start.max(clean.saturating_sub(1)).min(line.len())..];
    // A bar (丨, |) parts cells too: a figure-first list line (214个丨贫困村全部退出), a title.
    body.iter().any(|c| matches!(c, '\t' | '丨' | '|' | '｜'))
        || body.windows(2).any(|w| w == [' ', ' '])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize(s).chars.iter().collect()
    }

    #[test]
    fn spaces_inside_numbers_are_dropped_before_a_unit() {
        assert_eq!(norm("搬迁1 3 0 4户2 9 8 6人"), "搬迁1304户2986人");
        assert_eq!(norm("增长到2020年的11 268元,"), "增长到2020年的11268元,");
        assert_eq!(norm("累计脱贫1 2 817户"), "累计脱贫12817户");
        assert_eq!(
            norm("发生率22.7 4%,由2014年的2 2.74%降至"),
            "发生率22.74%,由2014年的22.74%降至"
        );
        assert_eq!(norm("合计 2 2.74%"), "合计 2 2.74%");
        assert_eq!(norm("三、存 在 的 问 题\n指标 单位 数值"), "三、存在的问题\n指标 单位 数值");
        // A row of a table set with single spaces, and figures with no unit after them, keep
        // their spaces.
        assert_eq!(norm("合计 156 144 342"), "合计 156 144 342");
        assert_eq!(norm("合计 1 2 3"), "合计 1 2 3");
        assert_eq!(norm("2019 2020 2021年"), "2019 2020 2021年");
        // A number wrapped away from its unit joins it again.
        assert_eq!(norm("全旗总人口21.2\n万人,"), "全旗总人口21.2万人,");
        assert_eq!(norm("见附表2\n附表说明"), "见附表2\n附表说明");
    }

    #[test]
    fn traditional_and_full_width() {
        assert_eq!(norm("貧困發生率３２．４％"), "贫困发生率32.4%");
        assert_eq!(norm("累計減貧１３８９９戶"), "累计减贫13899户");
    }

    #[test]
    fn ruby_garble_removed_and_offsets_map_back() {
        let text = "貧(pín)困(kùn)人(rén)口(kǒu)14109戶,,剩余";
        let n = normalize(text);
        let s: String = n.chars.iter().collect();
        assert_eq!(s, "贫困人口14109户,剩余");
        // "14109" in normalised text maps back to the same digits in the original.
        let p = s.find("14109").map(|b| s[..b].chars().count()).unwrap();
        let (a, b) = n.to_original(p, p + 5);
        let orig: String = text.chars().skip(a).take(b - a).collect();
        assert_eq!(orig, "14109");
    }

    #[test]
    fn parenthesised_words_that_are_not_ruby_stay() {
        assert_eq!(norm("新(改)建公路(km)"), "新(改)建公路(km)");
    }

    #[test]
    fn line_break_tags_in_plain_text_are_dropped() {
        assert_eq!(
            norm("| 易地扶贫搬迁 | 1,563户<br>5,814人 | 1,563户<BR/>5,814人 |"),
            "| 易地扶贫搬迁 | 1,563户5,814人 | 1,563户5,814人 |"
        );
        assert_eq!(norm("a<b 且 c<br d"), "a<b 且 c<br d");
    }

    #[test]
    fn subtitle_cues_read_as_speech() {
        let srt = "1\r\n00:00:05,000 --> 00:00:08,400\r\n全县5216户19874名\r\n\r\n2\r\n00:00:08,400 --> 00:00:11,900\r\n贫困群众全部脱贫\r\n\r\n3\r\n00:00:13,000 --> 00:00:15,000\r\n全县42个贫困村\r\n全部退出\r\n";
        // No pause: one sentence; after a pause: a new line; a cue's two lines: one.
        assert_eq!(norm(srt), "全县5216户19874名 贫困群众全部脱贫\n全县42个贫困村 全部退出\n");
        // WebVTT's times, without hours.
        assert_eq!(
            cue_timing(&"01:02.500 --> 01:04.000 line:0".chars().collect::<Vec<_>>()),
            Some((62_500, 64_000))
        );
        // Two timing lines are no subtitle file.
        let two = "00:00:01,000 --> 00:00:02,000\n甲\n\n00:00:02,000 --> 00:00:03,000\n乙";
        assert!(norm(two).contains("-->"));
    }

    #[test]
    fn spoken_fillers_and_false_starts_go() {
        assert_eq!(
            norm("县长:嗯,建档立卡贫困户,一共是三千二百……三千二百一十五户,对,全部脱贫了。"),
            "县长:建档立卡贫困户,一共是三千二百一十五户,全部脱贫了。"
        );
        assert_eq!(norm("我们培训了……那个……两万多人次"), "我们培训了两万多人次");
        // Dots between a word and a word, or numbers that differ, stay.
        assert_eq!(norm("种植、养殖……等产业"), "种植、养殖……等产业");
        assert_eq!(norm("六十……五十四个"), "六十……五十四个");
    }

    #[test]
    fn wrapped_sentence_lines_are_joined() {
        let text = "为有就业意愿的劳动者提供就业服务，累计新建扶贫车间十三家，通过各种渠道提\n\n供完善的就业服务。";
        assert!(norm(text).contains("提供完善"));
        assert_eq!(norm("标题\n\n正文第一段。"), "标题\n\n正文第一段。");
    }

    #[test]
    fn a_page_number_inside_a_wrapped_sentence_is_skipped() {
        let line = "截至年底，全县剩余贫困人口四百余人，贫困发生率由五年前的";
        for folio in ["— 7 —", "  - 12 -  ", "·3·", "第4页", "第 5 页 共 9 页"] {
            let text = format!("{line}\n{folio}\n\n31.2%降至0.5%。");
            assert_eq!(norm(&text), norm(&format!("{line}31.2%降至0.5%。")), "{folio}");
        }
        // A figure cut from its unit across a page break joins too.
        let text = format!("{line}\n— 7 —\n百分之三十，累计减贫1203\n— 8 —\n人。");
        assert!(norm(&text).ends_with("前的百分之三十,累计减贫1203人。"), "{}", norm(&text));
        // A bare number, or a numbered heading, is no page number: the lines stay apart.
        for other in ["12", "— 附件 —", "一、总体情况"] {
            let text = format!("{line}\n{other}\n31.2%降至0.5%。");
            assert!(norm(&text).contains(&format!("\n{other}")), "{other}");
        }
        // A page number between whole sentences stays where it is.
        let text = "全县贫困发生率降至0.5%。\n— 2 —\n二、主要做法";
        assert_eq!(norm(text), text);
    }

    #[test]
    fn a_text_broken_after_every_phrase_is_joined_group_by_group() {
        let item = "📌全县\n累计脱贫\n  1.2万户\n3.6万人\n(其中2020年脱贫800人)\n\n";
        let chat = format!("群聊(12)\n王哥:\n{}", item.repeat(3));
        let joined = "📌全县累计脱贫1.2万户3.6万人(其中2020年脱贫800人)\n\n";
        assert_eq!(norm(&chat), format!("群聊(12)\n王哥:\n{}", joined.repeat(3)));
        // A bullet opens a new item even without a blank line; a heading over prose stays.
        let list = "🔹 贫困村出列\n102个\n🔹 危房改造\n2400户\n".repeat(4);
        assert_eq!(norm(&list), "🔹 贫困村出列102个\n🔹 危房改造2400户\n".repeat(4));
        let report = "一、基本情况\n全县累计脱贫1.2万户3.6万人,贫困村全部出列。\n".repeat(8);
        assert_eq!(norm(&report), report);
    }

    #[test]
    fn a_fixed_width_export_joins_at_a_year_and_inside_a_decimal() {
        let text =
            "因地制宜发展特色产业,全县贫困人口人均可支配收入由\n2014年的2347元增至2019年的9874元,年均增长3\n3.3%。";
        assert_eq!(
            norm(text),
            "因地制宜发展特色产业,全县贫困人口人均可支配收入由2014年的2347元增至2019年的9874元,年均增长33.3%。"
        );
        // A long title over a paragraph that opens with a year stays a line of its own.
        let titled = "某某县2022年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作总结\n2022年,全县…。";
        assert_eq!(norm(titled), titled);
    }

    #[test]
    fn lines_of_comma_separated_values_are_never_joined() {
        // Ending at a comma after twelve chars would join a wrapped sentence; a line of ASCII
        // commas is a CSV row (Chinese prose writes ，).
        let csv = "全县合计,\"41,386\",\"147,902\",383,803,含动态调整新增户,\n龙角镇,\"1,826\",\"6,571\",14,31,,\n";
        assert_eq!(norm(csv), csv);
        assert_eq!(
            norm("全县上下齐心协力攻坚克难，\n全面完成了脱贫任务。"),
            "全县上下齐心协力攻坚克难,全面完成了脱贫任务。"
        );
    }

    #[test]
    fn lines_of_an_official_document_are_joined() {
        // Set 28 chars to the line, as GB/T 9704 asks: lines end inside numbers, after
        // commas and mid-word.
        let text = "  二〇二〇年，全县坚持以脱贫攻坚统揽经济社会发展全局，\n\
                    以问题整改为抓手，高质量完成了各项目标任务。现将\n\
                    有关情况报告如下：\n\
                    \u{20}\u{20}建档立卡以来，全县累计脱贫12345户45\n\
                    678人，108个贫困村全部退出，贫困发生率由2014年的\n\
                    21.75%下降到2019年底的0.56%。";
        let n = norm(text);
        for joined in ["全局,以问题", "现将有关情况", "12345户45678人", "2014年的21.75%"]
        {
            assert!(n.contains(joined), "{joined} in {n}");
        }
        // A title, and a short line ending in a number, stay lines of their own.
        assert_eq!(
            norm("关于2020年度脱贫攻坚工作情况的报告\n某县人民政府:"),
            "关于2020年度脱贫攻坚工作情况的报告\n某县人民政府:"
        );
        assert_eq!(norm("指标 2019\n2020年 合计"), "指标 2019\n2020年 合计");
    }

    #[test]
    fn simplified_text_skips_fast2s_and_traditional_does_not() {
        assert!(!may_be_traditional("贫困发生率32.4%,累计减贫13899户"));
        assert!(may_be_traditional("累計減貧"));
        assert!(may_be_traditional("看著"), "converted only in context");
        // Whatever the shortcut says, the result is fast2s's.
        for text in ["贫困发生率", "看著辦", "計畫", "干部", "乾隆", "樊於期", "一点"]
        {
            let expected: String = fast2s::convert(text).chars().map(half_width).collect();
            assert_eq!(norm(text), expected, "{text}");
        }
    }

    #[test]
    fn map_covers_every_char() {
        let n = normalize("a（b）\u{FEFF}c");
        assert_eq!(n.map.len(), n.chars.len() + 1);
        assert!(n.map.windows(2).all(|w| w[0] < w[1]));
    }
}
