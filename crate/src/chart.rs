//! Comparison charts as SVG strings, drawn with plotters' SVG backend from primitives
//! (rectangles, lines and `Text` elements).
//!
//! Why primitives and not plotters' captions and mesh labels: on wasm32 plotters measures
//! text through the DOM, which panics in a Web Worker, and the estimate it uses natively
//! differs from the browser's, so the same chart would not be the same bytes natively and in
//! the page. Here nothing measures text: label widths are estimated by [`text_width`] and the
//! output is a pure function of the input, snapshot-tested natively (`tests/charts.rs`).
//!
//! All text (region names, titles) goes through plotters' one SVG writer, which escapes
//! `< > & " '`; callers pass raw text and must not escape it themselves. Chinese renders
//! through `font-family="sans-serif"`, i.e. the browser's own fonts; no font files.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Deserialize;

/// One bar: a report's value for the chosen indicator.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct BarItem {
    /// Usually the region name (Chinese), else the file name.
    pub label: String,
    pub value: f64,
}

/// A horizontal bar chart of one indicator across reports.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct BarChartSpec {
    pub title: String,
    /// A second line under the title, e.g. the unit or what was left out.
    #[serde(default)]
    pub subtitle: String,
    /// Written after each value, e.g. "人" or "%".
    #[serde(default)]
    pub unit: String,
    pub items: Vec<BarItem>,
    /// Shown instead of bars when there are no items.
    #[serde(default)]
    pub empty_text: String,
}

/// One region's poverty incidence before and after.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct PairItem {
    pub label: String,
    #[serde(default)]
    pub before: Option<f64>,
    #[serde(default)]
    pub after: Option<f64>,
}

/// Paired bars: the starting and the latest poverty incidence of each region.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct PairChartSpec {
    pub title: String,
    #[serde(default)]
    pub subtitle: String,
    pub before_label: String,
    pub after_label: String,
    #[serde(default)]
    pub unit: String,
    pub items: Vec<PairItem>,
    #[serde(default)]
    pub empty_text: String,
}

/// One region's value of an indicator and its total population.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct PopulationItem {
    pub label: String,
    pub value: f64,
    pub population: f64,
}

/// A bar chart of `value / population * per` (per 10,000 people when `per` is 10000).
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct PerPopulationSpec {
    pub title: String,
    #[serde(default)]
    pub subtitle: String,
    #[serde(default)]
    pub unit: String,
    pub per: f64,
    pub items: Vec<PopulationItem>,
    #[serde(default)]
    pub empty_text: String,
}

/// One report's value in a panel of small multiples; `None` when the report lacks it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct PanelItem {
    pub label: String,
    #[serde(default)]
    pub value: Option<f64>,
}

/// One panel: one indicator, every report on its axis, its own scale.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Panel {
    pub title: String,
    /// Written at the panel's top right, e.g. "人" or "%".
    #[serde(default)]
    pub unit: String,
    pub items: Vec<PanelItem>,
}

/// Small multiples: a panel per indicator, the same reports in the same order in each.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct SmallMultiplesSpec {
    pub title: String,
    #[serde(default)]
    pub subtitle: String,
    pub panels: Vec<Panel>,
    #[serde(default)]
    pub empty_text: String,
}

/// One figure on the timeline: the year of its time scope and its value.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct TimelinePoint {
    pub year: i32,
    pub value: f64,
    /// A forecast (预计) is drawn as a hollow point.
    #[serde(default)]
    pub forecast: bool,
}

/// One line of the timeline: a region's figures from one or several reports.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct TimelineSeries {
    pub label: String,
    pub points: Vec<TimelinePoint>,
}

/// Figures placed by year, one line per region.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct TimelineSpec {
    pub title: String,
    #[serde(default)]
    pub subtitle: String,
    #[serde(default)]
    pub unit: String,
    pub series: Vec<TimelineSeries>,
    #[serde(default)]
    pub empty_text: String,
}

const WIDTH: i32 = 760;
const MARGIN: i32 = 20;
const TOP: i32 = 70;
const VALUE_ROOM: i32 = 110;
const MAX_LABEL_WIDTH: f64 = 200.0;

const INK: RGBColor = RGBColor(0x1f, 0x29, 0x33);
const MUTED: RGBColor = RGBColor(0x61, 0x6e, 0x7c);
const GRID: RGBColor = RGBColor(0xe4, 0xe7, 0xeb);
const BAR: RGBColor = RGBColor(0x2f, 0x6f, 0xb3);
const BEFORE: RGBColor = RGBColor(0xe0, 0x9f, 0x3e);
const AFTER: RGBColor = RGBColor(0x2f, 0x6f, 0xb3);
const PANEL: RGBColor = RGBColor(0xf6, 0xf8, 0xfa);
/// Line colours of the timeline, one per region in turn.
const SERIES: [RGBColor; 6] = [
    RGBColor(0x2f, 0x6f, 0xb3),
    RGBColor(0xe0, 0x9f, 0x3e),
    RGBColor(0x3a, 0x9a, 0x5b),
    RGBColor(0xc0, 0x43, 0x3c),
    RGBColor(0x7b, 0x5c, 0xb0),
    RGBColor(0x2a, 0x9d, 0xa8),
];

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
type Drawn = Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// A bar chart of one indicator across reports.
pub fn bar_chart(spec: &BarChartSpec) -> String {
    let rows = spec.items.len() as i32;
    let row = 30;
    let label_width = label_column(spec.items.iter().map(|i| i.label.as_str()));
    let max = spec.items.iter().map(|i| i.value).fold(0.0, f64::max);
    let height = if rows == 0 { TOP + 60 } else { TOP + rows * row + 36 };
    render(height, |area| {
        heading(area, &spec.title, &spec.subtitle)?;
        if rows == 0 {
            return empty(area, &spec.empty_text);
        }
        let scale = Scale::new(MARGIN + label_width + 12, WIDTH - VALUE_ROOM, max);
        scale.grid(area, TOP - 4, TOP + rows * row)?;
        for (i, item) in spec.items.iter().enumerate() {
            let middle = TOP + i as i32 * row + row / 2;
            row_label(area, &item.label, scale.x0 - 10, middle)?;
            bar(area, &scale, item.value, middle - 9, middle + 9, BAR)?;
            value_label(area, &scale, item.value, &spec.unit, middle, INK, 2)?;
        }
        Ok(())
    })
}

/// The starting and the latest poverty incidence of each region, as paired bars.
pub fn before_after_chart(spec: &PairChartSpec) -> String {
    let rows = spec.items.len() as i32;
    let row = 46;
    let label_width = label_column(spec.items.iter().map(|i| i.label.as_str()));
    let max = spec.items.iter().flat_map(|i| [i.before, i.after]).flatten().fold(0.0, f64::max);
    let height = if rows == 0 { TOP + 60 } else { TOP + rows * row + 36 };
    render(height, |area| {
        heading(area, &spec.title, &spec.subtitle)?;
        legend(area, &[(&spec.before_label, BEFORE), (&spec.after_label, AFTER)])?;
        if rows == 0 {
            return empty(area, &spec.empty_text);
        }
        let scale = Scale::new(MARGIN + label_width + 12, WIDTH - VALUE_ROOM, max);
        scale.grid(area, TOP - 4, TOP + rows * row)?;
        for (i, item) in spec.items.iter().enumerate() {
            let top = TOP + i as i32 * row;
            row_label(area, &item.label, scale.x0 - 10, top + row / 2)?;
            for (value, y, color) in
                [(item.before, top + 14, BEFORE), (item.after, top + 32, AFTER)]
            {
                match value {
                    Some(v) => {
                        bar(area, &scale, v, y - 7, y + 7, color)?;
                        value_label(area, &scale, v, &spec.unit, y, INK, 2)?;
                    }
                    None => text(area, "—", (scale.x0 + 6, y), 11.0, MUTED, HPos::Left, false)?,
                }
            }
        }
        Ok(())
    })
}

/// An indicator per `spec.per` people, for the regions whose total population is known.
pub fn per_population_chart(spec: &PerPopulationSpec) -> String {
    let items = spec
        .items
        .iter()
        .filter(|i| i.population > 0.0 && i.value.is_finite())
        .map(|i| BarItem { label: i.label.clone(), value: i.value / i.population * spec.per })
        .collect();
    bar_chart(&BarChartSpec {
        title: spec.title.clone(),
        subtitle: spec.subtitle.clone(),
        unit: spec.unit.clone(),
        items,
        empty_text: spec.empty_text.clone(),
    })
}

const PANEL_COLUMNS: i32 = 2;
const PANEL_GAP: i32 = 16;
const PANEL_ROW: i32 = 22;
const PANEL_LABEL_WIDTH: f64 = 96.0;

/// A panel per indicator in a grid of two columns, each with its own scale, the same
/// reports in the same order on every axis. Each panel is one `<g class="panel">`.
pub fn small_multiples_chart(spec: &SmallMultiplesSpec) -> String {
    let count = spec.panels.len() as i32;
    if count == 0 {
        return render(TOP + 60, |area| {
            heading(area, &spec.title, &spec.subtitle)?;
            empty(area, &spec.empty_text)
        });
    }
    let columns = count.min(PANEL_COLUMNS);
    let width = (WIDTH - 2 * MARGIN - (columns - 1) * PANEL_GAP) / columns;
    let rows = spec.panels.iter().map(|p| p.items.len()).max().unwrap_or(0).max(1) as i32;
    let height = 40 + rows * PANEL_ROW + 26;
    let grid_rows = (count + columns - 1) / columns;
    let total = TOP + grid_rows * (height + PANEL_GAP) - PANEL_GAP + MARGIN;
    let outer = render(total, |area| heading(area, &spec.title, &spec.subtitle));
    let panels = spec.panels.iter().enumerate().map(|(i, panel)| {
        let (column, row) = (i as i32 % columns, i as i32 / columns);
        let at = (MARGIN + column * (width + PANEL_GAP), TOP + row * (height + PANEL_GAP));
        (at, panel_svg(panel, width, height, &spec.empty_text))
    });
    compose(&outer, panels)
}

fn panel_svg(panel: &Panel, width: i32, height: i32, empty_text: &str) -> String {
    render_sized(width, height, PANEL, |area| {
        let unit = if panel.unit.is_empty() { 0.0 } else { text_width(&panel.unit, 11.0) + 16.0 };
        let title = fit_text(&panel.title, 13.0, f64::from(width) - 20.0 - unit);
        text(area, &title, (10, 16), 13.0, INK, HPos::Left, true)?;
        if !panel.unit.is_empty() {
            text(area, &panel.unit, (width - 10, 16), 11.0, MUTED, HPos::Right, false)?;
        }
        let values: Vec<f64> = panel.items.iter().filter_map(|i| i.value).collect();
        if values.is_empty() {
            return text(area, empty_text, (width / 2, 46), 11.0, MUTED, HPos::Center, false);
        }
        let widest = panel.items.iter().map(|i| text_width(&i.label, 11.0)).fold(30.0, f64::max);
        let label_width = widest.min(PANEL_LABEL_WIDTH).ceil() as i32;
        let max = values.iter().copied().fold(0.0, f64::max);
        let scale = Scale::with_ticks(10 + label_width + 8, width - 62, max, 2.0);
        let top = 34;
        let bottom = top + panel.items.len() as i32 * PANEL_ROW;
        scale.grid_sized(area, top - 2, bottom, 10.0)?;
        for (k, item) in panel.items.iter().enumerate() {
            let middle = top + k as i32 * PANEL_ROW + PANEL_ROW / 2;
            let label = fit_text(&item.label, 11.0, PANEL_LABEL_WIDTH);
            text(area, &label, (scale.x0 - 6, middle), 11.0, INK, HPos::Right, false)?;
            match item.value {
                Some(v) => {
                    bar(area, &scale, v, middle - 7, middle + 7, BAR)?;
                    let shown = format_number(v, 2);
                    text(area, &shown, (scale.x(v) + 4, middle), 11.0, INK, HPos::Left, false)?;
                }
                None => text(area, "—", (scale.x0 + 4, middle), 11.0, MUTED, HPos::Left, false)?,
            }
        }
        Ok(())
    })
}

/// `outer` with each part's drawing (an SVG of its own) placed at its offset as a group.
fn compose(outer: &str, parts: impl Iterator<Item = ((i32, i32), String)>) -> String {
    let close = outer.rfind("</svg>").unwrap_or(outer.len());
    let mut svg = outer[..close].to_string();
    for ((x, y), part) in parts {
        // The part's content without its own <svg …> and </svg> (plotters writes one
        // element per line; no attribute holds '>', all text is escaped).
        let open = part.find('>').map_or(0, |i| i + 1);
        let end = part.rfind("</svg>").unwrap_or(part.len());
        svg.push_str(&format!("<g class=\"panel\" transform=\"translate({x},{y})\">"));
        svg.push_str(part[open..end].trim_matches('\n'));
        svg.push_str("\n</g>\n");
    }
    svg.push_str(&outer[close..]);
    svg
}

const TIMELINE_PLOT: i32 = 260;
const TIMELINE_LEFT: i32 = 76;

/// Each region's figures placed by the year of their time scope, joined by a line; a value
/// label by each point where there is room, forecasts hollow, a legend of regions under it.
pub fn timeline_chart(spec: &TimelineSpec) -> String {
    let points = spec.series.iter().flat_map(|s| &s.points).filter(|p| p.value.is_finite());
    let years: Vec<i32> = points.clone().map(|p| p.year).collect();
    let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) else {
        return render(TOP + 60, |area| {
            heading(area, &spec.title, &spec.subtitle)?;
            empty(area, &spec.empty_text)
        });
    };
    // One year on its own still gets an axis: a year either side.
    let (first, last) = if first == last { (first - 1, last + 1) } else { (first, last) };
    let max = points.map(|p| p.value).fold(0.0, f64::max);
    let step = nice_step(max / 4.0);
    let top_value = ((max / step).ceil() * step).max(step);
    let (left, right) = (TIMELINE_LEFT, WIDTH - MARGIN - 30);
    let (top, bottom) = (TOP + 10, TOP + 10 + TIMELINE_PLOT);
    let x = |year: i32| {
        left + ((f64::from(year - first) / f64::from(last - first)) * f64::from(right - left))
            .round() as i32
    };
    let y = |value: f64| {
        bottom - ((value.max(0.0) / top_value).min(1.0) * f64::from(bottom - top)).round() as i32
    };
    let legend = legend_rows(spec.series.iter().map(|s| s.label.as_str()));
    let height = bottom + 36 + legend.len() as i32 * 20 + 10;
    render(height, |area| {
        heading(area, &spec.title, &spec.subtitle)?;
        let ticks = (top_value / step).round() as i32;
        for k in 0..=ticks {
            let value = f64::from(k) * step;
            let color = if k == 0 { MUTED } else { GRID };
            area.draw(&PathElement::new(
                vec![(left, y(value)), (right, y(value))],
                color.stroke_width(1),
            ))?;
            let label = format!("{}{}", format_number(value, 2), percent(&spec.unit));
            text(area, &label, (left - 8, y(value)), 11.0, MUTED, HPos::Right, false)?;
        }
        let span = last - first;
        let every = (span / 10 + 1).max(1);
        for year in (first..=last).filter(|year| (year - first) % every == 0) {
            area.draw(&PathElement::new(
                vec![(x(year), bottom), (x(year), bottom + 4)],
                MUTED.stroke_width(1),
            ))?;
            text(
                area,
                &year.to_string(),
                (x(year), bottom + 14),
                11.0,
                MUTED,
                HPos::Center,
                false,
            )?;
        }
        if !spec.unit.is_empty() && spec.unit != "%" {
            text(area, &spec.unit, (left - 8, top - 12), 11.0, MUTED, HPos::Right, false)?;
        }
        // Value labels go above their point, else below it, else (crowded) nowhere.
        let mut taken: Vec<[i32; 4]> = Vec::new();
        for (i, series) in spec.series.iter().enumerate() {
            let color = SERIES[i % SERIES.len()];
            let mut points: Vec<&TimelinePoint> =
                series.points.iter().filter(|p| p.value.is_finite()).collect();
            crate::sort::sort_by_key(&mut points, |p| p.year);
            if points.len() > 1 {
                let line = points.iter().map(|p| (x(p.year), y(p.value))).collect::<Vec<_>>();
                area.draw(&PathElement::new(line, color.stroke_width(2)))?;
            }
            for p in points {
                let at = (x(p.year), y(p.value));
                let style = if p.forecast { color.stroke_width(2) } else { color.filled() };
                area.draw(&Circle::new(at, 4, style))?;
                let label = format!("{}{}", format_number(p.value, 2), percent(&spec.unit));
                let half = (text_width(&label, 11.0) / 2.0).ceil() as i32;
                let free = [at.1 - 12, at.1 + 14].into_iter().find(|&y| {
                    let b = [at.0 - half, y - 7, at.0 + half, y + 7];
                    !taken.iter().any(|t| b[0] < t[2] && t[0] < b[2] && b[1] < t[3] && t[1] < b[3])
                });
                if let Some(y) = free {
                    taken.push([at.0 - half, y - 7, at.0 + half, y + 7]);
                    text(area, &label, (at.0, y), 11.0, INK, HPos::Center, false)?;
                }
            }
        }
        for (row, entries) in legend.iter().enumerate() {
            let middle = bottom + 40 + row as i32 * 20;
            for &(k, offset) in entries {
                let color = SERIES[k % SERIES.len()];
                let at = MARGIN + offset;
                area.draw(&Rectangle::new(
                    [(at, middle - 5), (at + 10, middle + 5)],
                    color.filled(),
                ))?;
                let label = fit_label(&spec.series[k].label);
                text(area, &label, (at + 16, middle), 12.0, INK, HPos::Left, false)?;
            }
        }
        Ok(())
    })
}

/// "%" follows a value on the timeline; other units are named once on the axis.
fn percent(unit: &str) -> &str {
    if unit == "%" {
        "%"
    } else {
        ""
    }
}

/// Legend entries laid out in rows across the chart: per row, (series index, x offset).
fn legend_rows<'s>(labels: impl Iterator<Item = &'s str>) -> Vec<Vec<(usize, i32)>> {
    let mut rows: Vec<Vec<(usize, i32)>> = vec![Vec::new()];
    let mut x = 0;
    for (k, label) in labels.enumerate() {
        let width = 16 + text_width(&fit_label(label), 12.0).ceil() as i32 + 18;
        if x > 0 && x + width > WIDTH - 2 * MARGIN {
            rows.push(Vec::new());
            x = 0;
        }
        rows.last_mut().expect("a row").push((k, x));
        x += width;
    }
    rows.retain(|r| !r.is_empty());
    rows
}

/// Formats a number with thousands separators and at most `decimals` decimals, trailing
/// zeros trimmed: 426100 → "426,100", 1471.5 → "1,471.5", 97.91 → "97.91".
pub fn format_number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let fixed = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = match fixed.split_once('.') {
        Some((w, f)) => (w, f.trim_end_matches('0')),
        None => (fixed.as_str(), ""),
    };
    let mut out = String::new();
    if value < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// Estimated rendered width in pixels at `size` px: ideographs and full-width forms take a
/// full em, other characters about 0.6 em. Used only for layout, so an estimate is enough.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| if (c as u32) >= 0x2E80 { size } else { size * 0.6 }).sum()
}

/// Maps values to x positions between `x0` and `x1`, from 0 to a round maximum.
struct Scale {
    x0: i32,
    x1: i32,
    max: f64,
    step: f64,
}

impl Scale {
    fn new(x0: i32, x1: i32, data_max: f64) -> Scale {
        Scale::with_ticks(x0, x1, data_max, 5.0)
    }

    /// About `ticks` grid steps from 0 to a round maximum.
    fn with_ticks(x0: i32, x1: i32, data_max: f64, ticks: f64) -> Scale {
        let step = nice_step(data_max / ticks);
        let max = ((data_max / step).ceil() * step).max(step);
        Scale { x0, x1, max, step }
    }

    fn x(&self, value: f64) -> i32 {
        let fraction = (value.max(0.0) / self.max).min(1.0);
        self.x0 + (fraction * f64::from(self.x1 - self.x0)).round() as i32
    }

    /// Vertical grid lines with their values under the chart.
    fn grid(&self, area: &Area, top: i32, bottom: i32) -> Drawn {
        self.grid_sized(area, top, bottom, 11.0)
    }

    fn grid_sized(&self, area: &Area, top: i32, bottom: i32, size: f64) -> Drawn {
        let ticks = (self.max / self.step).round() as i32;
        for k in 0..=ticks {
            let value = f64::from(k) * self.step;
            let x = self.x(value);
            let color = if k == 0 { MUTED } else { GRID };
            area.draw(&PathElement::new(vec![(x, top), (x, bottom)], color.stroke_width(1)))?;
            let label = format_number(value, 2);
            text(area, &label, (x, bottom + 14), size, MUTED, HPos::Center, false)?;
        }
        Ok(())
    }
}

/// 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let normalized = raw / magnitude;
    let factor = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().find(|f| normalized <= *f).unwrap_or(10.0);
    factor * magnitude
}

fn label_column<'s>(labels: impl Iterator<Item = &'s str>) -> i32 {
    let widest = labels.map(|l| text_width(l, 12.0)).fold(40.0, f64::max);
    widest.min(MAX_LABEL_WIDTH).ceil() as i32
}

/// Shortens `label` with "…" to fit the label column.
fn fit_label(label: &str) -> String {
    fit_text(label, 12.0, MAX_LABEL_WIDTH)
}

/// Shortens `label` with "…" to at most `max` px at `size` px.
fn fit_text(label: &str, size: f64, max: f64) -> String {
    if text_width(label, size) <= max {
        return label.to_string();
    }
    let mut out = String::new();
    for c in label.chars() {
        if text_width(&out, size) + text_width(&c.to_string(), size) + size > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn render(height: i32, draw: impl FnOnce(&Area) -> Drawn) -> String {
    render_sized(WIDTH, height, WHITE, draw)
}

fn render_sized(
    width: i32,
    height: i32,
    background: RGBColor,
    draw: impl FnOnce(&Area) -> Drawn,
) -> String {
    let mut svg = String::new();
    {
        let size = (width.max(1) as u32, height.max(1) as u32);
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        // Drawing into a String cannot fail; an error here would only lose the chart.
        let drawn = area.fill(&background).and_then(|_| draw(&area)).and_then(|_| area.present());
        if drawn.is_err() {
            return String::new();
        }
    }
    svg
}

fn heading(area: &Area, title: &str, subtitle: &str) -> Drawn {
    text(area, title, (MARGIN, 24), 16.0, INK, HPos::Left, true)?;
    if !subtitle.is_empty() {
        text(area, subtitle, (MARGIN, 46), 12.0, MUTED, HPos::Left, false)?;
    }
    Ok(())
}

fn legend(area: &Area, entries: &[(&str, RGBColor)]) -> Drawn {
    let mut x = WIDTH - MARGIN;
    // Laid out from the right edge so the legend never runs past the chart.
    for (label, color) in entries.iter().rev() {
        let width = text_width(label, 12.0).ceil() as i32;
        text(area, label, (x, 24), 12.0, INK, HPos::Right, false)?;
        x -= width + 6;
        area.draw(&Rectangle::new([(x - 12, 18), (x, 30)], color.filled()))?;
        x -= 12 + 16;
    }
    Ok(())
}

fn empty(area: &Area, message: &str) -> Drawn {
    text(area, message, (WIDTH / 2, TOP + 20), 12.0, MUTED, HPos::Center, false)
}

fn row_label(area: &Area, label: &str, right: i32, middle: i32) -> Drawn {
    text(area, &fit_label(label), (right, middle), 12.0, INK, HPos::Right, false)
}

fn bar(area: &Area, scale: &Scale, value: f64, top: i32, bottom: i32, color: RGBColor) -> Drawn {
    let end = scale.x(value).max(scale.x0 + 1);
    area.draw(&Rectangle::new([(scale.x0, top), (end, bottom)], color.filled()))
}

fn value_label(
    area: &Area,
    scale: &Scale,
    value: f64,
    unit: &str,
    middle: i32,
    color: RGBColor,
    decimals: usize,
) -> Drawn {
    let label = format!("{}{}", format_number(value, decimals), unit_suffix(unit));
    text(area, &label, (scale.x(value) + 6, middle), 12.0, color, HPos::Left, false)
}

/// "%" sticks to the number; words get a space: "97.91%", "63,101 人".
fn unit_suffix(unit: &str) -> String {
    match unit {
        "" => String::new(),
        "%" => "%".to_string(),
        other => format!(" {other}"),
    }
}

/// Draws one line of text. `size` is the rendered size in px.
fn text(
    area: &Area,
    content: &str,
    at: (i32, i32),
    size: f64,
    color: RGBColor,
    h: HPos,
    bold: bool,
) -> Drawn {
    let weight = if bold { FontStyle::Bold } else { FontStyle::Normal };
    // plotters' SVG backend writes font-size as size / 1.24; undo that so the SVG says `size`.
    let font = FontDesc::new(FontFamily::SansSerif, size * 1.24, weight);
    let style = TextStyle::from(font).color(&color).pos(Pos::new(h, VPos::Center));
    area.draw(&Text::new(content.to_string(), at, style))
}
