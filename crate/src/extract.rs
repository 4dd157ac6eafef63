//! From decoded text to a [`Report`]: normalise, find quantities, classify each into the
//! catalog's indicators, decide its scope and time, then choose headlines and warn.

use std::sync::OnceLock;

use crate::catalog::Catalog;
use crate::headline::{choose, Cand};
use crate::normalize::{is_han, normalize, Normalized};
use crate::quantity::{resolve, Quantity, UnitKind};
use crate::region::Mention;
use crate::report::{Candidate, Headline, InputError, RegionInfo, Report, Warning};
use crate::rules::{Compiled, Context};
use crate::scope::{time_scope, Markers};
use crate::segment::{clause_of, clauses, containing, sentences, Span};

/// A catalog compiled once, reused for every report of a batch.
#[derive(Clone)]
pub struct Engine {
    compiled: Compiled,
}

impl Engine {
    pub fn new(catalog: &Catalog) -> Engine {
        Engine { compiled: Compiled::new(catalog) }
    }

    /// The engine for the built-in catalog, compiled on first use.
    pub fn builtin() -> &'static Engine {
        static ENGINE: OnceLock<Engine> = OnceLock::new();
        ENGINE.get_or_init(|| Engine::new(&Catalog::builtin()))
    }

    /// Reads a report from raw bytes. The report carries the decoded text its offsets
    /// refer to.
    pub fn analyze(&self, bytes: &[u8], source: &str) -> Result<Report, InputError> {
        let decoded = crate::decode::decode(bytes)?;
        let mut report = self.analyze_text(&decoded.text, source)?;
        report.encoding = decoded.encoding.to_string();
        report.format = if decoded.html { "html" } else { "text" }.to_string();
        report.text = Some(decoded.text);
        Ok(report)
    }

    /// Reads a report that is already text.
    pub fn analyze_text(&self, text: &str, source: &str) -> Result<Report, InputError> {
        if text.trim().is_empty() {
            return Err(InputError::Empty);
        }
        if !text.chars().any(is_han) {
            return Err(InputError::NoChinese);
        }
        Ok(Document::read(text, &self.compiled).into_report(source, &self.compiled))
    }
}

/// The engine for `catalog`: the shared built-in one, or a new one compiled for a user's
/// catalog (use [`Engine::new`] once for a batch).
pub fn engine_for(catalog: &Catalog) -> std::borrow::Cow<'static, Engine> {
    if *catalog == *builtin_catalog() {
        std::borrow::Cow::Borrowed(Engine::builtin())
    } else {
        std::borrow::Cow::Owned(Engine::new(catalog))
    }
}

fn builtin_catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(Catalog::builtin)
}

/// Everything read from one document.
struct Document {
    n: Normalized,
    quantities: Vec<Quantity>,
    cands: Vec<Cand>,
    warnings: Vec<Warning>,
    region: Option<RegionInfo>,
}

/// Byte offset → char index for a string (len + 1 entries; non-boundary bytes repeat).
fn byte_to_char(text: &str) -> Vec<u32> {
    let mut map = vec![0u32; text.len() + 1];
    let mut ci = 0u32;
    for (bi, ch) in text.char_indices() {
        for b in 0..ch.len_utf8() {
            map[bi + b] = ci;
        }
        ci += 1;
    }
    map[text.len()] = ci;
    map
}

/// Mentions of divisions other than the main region and its parents (another county, a
/// county inside the main city, a partner region): figures after them are theirs.
fn other_region_mentions(found: &[Mention], main: Option<&RegionInfo>) -> Vec<Span> {
    use crate::region::{lookup, MentionKind};
    let main_div = main.and_then(|r| lookup(&r.adcode));
    found
        .iter()
        .filter(|m| m.kind == MentionKind::Place && m.supported)
        .filter(|m| {
            let Some(div) = m.adcodes.first().and_then(|c| lookup(c)) else { return false };
            match &main_div {
                Some(main) => !main.is_within(&div),
                None => false,
            }
        })
        .map(|m| (m.start, m.end))
        .collect()
}

/// Short forms of a region name, to recognise 石柱 for 石柱土家族自治县.
fn name_forms(full: &str) -> Vec<String> {
    let mut forms = vec![full.to_string()];
    const SUFFIXES: &[&str] = &[
        "土家族苗族自治县",
        "苗族土家族自治县",
        "土家族自治县",
        "苗族自治县",
        "彝族自治县",
        "自治县",
        "自治州",
        "自治旗",
        "林区",
        "特区",
        "新区",
        "地区",
        "县",
        "区",
        "市",
        "旗",
        "盟",
    ];
    for s in SUFFIXES {
        if let Some(stem) = full.strip_suffix(s) {
            // A stem of one char (兴县 → 兴) is too common a word to stand for the region.
            if stem.chars().count() >= 2 {
                forms.push(stem.to_string());
            }
            break;
        }
    }
    forms
}

impl Document {
    fn read(text: &str, compiled: &Compiled) -> Document {
        let original: Vec<char> = text.chars().collect();
        let n = normalize(text);
        let ntext: String = n.chars.iter().collect();
        let b2c = byte_to_char(&ntext);

        let found = crate::region::mentions(&ntext);
        let region = crate::region::main_region_among(&ntext, &found).map(|r| {
            let (start, end) = n.to_original(r.start, r.end);
            RegionInfo { name: r.name, adcode: r.adcode, province: r.province, start, end }
        });
        let main_names = region.as_ref().map(|r| name_forms(&r.name)).unwrap_or_default();
        let other_regions = other_region_mentions(&found, region.as_ref());

        let mut warnings = crate::warnings::corrupt_text(&original);
        let damaged: Vec<Span> = warnings.iter().map(|w| (w.start, w.end)).collect();
        warnings.extend(crate::warnings::censored_text(&original));
        let (dups, repeats) = crate::warnings::duplicate_paragraphs(&n);
        warnings.extend(dups);
        warnings.extend(crate::warnings::missing_numbers(&n));
        let boilerplate = crate::html::boilerplate_spans(text);

        let quantities: Vec<Quantity> =
            crate::numbers::scan(&n.chars).iter().map(|m| resolve(&n.chars, m)).collect();
        // The scorer and the continuation rule search them by position.
        debug_assert!(quantities.windows(2).all(|w| w[0].start <= w[1].start));
        let hits = compiled.hits(&ntext, &b2c);
        let sents = sentences(&n.chars);
        let claus = clauses(&n.chars);
        let markers = Markers::find(&n.chars, &main_names, &other_regions);

        let mut cands = Vec::new();
        let mut classified: Vec<Option<(usize, crate::rules::Match)>> =
            vec![None; quantities.len()];
        for (qi, q) in quantities.iter().enumerate() {
            if matches!(q.unit, UnitKind::None | UnitKind::Other)
                || paired_person(&quantities, qi).is_some()
            {
                continue;
            }
            let sentence = containing(&sents, q.num_start).unwrap_or((q.num_start, q.end));
            let clause = clause_of(&claus, q.num_start);
            let ctx =
                Context { chars: &n.chars, clause, sentence, hits: &hits, quantities: &quantities };
            let best = (0..compiled.defs.len())
                .filter_map(|i| compiled.score(i, q, &ctx).map(|m| (i, m)))
                .max_by(|a, b| a.1.score.total_cmp(&b.1.score))
                // A change continued from the previous clause measures what that clause's
                // figure of the same unit measured.
                .or_else(|| {
                    let prev = continued_from(&n.chars, &claus, q.num_start)?;
                    // Quantities come in text order: none before the previous clause counts.
                    (0..qi).rev().take_while(|&j| quantities[j].num_start >= prev.0).find_map(|j| {
                        let o = &quantities[j];
                        let hit = o.unit == q.unit && o.end <= prev.1;
                        hit.then(|| classified[j].clone()).flatten()
                    })
                });
            classified[qi] = best.clone();
            let Some((ind, m)) = best else { continue };

            let orig = n.to_original(q.start, q.end);
            let cumulative = markers.cumulative(sentence, clause, q.num_start, q.end);
            let excluded = if inside_one(&repeats, (q.start, q.end)) {
                Some("repeats a paragraph whose figures are already counted".to_string())
            } else if touches_one(&damaged, orig) {
                Some("next to mis-decoded text: the figure may have lost digits".to_string())
            } else if inside_one(&boilerplate, orig) {
                Some("in the page's boilerplate, not the report".to_string())
            } else if let Some(place) = markers.sub_scope(&n.chars, sentence, q.num_start) {
                Some(format!("a figure of {place}, not of the whole region"))
            } else if let Some(part) = markers.part(&n.chars, sentence, clause, q.num_start) {
                Some(format!("part of a larger total ({part})"))
            } else if compiled.defs[ind].min.is_some_and(|min| q.value < min) {
                Some("too small to be a region's headline".to_string())
            } else {
                None
            };
            let cand = Cand {
                quantity: qi,
                indicator: ind,
                value: q.value,
                score: m.score,
                weight: m.weight,
                cues: m.cues,
                time: time_scope(&n.chars, sentence, q.num_start, cumulative),
                main_marker: markers.main_marker(sentence, q.num_start),
                excluded,
                span: (q.start, q.end),
                sentence,
                orig_span: orig,
            };
            // The 户 figure paired with a person figure (17541户63101人) goes to the twin.
            if let (Some(hi), Some(twin)) =
                (paired_household(&quantities, qi), &compiled.defs[ind].households)
            {
                if let Some(ti) = compiled.defs.iter().position(|d| &d.id == twin) {
                    let h = &quantities[hi];
                    let mut hc = cand.clone();
                    hc.quantity = hi;
                    hc.indicator = ti;
                    hc.value = h.value;
                    hc.span = (h.start, h.end);
                    hc.orig_span = n.to_original(h.start, h.end);
                    if hc.excluded.is_none()
                        && compiled.defs[ti].min.is_some_and(|min| h.value < min)
                    {
                        hc.excluded = Some("too small to be a region's headline".to_string());
                    }
                    cands.push(hc);
                }
            }
            cands.push(cand);
        }
        Document { n, quantities, cands, warnings, region }
    }

    fn into_report(self, source: &str, compiled: &Compiled) -> Report {
        let Document { n, quantities, cands, mut warnings, region } = self;
        let texts: Vec<String> = cands.iter().map(|c| n.slice(c.span.0, c.span.1)).collect();
        let labels: Vec<String> = compiled.defs.iter().map(|d| d.label_zh.clone()).collect();
        let (winners, reasons, conflicts) = choose(&cands, compiled.defs.len(), &texts, &labels);
        warnings.extend(conflicts);
        warnings.sort_by_key(|w| (w.start, w.end));

        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by_key(|&i| (cands[i].span.0, cands[i].indicator));
        let mut position = vec![0; cands.len()];
        let candidates: Vec<Candidate> = order
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                position[i] = k;
                let c = &cands[i];
                let q = &quantities[c.quantity];
                let (ss, se) = evidence_span(&n, c.sentence, c.span);
                let (sentence_start, sentence_end) = n.to_original(ss, se);
                Candidate {
                    id: compiled.defs[c.indicator].id.clone(),
                    value: c.value,
                    value_max: q.upper,
                    unit: compiled.defs[c.indicator].unit.clone(),
                    text: texts[i].clone(),
                    qualifier: q.qualifier.clone(),
                    start: c.orig_span.0,
                    end: c.orig_span.1,
                    sentence_start,
                    sentence_end,
                    time: c.time.clone(),
                    score: (c.score * 100.0).round() / 100.0,
                    status: if winners.contains(&Some(i)) { "headline" } else { "lost" }.into(),
                    reason: reasons[i].clone(),
                }
            })
            .collect();
        let indicators = winners
            .iter()
            .enumerate()
            .filter_map(|(ind, w)| w.map(|i| (ind, i)))
            .map(|(ind, i)| {
                let def = &compiled.defs[ind];
                let c = &cands[i];
                let cand = &candidates[position[i]];
                let (ss, se) = evidence_span(&n, c.sentence, c.span);
                Headline {
                    id: def.id.clone(),
                    label_zh: def.label_zh.clone(),
                    label_en: def.label_en.clone(),
                    value: c.value,
                    value_max: cand.value_max,
                    unit: def.unit.clone(),
                    text: cand.text.clone(),
                    qualifier: cand.qualifier.clone(),
                    sentence: n.slice(ss, se),
                    start: cand.start,
                    end: cand.end,
                    sentence_start: cand.sentence_start,
                    sentence_end: cand.sentence_end,
                    time: c.time.clone(),
                    candidate: position[i],
                }
            })
            .collect();
        Report {
            source: source.to_string(),
            encoding: "UTF-8".into(),
            format: "text".into(),
            region,
            indicators,
            candidates,
            warnings,
            text: None,
        }
    }
}

/// Longest evidence sentence shown whole; longer ones are cut to the clauses around the figure.
const EVIDENCE_MAX: usize = 120;

/// The evidence shown for a figure: its sentence, or the clauses around it in a long one.
fn evidence_span(n: &Normalized, sentence: Span, figure: Span) -> Span {
    if sentence.1 - sentence.0 <= EVIDENCE_MAX {
        return sentence;
    }
    let c = &n.chars;
    let is_cut = |ch: char| matches!(ch, ',' | ';' | ':');
    let mut a = figure.0;
    let mut cuts = 0;
    while a > sentence.0 && figure.0 - a < EVIDENCE_MAX / 2 {
        if is_cut(c[a - 1]) {
            cuts += 1;
            if cuts == 2 {
                break;
            }
        }
        a -= 1;
    }
    let mut b = figure.1;
    while b < sentence.1 && b - figure.1 < EVIDENCE_MAX / 2 && !is_cut(c[b]) {
        b += 1;
    }
    (a, b)
}

/// Whether `span` lies inside one of `spans` (sorted and disjoint).
fn inside_one(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|&(s, _)| s <= span.0);
    i > 0 && span.1 <= spans[i - 1].1
}

/// Whether `span` overlaps or touches (within one char) one of `spans` (sorted and disjoint).
fn touches_one(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|&(_, e)| e + 1 < span.0);
    spans.get(i).is_some_and(|&(s, _)| s <= span.1 + 1)
}

/// If quantity `i` is a 户 figure directly followed by a person figure, that figure.
fn paired_person(qs: &[Quantity], i: usize) -> Option<usize> {
    let h = &qs[i];
    let p = qs.get(i + 1)?;
    (h.unit == UnitKind::Household && p.unit == UnitKind::Person && p.num_start <= h.end + 1)
        .then_some(i + 1)
}

/// If quantity `i` is a person figure directly preceded by a 户 figure, that figure.
fn paired_household(qs: &[Quantity], i: usize) -> Option<usize> {
    let prev = i.checked_sub(1)?;
    (paired_person(qs, prev) == Some(i)).then_some(prev)
}

/// Verbs that continue a change stated in the previous clause (…降至18.2%,2019年底进一步降至0.6%).
const CONTINUING_CHANGE: &[&str] = &[
    "降至",
    "下降到",
    "降到",
    "降为",
    "减至",
    "减少到",
    "下降至",
    "增长到",
    "提高到",
    "达到",
    "可达",
];

/// If the clause of a figure at `pos` only continues a change stated in the previous
/// clause (a short head with a verb of change), that previous clause.
fn continued_from(chars: &[char], claus: &[Span], pos: usize) -> Option<Span> {
    let clause = clause_of(claus, pos);
    let head = &chars[clause.0..pos.max(clause.0)];
    let continues =
        CONTINUING_CHANGE.iter().any(|w| crate::words::ends_with(head, w)) && head.len() <= 14;
    let k = claus.binary_search(&clause).ok()?;
    (continues && k > 0 && clause.0 > 0 && chars[clause.0 - 1] == ',').then(|| claus[k - 1])
}
