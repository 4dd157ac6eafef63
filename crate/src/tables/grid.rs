//! A text's lines as rows of cells, however the table was pasted: cells split by tabs (an Excel
//! range, an HTML table as [`crate::html`] writes it) or by runs of spaces (a fixed-width export),
//! Markdown rows (| a | b |), comma-separated values with quoted fields ("1,322"), box-drawn
//! tables (│ a │ b │) whose long cells wrap onto a second line, and a Word table pasted one cell
//! per line under a header of one word per line.
//!
//! Every cell is a span of the normalised text (a wrapped cell two spans), so a sentence made
//! of cells maps back into the table. Lines that are not a table come out as rows of one cell
//! (or none, for a blank line), as before.
//!
//! Hand-written: CSV crates read a file that is all CSV; here a few CSV lines sit among prose
//! whose commas (normalised from ，) look the same, so a run of lines counts as CSV only when
//! its lines agree on the number of fields (see [`csv_runs`]).

use super::{is_value, PAIR_HEADERS, SERIAL_HEADERS};
use crate::normalize::is_han;

/// One cell: its chars in the normalised text, half-open, and the second line of a cell that
/// wrapped (box-drawn tables).
#[derive(Clone, Copy, Debug)]
pub(super) struct Cell {
    pub start: usize,
    pub end: usize,
    pub wrap: Option<(usize, usize)>,
}

impl Cell {
    pub fn new(start: usize, end: usize) -> Cell {
        Cell { start, end, wrap: None }
    }

    /// An empty cell at `at` (a merged cell's other parts, a cell with nothing in it).
    pub fn empty(at: usize) -> Cell {
        Cell::new(at, at)
    }

    /// The positions of the cell's chars, in reading order.
    pub fn positions(&self) -> impl Iterator<Item = usize> {
        let (a, b) = self.wrap.unwrap_or((0, 0));
        (self.start..self.end).chain(a..b)
    }

    /// The position of the cell's last char (its start when empty).
    pub fn last(&self) -> usize {
        match self.wrap {
            Some((a, b)) if b > a => b - 1,
            _ => self.end.saturating_sub(1).max(self.start),
        }
    }
}

/// How a row's cells were found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Split at runs of two or more spaces, or one cell: empty cells leave no trace.
    Spaced,
    /// Split at tabs, bars or commas: an empty cell is a cell, and a short row lost only empty
    /// cells at its end (an Excel paste drops trailing tabs).
    Delimited,
}

/// A line of the text (or several, for a wrapped box row or a Word row) and its cells.
#[derive(Clone, Debug)]
pub(super) struct Row {
    pub start: usize,
    /// One past the row's last char (its '\n', if any, is not part of it).
    pub end: usize,
    pub cells: Vec<Cell>,
    pub kind: Kind,
}

impl Row {
    /// The row's cells padded with empty ones to `width` when its kind may have lost trailing
    /// empty cells.
    pub fn padded(&self, width: usize) -> Row {
        let mut row = self.clone();
        if row.kind == Kind::Delimited {
            while row.cells.len() < width {
                row.cells.push(Cell::empty(row.end));
            }
        }
        row
    }
}

/// The text's rows: one a line, except that a wrapped box row or a Word row covers several.
pub(super) fn rows(chars: &[char]) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut start = 0;
    while start <= chars.len() {
        let end = chars[start..].iter().position(|&c| c == '\n').map_or(chars.len(), |p| start + p);
        if let Some(row) = line_row(chars, start, end) {
            rows.push(row);
        }
        start = end + 1;
    }
    let rows = csv_runs(chars, rows);
    let rows = single_space_runs(chars, rows);
    let rows = wrapped_box_rows(chars, rows);
    cell_per_line_runs(chars, rows)
}

/// Whether a line is a row whose cells are parted by single spaces, as text copied out of a PDF
/// table has them (卡嘎镇 219 1061 219 1061 13 225; 户数 人数 户数 人数): four cells or more, none
/// longer than a dozen chars or holding a sentence's punctuation, most of two chars or more (a
/// word spaced out letter by letter is no row), nearly all with a Han char or a digit (an
/// English line is none). Lines with a tab or two spaces in a row are rows of another kind.
pub(crate) fn single_spaced_row(line: &[char]) -> bool {
    let (a, b) = trim(line, 0, line.len());
    let line = &line[a..b];
    if line.contains(&'\t') || line.windows(2).any(|w| w == [' ', ' ']) {
        return false;
    }
    let cells = line.split(|&c| c == ' ').count();
    if cells < 4 {
        return false;
    }
    let mut long = 0;
    let mut plain = 0;
    for cell in line.split(|&c| c == ' ') {
        if cell.len() > 12 || cell.iter().any(|&c| matches!(c, ',' | '。' | ';' | ':' | '!')) {
            return false;
        }
        long += usize::from(cell.len() >= 2);
        plain += usize::from(cell.iter().any(|&c| is_han(c) || c.is_ascii_digit()));
    }
    2 * long >= cells && 4 * plain >= 3 * cells
}

/// Splits at single spaces the lines that are [`single_spaced_row`]s next to another such line
/// (one alone is more likely a title or a spaced-out phrase than a table).
fn single_space_runs(chars: &[char], mut rows: Vec<Row>) -> Vec<Row> {
    let spaced = |r: &Row| {
        r.kind == Kind::Spaced && r.cells.len() == 1 && single_spaced_row(&chars[r.start..r.end])
    };
    let marks: Vec<bool> = rows.iter().map(spaced).collect();
    for k in 0..rows.len() {
        let next_to = |j: usize, before: bool| {
            marks[j]
                && if before {
                    rows[j].end + 1 == rows[k].start
                } else {
                    rows[k].end + 1 == rows[j].start
                }
        };
        let run = k > 0 && next_to(k - 1, true) || k + 1 < rows.len() && next_to(k + 1, false);
        if !marks[k] || !run {
            continue;
        }
        let (start, end) = trim(chars, rows[k].start, rows[k].end);
        let mut cells = Vec::new();
        let mut cell_start = start;
        for i in start..=end {
            if i == end || chars[i] == ' ' {
                cells.push(Cell::new(cell_start, i));
                cell_start = i + 1;
            }
        }
        // 合 计 3962 17408: a two-char label spaced out is one cell, as in line_row.
        let one_han = |c: &Cell| c.end == c.start + 1 && is_han(chars[c.start]);
        if one_han(&cells[0]) && one_han(&cells[1]) {
            cells[0].end = cells[1].end;
            cells.remove(1);
        }
        rows[k].cells = cells;
    }
    rows
}

/// Whether `chars` may hold a table of a kind only this module finds: a box-drawn one, a line of
/// three commas and no full stop (CSV), a line of cells parted by single spaces (a PDF copy), or
/// a header word alone on a line (a Word table pasted one cell per line). One pass; most reports have none.
pub(super) fn may_hold_table(chars: &[char]) -> bool {
    let mut commas = 0;
    let mut spaces = 0;
    let mut stop = false;
    let mut line_start = 0;
    for (k, &c) in chars.iter().enumerate() {
        match c {
            '\n' => {
                let line = &chars[line_start..k];
                let alone = |w: &&str| w.chars().eq(line.iter().copied());
                if (commas >= 3 && !stop && csv_like(line))
                    || OPENERS.iter().flat_map(|l| l.iter()).any(alone)
                    || (spaces >= 3 && !stop && single_spaced_row(line))
                {
                    return true;
                }
                commas = 0;
                spaces = 0;
                stop = false;
                line_start = k + 1;
            }
            ',' => commas += 1,
            ' ' => spaces += 1,
            '。' => stop = true,
            c if BOX_BARS.contains(&c) => return true,
            _ => {}
        }
    }
    commas >= 3 && !stop && csv_like(&chars[line_start..])
}

/// Whether a line of commas holds figures in at least half its fields, as a CSV row does and a
/// list of clauses (一是…,二是…,三是…) does not.
fn csv_like(line: &[char]) -> bool {
    let fields = line.split(|&c| c == ',').count();
    let figures = line.split(|&c| c == ',').filter(|f| f.iter().any(char::is_ascii_digit)).count();
    figures * 2 >= fields
}

/// Vertical bars of a box-drawn table.
const BOX_BARS: &[char] = &['│', '┃', '║'];

/// Whether `c` draws a table's lines (─ ┼ ╋ ═ …).
fn is_box_drawing(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c)
}

/// One line's row; `None` for the rule lines of a Markdown or box-drawn table, which are no
/// row: the table reads on across them.
fn line_row(chars: &[char], start: usize, end: usize) -> Option<Row> {
    if let Some(cells) = markdown_cells(chars, start, end) {
        return (!cells.is_empty()).then_some(Row { start, end, cells, kind: Kind::Delimited });
    }
    let line = &chars[start..end];
    if line.iter().any(|&c| is_box_drawing(c))
        && line.iter().all(|&c| is_box_drawing(c) || c.is_whitespace())
    {
        return None;
    }
    // The rule of a table drawn in ASCII (+------+-----+, as a database client prints one).
    let rule = |c: &char| matches!(c, '+' | '-' | '=' | ':' | '|') || c.is_whitespace();
    if line.contains(&'+') && line.contains(&'-') && line.iter().all(rule) {
        return None;
    }
    if let Some(cells) = boxed_cells(chars, start, end) {
        return Some(Row { start, end, cells, kind: Kind::Delimited });
    }
    let mut cells = Vec::new();
    let mut i = start;
    // In a line with tabs only a tab ends a cell (全  市 is one cell of an HTML table).
    let tabbed = line.contains(&'\t');
    let mut tabs = false;
    while i < end {
        while i < end && chars[i] == ' ' {
            i += 1;
        }
        if i >= end {
            break;
        }
        let cell_start = i;
        // A cell ends at a tab or at two spaces; one space stays inside it (合 计 aside).
        while i < end
            && chars[i] != '\t'
            && (tabbed || !(chars[i] == ' ' && chars.get(i + 1) == Some(&' ')))
        {
            i += 1;
        }
        let mut cell_end = i;
        while cell_end > cell_start && chars[cell_end - 1] == ' ' {
            cell_end -= 1;
        }
        cells.push(Cell::new(cell_start, cell_end));
        if i < end && chars[i] == '\t' {
            tabs = true;
            i += 1;
            // A tab ending the line closes a last, empty cell.
            if i == end {
                cells.push(Cell::empty(end));
            }
        }
    }
    // A two-char label spaced out to the column's width (全  县, 乡  镇, 合  计) is one cell.
    let one_han = |c: &Cell| c.end == c.start + 1 && is_han(chars[c.start]);
    if !tabs && cells.len() >= 3 && one_han(&cells[0]) && one_han(&cells[1]) {
        cells[0].end = cells[1].end;
        cells.remove(1);
    }
    let kind = if tabs { Kind::Delimited } else { Kind::Spaced };
    Some(Row { start, end, cells, kind })
}

/// Trims white space off both ends of `start..end`.
fn trim(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    (start, end)
}

/// The cells of a Markdown table row (| 指标 | 2019年 | 2020年 |), as a chatbot or a notes app
/// writes a table; its rule line (|---|:---:|) has none. `None` for any other line.
fn markdown_cells(chars: &[char], start: usize, end: usize) -> Option<Vec<Cell>> {
    let a = start + chars[start..end].iter().position(|c| !c.is_whitespace())?;
    let b = start + chars[start..end].iter().rposition(|c| !c.is_whitespace())? + 1;
    if chars[a] != '|' || chars[b - 1] != '|' || b - a < 3 {
        return None;
    }
    let cells = split_at_bars(chars, a, b, &['|']);
    let rule =
        cells.iter().all(|c| chars[c.start..c.end].iter().all(|&ch| matches!(ch, '-' | ':')));
    Some(if rule { Vec::new() } else { cells })
}

/// The cells between the bars of `a..b`, which starts and ends with one.
fn split_at_bars(chars: &[char], a: usize, b: usize, bars: &[char]) -> Vec<Cell> {
    let at: Vec<usize> = (a..b).filter(|&k| bars.contains(&chars[k])).collect();
    at.windows(2)
        .map(|w| {
            let (s, e) = trim(chars, w[0] + 1, w[1]);
            Cell::new(s, e)
        })
        .collect()
}

/// The cells of a box-drawn table's row (│ 指标 │ 数值 │), `None` for any other line.
fn boxed_cells(chars: &[char], start: usize, end: usize) -> Option<Vec<Cell>> {
    let (a, b) = trim(chars, start, end);
    if b - a < 3 || !BOX_BARS.contains(&chars[a]) || !BOX_BARS.contains(&chars[b - 1]) {
        return None;
    }
    Some(split_at_bars(chars, a, b, BOX_BARS))
}

/// A box row whose first cell is empty goes on with the row above: a reporting system wraps a
/// long cell onto a second line of the box ("1286.3" / "公里"), so each of its cells is the
/// second line of the cell above.
fn wrapped_box_rows(chars: &[char], rows: Vec<Row>) -> Vec<Row> {
    let boxed = |r: &Row| boxed_cells(chars, r.start, r.end).is_some();
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    for row in rows {
        let goes_on = boxed(&row)
            && row.cells.first().is_some_and(|c| c.start == c.end)
            && row.cells.iter().any(|c| c.end > c.start)
            && out.last().is_some_and(|p| {
                boxed(p) && p.cells.len() == row.cells.len() && p.end + 1 == row.start
            });
        if !goes_on {
            out.push(row);
            continue;
        }
        let Some(prev) = out.last_mut() else { continue };
        for (above, cell) in prev.cells.iter_mut().zip(&row.cells) {
            if cell.end == cell.start || above.wrap.is_some() {
                continue;
            }
            if above.end == above.start {
                *above = *cell;
            } else {
                above.wrap = Some((cell.start, cell.end));
            }
        }
        prev.end = row.end;
    }
    out
}

/// The fields of a comma-separated line: "1,322" in double quotes is one field (the quotes are
/// not part of it), an empty field is an empty cell.
fn csv_cells(chars: &[char], start: usize, end: usize) -> Vec<Cell> {
    let mut cells = Vec::new();
    let mut i = start;
    loop {
        if chars.get(i) == Some(&'"') && i < end {
            let close = (i + 1..end).find(|&k| chars[k] == '"').unwrap_or(end);
            cells.push(Cell::new(i + 1, close));
            i = (close + 1).min(end);
            // Past the closing quote to the next comma.
            while i < end && chars[i] != ',' {
                i += 1;
            }
        } else {
            let comma = (i..end).find(|&k| chars[k] == ',').unwrap_or(end);
            let (s, e) = trim(chars, i, comma);
            cells.push(Cell::new(s, e));
            i = comma;
        }
        if i >= end {
            break;
        }
        i += 1;
    }
    cells
}

/// Runs of three or more lines of comma-separated values read as rows of their fields: lines
/// with no tab table in them, without a full stop, that agree on a number of fields of three or
/// more, with figures in most fields of at least one line. Prose commas (normalised from ，)
/// seldom line up like that.
fn csv_runs(chars: &[char], rows: Vec<Row>) -> Vec<Row> {
    if !rows.iter().any(|r| chars[r.start..r.end].contains(&',')) {
        return rows;
    }
    let fields = |r: &Row| -> Option<Vec<Cell>> {
        let line = &chars[r.start..r.end];
        if r.cells.len() > 1
            || line.contains(&'。')
            || line.iter().filter(|&&c| c == ',').count() < 2
        {
            return None;
        }
        Some(csv_cells(chars, r.start, r.end))
    };
    let mut out = Vec::with_capacity(rows.len());
    let mut k = 0;
    while k < rows.len() {
        let Some(first) = fields(&rows[k]) else {
            out.push(rows[k].clone());
            k += 1;
            continue;
        };
        let mut run = vec![first];
        while let Some(next) = rows.get(k + run.len()).and_then(&fields) {
            if next.len() != run[0].len() {
                break;
            }
            run.push(next);
        }
        let figures = run.iter().any(|cells| {
            cells.iter().filter(|c| is_value(&super::text(chars, **c))).count() * 2 >= cells.len()
        });
        if run.len() >= 3 && figures {
            let len = run.len();
            for (j, cells) in run.into_iter().enumerate() {
                let r = &rows[k + j];
                out.push(Row { start: r.start, end: r.end, cells, kind: Kind::Delimited });
            }
            k += len;
            continue;
        }
        out.push(rows[k].clone());
        k += 1;
    }
    out
}

/// Whether `t` may be a header word of a Word table pasted one cell per line: short, and only
/// Han chars and brackets.
fn is_header_word(t: &[char]) -> bool {
    (1..=8).contains(&t.len()) && t.iter().all(|&c| is_han(c) || matches!(c, '(' | ')' | '/' | '%'))
}

/// Headers of a first column that keys the rows: years or places.
const KEY_HEADERS: &[&str] = &["年度", "年份", "乡镇", "乡镇(街道)", "县(区)", "县区", "地区"];

/// The words a Word table pasted one cell per line may open with.
const OPENERS: [&[&str]; 3] = [SERIAL_HEADERS, PAIR_HEADERS, KEY_HEADERS];

/// Whether three lines open a Word table pasted one cell per line: a serial-number or label
/// header word alone on the first (序号, 指标), header words on the next two. (Normalising
/// leaves such lines apart instead of joining them as a chat's phrases.)
pub(crate) fn opens_cell_per_line(lines: [&[char]; 3]) -> bool {
    OPENERS.iter().flat_map(|l| l.iter()).any(|w| w.chars().eq(lines[0].iter().copied()))
        && lines[1..].iter().all(|l| is_header_word(l))
}

/// A Word table pasted one cell per line: its header, one word a line (序号 / 指标 / 单位 / 数量 /
/// 备注), then its rows, each as many lines, an empty cell an empty line. Each row becomes one
/// row of cells. With a serial-number column the rows keep step by their numbers (1, 2, 3…);
/// without one, a row must start with a label and hold a figure.
fn cell_per_line_runs(chars: &[char], rows: Vec<Row>) -> Vec<Row> {
    // (Only short lines can be a header word or a cell: no text is made of the others.)
    let word = |r: &Row| -> Option<String> {
        (r.cells.len() == 1 && r.kind == Kind::Spaced && r.cells[0].end - r.cells[0].start <= 40)
            .then(|| super::text(chars, r.cells[0]))
    };
    if !rows.iter().any(|r| {
        r.cells.len() == 1
            && OPENERS
                .iter()
                .flat_map(|l| l.iter())
                .any(|w| w.chars().eq(chars[r.cells[0].start..r.cells[0].end].iter().copied()))
    }) {
        return rows;
    }
    let mut out = Vec::with_capacity(rows.len());
    let mut k = 0;
    'rows: while k < rows.len() {
        let first = word(&rows[k]).unwrap_or_default();
        let serial = SERIAL_HEADERS.contains(&first.as_str());
        let keyed = KEY_HEADERS.contains(&first.as_str());
        if !serial && !keyed && !PAIR_HEADERS.contains(&first.as_str()) {
            out.push(rows[k].clone());
            k += 1;
            continue;
        }
        // The header: the first word and the header words under it, at most eight.
        let m = 1 + rows[k + 1..]
            .iter()
            .take(7)
            .take_while(|r| {
                word(r).is_some_and(|w| {
                    is_header_word(&w.chars().collect::<Vec<_>>())
                        && !SERIAL_HEADERS.contains(&w.as_str())
                })
            })
            .count();
        let header_names: Vec<String> =
            rows[k..k + m].iter().map(|r| word(r).unwrap_or_default()).collect();
        let named = keyed || header_names.iter().any(|h| PAIR_HEADERS.contains(&h.as_str()));
        if m < 3 || !named {
            out.push(rows[k].clone());
            k += 1;
            continue;
        }
        let mut table = vec![Row {
            start: rows[k].start,
            end: rows[k + m - 1].end,
            cells: rows[k..k + m].iter().map(|r| r.cells[0]).collect(),
            kind: Kind::Delimited,
        }];
        let mut at = k + m;
        while at + m <= rows.len() {
            let group = &rows[at..at + m];
            // Lines of a row are blank or one short cell; no sentence.
            let fits = group.iter().all(|r| {
                r.cells.len() <= 1
                    && r.end - r.start <= 40
                    && !chars[r.start..r.end].contains(&'。')
            });
            let cell = |r: &Row| r.cells.first().copied().unwrap_or(Cell::empty(r.start));
            let texts: Vec<String> = group.iter().map(|r| super::text(chars, cell(r))).collect();
            let keeps_step = if serial {
                texts[0] == (table.len()).to_string()
            } else {
                !texts[0].is_empty()
                    && !is_value(&texts[0])
                    && texts[1..].iter().any(|t| is_value(t))
            };
            if !fits || !keeps_step {
                break;
            }
            table.push(Row {
                start: group[0].start,
                end: group[m - 1].end,
                cells: group.iter().map(cell).collect(),
                kind: Kind::Delimited,
            });
            at += m;
        }
        if table.len() < 3 {
            out.push(rows[k].clone());
            k += 1;
            continue 'rows;
        }
        out.extend(table);
        k = at;
    }
    out
}
