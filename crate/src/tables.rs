//! Tables flattened to text: an annex (附表) pasted from a spreadsheet or saved from a PDF, one
//! row a line, cells split by tabs or runs of spaces.
//!
//! The engine reads prose, where a figure's words stand beside it; in a table they stand in the
//! header row or the first column. So each table's headline cells are rewritten as short
//! sentences before anything else reads the text: the total row (合计, 总计, 全县…) under each
//! column header, or the total column (合计, 总计, 累计) beside each row's label, as
//! "合计建档立卡户数34216户。". Every char of such a sentence maps back into the row the cell is
//! in (the label's chars to the row's first cell, the value's to the cell itself), so evidence
//! and highlights point at the row. The table's other rows (townships, single years) are left
//! out: they are parts and years, never headlines. A table with no total row or column is left
//! as it is.
//!
//! Hand-written: no crate reads a text table whose layout was lost with its file; the rules are
//! the few above.

mod grid;

use crate::normalize::Normalized;
pub(crate) use grid::{opens_cell_per_line, single_spaced_row};
use grid::{Cell, Kind, Row};

/// First cells of a total row.
const TOTAL_ROWS: &[&str] = &[
    "合计",
    "总计",
    "共计",
    "全县",
    "全市",
    "全州",
    "全区",
    "全旗",
    "全盟",
    "全县合计",
    "全市合计",
];

/// Header cells of a total column.
const TOTAL_COLUMNS: &[&str] = &["合计", "总计", "共计", "累计", "小计合计"];

/// Nouns a 个 column counts; a column headed only by a verb (已出列) counts the noun of a
/// column before it (贫困村数).
const COUNT_NOUNS: &[&str] = &["贫困村", "行政村", "村", "岗位", "工作队"];

/// One sentence to write: pieces of text, each with the normalised char all its chars map to.
struct Sentence {
    pieces: Vec<(String, usize)>,
}

/// Rewrites the tables of `n` (see the module docs); text without tables comes back unchanged.
pub fn rewrite(n: Normalized) -> Normalized {
    // Cheap test first: most reports have no line with two cell breaks.
    // Cheap test first: most reports have no line with two cell breaks, nor a one-line table
    // (… 单位 …).
    if !n.chars.contains(&'\t')
        && !n.chars.iter().any(|&c| FIGURE_FIRST_BARS.contains(&c))
        && !n.chars.windows(2).any(|w| w == [' ', ' '] || (w[0] == '\n' && starts_figure(w[1])))
        && !n.chars.windows(4).any(|w| w == [' ', '单', '位', ' '])
        && !grid::may_hold_table(&n.chars)
    {
        return n;
    }
    let rows = grid::rows(&n.chars);
    let mut replaced: Vec<(usize, usize, Vec<Sentence>)> = Vec::new();
    let mut k = 0;
    while k < rows.len() {
        let plain = rows[k].kind == Kind::Spaced;
        if let Some(s) = read_figure_first(&n.chars, &rows[k]).filter(|_| plain) {
            replaced.push((rows[k].start, rows[k].end, vec![s]));
            k += 1;
            continue;
        }
        if let Some((s, used)) = read_label_over_figure(&n.chars, &rows[k..]).filter(|_| plain) {
            replaced.push((rows[k].start, rows[k + used - 1].end, vec![s]));
            k += used;
            continue;
        }
        // A header of two cells over rows of three or more is one whose last cell spans the
        // columns under it (安置方式 | 搬迁对象 over 户数 人数).
        let spans = rows[k].cells.len() == 2
            && rows[k].kind == Kind::Delimited
            && rows.get(k + 1).is_some_and(|r| r.kind == Kind::Delimited && r.cells.len() >= 3);
        let pairs = rows[k].cells.len() == 2 && !spans;
        if rows[k].cells.len() < 2 {
            let sentences = read_one_line_table(&n.chars, &rows[k]);
            if !sentences.is_empty() {
                replaced.push((rows[k].start, rows[k].end, sentences));
            }
            k += 1;
            continue;
        }
        // A title or a note padded with empty cells to the table's width (an Excel "Unicode
        // text" export pads every line) is no header: the table starts at a row of three
        // filled cells.
        if !pairs
            && rows[k].cells.iter().filter(|c| c.end > c.start).count() < 3 - usize::from(spans)
        {
            k += 1;
            continue;
        }
        // A block is a run of lines of three or more cells, or of exactly two (label, value).
        let mut end = k + 1;
        while end < rows.len()
            && if pairs {
                rows[end].cells.len() == 2 && rows[end].kind == rows[k].kind
            } else {
                rows[end].cells.len() >= 3
            }
        {
            end += 1;
        }
        let block = prepare(&n.chars, &rows[k..end]);
        // A caption line above the header may give the table's unit (单位:元) and its date
        // (截至2020年12月底), past blank lines.
        let caption = rows[..k].iter().rev().find(|r| !r.cells.is_empty());
        let unit = k.checked_sub(1).and_then(|p| unit_note(&n.chars, &rows[p]));
        let when = caption.and_then(|r| caption_date(&n.chars, r));
        let mut sentences = read_record(&n.chars, &block);
        let sheets = if sentences.is_empty() { sheets(&n.chars, &block) } else { Vec::new() };
        for sheet in sheets {
            let pairs = if sheet[0].cells.len() == 2 {
                let listed = k.checked_sub(1).and_then(|p| unit_list(&n.chars, &rows[p]));
                read_pairs(&n.chars, &sheet, when.clone(), listed.as_deref())
            } else {
                Vec::new()
            };
            sentences.extend(if !pairs.is_empty() {
                pairs
            } else {
                let mut read = read_table(&n.chars, &sheet, unit.as_deref());
                if read.is_empty() {
                    read = read_aligned_table(&n.chars, &sheet, unit.as_deref());
                }
                // A total's sentences take the caption's date (截至2019年底各乡镇主要指标如下).
                if let Some((date, at)) = &when {
                    for s in read.iter_mut().filter(|s| s.pieces[0].0 == "合计") {
                        s.pieces.insert(0, (format!("{date},"), *at));
                    }
                }
                read
            });
        }
        if !sentences.is_empty() {
            replaced.push((rows[k].start, rows[end - 1].end, sentences));
        }
        k = end;
    }
    if replaced.is_empty() {
        return n;
    }
    let mut chars = Vec::with_capacity(n.chars.len());
    let mut map = Vec::with_capacity(n.map.len());
    let mut at = 0;
    for (start, end, sentences) in replaced {
        chars.extend_from_slice(&n.chars[at..start]);
        map.extend_from_slice(&n.map[at..start]);
        for s in sentences {
            for (text, pos) in s.pieces {
                for c in text.chars() {
                    chars.push(c);
                    map.push(n.map[pos]);
                }
            }
        }
        at = end;
    }
    chars.extend_from_slice(&n.chars[at..]);
    map.extend_from_slice(&n.map[at..]);
    Normalized { chars, map, ruby_removed: n.ruby_removed }
}

fn text(chars: &[char], cell: Cell) -> String {
    match cell.wrap {
        None => chars[cell.start..cell.end].iter().filter(|c| **c != ' ').collect(),
        Some(_) => cell.positions().map(|p| chars[p]).filter(|c| *c != ' ').collect(),
    }
}

/// Whether a first cell names a total row: 合计, 全县…, or a span's total (2014—2020年累计).
fn is_total_label(t: &str) -> bool {
    TOTAL_ROWS.contains(&t)
        || (t.chars().count() <= 16 && ["合计", "总计", "累计"].iter().any(|w| t.ends_with(w)))
}

/// A block's rows made ready to read: rows that may have lost trailing empty cells padded to
/// the header's width; a second header row under merged header cells (an HTML table's colspan,
/// 完成情况 over 截至2019年底 / 截至2020年底) merged into the first; and an empty first cell
/// (merged down over several rows in Excel, a rowspan in HTML) given the text above it.
fn prepare(chars: &[char], block: &[Row]) -> Vec<Row> {
    let width = block.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let blank = |c: &Cell| c.start == c.end && c.wrap.is_none();
    // A header row one cell short under a full one, with no figure, is the second line of a
    // two-line header whose first column (乡(镇)) spans both: its cells go under the columns
    // after the first (户数 人数 under 建档立卡 建档立卡), as text copied from a PDF has them.
    // (Only in rows parted by spaces: tabs and HTML cells keep their empty cells.)
    let label_spans = block.len() >= 3
        && block[1].kind == Kind::Spaced
        && block[0].cells.len() == width
        && block[1].cells.len() + 1 == width
        && block[0].cells.first().is_some_and(|c| !blank(c))
        && !block[1].cells.iter().any(|&c| is_value(&text(chars, c)));
    let mut rows: Vec<Row> = block.iter().map(|r| r.padded(width)).collect();
    if label_spans {
        let at = rows[1].start;
        rows[1].cells.truncate(width - 1);
        rows[1].cells.insert(0, Cell::empty(at));
    }
    if rows.len() >= 3 && rows[0].cells.len() == width && rows[1].cells.len() == width {
        let (first, second) = (&rows[0].cells, &rows[1].cells);
        let words = second.iter().filter(|c| !blank(c)).count();
        let under_merged =
            label_spans || (0..width).any(|j| blank(&first[j]) && !blank(&second[j]));
        if words >= 2 && under_merged && !second.iter().any(|&c| is_value(&text(chars, c))) {
            // Each column's words: the merged cell over it (written in its first column),
            // then its own (建档立卡贫困人口 / 户数(户)).
            let mut over = None;
            let merged: Vec<Cell> = (0..width)
                .map(|j| {
                    if !blank(&first[j]) {
                        over = Some(first[j]);
                    }
                    match (over, blank(&second[j])) {
                        (_, true) => first[j],
                        (Some(o), false) if o.wrap.is_none() => {
                            Cell { wrap: Some((second[j].start, second[j].end)), ..o }
                        }
                        _ => second[j],
                    }
                })
                .collect();
            rows[0].cells = merged;
            rows[0].end = rows[1].end;
            rows.remove(1);
        }
    }
    if rows[0].cells.first().is_some_and(|c| !blank(c)) {
        for k in 2..rows.len() {
            let goes_on = rows[k].kind == Kind::Delimited
                && rows[k].cells.first().is_some_and(blank)
                && rows[k].cells[1..].iter().any(|c| !blank(c));
            if goes_on && rows[k - 1].cells.len() == rows[k].cells.len() {
                rows[k].cells[0] = rows[k - 1].cells[0];
            }
        }
    }
    rows
}

/// Two sheets copied side by side (指标 数值 | 指标 数值): a block whose header repeats a label
/// header after an empty column is split there, each part a table of its own.
fn sheets(chars: &[char], block: &[Row]) -> Vec<Vec<Row>> {
    let header: Vec<String> = block[0].cells.iter().map(|&c| text(chars, c)).collect();
    let width = header.len();
    let labels = |t: &String| PAIR_HEADERS.contains(&t.as_str());
    let split = (1..width.saturating_sub(2))
        .find(|&j| header[j].is_empty() && labels(&header[j + 1]) && labels(&header[0]));
    let Some(j) = split else { return vec![block.to_vec()] };
    let part = |range: std::ops::Range<usize>| -> Vec<Row> {
        block
            .iter()
            .filter(|r| r.cells.len() == width)
            .map(|r| Row { cells: r.cells[range.clone()].to_vec(), ..r.clone() })
            .collect()
    };
    let mut out = vec![part(0..j)];
    out.extend(sheets(chars, &part(j + 1..width)));
    out
}

/// A table of one record: a header of labels over one row of values (建档立卡户数 | 建档立卡人数 /
/// 65412 | 271806, as a database query's result prints): "{label}:{value}{unit}。" a column.
fn read_record(chars: &[char], block: &[Row]) -> Vec<Sentence> {
    let [header, values] = block else { return Vec::new() };
    let labels: Vec<String> = header.cells.iter().map(|&c| text(chars, c)).collect();
    let fits = header.cells.len() == values.cells.len()
        && labels.iter().all(|l| l.chars().any(crate::normalize::is_han) && !is_value(l))
        && values.cells.iter().all(|&c| is_value(&text(chars, c)))
        // A year among the values is the row's key (年份 2019 …), not a figure of its own.
        && !values.cells.iter().any(|&c| year_label(&text(chars, c)).is_some());
    if !fits {
        return Vec::new();
    }
    labels
        .iter()
        .zip(&values.cells)
        .map(|(l, &cell)| {
            let (label, unit) = label_and_unit(l);
            let unit = unit_of(&label, unit, None);
            let mut s = labelled(chars, header.cells[0].start, &label, &unit, cell);
            s.pieces.remove(0);
            s
        })
        .collect()
}

/// A figure as a table cell holds it: a number (1,322; 0.18; 8.6%), a pair of numbers for
/// two units (20816/48263 under 户/人), or a number with its own units (14712户54386人, 57个).
pub(crate) fn is_value(s: &str) -> bool {
    if is_number(s) {
        return true;
    }
    if s.contains('/') && s.split('/').all(is_number) && s.split('/').count() <= 3 {
        return true;
    }
    // Only a cell that starts with a digit is worth the copy is_figure_line reads.
    s.starts_with(|c: char| c.is_ascii_digit()) && !s.contains('年') && {
        let chars: Vec<char> = s.chars().collect();
        is_figure_line(&chars)
    }
}

/// A label's unit: its own (建档立卡户数(户)), else the table's caption's (单位:元), else the
/// one its words imply (建档立卡户数 counts 户, 脱贫人口 人, 出列贫困村 个); empty when none.
fn unit_of(label: &str, own: String, table_unit: Option<&str>) -> String {
    if !own.is_empty() {
        own
    } else if let Some(unit) = table_unit {
        unit.to_string()
    } else if label.ends_with("户数") {
        "户".to_string()
    } else if label.ends_with("人口") || label.ends_with("人数") {
        "人".to_string()
    } else if label.ends_with('村') || label.ends_with("村数") {
        "个".to_string()
    } else {
        String::new()
    }
}

/// What a caption line says after 单位: (`(单位:元)`, `单位:户、人、个、%`), white space out.
fn caption_units(chars: &[char], row: &Row) -> Option<String> {
    let line: String = chars[row.start..row.end].iter().filter(|c| !c.is_whitespace()).collect();
    let inner = line.strip_prefix('(').and_then(|l| l.strip_suffix(')')).unwrap_or(&line);
    inner.strip_prefix("单位:").map(str::to_string)
}

/// The unit a caption line gives a whole table: `(单位:元)`, `单位:万元`.
fn unit_note(chars: &[char], row: &Row) -> Option<String> {
    let unit = caption_units(chars, row)?;
    // One unit only: 单位:户、人、个 names a unit per column, in an order nothing gives.
    (!unit.is_empty() && unit.chars().count() <= 4 && !unit.contains(['(', ')', ',', '、']))
        .then_some(unit)
}

/// The units a caption line lists for a table's rows: `单位:户、人、个、%`; `None` for one unit
/// (see [`unit_note`]) or none.
fn unit_list(chars: &[char], row: &Row) -> Option<Vec<String>> {
    let units: Vec<String> = caption_units(chars, row)?.split('、').map(str::to_string).collect();
    (units.len() >= 2 && units.iter().all(|u| !u.is_empty() && u.chars().count() <= 3))
        .then_some(units)
}

/// The listed unit a row's label implies (户数 户, 人数 / 人口 人, 村 个, 率 %); for a label of
/// two (累计脱贫户数/人数), both, as 户/人. Empty when the list holds no such unit.
fn listed_unit(label: &str, units: &[String]) -> String {
    let one = |l: &str| {
        let u = if l.ends_with("户数") || l.ends_with('户') {
            "户"
        } else if l.ends_with("人数") || l.ends_with("人口") || l.ends_with('人') {
            "人"
        } else if l.ends_with('村') || l.ends_with("村数") {
            "个"
        } else if l.ends_with('率') || l.ends_with("认可度") {
            "%"
        } else {
            ""
        };
        units.iter().find(|w| w.as_str() == u).map(String::as_str).unwrap_or("")
    };
    let parts: Vec<&str> = one_or_two(label);
    let found: Vec<&str> = parts.iter().map(|p| one(p)).collect();
    if found.iter().any(|u| u.is_empty()) {
        String::new()
    } else {
        found.join("/")
    }
}

/// A label split at its slash, when it names two figures (户数/人数).
fn one_or_two(label: &str) -> Vec<&str> {
    match label.split_once('/') {
        Some((a, b)) if !a.is_empty() && !b.is_empty() && !b.contains('/') => vec![a, b],
        _ => vec![label],
    }
}

/// A number as tables write it: digits, separators, a point, maybe a percent sign.
fn is_number(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
        && s.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'))
}

/// A header or row label split into its words and its unit: 建档立卡户数(户) → (建档立卡户数, 户).
fn label_and_unit(label: &str) -> (String, String) {
    if let Some(open) = label.rfind('(') {
        if label.ends_with(')') {
            let unit = &label[open + 1..label.len() - 1];
            return (label[..open].to_string(), unit.to_string());
        }
    }
    (label.to_string(), String::new())
}

/// The headline cells of one block of lines with three or more cells each, as sentences; none
/// when the block is not a table with a total row or column.
fn read_table(chars: &[char], block: &[Row], table_unit: Option<&str>) -> Vec<Sentence> {
    let header = &block[0];
    let header_text: Vec<String> = header.cells.iter().map(|&c| text(chars, c)).collect();
    // A header names its columns: most of its cells are not numbers.
    if header_text.iter().filter(|t| is_number(t)).count() * 2 >= header_text.len() {
        return Vec::new();
    }
    let data = &block[1..];
    if data.is_empty() {
        return Vec::new();
    }
    let width = header.cells.len();
    let mut out = Vec::new();
    // A table of indicators whose labels stand after a column of places or categories (乡镇,
    // 类别) or serial numbers.
    if (1..width.min(3)).any(|j| PAIR_HEADERS.contains(&header_text[j].as_str())) {
        return read_indicator_table(chars, header, &header_text, data, table_unit);
    }

    // A total row: its first cell says so, and it has a cell under each column.
    // (A database's WITH ROLLUP writes its total row last, labelled NULL.)
    let rollup = |k: usize, r: &Row| k + 1 == data.len() && text(chars, r.cells[0]) == "NULL";
    let total_row = data.iter().enumerate().find_map(|(k, r)| {
        (r.cells.len() == width && (is_total_label(&text(chars, r.cells[0])) || rollup(k, r)))
            .then_some(r)
    });
    if let Some(row) = total_row {
        return total_row_sentences(chars, row, &header_text[1..], table_unit);
    }

    // A total column: its header cell says so; each row's first cell is its label.
    let Some(col) = (1..width).rev().find(|&j| TOTAL_COLUMNS.contains(&header_text[j].as_str()))
    else {
        return read_indicator_table(chars, header, &header_text, data, table_unit);
    };
    for row in data.iter().filter(|r| r.cells.len() == width) {
        let (label, unit) = label_and_unit(&text(chars, row.cells[0]));
        let unit = unit_of(&label, unit, table_unit);
        let cell = row.cells[col];
        if label.is_empty() || is_number(&label) || !is_value(&text(chars, cell)) {
            continue;
        }
        out.push(sentence(chars, row.cells[0].start, &label, &unit, cell, None));
    }
    out
}

/// The display width of a char in a fixed-width layout: Han and full-width chars take two
/// columns.
fn display_width(c: char) -> usize {
    if c >= '\u{2E80}' {
        2
    } else {
        1
    }
}

/// A table copied from a PDF (a statistical yearbook's) whose column headers wrap over several
/// lines, each word standing over its column ("建档立卡 / 贫困户 / (户)"), above a total row
/// (合计 4826 10318 …): the header lines' words are given to the total row's value columns
/// by where they stand (display columns, Han chars two wide), each column's words read top to
/// bottom as its header, and the total row becomes one sentence per column as in
/// [`read_table`]. Nothing for a block with tabs, or without a total row right under at most
/// four header lines.
fn read_aligned_table(chars: &[char], block: &[Row], table_unit: Option<&str>) -> Vec<Sentence> {
    let figures = |r: &Row| {
        r.cells.len() >= 3
            && r.cells[1..].iter().all(|&c| is_number(&text(chars, c)) || is_dash(&text(chars, c)))
    };
    let total = block.iter().position(|r| figures(r) && is_total_label(&text(chars, r.cells[0])));
    // With no total row, rows of year ends (2016年底 … 2020年底) give the latest stock: the
    // latest year's row, dated by its label.
    let first_year =
        block.iter().position(|r| figures(r) && year_label(&text(chars, r.cells[0])).is_some());
    let latest = first_year.and_then(|f| {
        let years: Vec<usize> = (f..block.len())
            .take_while(|&k| {
                figures(&block[k]) && year_label(&text(chars, block[k].cells[0])).is_some()
            })
            .collect();
        (years.len() >= 2)
            .then(|| years.into_iter().max_by_key(|&k| year_label(&text(chars, block[k].cells[0]))))
            .flatten()
    });
    let (t, header_end, dated) = match (total, latest, first_year) {
        (Some(t), _, _) => (t, t, false),
        (None, Some(l), Some(f)) => (l, f, true),
        _ => return Vec::new(),
    };
    if header_end == 0
        || header_end > 4
        || block[..=t].iter().any(|r| chars[r.start..r.end].contains(&'\t'))
    {
        return Vec::new();
    }
    // Display columns of a cell, half-open.
    let span = |row: &Row, c: Cell| {
        let a: usize = chars[row.start..c.start].iter().map(|&ch| display_width(ch)).sum();
        let w: usize = chars[c.start..c.end].iter().map(|&ch| display_width(ch)).sum();
        (a, a + w)
    };
    let row = &block[t];
    let columns: Vec<(usize, usize)> = row.cells[1..].iter().map(|&c| span(row, c)).collect();
    let mut headers = vec![String::new(); columns.len()];
    for (h, line) in block[..header_end].iter().enumerate() {
        let last_line = h + 1 == header_end;
        let words: Vec<(usize, usize, Cell)> = line
            .cells
            .iter()
            .map(|&cell| {
                let (a, b) = span(line, cell);
                (a, b, cell)
            })
            .collect();
        if !last_line && words.len() < columns.len() {
            // A line of fewer words than columns stands over groups of them (建档立卡 over
            // 户数 人数): each column takes the word nearest to it, if one stands over a value
            // column at all.
            let centre = |a: usize, b: usize| (a + b) as i64;
            for (j, &(ca, cb)) in columns.iter().enumerate() {
                let nearest = words
                    .iter()
                    .filter(|&&(_, b, _)| b > columns[0].0)
                    .min_by_key(|&&(a, b, _)| (centre(a, b) - centre(ca, cb)).abs());
                if let Some(&(_, _, cell)) = nearest {
                    headers[j].push_str(&text(chars, cell));
                }
            }
            continue;
        }
        for &(a, b, cell) in &words {
            let overlap = |&(ca, cb): &(usize, usize)| cb.min(b).saturating_sub(ca.max(a));
            let Some(j) = (0..columns.len())
                .filter(|&j| overlap(&columns[j]) > 0)
                .max_by_key(|&j| overlap(&columns[j]))
            else {
                // Over the labels (乡镇), or between columns: no column's word.
                continue;
            };
            headers[j].push_str(&text(chars, cell));
        }
    }
    // Every column needs a header, and the words must have named most of them.
    if headers.iter().filter(|h| !h.is_empty()).count() * 3 < columns.len() * 2 {
        return Vec::new();
    }
    let mut out = total_row_sentences(chars, row, &headers, table_unit);
    if dated {
        let when = text(chars, row.cells[0]);
        for s in &mut out {
            if s.pieces.first().is_some_and(|p| p.0 == "合计") {
                s.pieces[0] = (format!("{when},"), row.cells[0].start);
            }
        }
    }
    out
}

/// A cell that says there is no figure: a dash.
fn is_dash(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| matches!(c, '—' | '-' | '–' | '/'))
}

/// The year of a row label that is a year or a year's end (2020, 2020年, 2020年底, 2020年末).
fn year_label(t: &str) -> Option<u32> {
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let rest = &t[digits.len()..];
    let year: u32 = digits.parse().ok().filter(|y| (1990..=2100).contains(y))?;
    (digits.len() == 4 && matches!(rest, "" | "年" | "年底" | "年末" | "年度")).then_some(year)
}

/// A total row's sentences, one per value cell under its column's header (`headers[j]` over
/// `row.cells[j + 1]`); a 个 column headed by a verb alone takes the noun of a column before it.
fn total_row_sentences(
    chars: &[char],
    row: &Row,
    headers: &[String],
    table_unit: Option<&str>,
) -> Vec<Sentence> {
    let anchor = row.cells[0].start;
    let mut noun = None;
    let mut out = Vec::new();
    for (header, &cell) in headers.iter().zip(&row.cells[1..]) {
        let (label, unit) = label_and_unit(header);
        let unit = unit_of(&label, unit, table_unit);
        if let Some(found) = COUNT_NOUNS.iter().find(|w| label.contains(**w)) {
            noun = Some(*found);
        }
        if !is_value(&text(chars, cell)) || label.is_empty() {
            continue;
        }
        let mut s = sentence(chars, anchor, &label, &unit, cell, noun);
        // A part of the total (其中2019年脱贫人数) is no total of its own.
        if label.starts_with("其中") {
            s.pieces.remove(0);
        }
        out.push(s);
    }
    out
}

/// Headers of columns that hold a change, not a level (增长(%), 比上年).
const CHANGE_COLUMNS: &[&str] =
    &["增长", "增幅", "同比", "增减", "比上年", "变化", "增速", "完成率", "占比", "比重", "进度"];

/// A table of indicators with no total: a 指标 (项目) header, maybe a 单位 column, and one or
/// more value columns (数值; 2015年 … 2020年; 截至2019年底 截至2020年底). Each row is a
/// statement of its own, of its first value in the order [`value_columns`] gives: a total
/// column (2014—2020年累计), else the last one that is not a change, a plan, a part or last year
/// (the latest). "{label}{value}{unit}。", or "{column},{label}{value}{unit}。" when the column
/// is a date; a 备注 cell follows as a clause of its own. Columns before the labels may name
/// places (乡镇, merged over each place's rows): then only the rows of a total (全县) are read.
fn read_indicator_table(
    chars: &[char],
    header: &Row,
    header_text: &[String],
    data: &[Row],
    table_unit: Option<&str>,
) -> Vec<Sentence> {
    let width = header.cells.len();
    let Some(lc) = (0..width.min(3)).find(|&j| PAIR_HEADERS.contains(&header_text[j].as_str()))
    else {
        return Vec::new();
    };
    let groups: Vec<usize> =
        (0..lc).filter(|&j| !SERIAL_HEADERS.contains(&header_text[j].as_str())).collect();
    // The unit column stands after the labels (指标 单位 数值) or after the values (指标名称
    // 数值 单位).
    let unit_column =
        (lc + 1..width).find(|&j| matches!(header_text[j].as_str(), "单位" | "计量单位"));
    let remark_column =
        (lc + 1..width).find(|&j| REMARK_COLUMNS.contains(&header_text[j].as_str()));
    let columns = value_columns(header_text, lc + 1, unit_column.into_iter().chain(remark_column));
    if columns.is_empty() {
        return Vec::new();
    }
    let mut rows: Vec<&Row> = data.iter().filter(|r| r.cells.len() == width).collect();
    let total = |r: &&Row| groups.iter().any(|&g| is_total_label(&text(chars, r.cells[g])));
    if rows.iter().any(total) {
        rows.retain(total);
    }
    let value_of = |r: &Row| columns.iter().copied().find(|&j| is_value(&text(chars, r.cells[j])));
    let valued = rows.iter().filter(|r| value_of(r).is_some()).count();
    if rows.is_empty() || valued * 3 < rows.len() * 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for row in rows {
        let (label, unit) = label_and_unit(&text(chars, row.cells[lc]));
        let unit = if let Some(u) = unit_column {
            text(chars, row.cells[u])
        } else {
            unit_of(&label, unit, table_unit)
        };
        let Some(col) = value_of(row) else { continue };
        if label.is_empty() || is_number(&label) {
            continue;
        }
        let when = &header_text[col];
        let dated = when.contains('年') || when.contains("截至") || when.contains("底");
        let mut s = labelled(chars, row.cells[lc].start, &label, &unit, row.cells[col]);
        if dated {
            s.pieces[0] = (format!("{when},"), row.cells[lc].start);
        } else {
            s.pieces.remove(0);
        }
        if let Some(remark) = remark_column.map(|j| row.cells[j]).filter(|c| c.end > c.start) {
            let stop = s.pieces.pop();
            // A sentence of its own after the row's: its figures (2014年为8.62%) are not the
            // row's, nor are its words (剩余…) the row figure's.
            s.pieces.extend(stop);
            s.pieces.extend(remark.positions().map(|p| (chars[p].to_string(), p)));
            s.pieces.push(("。".to_string(), remark.last()));
        }
        out.push(s);
    }
    out
}

/// Headers of a column of remarks.
const REMARK_COLUMNS: &[&str] = &["备注", "说明", "备注说明", "注"];

/// Headers of a column of last year's figures beside this year's (本年 上年).
const PREVIOUS_COLUMNS: &[&str] = &["上年", "去年", "上期", "同期"];

/// The value columns of a table of indicators from `first` on, in the order a row's value is
/// taken: a total column (累计, 合计) first, then the others from the last (the latest) back;
/// never a change (增长), a plan (目标), a part (其中:2020年), last year's (上年), a grade (得分)
/// or `skip`.
fn value_columns(
    header_text: &[String],
    first: usize,
    skip: impl Iterator<Item = usize>,
) -> Vec<usize> {
    let skip: Vec<usize> = skip.collect();
    let values: Vec<usize> = (first..header_text.len())
        .rev()
        .filter(|&j| {
            let h = &header_text[j];
            !skip.contains(&j)
                && !h.starts_with("其中")
                && !CHANGE_COLUMNS
                    .iter()
                    .chain(TARGET_COLUMNS)
                    .chain(PREVIOUS_COLUMNS)
                    .chain(SCORE_COLUMNS)
                    .any(|w| h.contains(w))
        })
        .collect();
    let total = |j: &usize| ["累计", "合计", "总计"].iter().any(|w| header_text[*j].contains(w));
    values
        .iter()
        .copied()
        .filter(total)
        .chain(values.iter().copied().filter(|j| !total(j)))
        .collect()
}

/// Headers of columns that hold a plan, not a result (2020年目标, 计划).
/// (年度指标值: a 绩效自评表's target for the year, beside its 实际完成值.)
const TARGET_COLUMNS: &[&str] = &["目标", "计划", "任务", "规划", "年度指标值", "预期"];

/// Headers of columns that grade the row, not measure it (a 绩效自评表's 得分, 分值, 权重).
const SCORE_COLUMNS: &[&str] = &["得分", "分值", "权重", "评分"];

/// Headers of a serial-number column before the labels.
const SERIAL_HEADERS: &[&str] = &["序号", "编号", "序"];

/// Header cells of a table of label / value pairs.
/// (三级指标: the labels of a 绩效自评表, after its 一级指标 / 二级指标 columns of categories.)
const PAIR_HEADERS: &[&str] = &["指标", "项目", "指标名称", "主要指标", "三级指标"];

/// A table of two columns, label and value (指标 / 数值): every row is a statement of its own,
/// "{label}{value}{unit}。". Only a block of three or more rows whose labels mostly carry a
/// unit (建档立卡贫困户(户)) or that has a 指标 / 项目 header counts: two cells on a line are
/// otherwise too common (a byline: 来源:…  日期:…).
///
/// A caption right above that lists the table's units (单位:户、人、个、%) heads it too: each
/// row then takes the listed unit its label implies (户数 户, 人数 人, 村 个, 率 %; 户数/人数
/// 户/人 for a pair of values), and a value cell may carry a bracketed note after its figure
/// (0(2014年末:11.63)), which is left out.
fn read_pairs(
    chars: &[char],
    block: &[Row],
    when: Option<(String, usize)>,
    listed: Option<&[String]>,
) -> Vec<Sentence> {
    // The value cell, up to a bracketed note when a unit list heads the table.
    let value_cell = |r: &Row| {
        let cell = r.cells[1];
        match (listed, cell.wrap) {
            (Some(_), None) => {
                let open = (cell.start..cell.end).find(|&p| chars[p] == '(');
                open.filter(|&p| p > cell.start).map_or(cell, |p| Cell::new(cell.start, p))
            }
            _ => cell,
        }
    };
    let texts: Vec<(String, String)> =
        block.iter().map(|r| (text(chars, r.cells[0]), text(chars, value_cell(r)))).collect();
    let headed = (PAIR_HEADERS.contains(&texts[0].0.as_str()) || listed.is_some())
        && !is_number(&texts[0].1);
    let headed_row = PAIR_HEADERS.contains(&texts[0].0.as_str()) && headed;
    let data: Vec<usize> = (usize::from(headed_row)..block.len()).collect();
    let valued = data.iter().filter(|&&k| is_value(&texts[k].1)).count();
    let with_unit = data.iter().filter(|&&k| !label_and_unit(&texts[k].0).1.is_empty()).count();
    if data.len() < 3 || valued * 3 < data.len() * 2 || !(headed || with_unit * 2 >= data.len()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for k in data {
        let (label, unit) = label_and_unit(&texts[k].0);
        let unit = match listed {
            Some(units) if unit.is_empty() => listed_unit(&label, units),
            _ => unit,
        };
        let cell = value_cell(&block[k]);
        let paired = listed.is_some() && is_value(&texts[k].1);
        if label.is_empty() || is_number(&label) || !(is_number(&texts[k].1) || paired) {
            continue;
        }
        let mut s = labelled(chars, block[k].cells[0].start, &label, &unit, cell);
        // Not a total: no 合计 in front; the caption's date instead, when it gives one.
        s.pieces.remove(0);
        if let Some((date, at)) = &when {
            s.pieces.insert(0, (format!("{date},"), *at));
        }
        out.push(s);
    }
    out
}

/// The as-of date a table's caption gives (表1 主要指标(截至2020年12月底)): "截至2020年12月底"
/// and where it starts, for every row of the table.
fn caption_date(chars: &[char], row: &Row) -> Option<(String, usize)> {
    let line = &chars[row.start..row.end];
    let at = line.windows(2).position(|w| w == ['截', '至'])?;
    let len = line[at + 2..]
        .iter()
        .take_while(|&&c| c.is_ascii_digit() || "年月日底末".contains(c))
        .count();
    let date = &line[at..at + 2 + len];
    (date.iter().any(char::is_ascii_digit) && date.contains(&'年'))
        .then(|| (date.iter().collect(), row.start + at))
}

/// Bars between a figure and its label in a list that puts the figure first.
const FIGURE_FIRST_BARS: &[char] = &['丨', '|'];

/// Chars of the figure side of a figure-first line besides digits: separators, a change's
/// arrow, and the units and multipliers a figure carries.
const FIGURE_SIDE: &str = ".,%‰、 →~-余多万亿千百户人名个元公里亩吨座所家条";

/// A list line that puts the figure first and its label after a bar, as a "数说" block of a
/// WeChat article or a slide does: "🔸 214个丨贫困村全部退出", "11.73% → 0 | 贫困发生率". Prose puts
/// the label first, so it becomes "{label}:{figure}。", a label and its value (see
/// [`crate::rules`]); the label's commas become spaces, as it is one label. `None` for any other
/// line: a bar with words on both sides (a page title, 来源丨…) is not a figure and its label.
fn read_figure_first(chars: &[char], row: &Row) -> Option<Sentence> {
    let line = &chars[row.start..row.end];
    let bar = line.iter().position(|c| FIGURE_FIRST_BARS.contains(c))?;
    // Bullets, emoji and spaces may lead the line; then the figure, from its first digit.
    let first = line[..bar].iter().position(|c| c.is_alphanumeric())?;
    let figure = &line[first..bar];
    let label = &line[bar + 1..];
    let fits = figure.first().is_some_and(char::is_ascii_digit)
        && figure.len() <= 24
        && figure.iter().all(|&c| c.is_ascii_digit() || FIGURE_SIDE.contains(c))
        && label.iter().any(|&c| crate::normalize::is_han(c))
        && !label.iter().any(|c| FIGURE_FIRST_BARS.contains(c));
    if !fits {
        return None;
    }
    let at = |k: usize| row.start + k;
    let mut pieces = Vec::with_capacity(line.len() + 2);
    for (k, &c) in label.iter().enumerate() {
        let c = if matches!(c, ',' | ';' | '。') { ' ' } else { c };
        pieces.push((c.to_string(), at(bar + 1 + k)));
    }
    pieces.push((":".to_string(), at(bar)));
    for (k, &c) in figure.iter().enumerate() {
        pieces.push((c.to_string(), at(first + k)));
    }
    pieces.push(("。".to_string(), at(line.len().saturating_sub(1))));
    Some(Sentence { pieces })
}

/// Whether a line starting with `c` may be a figure's line (a digit, or 由/从 of a change).
fn starts_figure(c: char) -> bool {
    c.is_ascii_digit() || c == '由' || c == '从'
}

/// Chars that may follow a figure's digits as its unit or multiplier.
const FIGURE_UNITS: &str = "万亿千百人户元个%公里亩次所座条家支名吨";

/// The words of a short line without its leading bullets, emoji and spaces.
fn trimmed(chars: &[char], row: &Row) -> (usize, usize) {
    let line = &chars[row.start..row.end];
    let a = line
        .iter()
        .position(|&c| crate::normalize::is_han(c) || c.is_ascii_alphanumeric() || c == '(')
        .unwrap_or(line.len());
    let b = line.iter().rposition(|c| !c.is_whitespace()).map_or(a, |k| k + 1).max(a);
    (row.start + a, row.start + b)
}

/// Whether `t` is a figure line: a number with its unit first (11238户40856人, 102个), or a
/// change from one (由2015年的2860元), short and without a sentence's punctuation.
fn is_figure_line(t: &[char]) -> bool {
    // A change starts from a year's figure (由2015年的2860元); a figure alone has a unit.
    let (change, t) = match t.first() {
        Some('由' | '从') => (true, &t[1..]),
        _ => (false, t),
    };
    let digits = t.iter().take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',')).count();
    // Only the figure: no words of a sentence after it (1853个贫困村全部出列 is a statement).
    // A change may name its end on the same line (从13.6%降至0).
    let allowed = |c: char| {
        FIGURE_UNITS.contains(c)
            || "余多以上左右近约超过的年".contains(c)
            || (change && "降至到增长下提高达减少为零".contains(c))
    };
    let words = |c: &char| crate::normalize::is_han(*c) && !allowed(*c);
    digits > 0
        && t.len() <= 30
        && t.get(digits).is_some_and(|&c| FIGURE_UNITS.contains(c) || (change && c == '年'))
        && !t.iter().enumerate().any(|(k, &c)| {
            // (A comma between digits separates thousands: 1,563户5,814人.)
            let thousands = c == ','
                && k > 0
                && t[k - 1].is_ascii_digit()
                && t.get(k + 1).is_some_and(char::is_ascii_digit);
            matches!(c, '。' | ',' | ';' | '!' | '?') && !thousands
        })
        && !t.iter().any(words)
}

/// Whether `t` holds a figure with its unit (130.85万人; not a year, 2016年以来).
fn has_figure(t: &[char]) -> bool {
    t.windows(2).any(|w| w[0].is_ascii_digit() && FIGURE_UNITS.contains(w[1]))
}

/// A line that goes on with the figure above it: a change's end (增长到10920元) or a
/// parenthesis ((其中深度贫困村18个)).
fn continues_figure(t: &[char]) -> bool {
    const CHANGE: &[&str] =
        &["增长到", "增长至", "下降到", "下降至", "降至", "降到", "增至", "提高到", "达到"];
    t.len() <= 30
        && (t.first() == Some(&'(') || CHANGE.iter().any(|w| crate::words::starts_with(t, w)))
        && t.iter().any(char::is_ascii_digit)
}

/// A label on a line of its own and its figure on the next, as a WeChat "数说" block or a
/// slide sets them ("🔹 易地扶贫搬迁" / "     1763户6218人"): one sentence "{label}{figure}。",
/// with the lines that continue the figure (增长到10920元). Returns the sentence and the
/// number of rows it covers; `None` unless `rows[0]` is a short label (no sentence
/// punctuation, ending in a Han char) and `rows[1]` a figure line.
fn read_label_over_figure(chars: &[char], rows: &[Row]) -> Option<(Sentence, usize)> {
    let [label_row, figure_row, ..] = rows else { return None };
    if label_row.cells.len() != 1 || figure_row.cells.len() != 1 {
        return None;
    }
    let (la, lb) = trimmed(chars, label_row);
    let label = &chars[la..lb];
    let label = label.strip_suffix(&[':']).unwrap_or(label);
    let (fa, fb) = trimmed(chars, figure_row);
    let figure = &chars[fa..fb];
    let fits = (2..=24).contains(&label.len())
        && label.last().is_some_and(|&c| crate::normalize::is_han(c))
        && !label.iter().any(|&c| matches!(c, '。' | ',' | ';' | '!' | '?' | '、'))
        && !has_figure(label)
        && is_figure_line(figure);
    if !fits {
        return None;
    }
    let mut pieces: Vec<(String, usize)> = Vec::new();
    let mut push = |from: usize, to: usize| {
        pieces.extend((from..to).filter(|&p| chars[p] != ' ').map(|p| (chars[p].to_string(), p)));
    };
    push(la, la + label.len());
    push(fa, fb);
    let mut used = 2;
    let mut last = fb.saturating_sub(1);
    while let Some(row) = rows.get(used).filter(|r| r.cells.len() == 1) {
        let (a, b) = trimmed(chars, row);
        if !continues_figure(&chars[a..b]) {
            break;
        }
        push(a, b);
        last = b - 1;
        used += 1;
    }
    pieces.push(("。".to_string(), last));
    Some((Sentence { pieces }, used))
}

/// A whole table pasted into one line with single spaces (from a PDF): "指标 单位 截至2019年底
/// 截至2020年底 累计脱贫户数 户 11846 12539 累计脱贫人口 人 …". The header is 指标 (or 项目),
/// 单位 and m column headers; then rows of a label, a unit and m numbers. The last column is the
/// latest: each row becomes "{last header},{label}{value}{unit}。" (a time for the figure).
fn read_one_line_table(chars: &[char], row: &Row) -> Vec<Sentence> {
    // Tokens split at single spaces.
    let mut tokens: Vec<Cell> = Vec::new();
    let mut i = row.start;
    while i < row.end {
        while i < row.end && chars[i] == ' ' {
            i += 1;
        }
        let start = i;
        while i < row.end && chars[i] != ' ' {
            i += 1;
        }
        if i > start {
            tokens.push(Cell::new(start, i));
        }
    }
    let word = |k: usize| text(chars, tokens[k]);
    if tokens.len() < 8 || !PAIR_HEADERS.contains(&word(0).as_str()) || word(1) != "单位" {
        return Vec::new();
    }
    for m in 1..=6 {
        let width = 2 + m;
        let body = &tokens[width..];
        if body.len() < 2 * width || !body.len().is_multiple_of(width) {
            continue;
        }
        let fits = body.chunks(width).all(|r| {
            !is_number(&text(chars, r[0])) && r[2..].iter().all(|&c| is_number(&text(chars, c)))
        });
        if !fits {
            continue;
        }
        let when = word(width - 1);
        return body
            .chunks(width)
            .map(|r| {
                let unit = text(chars, r[1]);
                let label = text(chars, r[0]);
                let mut s = labelled(chars, r[0].start, &label, &unit, r[width - 1]);
                // Not a total: the column's date instead of 合计.
                s.pieces[0] = (format!("{when},"), r[0].start);
                s
            })
            .collect();
    }
    Vec::new()
}

/// A row's label and its value as a label states its figure, "合计{label}:{value}{unit}。" (see
/// [`crate::rules`]: a label before a colon names the figure after it, whatever its words).
fn labelled(chars: &[char], anchor: usize, label: &str, unit: &str, cell: Cell) -> Sentence {
    let mut s = sentence(chars, anchor, label, unit, cell, None);
    // A label ending in a change (贫困发生率下降) goes on into its figure as prose does: the
    // figure is how much, not a level.
    if !CHANGE_VERBS.iter().any(|w| label.ends_with(w)) {
        s.pieces.insert(2, (":".to_string(), cell.start));
    }
    s
}

/// Verbs of a change at the end of a row's label.
const CHANGE_VERBS: &[&str] = &["下降", "减少", "增长", "增加", "提高", "降低", "上升"];

/// 合计{label}{value}{unit}。, or for a 个 column headed by a verb alone (已出列) with the noun
/// of a column before it, 合计{value}个{noun}{label}。 so that the verb follows its figure as
/// it does in prose. A value with its own units (14712户54386人) takes no other; a pair of
/// values takes a pair of units in turn (20816/48263 under 户/人: 20816户48263人).
fn sentence(
    chars: &[char],
    anchor: usize,
    label: &str,
    unit: &str,
    cell: Cell,
    noun: Option<&str>,
) -> Sentence {
    let last = cell.last();
    let positions: Vec<usize> = cell.positions().filter(|&p| chars[p] != ' ').collect();
    let value: String = positions.iter().map(|&p| chars[p]).collect();
    let own_unit = value.chars().any(crate::normalize::is_han);
    let unit = if (value.ends_with('%') && unit == "%") || own_unit { "" } else { unit };
    let mut value_pieces: Vec<(String, usize)> = Vec::with_capacity(positions.len() + 2);
    let units: Vec<&str> = unit.split('/').collect();
    if units.len() > 1 && value.split('/').count() == units.len() {
        let mut part = 0;
        for (k, &p) in positions.iter().enumerate() {
            if chars[p] == '/' {
                value_pieces.push((units[part].to_string(), positions[k - 1]));
                part += 1;
            } else {
                value_pieces.push((chars[p].to_string(), p));
            }
        }
        value_pieces.push((units[part].to_string(), last));
    } else {
        value_pieces.extend(positions.iter().map(|&p| (chars[p].to_string(), p)));
        value_pieces.push((unit.to_string(), last));
    }
    let mut pieces = vec![("合计".to_string(), anchor)];
    match noun.filter(|w| unit == "个" && !label.contains(*w)) {
        Some(noun) => {
            pieces.extend(value_pieces.into_iter().take(positions.len()));
            pieces.push((format!("个{noun}"), last));
            pieces.push((label.to_string(), last));
        }
        None => {
            pieces.push((label.to_string(), anchor));
            pieces.extend(value_pieces);
        }
    }
    pieces.push(("。".to_string(), last));
    Sentence { pieces }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn rewritten(text: &str) -> (String, Normalized) {
        let n = rewrite(normalize(text));
        (n.chars.iter().collect(), n)
    }

    #[test]
    fn a_total_row_becomes_one_sentence_per_column() {
        let text = "附表\n乡镇\t贫困村数(个)\t已出列(个)\t脱贫人数(人)\t贫困发生率(%)\n甲镇\t6\t5\t3167\t0.29\n合计\t156\t144\t101832\t0.20\n注:略";
        let (s, n) = rewritten(text);
        assert_eq!(
            s,
            "附表\n合计贫困村数156个。合计144个贫困村已出列。合计脱贫人数101832人。合计贫困发生率0.20%。\n注:略"
        );
        // The value maps back to its cell, the sentence into the total row.
        let p = s.find("101832").map(|b| s[..b].chars().count()).unwrap();
        let (a, b) = n.to_original(p, p + 7);
        let orig: String = text.chars().skip(a).take(b - a).collect();
        assert_eq!(orig, "101832");
        let row = text.find("合计").map(|b| text[..b].chars().count()).unwrap();
        assert_eq!(n.to_original(p - 6, p).0, row);
    }

    #[test]
    fn a_figure_first_line_puts_its_label_first() {
        let text =
            "数说\n🔸 5217户17846人丨易地扶贫搬迁,搬出大山\n来源丨县融媒体中心\n2021丨回望\n";
        let (s, n) = rewritten(text);
        // A bar with words on its left (来源) is no figure and its label. A year on the left is
        // a figure to this reader; that it is a date is for the number reader to say.
        assert_eq!(
            s,
            "数说\n易地扶贫搬迁 搬出大山:5217户17846人。\n来源丨县融媒体中心\n回望:2021。\n"
        );
        // The figure maps back to itself, the colon to the bar.
        let p = s.find("17846").map(|b| s[..b].chars().count()).unwrap();
        let (a, b) = n.to_original(p, p + 5);
        assert_eq!(text.chars().skip(a).take(b - a).collect::<String>(), "17846");
        let colon = s.find(':').map(|b| s[..b].chars().count()).unwrap();
        let bar = text.find('丨').map(|b| text[..b].chars().count()).unwrap();
        assert_eq!(n.to_original(colon, colon + 1).0, bar);
    }

    #[test]
    fn a_total_column_becomes_one_sentence_per_row() {
        let text = "项目        2018年    2019年      合计\n搬迁户数(户)   987   213   1200\n农村公路(公里)   421.0   167.2   588.2\n";
        let (s, _) = rewritten(text);
        assert_eq!(s, "合计搬迁户数1200户。合计农村公路588.2公里。\n");
    }

    #[test]
    fn a_saved_page_table_is_read_by_its_total_row() {
        let html = "<html><body><h1>某省平利县扶贫数据</h1><table>\
            <tr><th>乡镇</th><th>脱贫户数(户)</th><th>脱贫人数(人)</th></tr>\
            <tr><td>城关镇</td><td>1200</td><td>4100</td></tr>\
            <tr><td>合 计</td><td>10532</td><td>33765</td></tr></table></body></html>";
        let report = crate::extract::Engine::builtin().analyze(html.as_bytes(), "t.html").unwrap();
        let value = |id: &str| report.indicators.iter().find(|h| h.id == id).map(|h| h.value);
        assert_eq!(value("poor_households_lifted"), Some(10532.0));
        assert_eq!(value("poor_population_lifted"), Some(33765.0));
        // The evidence points at the total row of the page's text.
        let text = report.text.as_deref().unwrap();
        let h = report.indicators.iter().find(|h| h.id == "poor_population_lifted").unwrap();
        let row: String =
            text.chars().skip(h.sentence_start).take(h.sentence_end - h.sentence_start).collect();
        assert!(row.starts_with("合 计") && row.ends_with("33765"), "{row:?}");
    }

    #[test]
    fn a_table_of_label_value_pairs_becomes_a_sentence_per_row() {
        let text = "二、主要指标\n指标\t数值\n建档立卡贫困户(户)\t52,318\n  其中:2020年脱贫人口(人)\t14,826\n贫困村退出(个)\t263\n剩余贫困人口(人)\t0\n注:略";
        let (s, _) = rewritten(text);
        assert_eq!(
            s,
            "二、主要指标\n建档立卡贫困户:52,318户。其中:2020年脱贫人口:14,826人。贫困村退出:263个。剩余贫困人口:0人。\n注:略"
        );
        // A byline and two lines of prose with wide gaps are not a table.
        for text in ["来源:某日报  时间:2020年\n正文。", "甲  乙\n丙  丁\n戊  己\n"]
        {
            assert_eq!(rewritten(text).0, text);
        }
    }

    #[test]
    fn a_table_pasted_into_one_line_is_read_by_its_last_column() {
        let text = "表1\n指标 单位 截至2019年底 截至2020年底 累计脱贫户数 户 11846 12539 贫困发生率 % 0.92 0\n注";
        let (s, _) = rewritten(text);
        assert_eq!(s, "表1\n截至2020年底,累计脱贫户数:12539户。截至2020年底,贫困发生率:0%。\n注");
        // Prose that starts like a header is not a table.
        let prose = "指标 单位 都已经明确 下一步 要抓落实";
        assert_eq!(rewritten(prose).0, prose);
    }

    #[test]
    fn a_pdf_table_with_wrapped_headers_is_read_by_where_its_words_stand() {
        let text = concat!(
            "            建档立卡    累计脱贫    贫困村\n",
            "  乡  镇      贫困户      人口      已出列\n",
            "               (户)        (人)       (个)\n",
            "  合    计    4826       10127        31\n",
            "  甲  镇       409         898         2\n",
            "\n",
            "  年  份    脱贫户数    脱贫人口    出列村\n",
            "  2019         846        1732         4\n",
        );
        let (s, _) = rewritten(text);
        assert!(
            s.starts_with(
                "合计建档立卡贫困户4826户。合计累计脱贫人口10127人。合计贫困村已出列31个。\n"
            ),
            "{s}"
        );
        // A table without a total row is left as it is.
        assert!(s.ends_with("  2019         846        1732         4\n"), "{s}");
    }

    #[test]
    fn a_caption_listing_units_heads_rows_of_label_and_value() {
        // Each row takes the listed unit its label implies; a pair of values, a pair of units;
        // a bracketed note after a value is left out.
        let text = "表2 主要指标\n          单位:户、人、个、%\n累计脱贫户数/人数    5210/16034\n出列贫困村        27\n贫困发生率        0(2014年末:9.8)\n资料来源:县统计局\n";
        let (s, _) = rewritten(text);
        assert!(s.contains("累计脱贫户数/人数:5210户16034人。"), "{s}");
        assert!(s.contains("出列贫困村:27个。"), "{s}");
        assert!(s.contains("贫困发生率:0%。"), "{s}");
        assert!(!s.contains("9.8"), "{s}");
        // A list naming no unit a label implies gives that row none.
        assert_eq!(listed_unit("农村公路", &["户".into(), "公里".into()]), "");
        let one = "单位:元".chars().collect::<Vec<_>>();
        let row = Row { start: 0, end: one.len(), cells: Vec::new(), kind: Kind::Spaced };
        assert_eq!(unit_list(&one, &row), None);
    }

    #[test]
    fn a_table_of_indicators_is_read_by_its_latest_column() {
        let text = "表1\n指标\t单位\t数值\n累计脱贫户数\t户\t8,215\n  其中:2020年脱贫户数\t户\t402\n贫困村出列\t个\t37\n注";
        let (s, _) = rewritten(text);
        assert_eq!(
            s,
            "表1\n累计脱贫户数:8,215户。其中:2020年脱贫户数:402户。贫困村出列:37个。\n注"
        );
        // Years as columns: the latest; a growth column is not a level.
        let text = "指标            2018年    2020年    增长(%)\n贫困发生率(%)    3.1       0         -100\n人均可支配收入(元)    7800    10300    32.1\n";
        let (s, _) = rewritten(text);
        assert_eq!(s, "2020年,贫困发生率:0%。2020年,人均可支配收入:10300元。\n");
        // The unit in a caption line above the table, for rows whose labels carry none.
        let text = "(单位:元)\n指标名称  2019年  2020年  增长(%)\n农村居民人均可支配收入  11728  12596  7.4\n";
        let (s, _) = rewritten(text);
        assert_eq!(s, "(单位:元)\n2020年,农村居民人均可支配收入:12596元。\n");
        // A serial-number column before the labels; a target column is no result.
        let text = "序号\t指标名称\t单位\t截至2019年底\t2020年目标\n1\t累计脱贫人口\t人\t26617\t26904\n2\t贫困村退出\t个\t86\t86\n";
        let (s, _) = rewritten(text);
        assert_eq!(s, "截至2019年底,累计脱贫人口:26617人。截至2019年底,贫困村退出:86个。\n");
        // The unit column after the values.
        let text = "指标名称\t数值\t单位\n累计脱贫人口\t23571\t人\n农村公路\t687.5\t公里\n";
        let (s, _) = rewritten(text);
        assert_eq!(s, "累计脱贫人口:23571人。农村公路:687.5公里。\n");
        // A caption naming several units gives none: which column is which is not said.
        assert_eq!(
            unit_note(
                &['单', '位', ':', '户', '、', '人'],
                &Row { start: 0, end: 6, cells: vec![], kind: Kind::Spaced }
            ),
            None
        );
    }

    #[test]
    fn a_spaced_out_total_label_and_units_implied_by_the_headers() {
        let text = "乡  镇    建档立卡户数  累计脱贫人口  出列贫困村\n全  县     14386       58930       73\n白阳镇       845        2445        3\n";
        let (s, _) = rewritten(text);
        assert_eq!(s, "合计建档立卡户数14386户。合计累计脱贫人口58930人。合计出列贫困村73个。\n");
    }

    #[test]
    fn a_markdown_table_is_read_by_its_latest_column() {
        let text = "| 指标 | 2019年 | 2020年 |\n|---|:---:|---|\n| 累计脱贫人口(人) | 68420 | 75316 |\n| 贫困发生率(%) | 1.87 | 0 |\n";
        let (s, _) = rewritten(text);
        assert_eq!(s, "2020年,累计脱贫人口:75316人。2020年,贫困发生率:0%。\n");
    }

    #[test]
    fn a_label_over_its_figure_becomes_one_sentence() {
        let text = "🔹 易地扶贫搬迁\n     1763户6218人\n🔹 人均可支配收入\n     由2015年的2860元\n     增长到10920元\n🔹 2021年目标\n     年均增长8%以上\n";
        let (s, _) = rewritten(text);
        assert_eq!(
            s,
            "易地扶贫搬迁1763户6218人。\n人均可支配收入由2015年的2860元增长到10920元。\n🔹 2021年目标\n     年均增长8%以上\n"
        );
        // A line with a figure of its own is no label, a statement no figure line.
        for text in
            ["全州累计减贫130.85万人\n1853个贫困村全部出列\n", "一、基本情况\n2020年全县脱贫。\n"]
        {
            assert_eq!(rewritten(text).0, text);
        }
    }

    #[test]
    fn a_word_table_pasted_one_cell_per_line_is_read_row_by_row() {
        let text = "附表\n序号\n指标\n单位\n数量\n备注\n1\n累计脱贫\n户/人\n9532/30417\n\n2\n贫困村出列\n个\n64\n2019年全部出列\n3\n农村公路\n公里\n1,204.5\n\n\n下一步。";
        let (s, _) = rewritten(text);
        assert_eq!(
            s,
            "附表\n累计脱贫:9532户30417人。贫困村出列:64个。2019年全部出列。农村公路:1,204.5公里。\n\n下一步。"
        );
    }

    #[test]
    fn a_csv_export_is_read_by_its_total_row() {
        let text = "附件:\n乡镇,贫困村数(个),建档立卡户数(户),累计脱贫人数(人)\n甲镇,4,\"1,322\",\"4,143\"\n乙乡,6,801,\"2,519\"\n合计,10,\"2,123\",\"6,662\"\n联系人:某某";
        let (s, _) = rewritten(text);
        assert_eq!(
            s,
            "附件:\n合计贫困村数10个。合计建档立卡户数2,123户。合计累计脱贫人数6,662人。\n联系人:某某"
        );
        // Prose whose lines hold as many commas is not CSV: no line of figures.
        let prose = "一是抓产业,二是抓就业,三是抓兜底\n一是抓产业,二是抓就业,三是抓兜底\n一是抓产业,二是抓就业,三是抓兜底\n";
        assert_eq!(rewritten(prose).0, prose);
    }

    #[test]
    fn an_excel_paste_with_merged_cells_reads_the_total_s_rows_and_its_total_column() {
        // The place column is merged over each place's rows (empty below its first row), the
        // trailing empty cells are gone, and 其中:2020年 is a part of the 累计 column.
        let text = "乡镇\t指标\t单位\t2014—2020年累计\t其中:2020年\t备注\n甲镇\t脱贫户数\t户\t996\t39\t含插花户\n\t脱贫人数\t人\t2527\t91\n全县\t脱贫户数\t户\t8683\t236\n\t脱贫人数\t人\t27262\t627\n\t贫困村退出\t个\t61\t\t2019年全部退出\n";
        let (s, _) = rewritten(text);
        assert_eq!(
            s,
            "2014—2020年累计,脱贫户数:8683户。2014—2020年累计,脱贫人数:27262人。2014—2020年累计,贫困村退出:61个。2019年全部退出。\n"
        );
    }

    #[test]
    fn this_year_beats_last_year_and_a_year_row_total_is_the_headline() {
        let text = "指标名称            本年      上年      增减(%)\n累计脱贫人口(人)    39216     38627     1.5\n公益性岗位(个)      1860      0         #DIV/0!\n";
        let (s, _) = rewritten(text);
        assert_eq!(s, "本年,累计脱贫人口:39216人。本年,公益性岗位:1860个。\n");
        let text = "年度              减贫人数(人)    易地扶贫搬迁(户/人)\n2014—2020年累计   113804          6838/28774\n2020年            4512            —\n";
        let (s, _) = rewritten(text);
        assert_eq!(s, "合计减贫人数113804人。合计易地扶贫搬迁6838户28774人。\n");
    }

    #[test]
    fn a_box_drawn_table_joins_its_wrapped_cells() {
        let text = "┌──────┬──────┬──────┐\n│ 指标 │ 数值 │ 备注 │\n├──────┼──────┼──────┤\n│ 累计脱贫 │ 4712户14386人 │ 2014—2020年 │\n│ 贫困村出列 │ 27个 │ │\n│ 农村公路 │ 286.3 │ 含通组路 │\n│ │ 公里 │ │\n└──────┴──────┴──────┘\n";
        let (s, _) = rewritten(text);
        assert_eq!(
            s,
            "┌──────┬──────┬──────┐\n累计脱贫:4712户14386人。2014—2020年。贫困村出列:27个。农村公路:286.3公里。含通组路。\n└──────┴──────┴──────┘\n"
        );
    }

    #[test]
    fn two_sheets_side_by_side_are_two_tables() {
        let text = "指标\t数值\t\t指标\t数值\n建档立卡户(户)\t6218\t\t农村公路新改建(公里)\t316.8\n累计脱贫人口(人)\t24372\t\t农村危房改造(户)\t1643\n贫困村出列(个)\t31\t\t易地扶贫搬迁(人)\t4012\n其中:2020年脱贫(人)\t2054\t\t\t\n";
        let (s, _) = rewritten(text);
        assert_eq!(
            s,
            "建档立卡户:6218户。累计脱贫人口:24372人。贫困村出列:31个。其中:2020年脱贫:2054人。农村公路新改建:316.8公里。农村危房改造:1643户。易地扶贫搬迁:4012人。\n"
        );
    }

    #[test]
    fn a_header_merged_over_two_rows_names_each_column_by_both() {
        // As crate::html writes a table with rowspan and colspan: 县(区) covers the second
        // header row's first cell, 累计脱贫 the two columns under it; a caption's unit list
        // names no one column's unit.
        let text = "单位:户、人\n县(区)\t累计脱贫\t\t贫困村\n\t户数\t人数\t已出列(个)\n甲县\t21,806\t82,315\t116\n全  市\t96,146\t364,627\t601\n";
        let (s, _) = rewritten(text);
        assert_eq!(
            s,
            "单位:户、人\n合计累计脱贫户数96,146户。合计累计脱贫人数364,627人。合计贫困村已出列601个。\n"
        );
    }

    #[test]
    fn rows_of_year_ends_are_read_by_the_latest() {
        // No total row: the latest year's end is the stock; a word over two columns names both.
        let text = concat!(
            "            建档立卡           累计脱贫        当年减贫\n",
            "年  末     户数      人数      户数      人数     (人)\n",
            "2019年底  35,580   147,702    31,460   130,118    40,774\n",
            "2020年底  35,614   147,926    35,614   147,926    17,808\n",
        );
        let (s, _) = rewritten(text);
        assert_eq!(
            s,
            "2020年底,建档立卡户数35,614户。2020年底,建档立卡人数147,926人。2020年底,累计脱贫户数35,614户。2020年底,累计脱贫人数147,926人。2020年底,当年减贫17,808人。\n"
        );
    }

    #[test]
    fn a_database_client_s_tables_a_record_and_a_rollup() {
        let text = "+----------+----------+\n| 建档立卡户数 | 建档立卡人数 |\n+----------+----------+\n|    65412 |   271806 |\n+----------+----------+\n1 row in set\n+--------+----------+\n| 安置点 | 搬迁人数 |\n+--------+----------+\n| 城南   |    10318 |\n| 荒地镇 |     3406 |\n| NULL   |    13724 |\n+--------+----------+\n";
        let (s, _) = rewritten(text);
        assert_eq!(
            s,
            "+----------+----------+\n建档立卡户数:65412户。建档立卡人数:271806人。\n+----------+----------+\n1 row in set\n+--------+----------+\n合计搬迁人数13724人。\n+--------+----------+\n"
        );
    }

    #[test]
    fn a_word_table_of_year_rows_is_read_by_its_total_row() {
        let text = "表1\n年度\n脱贫户数(户)\n贫困发生率(%)\n备注\n2019年\n1705\n0.11\n当年摘帽\n2020年\n323\n\n不再测算\n累计\n9684\n\n含清退户\n\n从表中看。";
        let (s, _) = rewritten(text);
        assert_eq!(s, "表1\n合计脱贫户数9684户。\n\n从表中看。");
    }

    #[test]
    fn a_total_takes_the_date_of_the_caption_above_its_table() {
        let text = "截至2019年底各乡镇主要指标如下:\n项目\t合计\t甲镇\t乙乡\n贫困发生率(%)\t0.08\t0.05\t0.09\n";
        let (s, _) = rewritten(text);
        assert_eq!(s, "截至2019年底各乡镇主要指标如下:\n截至2019年底,合计贫困发生率0.08%。\n");
    }

    #[test]
    fn a_label_ending_in_a_change_goes_on_into_its_figure() {
        let text = "指标\t数值\n累计脱贫人口(人)\t216,407\n贫困发生率下降(百分点)\t33.86\n剩余贫困人口(人)\t0\n";
        let (s, _) = rewritten(text);
        assert_eq!(s, "累计脱贫人口:216,407人。贫困发生率下降33.86百分点。剩余贫困人口:0人。\n");
    }

    #[test]
    fn a_table_copied_from_a_pdf_with_single_spaces_is_read_by_its_total() {
        // Cells parted by one space; the header's second line is one cell short, under the
        // columns after 乡(镇), which spans both lines; a row lost its empty last cell.
        let text = "表2 各乡(镇)完成情况\n乡(镇) 建档立卡 建档立卡 已脱贫 已脱贫 出列\n户数 人数 户数 人数 贫困村\n甲镇 219 1061 219 1061 13\n乙乡 162 671 162 671\n合 计 381 1732 381 1732 13\n注:略。";
        let (s, _) = rewritten(text);
        assert_eq!(
            s,
            "表2 各乡(镇)完成情况\n合计建档立卡户数381户。合计建档立卡人数1732人。合计已脱贫户数381户。合计已脱贫人数1732人。合计出列贫困村13个。\n注:略。"
        );
    }

    #[test]
    fn a_performance_table_gives_its_results_not_its_targets_or_grades() {
        // A 绩效自评表: categories, then the 三级指标 labels, the year's target (年度指标值),
        // the result (实际完成值) and the grade (得分).
        let text = "一级指标  二级指标  三级指标  年度指标值  实际完成值  得分\n产出指标  数量指标  乡村公益性岗位开发数量  ≥6000个  6120个  5\n效益指标  社会效益  脱贫劳动力务工规模  ≥4万人  4.12万人  10\n";
        let (s, _) = rewritten(text);
        assert_eq!(s, "乡村公益性岗位开发数量:6120个。脱贫劳动力务工规模:4.12万人。\n");
    }

    #[test]
    fn prose_with_single_spaces_is_no_table() {
        for text in [
            // One spaced line alone is a title, not a row; spaced prose has its punctuation.
            "2020 年 脱贫 攻坚 成效\n全县累计实现 12345 户 45678 人脱贫,贫困村 86 个全部出列。\n",
            "Source: National Bureau of Statistics of China\nSee the table below for more\n",
        ] {
            assert_eq!(rewritten(text).0, normalize(text).chars.iter().collect::<String>());
        }
    }

    #[test]
    fn tables_without_totals_and_prose_are_left_alone() {
        for text in [
            "年份\t脱贫人数(人)\t出列村(个)\n2018\t3000\t12\n2019\t2500\t10\n",
            "全县累计减贫1.2万户4.5万人,贫困发生率降至0.5%。",
            "一行  两格",
        ] {
            assert_eq!(rewritten(text).0, text);
        }
    }
}
