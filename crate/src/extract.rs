//! From decoded text to a [`Report`]: normalise, find quantities, classify each into the
//! catalog's indicators, decide its scope and time, then choose headlines and warn.

use std::sync::OnceLock;

use crate::catalog::Catalog;
use crate::headline::{choose, Cand};
use crate::normalize::{is_han, normalize, Normalized};
use crate::quantity::{resolve, Quantity, UnitKind};
use crate::region::Mention;
use crate::report::{Candidate, Headline, InputError, RegionInfo, Report, Said, Warning};
use crate::rules::{Compiled, Context};
use crate::scope::{time_scope, Cue, Markers};
use crate::segment::{clause_of, clauses, containing, sentences, starting_in, Span, SpanSet};

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
        ENGINE.get_or_init(|| Engine::new(builtin_catalog()))
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

/// The built-in catalog, parsed once per process (or Wasm instance) for everyone who needs it:
/// its TOML is the largest part of the engine's start-up left after the region index.
pub fn builtin_catalog() -> &'static Catalog {
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

/// Mentions of divisions other than the main region and its parents (another county, a
/// county inside the main city, a partner region): figures after them are theirs.
fn other_region_mentions(
    chars: &[char],
    found: &[Mention],
    main: Option<&RegionInfo>,
) -> Vec<Span> {
    use crate::region::{lookup, MentionKind};
    let main_div = main.and_then(|r| lookup(&r.adcode));
    debug_assert!(found.windows(2).all(|w| w[0].start <= w[1].start));
    // A bare short name counts only where it opens a clause (瑞金全市…): inside running
    // text it is too often part of a word (利通 in 顺利通过).
    let opens_clause = |s: usize| {
        s == 0 || matches!(chars[s - 1], ',' | '。' | ';' | ':' | '\n' | ' ' | '、' | '“')
    };
    found
        .iter()
        .filter(|m| {
            m.kind == MentionKind::Place && m.supported && (m.full || opens_clause(m.start))
        })
        .filter(|m| {
            let Some(div) = m.adcodes.first().and_then(|c| lookup(c)) else { return false };
            match &main_div {
                Some(main) => !main.is_within(&div) || parent_as_subject(chars, found, m, main),
                None => false,
            }
        })
        // 与广东深圳市龙华区: a name right after others (a province's short name, which counts
        // for nothing alone) is read from the run's first, so the word before the run says
        // whether it is a partner.
        // (At most three names back, a province, a city and a county, each found by binary
        // search: mentions are sorted and do not overlap, so their ends are sorted too. A
        // text of nothing but names is one long run.)
        .map(|m| {
            let mut start = m.start;
            for _ in 0..3 {
                let k = found.partition_point(|p| p.end < start);
                match found.get(k) {
                    Some(p) if p.end == start && p.start < start => start = p.start,
                    _ => break,
                }
            }
            (start, m.end)
        })
        .collect()
}

/// Whether a mention of a division around the main region (its prefecture or province) is
/// the subject of its own figure: 同期,吴忠市累计减贫7.6万人 or 怒江州四个县市全部脱贫 in a
/// county's report. Only its
/// full name, opening a clause, with a figure of its own in that clause, and not the head of
/// an address (吴忠市盐池县…) or of an office (吴忠市扶贫办介绍,…).
fn parent_as_subject(
    chars: &[char],
    found: &[crate::region::Mention],
    m: &crate::region::Mention,
    main: &crate::region::Division,
) -> bool {
    const OFFICES: &[&str] = &[
        "委",
        "政府",
        "人民",
        "人大",
        "政协",
        "党",
        "扶贫",
        "乡村振兴",
        "统计",
        "财政",
        "审计",
        "农业",
        "民政",
        "发改",
        "日报",
        "电视",
        "广播",
        "融媒",
        "新闻",
        "领导",
        "纪委",
        "组织",
    ];
    let opens = m.start == 0
        || matches!(chars[m.start - 1], ',' | '。' | ';' | ':' | '\n' | '“')
        || crate::words::ends_with(&chars[m.start.saturating_sub(2)..m.start], "同期")
        || crate::words::ends_with(&chars[m.start.saturating_sub(1)..m.start], "而");
    let own = m.adcodes.first().is_some_and(|c| *c == main.adcode);
    if own || !m.full || !opens || main.level == crate::region::Level::Province {
        return false;
    }
    // 九江市:全市13个县…: a label's colon opens the clause that speaks of it.
    let label = chars.get(m.end) == Some(&':');
    let after = &chars[m.end + usize::from(label)..];
    let clause_len = after
        .iter()
        .position(|c| matches!(c, ',' | '。' | ';' | ':' | '\n'))
        .unwrap_or(after.len());
    let clause = &after[..clause_len];
    // `found` is in text order (debug-asserted in other_region_mentions): the first mention
    // at or after the name's end, found by bisection, is the only one to look at.
    let next = found.partition_point(|f| f.start < m.end);
    let names_another =
        found.get(next).is_some_and(|f| f.start < m.end + usize::from(label) + clause_len);
    !OFFICES.iter().any(|w| crate::words::starts_with(clause, w))
        && !crate::numbers::scan(clause).is_empty()
        && !names_another
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
    // The name the region tables know it by (东乡 for 东乡族自治县, 积石山 for its long name).
    if let Some(short) = crate::region::short_name(full) {
        if !forms.contains(&short) {
            forms.push(short);
        }
    }
    forms
}

impl Document {
    fn read(text: &str, compiled: &Compiled) -> Document {
        let original: Vec<char> = text.chars().collect();
        let n = crate::tables::rewrite(normalize(text));
        let ntext = crate::words::string(&n.chars);

        let found = crate::region::mentions(&ntext);
        let region = crate::region::main_region_among(&ntext, &found).map(|r| {
            let (start, end) = n.to_original(r.start, r.end);
            RegionInfo { name: r.name, adcode: r.adcode, province: r.province, start, end }
        });
        let main_names = region.as_ref().map(|r| name_forms(&r.name)).unwrap_or_default();
        let other_regions = other_region_mentions(&n.chars, &found, region.as_ref());

        let mut warnings = crate::warnings::corrupt_text(&original);
        let censored = crate::warnings::censored_text(&original);
        // A figure next to a mis-decoded char, or with a masked char among its digits
        // (1口86人, 8.××万人), may have lost a digit; ＊＊＊户1386人 keeps its persons.
        let in_figure = |w: &&crate::report::Warning| {
            let digit = |k: Option<usize>| {
                k.and_then(|k| original.get(k)).is_some_and(|&c| c.is_ascii_digit() || c == '.')
            };
            digit(w.start.checked_sub(1)) || digit(Some(w.end))
        };
        let damaged = SpanSet::new(
            warnings.iter().chain(censored.iter().filter(in_figure)).map(|w| (w.start, w.end)),
        );
        warnings.extend(censored);
        let (dups, repeats) = crate::warnings::duplicate_paragraphs(&n);
        let repeats = SpanSet::new(repeats);
        warnings.extend(dups);
        warnings.extend(crate::warnings::missing_numbers(&n));
        let boilerplate = SpanSet::new(crate::html::boilerplate_spans(text));

        let quantities: Vec<Quantity> =
            crate::numbers::scan(&n.chars).iter().map(|m| resolve(&n.chars, m)).collect();
        // The scorer and the continuation rule search them by position.
        debug_assert!(quantities.windows(2).all(|w| w[0].start <= w[1].start));
        let (hits, listed) = compiled.find(&n.chars);
        let sents = sentences(&n.chars);
        let claus = clauses(&n.chars);
        let markers = Markers::find(&n.chars, &main_names, &other_regions, &listed);
        let cues = &markers.cues;

        let present_year = present_year(&n.chars, &markers);
        let corrections = corrected_figures(&n.chars, &quantities, &sents);
        let corrected = SpanSet::new(corrections.iter().map(|&(span, _)| span));
        let year_heads = year_headings(&n.chars);
        let mut cands = Vec::new();
        let mut classified: Vec<Option<(usize, crate::rules::Match)>> =
            vec![None; quantities.len()];
        for (qi, q) in quantities.iter().enumerate() {
            if matches!(q.unit, UnitKind::None | UnitKind::Other)
                || paired_person(&quantities, qi).is_some()
                || one_each(&n.chars, q)
            {
                continue;
            }
            let sentence = containing(&sents, q.num_start).unwrap_or((q.num_start, q.end));
            let own_clause = clause_of(&claus, q.num_start);
            // Where a person figure's 户 pair starts (9862户36418人): cues are reached from
            // there, and the words before the pair are the figure's.
            let pair_start =
                paired_household(&quantities, qi).map_or(q.num_start, |h| quantities[h].num_start);
            // 选派驻村工作队,共226支: a clause that only says "in all" continues the
            // previous one's subject, so cues may stand there (建档立卡贫困户,共4632户17305人:
            // before a pair, for its person figure too).
            let clause = totals_previous(
                &n.chars,
                &claus,
                &hits,
                own_clause,
                (pair_start.max(own_clause.0), q.end),
            );
            let ctx = Context::new(&n.chars, clause, sentence, &hits, &quantities, q, pair_start);
            let best = (0..compiled.defs.len())
                .filter_map(|i| compiled.score(i, q, &ctx).map(|m| (i, m)))
                .max_by(|a, b| a.1.score.total_cmp(&b.1.score))
                // A change continued from the previous clause measures what that clause's
                // figure of the same unit measured.
                .or_else(|| {
                    let prev = continued_from(&n.chars, &claus, q.num_start)?;
                    // Quantities are in text order: stop at the first that ends before `prev`.
                    (0..qi)
                        .rev()
                        .take_while(|&j| quantities[j].end > prev.0)
                        .find_map(|j| {
                            let o = &quantities[j];
                            let hit = o.unit == q.unit && o.end <= prev.1;
                            let (i, m) = hit.then(|| classified[j].clone()).flatten()?;
                            // Continued from the start of the change (由31.2%,下降到0.82%): the
                            // change's end is the indicator that start is `like` (its latest).
                            let from = &compiled.defs[i];
                            let latest = (from.role.as_deref() == Some("from"))
                                .then_some(from.like.as_ref())
                                .flatten()
                                .and_then(|like| compiled.defs.iter().position(|d| &d.id == like));
                            Some((latest.unwrap_or(i), m))
                        })
                        // 农村公路总里程达到2412公里: a clause whose own words exclude the
                        // indicator does not go on with it.
                        .filter(|(i, _)| !compiled.excludes(*i, q, &ctx))
                })
                // 分别由30.6%、25.9%、27.8%下降到2019年底的0.21%、0.17%和0.24%: the levels a
                // list of starts came down to measure what the starts' indicator's latest is.
                .or_else(|| {
                    // A start of this unit in the clause first (most figures have none), then
                    // the change's verb right before this figure or its list.
                    let (like, m, start_end) = (0..qi)
                        .rev()
                        .take_while(|&j| quantities[j].start >= clause.0)
                        .find_map(|j| {
                            let o = &quantities[j];
                            let (i, m) =
                                (o.unit == q.unit).then(|| classified[j].as_ref()).flatten()?;
                            let from = &compiled.defs[*i];
                            let like = (from.role.as_deref() == Some("from"))
                                .then_some(from.like.as_ref())??;
                            Some((like, m, o.end))
                        })?;
                    let run = crate::scope::list_run_before(
                        &n.chars,
                        q.num_start,
                        q.num_start - clause.0,
                    );
                    let head_end = q.num_start - run;
                    if start_end > head_end || !changed_to(&n.chars[clause.0..head_end]) {
                        return None;
                    }
                    compiled.defs.iter().position(|d| &d.id == like).map(|l| (l, m.clone()))
                });
            // 一万零一百元,不,一万零三百五十元: a figure that corrects another measures what
            // the one it corrects measured.
            let best = best.or_else(|| {
                corrections.iter().filter(|&&(_, y)| y == qi).find_map(|&((start, _), _)| {
                    let j = quantities.partition_point(|o| o.start < start);
                    classified.get(j).cloned().flatten()
                })
            });
            classified[qi] = best.clone();
            let Some((ind, m)) = best else { continue };

            let orig = n.to_original(q.start, q.end);
            // 累计转移就业4.1万人,今年新增就业2300人: a clause that names its own single period
            // is not covered by the sentence's 累计; only its own words count.
            let own_words = (own_clause.0, q.num_start);
            let own_period = cues.contains_any(Cue::SinglePeriod as usize, own_words);
            let last_batch = cues.contains_any(Cue::LastBatch as usize, own_words);
            let cumulative = !last_batch
                && if own_period {
                    markers.cumulative(own_clause, own_clause, q.num_start, q.end)
                } else {
                    markers.cumulative(sentence, clause, q.num_start, q.end)
                };
            // 今年以来…培训贫困劳动力8630人次: a running total of this year alone is the year's
            // figure, not the campaign's (unless a wider period is named after it).
            let cumulative = cumulative && !within_year(&n.chars, sentence.0, q.num_start);
            // A level (an income, a rate: role latest or from) is never a running total,
            // whatever 累计 the sentence says of the figures before it; its year decides.
            let cumulative = cumulative && compiled.defs[ind].role.is_none();
            let excluded = if corrected.covers(q.start, q.end) {
                Some(Said::new("corrected in the text to another figure", "文中已更正为另一个数字"))
            } else if hearsay(&n.chars, sentence) {
                Some(Said::new(
                    "a guess or hearsay (估计, 听说), not a stated figure",
                    "是估计或传闻,不是发布的数字",
                ))
            } else if repeats.covers(q.start, q.end) {
                Some(Said::new(
                    "repeats a paragraph whose figures are already counted",
                    "所在段落重复,数字已计入",
                ))
            } else if damaged.touches(orig.0.saturating_sub(1), orig.1 + 1) {
                Some(next_to_damage())
            } else if boilerplate.covers(orig.0, orig.1) {
                Some(Said::new(
                    "in the page's boilerplate, not the report",
                    "位于网页的栏目或版权信息中,不属于报告正文",
                ))
            } else if let Some(place) = markers.sub_scope(&n.chars, sentence, q.num_start) {
                Some(Said::new(
                    format!("a figure of {place}, not of the whole region"),
                    format!("是{place}的数字,不是全域的"),
                ))
            } else if let Some(heading) = (!markers.main_marker(sentence, q.num_start))
                .then(|| markers.own_work_section(q.num_start))
                .flatten()
            {
                // 6.3 本集团的帮扶举措: under a heading naming the reporting organisation, a
                // figure the sentence gives no region is the organisation's own work.
                Some(Said::new(
                    format!("the reporting organisation's own work ({heading}), not the region's"),
                    format!("是报告单位自身的工作({heading}),不是全域的数字"),
                ))
            } else if let Some((_, part)) =
                markers.part(&n.chars, sentence, clause, q.num_start).filter(|(at, word)| {
                    // 公益岗位吸纳贫困人口1420人: the indicator's own cue is what took them in,
                    // so the figure is the whole of that indicator (a part of employment).
                    let own_subject = !word.starts_with(['其', '(', '有', '无'])
                        && m.cues.iter().any(|cue| {
                            crate::words::ends_with(&n.chars[clause.0.min(*at)..*at], cue)
                        });
                    !own_subject
                        && (word != "其中"
                            || *at <= sentence.0
                            || has_whole(&quantities, qi, sentence.0, *at, |j| {
                                // A whole that counts another kind of thing (people employed,
                                // posts) holds no part of this indicator.
                                classified[j].as_ref().is_none_or(|(i, _)| {
                                    compiled.defs[*i].unit == compiled.defs[ind].unit
                                }) && !poor_part_of_all(&n.chars, sentence, *at, q, &quantities[j])
                            }))
                })
            {
                Some(Said::new(
                    format!("part of a larger total ({part})"),
                    format!("是总数的一部分({part})"),
                ))
            } else if let Some(part) = {
                // A 其中 within a few words after the figure, and the first figure of its unit
                // after that (bounded: a figure asks this of its neighbours only).
                let window = (q.end..sentence.1.min(q.end + 24))
                    .find(|&k| n.chars[k..].starts_with(&['其', '中']));
                window.and_then(|at| {
                    quantities[qi + 1..]
                        .iter()
                        .take_while(|o| o.start < sentence.1 && o.start <= at + 30)
                        .find(|o| o.unit == q.unit && o.start > at)
                        .filter(|o| poor_part_of_all(&n.chars, sentence, at, o, q))
                })
            } {
                let part: String = n.chars[part.start..part.end].iter().collect();
                Some(Said::new(
                    format!("counts everyone; the poor's own figure is its part {part}"),
                    format!("统计的是全体人员,贫困人口的数字是其中的{part}"),
                ))
            } else if let Some(word) = markers
                .target(&n.chars, sentence, clause, q.num_start)
                // 今年将确保剩余的1,200多名贫困人口全部脱贫: the remaining poor a plan is to lift
                // are the present count, stated as a fact.
                .filter(|_| !remaining_in_plan(compiled, ind, &n.chars, own_clause, pair_start))
            {
                Some(Said::new(
                    format!("a target or plan ({word}), not an achievement"),
                    format!("是目标或计划({word}),不是已完成的数字"),
                ))
            } else if let Some(word) =
                problem_found(cues, &n.chars, sentence, clause).map(str::to_string).or_else(|| {
                    // 全县累计完成农村危房改造19236户 under a rectification heading: a
                    // whole-region total is the region's figure, whatever section states it.
                    // Its ;-parts too (全县累计脱贫…;2019年第三方评估群众认可度为97.6%).
                    (!markers.main_marker(
                        (crate::segment::full_sentence_start(&n.chars, sentence.0), sentence.1),
                        q.num_start,
                    ))
                    .then(|| markers.problem_section(q.num_start))
                    .flatten()
                })
            {
                Some(Said::new(
                    format!("a problem an inspection found ({word}), not an achievement"),
                    format!("是检查发现的问题({word}),不是已完成的数字"),
                ))
            } else if let Some(word) = (compiled.defs[ind].unit == "yuan")
                .then(|| money_line(&n.chars, own_clause.0, q))
                .flatten()
            {
                Some(Said::new(
                    format!("a line or standard ({word}), not an amount reached"),
                    format!("是标准或界线({word}),不是实际达到的数额"),
                ))
            } else if task_figure(&n.chars, own_clause, pair_start, q.end) {
                Some(Said::new(
                    "a task set (任务), not what was done",
                    "是下达的任务数,不是已完成的数字",
                ))
            } else if let Some(part) = (compiled.defs[ind].unit == "yuan")
                .then(|| part_of_year(&n.chars, own_clause.0, q.num_start))
                .flatten()
            {
                Some(Said::new(
                    format!("income of part of a year ({part}), not a year's"),
                    format!("是部分时段({part})的收入,不是全年的"),
                ))
            } else if compiled.defs[ind].min.is_some_and(|min| q.value < min) {
                Some(too_small())
            } else {
                None
            };
            let mut time =
                time_scope(&n.chars, cues, sentence, q.num_start, cumulative, present_year);
            // 2020年 / 11月20日,…全部出列: a chronology's year heading dates the lines under it.
            if time.year.is_none() && time.text.is_none() {
                let k = year_heads.partition_point(|&(end, _)| end <= sentence.0);
                if let Some(&(_, year)) = k.checked_sub(1).map(|k| &year_heads[k]) {
                    time.year = Some(year);
                    time.text = Some(format!("{year}年"));
                }
            }
            // A rate only: of two incomes in a year, the larger is the wider population's
            // (农村居民 against 贫困户, whose income 提高到…), which the headline rules prefer.
            let level_reached = compiled.defs[ind].role.as_deref() == Some("latest")
                && compiled.defs[ind].unit == "percent"
                && changed_to(&n.chars[own_clause.0..q.num_start]);
            let cand = Cand {
                quantity: qi,
                indicator: ind,
                value: q.value,
                score: m.score,
                weight: m.weight,
                cues: m.cues,
                // 2014年以来累计…: a running total since a year is of the present, not of
                // its first year.
                rank_year: if time.text.as_deref().is_some_and(|t| t.ends_with("以来")) {
                    present_year.max(time.year)
                } else {
                    time.year
                },
                rank_month: month_of(&n.chars, q.num_start).unwrap_or(12),
                time,
                main_marker: markers.main_marker(sentence, q.num_start),
                level_reached,
                excluded,
                span: (q.start, q.end),
                sentence,
                orig_span: orig,
            };
            // 建档立卡贫困人口…人,截至2020年底已全部脱贫: the registered total is the lifted one;
            // and a figure read as lifted (…建档立卡贫困人口6925户14328人全部脱贫) is the
            // registered total when 建档立卡 names it in its clause, before the figure or after
            // it (全县27364户93518人建档立卡贫困人口全部脱贫).
            let registered_named = || {
                crate::words::contains(
                    &n.chars[own_clause.0..own_clause.1.max(q.num_start)],
                    "建档立卡",
                )
            };
            let lifted_too = ALL_LIFTED
                .iter()
                .find_map(|&(registered, lifted)| {
                    let id = compiled.defs[ind].id.as_str();
                    if id == registered {
                        Some(lifted)
                    } else if id == lifted && registered_named() {
                        Some(registered)
                    } else {
                        None
                    }
                })
                .filter(|_| all_lifted(&n.chars, &quantities, qi, sentence))
                .and_then(|twin| compiled.defs.iter().position(|d| d.id == twin));
            let mut also = None;
            if let Some(li) = lifted_too {
                let mut lc = cand.clone();
                lc.indicator = li;
                let registered = ALL_LIFTED.iter().any(|&(r, _)| compiled.defs[li].id == r);
                lc.cues.push(if registered { "建档立卡" } else { "全部脱贫" }.to_string());
                also = Some(lc);
            }
            for cand in std::iter::once(cand).chain(also) {
                // The 户 figure paired with a person figure (17541户63101人) goes to the twin.
                if let (Some(hi), Some(twin)) =
                    (paired_household(&quantities, qi), &compiled.defs[cand.indicator].households)
                {
                    if let Some(ti) = compiled.defs.iter().position(|d| &d.id == twin) {
                        let h = &quantities[hi];
                        let mut hc = cand.clone();
                        hc.quantity = hi;
                        hc.indicator = ti;
                        hc.value = h.value;
                        hc.span = (h.start, h.end);
                        hc.orig_span = n.to_original(h.start, h.end);
                        // 搬迁��7户3126人: the households may be damaged when the persons are not.
                        if hc.excluded.is_none()
                            && damaged.touches(hc.orig_span.0.saturating_sub(1), hc.orig_span.1 + 1)
                        {
                            hc.excluded = Some(next_to_damage());
                        }
                        if hc.excluded.is_none()
                            && compiled.defs[ti].min.is_some_and(|min| h.value < min)
                        {
                            hc.excluded = Some(too_small());
                        }
                        cands.push(hc);
                    }
                }
                cands.push(cand);
            }
        }
        remaining_since_lifted(compiled, &mut cands, &n.chars, &sents);
        date_reached_levels(&mut cands, present_year);
        title_dates_levels(compiled, &mut cands, &n.chars);
        date_plan_periods(&mut cands);
        starts_are_no_latest(compiled, &mut cands);
        earliest_as_start(compiled, &mut cands, &n.chars, &quantities);
        Document { n, quantities, cands, warnings, region }
    }

    fn into_report(self, source: &str, compiled: &Compiled) -> Report {
        let Document { n, quantities, cands, mut warnings, region } = self;
        let mut texts: Vec<String> = cands.iter().map(|c| n.slice(c.span.0, c.span.1)).collect();
        let labels: Vec<&str> = compiled.defs.iter().map(|d| d.label_zh.as_str()).collect();
        let (winners, mut reasons, conflicts) =
            choose(&cands, compiled.defs.len(), &texts, &labels);
        warnings.extend(conflicts);
        crate::sort::sort_by_key(&mut warnings, |w| (w.start, w.end));
        crate::warnings::cap_per_kind(&mut warnings);

        let mut order: Vec<usize> = (0..cands.len()).collect();
        crate::sort::sort_by_key(&mut order, |&i| (cands[i].span.0, cands[i].indicator));
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
                    // Each candidate is built once: its strings are moved, not copied.
                    text: std::mem::take(&mut texts[i]),
                    qualifier: q.qualifier.clone(),
                    start: c.orig_span.0,
                    end: c.orig_span.1,
                    sentence_start,
                    sentence_end,
                    time: c.time.clone(),
                    score: (c.score * 100.0).round() / 100.0,
                    status: if winners.contains(&Some(i)) { "headline" } else { "lost" }.into(),
                    reason: std::mem::take(&mut reasons[i].en),
                    reason_zh: std::mem::take(&mut reasons[i].zh),
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
        let indicators: Vec<Headline> = indicators;
        warnings.extend(crate::derived::check(&indicators));
        crate::sort::sort_by_key(&mut warnings, |w| (w.start, w.end));
        Report {
            source: source.to_string(),
            encoding: "UTF-8".into(),
            format: "text".into(),
            region,
            derived: crate::derived::derive(&indicators),
            indicators,
            candidates,
            warnings,
            text: None,
        }
    }
}

/// Words of an audit or inspection finding: the figure beside them counts what went wrong
/// (312户搬迁群众未按期入住, 清退…公益性岗位人员46人), not what was achieved.
pub(crate) const PROBLEM_WORDS: &[&str] = &[
    "未按期",
    "未及时",
    "未入住",
    "清退",
    "违规",
    "重复享受",
    "虚报",
    "冒领",
    "挤占",
    "挪用",
    "滞留",
    "不符合条件",
    "骗取",
    "套取",
];

/// The problem word of a finding in the figure's clause, or earlier in its sentence when the
/// clause only says what the finding involved (存在重复享受…情况,涉及学生38人次).
/// Words that date a clause's figure to one period of its own (今年新增就业2300人).
pub(crate) const SINGLE_PERIOD: &[&str] = &["今年", "当年", "本年", "年内", "新增"];

/// Words before a figure that make it the rest, the last batch (最后52个贫困村全部退出,
/// 剩余的4826户…全部脱贫): 全部 after it then says the batch is done, not that it is a total.
pub(crate) const LAST_BATCH: &[&str] = &["最后", "剩余", "剩下", "余下", "其余"];

/// Registered totals that a sentence saying all of them were lifted makes lifted totals too
/// (the spec's `…建档立卡贫困人口全部退出/脱贫`).
const ALL_LIFTED: &[(&str, &str)] = &[
    ("registered_poor_population", "poor_population_lifted"),
    ("registered_poor_households", "poor_households_lifted"),
];

/// Whether the rest of the sentence after quantity `qi` says, soon and with nothing else
/// counted in between, that all of it was lifted out of poverty (…70,631人,截至2020年底已全部
/// 脱贫). Not when villages or a county come between (…人,贫困村全部退出).
fn all_lifted(chars: &[char], quantities: &[Quantity], qi: usize, sentence: Span) -> bool {
    const PHRASES: &[&str] = &["全部脱贫", "全部退出", "全部实现脱贫", "全部稳定脱贫", "均已脱贫"];
    let q = &quantities[qi];
    // 贫困人口20618户84271人、贫困村156个,至2020年底贫困人口全部脱贫、贫困村全部出列: a
    // phrase that names the poor again speaks of them past a sibling item of the list.
    let restated = |window: &[char], at: usize| {
        ["贫困人口", "贫困户"].iter().any(|w| crate::words::ends_with(&window[..at], w))
    };
    let far = (q.end + 40).min(sentence.1);
    if q.end < far {
        let window = &chars[q.end..far];
        let again = (0..window.len()).find(|&i| {
            PHRASES.iter().any(|p| crate::words::starts_with(&window[i..], p))
                && restated(window, i)
        });
        if again.is_some() {
            return true;
        }
    }
    let end = (q.end + 20).min(sentence.1);
    if q.end >= end {
        return false;
    }
    let window = &chars[q.end..end];
    let Some(at) = (0..window.len())
        .find(|&i| PHRASES.iter().any(|p| crate::words::starts_with(&window[i..], p)))
    else {
        return false;
    };
    let between = &window[..at];
    let other_figure = quantities[qi + 1..]
        .iter()
        .take_while(|o| o.start < q.end + at)
        .any(|o| !matches!(o.unit, UnitKind::None | UnitKind::Other) || o.end > q.end + at);
    !other_figure && !between.iter().any(|c| matches!(c, '村' | '县' | '乡' | '镇' | '户' | '人'))
}

/// Whether a figure of a remaining indicator at `pos` (where it or its 户 pair starts) is
/// named 剩余 right before it (剩余的1,200多名, 剩余5985户18096人): the count a plan is about,
/// not a planned figure (剩余贫困人口脱贫1500人 is what the plan lifts).
fn remaining_in_plan(
    compiled: &Compiled,
    ind: usize,
    chars: &[char],
    clause: Span,
    pos: usize,
) -> bool {
    let head = &chars[clause.0.min(pos)..pos];
    compiled.defs[ind].id.starts_with("remaining_")
        && (crate::words::ends_with(head, "剩余") || crate::words::ends_with(head, "剩余的"))
}

/// A count of the poor still remaining at a year's end, when a later year's sentence says the
/// remaining poor were all lifted (到2019年底…减少到4,136户1.52万人;2020年,剩余贫困人口全部
/// 脱贫): it is no longer the latest, and no figure is. Not when that sentence is a plan
/// (2020年,剩余的1,016名贫困人口计划全部脱贫).
fn remaining_since_lifted(compiled: &Compiled, cands: &mut [Cand], chars: &[char], sents: &[Span]) {
    const LIFTED: &[&str] = &["全部脱贫", "全部清零", "全部销号", "全部实现脱贫", "如期清零"];
    const PLAN: &[&str] = &["计划", "确保", "力争", "将", "要", "目标", "预计"];
    let remaining: Vec<usize> = ["remaining_poor_population", "remaining_poor_households"]
        .iter()
        .filter_map(|id| compiled.defs.iter().position(|d| d.id == *id))
        .collect();
    let is_remaining = |c: &Cand| remaining.contains(&c.indicator) && c.excluded.is_none();
    if !cands.iter().any(is_remaining) {
        return;
    }
    // One pass over the sentences: each that lifts the remaining poor, with its latest year.
    let lifted: Vec<(usize, i32)> = sents
        .iter()
        .filter_map(|&(s, e)| {
            let text = &chars[s..e];
            let says = crate::words::contains(text, "剩余")
                && crate::words::contains_any(text, LIFTED)
                && !crate::words::contains_any(text, PLAN);
            let year = text
                .windows(5)
                .filter(|w| w[..4].iter().all(char::is_ascii_digit) && w[4] == '年')
                .filter_map(|w| w[..4].iter().collect::<String>().parse::<i32>().ok())
                .max();
            says.then_some((s, year?))
        })
        .collect();
    // The latest such year at or after each of them, so each count asks once.
    let mut latest_after = vec![i32::MIN; lifted.len() + 1];
    for k in (0..lifted.len()).rev() {
        latest_after[k] = latest_after[k + 1].max(lifted[k].1);
    }
    for c in cands.iter_mut().filter(|c| is_remaining(c)) {
        let Some(year) = c.time.year else { continue };
        let y = latest_after[lifted.partition_point(|&(s, _)| s < c.sentence.1)];
        if y > year {
            c.excluded = Some(Said::new(
                format!("the remaining poor were all lifted in {y}, later"),
                format!("剩余贫困人口已于{y}年全部脱贫"),
            ));
        }
    }
}

fn problem_found(
    cues: &crate::words::Cues,
    chars: &[char],
    sentence: Span,
    clause: Span,
) -> Option<&'static str> {
    let in_span = |span: Span| cues.first_of(Cue::Problem as usize, span).map(|k| PROBLEM_WORDS[k]);
    in_span(clause).or_else(|| {
        let head = &chars[clause.0..clause.1.min(clause.0 + 2)];
        (head == ['涉', '及']).then(|| in_span((sentence.0, clause.0))).flatten()
    })
}

/// Longest evidence sentence shown whole; longer ones are cut to the clauses around the figure.
const EVIDENCE_MAX: usize = 120;

/// The evidence shown for a figure: its sentence, or the clauses around it in a long one.
fn trimmed_sentence(n: &Normalized, sentence: Span, figure: Span) -> Span {
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

/// The evidence span of a figure, always containing the figure (a figure can run past the
/// end of an over-long sentence that [`crate::segment::sentences`] had to cut).
/// A bullet or an emoji that opens the sentence (🔹 贫困村出列102个, ● 2万多名…) is left out.
fn evidence_span(n: &Normalized, sentence: Span, figure: Span) -> Span {
    let (mut a, b) = trimmed_sentence(n, sentence, figure);
    let opens = |c: char| {
        crate::normalize::is_han(c)
            || c.is_alphanumeric()
            || matches!(c, '(' | '[' | '【' | '“' | '"' | '《' | '「')
    };
    while a < figure.0 && !opens(n.chars[a]) {
        a += 1;
    }
    (a.min(figure.0), b.max(figure.1))
}

/// Whether the figure starting at `pos` is the amount of a task, named right before it
/// (易地扶贫搬迁任务2316户9760人, 年度任务为5655人) in a clause that does not say it was done,
/// before or after it (完成搬迁任务2316户, 搬迁任务5216户18730人已全部入住 state the result).
fn task_figure(chars: &[char], clause: Span, pos: usize, end: usize) -> bool {
    // (A 户 figure paired with this one may stand in the clause before: 三千多户,一万多人.)
    let mut head = &chars[clause.0.min(pos)..pos];
    if let [rest @ .., '为' | '是'] = head {
        head = rest;
    }
    // …搬迁任务5216户18730人已全部搬迁入住: done, said after the figure.
    let tail = &chars[end.min(clause.1)..clause.1];
    let done = |t: &[char]| crate::words::contains_any(t, &["完成", "实现", "已"]);
    crate::words::ends_with(head, "任务") && !done(head) && !done(tail)
}

/// Words of a part of a year (今年上半年…人均可支配收入4268元).
const PART_OF_YEAR: &[&str] = &[
    "上半年",
    "第一季度",
    "一季度",
    "前三季度",
    "1-6月",
    "1—6月",
    "1至6月",
    "1-9月",
    "1—9月",
    "1至9月",
];

/// The part of a year named in `chars[from..pos]`, if any: an income of it is not a year's.
fn part_of_year(chars: &[char], from: usize, pos: usize) -> Option<&'static str> {
    let head = &chars[from..pos];
    crate::words::first_of(head, PART_OF_YEAR).map(|k| PART_OF_YEAR[k])
}

/// Words of a running total within the current year (今年以来, 年初以来).
const WITHIN_YEAR: &[&str] =
    &["今年以来", "年初以来", "本年以来", "今年累计", "当年累计", "年内累计"];

/// Whether the last period named in `chars[from..pos]` is one within the current year
/// (今年以来全县…培训8630人次), with no wider period (2014年以来, 累计) named after it; a 累计
/// right after it (今年以来累计) is still this year's.
fn within_year(chars: &[char], from: usize, pos: usize) -> bool {
    let span = &chars[from..pos];
    // Most sentences name no such period: one test for its chars first.
    if !span.iter().any(|&c| matches!(c, '今' | '初' | '本' | '当' | '内')) {
        return false;
    }
    // The end of the last such word (a word's first char tested before the word).
    let Some(end) = (0..span.len()).rev().find_map(|k| {
        WITHIN_YEAR
            .iter()
            .find(|w| w.starts_with(span[k]) && crate::words::starts_with(&span[k..], w))
            .map(|w| k + w.chars().count())
    }) else {
        return false;
    };
    let mut rest = &span[end..];
    if rest.starts_with(&['累', '计']) {
        rest = &rest[2..];
    }
    !(crate::words::contains(rest, "以来") || crate::words::contains(rest, "累计"))
}

/// If quantity `i` is a 户 figure directly followed by a person figure (17541户63101人, or
/// with a comma between, 三千多户,一万三千多人), that figure.
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
    "增加到",
    "提升到",
    "上升到",
    "增至",
    "达到",
    "可达",
    "增加至",
    "提高至",
    "提升至",
    "增长至",
    "上升至",
    "扩大到",
    "扩大至",
    "减少至",
    "下降为",
    // 2021年选派驻村工作队226支,2023年轮换后调整为231支.
    "调整为",
    "调整到",
    // 今年预计可突破12600元: a bound the level is to pass, the latest it reaches.
    "突破",
];

/// If the clause of a figure at `pos` only continues a change stated in the previous
/// clause (a short head with a verb of change), that previous clause.
fn continued_from(chars: &[char], claus: &[Span], pos: usize) -> Option<Span> {
    let clause = clause_of(claus, pos);
    // Only a clause head of at most 14 chars continues a change (checked first: looking at
    // the head of a huge unpunctuated clause for every figure in it was quadratic).
    if pos - clause.0 > 14 {
        return None;
    }
    let head = &chars[clause.0..pos];
    // 2015年底为14.9%,2016年底为9.7%: the next item of a series of dated figures.
    let series_item = head.first().is_some_and(char::is_ascii_digit) && carries_subject(head);
    let continues = changed_to(head) || series_item || restates_total(head);
    let k = claus.binary_search(&clause).ok()?;
    (continues && k > 0 && clause.0 > 0 && chars[clause.0 - 1] == ',').then(|| claus[k - 1])
}

/// Whether `head`, a clause before its figure, is only a period and a word of a running total
/// (三年累计完成, 五年来共, 过渡期以来累计完成, 累计): the clause gives the total of what the
/// previous clause counted for one period (全年新改建农村公路186公里,三年累计完成512公里).
fn restates_total(head: &[char]) -> bool {
    const WORDS: &[&str] = &[
        "累计",
        "共计",
        "合计",
        "总计",
        "共",
        "完成",
        "实现",
        "达到",
        "达",
        "期间",
        "以来",
        "过渡期",
    ];
    let mut total = false;
    let only =
        crate::words::made_of(head, "年来近一二两三四五六七八九十", WORDS, |w| {
            total |= matches!(w, "累计" | "共计" | "合计" | "总计" | "共");
        });
    only && total
}

/// What a level came down or up to, with no date of its own (贫困发生率降至0.88%), is its
/// current value: ranked at the report's present year, or the indicator's latest dated
/// year, not as older than the 2014 baseline dated elsewhere (2014年…贫困发生率12.63%); at
/// the same year a level reached outranks a level stated (see `headline::rank`). Not when
/// the indicator has a dated level reached (截至2019年底…下降至2.1%): that is the
/// better-placed statement of the latest.
fn date_reached_levels(cands: &mut [Cand], present_year: Option<i32>) {
    // Per indicator, in one pass (a report may hold thousands of candidates): whether it has
    // a dated rate reached, and its latest dated year.
    let n = cands.iter().map(|c| c.indicator + 1).max().unwrap_or(0);
    let mut dated_reached = vec![false; n];
    let mut latest_dated: Vec<Option<i32>> = vec![None; n];
    for c in cands.iter().filter(|c| c.excluded.is_none()) {
        dated_reached[c.indicator] |= c.level_reached && c.time.year.is_some();
        latest_dated[c.indicator] = latest_dated[c.indicator].max(c.time.year);
    }
    for c in cands.iter_mut() {
        if c.level_reached && c.time.year.is_none() && !dated_reached[c.indicator] {
            c.rank_year = present_year.max(latest_dated[c.indicator]);
        }
    }
}

/// A title that names the year it reports on (绥化市2020年脱贫攻坚主要指标监测公报) dates the
/// undated figures under it (人均可支配收入:11,386元; 脱贫劳动力务工就业6132人): they are that
/// year's, not older than a line that names the year before (2019年…:9,970元).
fn title_dates_levels(compiled: &Compiled, cands: &mut [Cand], chars: &[char]) {
    let Some(year) = title_year(chars) else { return };
    for c in cands.iter_mut() {
        // A start of a change (由…) is of an earlier time than the title's.
        let start = compiled.defs[c.indicator].role.as_deref() == Some("from");
        if !start && c.time.year.is_none() && c.rank_year.is_none_or(|y| y < year) {
            c.rank_year = Some(year);
        }
    }
}

/// A five-year plan's period dates its totals by its last year (“十二五”期间…1130公里 is of
/// 2015, “十三五”期间…2468公里 of 2020), so the later period's total ranks first.
fn date_plan_periods(cands: &mut [Cand]) {
    const PERIODS: [(&str, i32); 4] =
        [("十一五", 2010), ("十二五", 2015), ("十三五", 2020), ("十四五", 2025)];
    for c in cands.iter_mut().filter(|c| c.time.year.is_none()) {
        let Some(text) = c.time.text.as_deref() else { continue };
        if let Some(&(_, year)) = PERIODS.iter().find(|(p, _)| text.contains(p)) {
            c.rank_year = Some(year);
        }
    }
}

/// The year a report's title names as its own: the first line, short as titles are, with a
/// four-digit year and no word of a plan (2021年工作计划 reports on no year yet).
fn title_year(chars: &[char]) -> Option<i32> {
    let start = chars.iter().position(|c| !c.is_whitespace())?;
    let len = chars[start..].iter().position(|&c| c == '\n').unwrap_or(chars.len() - start);
    let line = &chars[start..start + len.min(61)];
    if len > 60
        || ["计划", "规划", "目标", "要点", "打算"].iter().any(|w| crate::words::contains(line, w))
    {
        return None;
    }
    // A date (广西日报 2021年1月12日) is when a page was printed, not the year it reports on.
    let at = (0..line.len().saturating_sub(4)).find(|&k| {
        line[k..k + 4].iter().all(char::is_ascii_digit)
            && line[k + 4] == '年'
            && !line.get(k + 5).is_some_and(char::is_ascii_digit)
            && !(k > 0 && line[k - 1].is_ascii_digit())
    })?;
    let year: i32 = line[at..at + 4].iter().collect::<String>().parse().ok()?;
    (1990..=2100).contains(&year).then_some(year)
}

/// Whether `head`, the words before a figure in its clause, end with a change's verb: the
/// figure is what something came down or up to (降至, 下降到二〇一九年底的, 达到了).
fn changed_to(head: &[char]) -> bool {
    let mut head = without_date(head);
    // 2020年达到了10860元: the verb's 了.
    if let [rest @ .., '了'] = head {
        head = rest;
    }
    head.last() == Some(&'→') || CONTINUING_CHANGE.iter().any(|w| crate::words::ends_with(head, w))
}

/// Lines that are only a year (2020年, 【2019年】, 2018年:), as a chronology (大事记) heads the
/// entries of each year: (where the line ends, the year), in text order.
fn year_headings(chars: &[char]) -> Vec<(usize, i32)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate().chain(std::iter::once((chars.len(), &'\n'))) {
        if c != '\n' {
            continue;
        }
        let line = &chars[start..i];
        start = i + 1;
        // Short lines only: the test below is cheap, and a heading is short.
        if line.len() > 16 || !line.contains(&'年') {
            continue;
        }
        let core: Vec<char> = line
            .iter()
            .copied()
            .filter(|c| !c.is_whitespace() && !"【】[]()◆●■▲#*:、".contains(*c))
            .collect();
        let core = core.strip_suffix(&['度']).unwrap_or(&core);
        let year = match core {
            [a, b, c, d, '年'] => [a, b, c, d].iter().try_fold(0, |y, ch| {
                let digit = ch
                    .to_digit(10)
                    .or_else(|| crate::numbers::chars::cn_digit(**ch).map(u32::from))?;
                Some(y * 10 + digit as i32)
            }),
            _ => None,
        };
        if let Some(year) = year.filter(|y| (1949..=2100).contains(y)) {
            out.push((i, year));
        }
    }
    out
}

/// Words that make a sentence a guess or hearsay (a commenter's 我估计不到0.1%, 听交通局朋友说的):
/// its figures are no one's statement.
const HEARSAY: &[&str] =
    &["我估计", "我猜", "听说", "据说", "网传", "传言", "小道消息", "没有官方出处"];

/// Whether the sentence says its figures are a guess or hearsay ([`HEARSAY`]).
fn hearsay(chars: &[char], sentence: Span) -> bool {
    let words = &chars[sentence.0..sentence.1];
    // (Most sentences hold none of their first chars.)
    let heard = || {
        // 我听交通局朋友说的: 听 a few words before 说的.
        (1..words.len()).any(|k| {
            words[k - 1..=k] == ['说', '的'] && words[k.saturating_sub(12)..k].contains(&'听')
        })
    };
    words.iter().any(|&c| matches!(c, '我' | '听' | '据' | '网' | '传' | '小' | '没'))
        && (HEARSAY.iter().any(|w| crate::words::contains(words, w)) || heard())
}

/// Words that correct what was said or written before them: a figure of the same kind after
/// one replaces the one before (原文…68130人…有误,应为…63180人; 一万零一百元,不,一万零三百五十元;
/// 不是两万八,是三万零八百多人).
const CORRECTIONS: &[&str] = &["应为", "应是", "更正为", "实为", "不对", "说错了", "口误", "不"];

/// Figures the text itself corrects (see [`CORRECTIONS`]): a figure in the words right before
/// the correcting word (the quote or clause it closes) with a figure of its unit but another
/// value right after it; and, in the sentence, the same wrong value stated before (原文“…由
/// 2014年的20.8%降至0”中,“20.8%”应为“22.8%”). The span of each, with the index of the
/// quantity that corrects it.
fn corrected_figures(
    chars: &[char],
    quantities: &[Quantity],
    sents: &[Span],
) -> Vec<(Span, usize)> {
    let mut out = Vec::new();
    let figure = |o: &&Quantity| !matches!(o.unit, UnitKind::None | UnitKind::Other);
    for &(s0, s1) in sents {
        let sentence = &chars[s0..s1];
        for (k, _) in sentence
            .iter()
            .enumerate()
            .filter(|(_, &c)| matches!(c, '应' | '更' | '实' | '不' | '说' | '口'))
        {
            let at = s0 + k;
            let Some(w) = CORRECTIONS.iter().find(|w| crate::words::starts_with(&chars[at..s1], w))
            else {
                continue;
            };
            // A bare 不 corrects only between commas (…元,不,…元); 不是 opens a correction of the
            // figure after it (不是两万八,是三万零八百多人).
            let end = at + w.chars().count();
            let (wrong, right) = if *w == "不" {
                if chars.get(at + 1) == Some(&'是') {
                    let comma = (at..s1).find(|&j| chars[j] == ',').unwrap_or(s1);
                    if !matches!(chars.get(comma + 1), Some('是' | '而')) {
                        continue;
                    }
                    ((at + 2, comma), (comma + 1, (comma + 16).min(s1)))
                } else if at > s0 && chars[at - 1] == ',' && chars.get(at + 1) == Some(&',') {
                    let from = chars[s0..at - 1]
                        .iter()
                        .rposition(|&c| c == ',')
                        .map_or(s0, |j| s0 + j + 1);
                    ((from, at), (at + 2, (at + 18).min(s1)))
                } else {
                    continue;
                }
            } else {
                // The words it corrects: back over 有误/中 and punctuation to the quote or clause.
                let mut b = at;
                while b > s0 && matches!(chars[b - 1], ',' | '”' | '"' | '…' | ' ') {
                    b -= 1;
                }
                for tail in ["有误", "中"] {
                    if crate::words::ends_with(&chars[s0..b], tail) {
                        b -= tail.chars().count();
                    }
                }
                while b > s0 && matches!(chars[b - 1], ',' | '”' | '"' | '…' | ' ') {
                    b -= 1;
                }
                let from = if chars.get(b) == Some(&'”') || chars[b..at].contains(&'”') {
                    chars[s0..b].iter().rposition(|&c| c == '“').map_or(s0, |j| s0 + j)
                } else {
                    chars[s0..b]
                        .iter()
                        .rposition(|&c| matches!(c, ',' | ':'))
                        .map_or(s0, |j| s0 + j + 1)
                };
                let stop = chars[end..s1]
                    .iter()
                    .position(|&c| matches!(c, '”' | ';'))
                    .map_or(s1, |j| end + j);
                ((from, b), (end, stop.min(end + 60)))
            };
            let inside = |(a, b): Span| {
                starting_in(quantities, |o| o.start, a, b)
                    .iter()
                    .filter(figure)
                    .filter(move |o| o.end <= b)
            };
            let rights: Vec<&Quantity> = inside(right).collect();
            for x in inside(wrong) {
                let replaced = rights
                    .iter()
                    .find(|y| y.unit == x.unit && !crate::headline::same_value(x.value, y.value));
                if let Some(y) = replaced {
                    let y = quantities.partition_point(|o| o.start < y.start);
                    out.push(((x.start, x.end), y));
                    // The same wrong value stated earlier in the sentence.
                    for o in starting_in(quantities, |o| o.start, s0, wrong.0).iter().filter(figure)
                    {
                        if o.unit == x.unit && crate::headline::same_value(o.value, x.value) {
                            out.push(((o.start, o.end), y));
                        }
                    }
                }
            }
        }
    }
    out
}

/// How far back (chars) a figure's month is looked for in its paragraph.
const MONTH_REACH: usize = 600;

/// The month a figure's paragraph dates it to before it (截至10月底,全县…。…输转4.23万人), or
/// failing that the heading line right above the paragraph (【10月底:三季度冲刺】).
fn month_of(chars: &[char], pos: usize) -> Option<u8> {
    // At most a long paragraph's worth back (a text of one endless paragraph was quadratic).
    let from = pos.saturating_sub(MONTH_REACH);
    let para = chars[from..pos].iter().rposition(|&c| c == '\n').map_or(from, |k| from + k + 1);
    month_named(&chars[para..pos]).or_else(|| {
        let above = para.checked_sub(1)?;
        let back = above.saturating_sub(31);
        let line =
            chars[back..above].iter().rposition(|&c| c == '\n').map_or(back, |k| back + k + 1);
        (above - line <= 30).then(|| month_named(&chars[line..above])).flatten()
    })
}

/// The month a sentence's words before a figure date it to (截至10月底, 1-10月, 11月末), the
/// last one named after the last year (a month before it, 2020年3月…截至2019年底, is the
/// report's date, not the figure's). `None` when none is.
fn month_named(head: &[char]) -> Option<u8> {
    // After the last year (2019年12月底: that year's month), unless it starts a period (2014年
    // 以来累计 dates no figure).
    let from = (0..head.len().saturating_sub(4))
        .rev()
        .find(|&k| {
            crate::scope::year_at(head, k).is_some()
                && !matches!(head.get(k + 5), Some('以' | '来' | '起'))
        })
        .map_or(0, |k| k + 5);
    let mut found = None;
    for k in from..head.len() {
        if head[k] != '月' {
            continue;
        }
        let digits = head[..k].iter().rev().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=2).contains(&digits) {
            continue;
        }
        let month =
            head[k - digits..k].iter().fold(0u32, |m, c| m * 10 + c.to_digit(10).unwrap_or(0));
        // As of a month's end (截至10月, 10月底), or the year to a month (1-10月, 1至10月);
        // not a month an event took (3月至4月…评估, 3月和9月…听取, 10月17日召开).
        let dated = matches!(head.get(k + 1), Some('底' | '末')) || {
            let before = &head[..k - digits];
            let year_to_date = match before {
                [.., b, '1', '-' | '—' | '~' | '至'] => !b.is_ascii_digit(),
                ['1', '-' | '—' | '~' | '至'] => true,
                _ => false,
            };
            crate::words::ends_with(before, "截至")
                || crate::words::ends_with(before, "截止")
                || crate::words::ends_with(before, "截止到")
                || year_to_date
        };
        if (1..=12).contains(&month) && dated {
            found = Some(month as u8);
        }
    }
    found
}

/// `head` without a date that ends it (下降到二〇一九年底的 → 下降到; 增至2020年的 → 增至).
fn without_date(head: &[char]) -> &[char] {
    let mut end = head.len();
    if end > 0 && head[end - 1] == '的' {
        end -= 1;
    }
    while end > 0 && matches!(head[end - 1], '底' | '末' | '初') {
        end -= 1;
    }
    // 增长到今年的: a year named by its relation to now.
    if end >= 2 && matches!(head[end - 2..end], ['今' | '去' | '当' | '本' | '上', '年']) {
        return &head[..end - 2];
    }
    if end >= 5 && head[end - 1] == '年' {
        let year = &head[end - 5..end - 1];
        if year.iter().all(|c| c.is_ascii_digit() || "〇零一二三四五六七八九".contains(*c))
        {
            return &head[..end - 5];
        }
    }
    head
}

/// Words that, alone before a figure in its clause, make it the total of what the previous
/// clause introduced (…工作队,共226支).
const TOTAL_HEADS: &[&str] = &["共", "共计", "合计", "总计", "累计", "共有", "达", "计"];

/// Whether a clause's words before its figure only say "in all": a word of [`TOTAL_HEADS`],
/// spoken forms too (一共是, 总共有, 合计为).
fn is_total_head(head: &[char]) -> bool {
    let head = match head {
        [rest @ .., '是' | '为' | '有'] if !rest.is_empty() => rest,
        _ => head,
    };
    let head = match head {
        ['一' | '总', rest @ ..] if rest.first() == Some(&'共') => rest,
        _ => head,
    };
    TOTAL_HEADS.iter().any(|w| head.iter().copied().eq(w.chars()))
}

/// Words a clause may hold before its figure and still say nothing of what it counts.
const TIME_AND_VERB: &[&str] = &[
    "全年",
    "今年",
    "当年",
    "预计",
    "达到",
    "突破",
    "增至",
    "提高到",
    "增加到",
    "达",
    "为",
    "约",
    "已",
];

/// Whether `head`, a clause before its figure, is only time and a verb (全年预计达到,
/// 2020年底达到), so the clause goes on with the previous one's subject.
fn carries_subject(head: &[char]) -> bool {
    let mut verb = false;
    let only = crate::words::made_of(head, "年月底", TIME_AND_VERB, |w| {
        verb |= !matches!(w, "全年" | "今年" | "当年" | "预计" | "约" | "已");
    });
    only && verb
}

fn totals_previous(
    chars: &[char],
    claus: &[Span],
    hits: &[crate::rules::Hit],
    clause: Span,
    figure: Span,
) -> Span {
    let pos = figure.0;
    let head = &chars[clause.0..pos];
    // Clauses are sorted and disjoint: a binary search, and no String per figure.
    let k = claus.binary_search(&clause).ok();
    let is_total_head = || is_total_head(head);
    // …收入突破万元大关,全年预计达到10932元: a head of only time and verb goes on likewise.
    let carries = || carries_subject(&chars[clause.0..pos.max(clause.0)]);
    // 搬了三千多户,一万三千多人: a person figure opening its clause after a 户 figure is its
    // pair, said of what the household's clause said.
    let pairs_households = || {
        head.is_empty()
            && clause.0 >= 3
            && chars[clause.0 - 2] == '户'
            && chars.get(clause.0 - 3).is_some_and(|&c| {
                c.is_ascii_digit()
                    || matches!(c, '多' | '余')
                    || crate::numbers::chars::cn(c).is_some()
            })
    };
    // 建档立卡的贫困户,两万多户: a clause of the figure alone (a spoken particle after it at
    // most) states what the clause before it names.
    let alone = || head.is_empty() && clause.1.saturating_sub(figure.1) <= 1;
    // 从贫困发生率看,岚皋、旬阳、平利三地分别由…: a clause that only names the topic (从…看,
    // 就…而言) says what the next clause's figures are.
    let topic = |k: usize| {
        let prev = &chars[claus[k - 1].0..claus[k - 1].1];
        prev.len() <= 12
            && matches!(prev.first(), Some('从' | '就'))
            && ["看", "而言", "来说"].iter().any(|w| crate::words::ends_with(prev, w))
    };
    // 贫困发生率,从…12.6%…; 公益性岗位,全县开发了2100个: a clause of only a short noun
    // phrase, closed by a word of the catalog (a spoken particle after it at most), names the
    // topic the next clause's figure measures, as a label does.
    let topic_noun = |k: usize| {
        let prev = claus[k - 1];
        let words = &chars[prev.0..prev.1];
        let noun = match words {
            [.., _, '啊' | '呢' | '吧' | '呀'] => &words[..words.len() - 1],
            _ => words,
        };
        // A noun, not a predicate (全县剩余贫困人口全部脱贫,累计减贫…): what it ends with.
        let noun_end = matches!(
            noun.last(),
            Some('率' | '位' | '入' | '口' | '户' | '村' | '路' | '众' | '队' | '数' | '程')
        );
        let end = prev.0 + noun.len();
        words.len() <= 12
            && noun_end
            && !words.iter().any(char::is_ascii_digit)
            && crate::rules::hits_in(hits, prev).iter().any(|h| h.end == end)
    };
    // 人均可支配收入由2015年的3100元,增长到2020年的10320元: the end of a change goes on from
    // the clause that gave its start.
    let change_end = |k: usize| {
        let prev = &chars[claus[k - 1].0..claus[k - 1].1];
        head.len() <= 14 && prev.iter().any(|&c| c == '由' || c == '从') && changed_to(head)
    };
    // 农村公路:新改建1036.5公里: a short label before a colon names what the value after it
    // measures, verb and all.
    let label = |k: usize| {
        let prev = claus[k - 1];
        chars[clause.0 - 1] == ':' && prev.1 <= clause.0 && clause.0 - prev.0 <= 10
    };
    match k {
        Some(k)
            if k > 0
                && ((chars[clause.0 - 1] == ','
                    && (is_total_head()
                        || carries()
                        || pairs_households()
                        || alone()
                        || topic(k)
                        || topic_noun(k)
                        || change_end(k)))
                    || label(k)) =>
        {
            // 建档立卡贫困户,一共是四千六百三十二户,一万七千三百零五人: the 户 figure's clause may
            // go on from the one before it in turn.
            if pairs_households() {
                let prev = claus[k - 1];
                let number = |c: &&char| {
                    c.is_ascii_digit()
                        || matches!(c, '.' | '多' | '余')
                        || crate::numbers::chars::cn(**c).is_some()
                };
                let digits = chars[prev.0..clause.0 - 2].iter().rev().take_while(number).count();
                let households = (clause.0 - 2 - digits, clause.0 - 1);
                return (totals_previous(chars, claus, hits, prev, households).0, clause.1);
            }
            (claus[k - 1].0, clause.1)
        }
        _ => clause,
    }
}

/// The latest year the document names as a date of what happened (not a target year such as
/// 力争到2025年): what 今年 and 目前 refer to.
fn present_year(chars: &[char], markers: &Markers) -> Option<i32> {
    let mut best = None;
    for i in 0..chars.len().saturating_sub(4) {
        if chars[i..i + 4].iter().all(char::is_ascii_digit)
            && chars[i + 4] == '年'
            && (i == 0 || !chars[i - 1].is_ascii_digit())
        {
            let y: i32 = chars[i..i + 4].iter().collect::<String>().parse().unwrap_or(0);
            let before = (i.saturating_sub(8), i);
            let targeted = markers.target(chars, before, before, i).is_some();
            if (1990..=2100).contains(&y) && !targeted {
                best = best.max(Some(y));
            }
        }
    }
    best
}

/// A value the report names as the start of a change (贫困发生率由11.2%降至…) is not the
/// latest level, wherever else it is stated (2014年…贫困发生率为11.2%): when the change's end
/// is unreadable (降至0.0��%), the report states no readable latest level.
fn starts_are_no_latest(compiled: &Compiled, cands: &mut [Cand]) {
    for (b, def) in compiled.defs.iter().enumerate() {
        if def.role.as_deref() != Some("from") {
            continue;
        }
        let Some(a) =
            def.like.as_ref().and_then(|id| compiled.defs.iter().position(|d| &d.id == id))
        else {
            continue;
        };
        // Starts followed in their sentence by an end of the change, read or not.
        let starts: Vec<f64> = cands
            .iter()
            .filter(|c| c.indicator == b && c.excluded.is_none())
            .filter(|c| {
                cands
                    .iter()
                    .any(|e| e.indicator == a && e.sentence == c.sentence && e.span.0 > c.span.1)
            })
            .map(|c| c.value)
            .collect();
        for c in cands.iter_mut() {
            if c.indicator == a
                && c.excluded.is_none()
                && starts.iter().any(|&v| crate::headline::same_value(v, c.value))
            {
                c.excluded = Some(Said::new(
                    "the start of a change the report states (由…降至…), not the latest level",
                    "报告所述变化(由…降至…)的起点,不是最新水平",
                ));
            }
        }
    }
}

/// Where a report states a start value in a sentence of its own (2014年…贫困发生率高达
/// 17.67%; …截至2019年底…降至0.15%) rather than as 从A降至B, the earliest dated figure of the
/// indicator, higher than its latest, is the start (catalog field `earliest_of`).
fn earliest_as_start(
    compiled: &Compiled,
    cands: &mut Vec<Cand>,
    chars: &[char],
    quantities: &[Quantity],
) {
    for (b, def) in compiled.defs.iter().enumerate() {
        let Some(a) =
            def.earliest_of.as_ref().and_then(|id| compiled.defs.iter().position(|d| &d.id == id))
        else {
            continue;
        };
        if cands.iter().any(|c| c.indicator == b && c.excluded.is_none()) {
            continue;
        }
        let Some(w) = crate::headline::best(cands, a) else { continue };
        let latest = cands[w].time.year;
        // An undated rate reached (降到了零) is the current one: an undated higher figure
        // stated before it (那时候…是百分之二十一点六) is where it fell from.
        let reached = cands[w].level_reached;
        let earliest = cands
            .iter()
            .filter(|c| c.indicator == a && c.excluded.is_none() && c.value > cands[w].value)
            // Dated earlier, or undated but stated before a dated latest figure (那时…高达31.5%).
            .filter(|c| match (c.time.year, latest) {
                (Some(y), Some(l)) => y < l,
                (Some(_), None) => true,
                (None, Some(_)) => c.span.0 < cands[w].span.0,
                (None, None) => reached && c.span.0 < cands[w].span.0,
            })
            .min_by_key(|c| (c.time.year.is_none(), c.time.year, c.span.0));
        if let Some(e) = earliest {
            let mut start = e.clone();
            start.indicator = b;
            start.cues.push("earliest dated figure".into());
            cands.push(start);
        } else if fell_by_points_after(chars, quantities, &cands[w]) {
            // 2014年…贫困发生率高达31.6%; …贫困发生率下降了31.6个百分点: the one level stated
            // is where the fall started, not the latest incidence.
            let mut start = cands[w].clone();
            start.indicator = b;
            start.cues.push("start of a fall stated in points".into());
            cands[w].excluded = Some(Said::new(
                "the start of a fall the report states later in percentage points",
                "报告随后说明下降了若干个百分点,此为起点",
            ));
            cands.push(start);
        }
    }
}

/// Whether a figure that 其中 (inside its sentence) makes a part has a whole before it in the
/// sentence, between `from` and the part marker at `at`: a figure of a kind it can be part of
/// (persons or households for persons and households; the same unit otherwise).
/// 农村劳动力转移就业26.8万人次,其中贫困劳动力转移就业9.4万人: person-times hold no persons,
/// so the persons are a total of their own.
///
/// `holds(j)` says whether quantity `j` measures the same kind of thing: 帮助11500名贫困劳动力
/// 实现就业,其中公益性岗位安置2040人 — the people employed hold no count of posts, so the
/// posts' figure is a total of its own.
/// Whether the part `part` after 其中 (at `at`) is the poor's labour and the whole `whole`
/// before it counts all workers (外出务工人员常年保持在3万4千人左右,其中贫困劳动力0.9万余人
/// 实现转移就业): the part is the poor's own figure, not a part of theirs. (A relocation or
/// housing total with 其中建档立卡… is the poor's too, and keeps its parts.)
fn poor_part_of_all(
    chars: &[char],
    sentence: Span,
    at: usize,
    part: &Quantity,
    whole: &Quantity,
) -> bool {
    const POOR: [&str; 4] = ["贫困", "脱贫", "建档立卡", "扶贫"];
    const POOR_LABOUR: [&str; 3] = ["贫困劳动力", "脱贫劳动力", "建档立卡劳动力"];
    const WORK: [&str; 3] = ["务工", "就业", "劳动力"];
    let any = |span: &[char], list: &[&str]| list.iter().any(|w| crate::words::contains(span, w));
    let whole_from = sentence.0.max(whole.start.saturating_sub(20));
    let whole_words = &chars[whole_from..whole.end];
    at < part.num_start
        && whole.end <= at
        && any(&chars[at..part.num_start], &POOR_LABOUR)
        && any(whole_words, &WORK)
        && !any(whole_words, &POOR)
}

fn has_whole(
    quantities: &[Quantity],
    qi: usize,
    from: usize,
    at: usize,
    holds: impl Fn(usize) -> bool,
) -> bool {
    let people = |u: UnitKind| matches!(u, UnitKind::Person | UnitKind::Household);
    let unit = quantities[qi].unit;
    // Quantities are in text order: those before the marker, back to `from`.
    let before = (0..qi).rev().skip_while(|&j| quantities[j].start >= at);
    before.take_while(|&j| quantities[j].start >= from).any(|j| {
        let o = &quantities[j];
        (o.unit == unit || (people(unit) && people(o.unit))) && holds(j)
    })
}

/// Whether `q` is the first half of a 一X一Y phrase (一户一策, 一人一岗, 一村一品): a
/// policy's name, no count.
fn one_each(chars: &[char], q: &Quantity) -> bool {
    q.chinese_numeral
        && q.value == 1.0
        && chars.get(q.num_start) == Some(&'一')
        && q.end == q.num_start + 2
        && chars.get(q.end) == Some(&'一')
}

/// Whether a dated percentage `c` is followed, later in the report, by a fall of the same
/// rate stated only as its size (贫困发生率下降了31.6个百分点): no level after it.
fn fell_by_points_after(chars: &[char], quantities: &[Quantity], c: &Cand) -> bool {
    if c.time.year.is_none() || c.level_reached {
        return false;
    }
    quantities.iter().any(|q| {
        q.unit == UnitKind::Percent
            // In a later sentence (下降到0.5%,比2014年下降了20个百分点 is the level's own
            // comparison), and no larger than the level it fell from.
            && q.start >= c.sentence.1
            && q.value <= c.value + 0.05
            && crate::words::ends_with(&chars[q.start..q.end], "个百分点")
            && ["下降了", "下降", "降低了", "降低", "减少了"]
                .iter()
                .any(|w| crate::words::ends_with(&chars[q.num_start.saturating_sub(3)..q.num_start], w))
            && {
                // The rate named in the same clause, just before its fall.
                let head = &chars[q.num_start.saturating_sub(16)..q.num_start];
                let from = head
                    .iter()
                    .rposition(|&ch| matches!(ch, '。' | ';' | ',' | '!' | '?'))
                    .map_or(0, |k| k + 1);
                head[from..].windows(3).any(|w| w == ['发', '生', '率'])
            }
    })
}

/// Words before a money figure in its clause that make it a line to pass or a standard
/// (国家扶贫标准为2010年不变价农民人均纯收入2300元; 按照扶贫标准(…)): a threshold, worded
/// like an income or an amount.
const LINE_BEFORE: &[&str] =
    &["标准为", "标准是", "标准线", "标准(", "标准:", "贫困线", "扶贫线", "不变价", "不低于"];
/// Words right after a money figure (past a 的) that name it a line: 高于当年3600元的标准.
const LINE_AFTER: &[&str] = &["标准", "扶贫标准", "脱贫标准", "贫困线", "国家扶贫标准"];

/// The word that makes money figure `q` a line or standard rather than an amount reached:
/// one of [`LINE_BEFORE`] between its clause's start and it, or [`LINE_AFTER`] right after it.
fn money_line(chars: &[char], clause_start: usize, q: &Quantity) -> Option<&'static str> {
    let before = &chars[clause_start.min(q.num_start)..q.num_start];
    if let Some(k) = crate::words::first_of(before, LINE_BEFORE) {
        return Some(LINE_BEFORE[k]);
    }
    let after = &chars[q.end.min(chars.len())..];
    let after = after.strip_prefix(&['的']).unwrap_or(after);
    LINE_AFTER.iter().find(|w| crate::words::starts_with(after, w)).copied()
}

fn next_to_damage() -> Said {
    Said::new("next to mis-decoded text: the figure may have lost digits", "紧邻乱码,数字可能缺位")
}

fn too_small() -> Said {
    Said::new("too small to be a region's headline", "数字太小,不像全域的主要指标")
}
