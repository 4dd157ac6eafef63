//! The catalog compiled for matching: every cue, exclusion and block word of every
//! indicator goes into one word list (`words::AllWords`), searched once over the document;
//! scoring a figure against an indicator then only looks at the hits inside its clause.

use crate::catalog::{Catalog, IndicatorDef};
use crate::quantity::{Quantity, UnitKind};
use crate::segment::{starting_in, Span};
use crate::words;

/// A word of the catalog found in the text (char offsets, half-open).
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub word: u32,
}

#[derive(Debug, Clone, Default)]
struct CompiledRule {
    before: Vec<u32>,
    after: Vec<u32>,
    near: Vec<u32>,
    sentence: Vec<u32>,
    units: Vec<UnitKind>,
    weight: f64,
    reach: usize,
}

#[derive(Debug, Clone)]
struct CompiledIndicator {
    units: Vec<UnitKind>,
    rules: Vec<CompiledRule>,
    exclude: Vec<u32>,
    block: Vec<u32>,
    /// Some(true) for "from" (starting values of a change), Some(false) for "latest".
    role_from: Option<bool>,
}

/// The catalog, ready to match.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub defs: Vec<IndicatorDef>,
    /// The catalog's words, then [`SET_PHRASES`] (ids from `masks_from` on).
    words: Vec<String>,
    masks_from: u32,
    /// Where [`crate::scope::word_lists`]' words start among `words`: found in the same pass.
    lists_from: u32,
    finder: words::AllWords,
    inds: Vec<CompiledIndicator>,
    /// The longest word, in chars: how far before a figure a cue can start.
    max_word: usize,
}

/// Where a figure stands: what the scorer may look at.
pub struct Context<'a> {
    pub chars: &'a [char],
    pub clause: Span,
    pub sentence: Span,
    /// All catalog hits of the document, sorted by start.
    pub hits: &'a [Hit],
    /// All quantities of the document, sorted by start.
    pub quantities: &'a [Quantity],
    /// The colon of the label the figure is the value of ([`label_colon`]).
    pub label_colon: Option<usize>,
    /// The clause after the figure that may say what became of it ([`said_of_clause`]).
    pub said_of: Option<Span>,
    /// Chars of bracketed notes, of a list of years before 分别 and of the figures of a 分别
    /// list before this one, in the clause before the figure ([`asides_before`],
    /// [`year_list_before`], [`crate::scope::list_run_before`]): how much further its cue may be.
    pub aside: usize,
    /// The figure is a difference from another the clause compares with
    /// ([`compared_difference`]).
    pub difference: bool,
    /// Where cues before the figure are measured to: the start of the 户 figure a person
    /// figure is paired with (9862户36418人: the 9862), else the figure's own.
    pub reached_at: usize,
}

impl<'a> Context<'a> {
    /// The context of quantity `q` in `clause` and `sentence`.
    pub fn new(
        chars: &'a [char],
        clause: Span,
        sentence: Span,
        hits: &'a [Hit],
        quantities: &'a [Quantity],
        q: &Quantity,
        reached_at: usize,
    ) -> Context<'a> {
        let label_colon = label_colon(chars, clause, q);
        let said_of = said_of_clause(chars, clause, sentence, q, quantities);
        let head = q.num_start.saturating_sub(clause.0.min(q.num_start)).min(80);
        let respective = has_fenbie(&chars[clause.0.min(q.num_start)..q.num_start]);
        let listed =
            if respective { crate::scope::list_run_before(chars, q.num_start, head) } else { 0 };
        let aside = asides_before(chars, q.num_start, head)
            + year_list_before(chars, q.num_start, head)
            + listed;
        let difference = compared_difference(chars, q, clause);
        Context {
            chars,
            clause,
            sentence,
            hits,
            quantities,
            label_colon,
            said_of,
            aside,
            difference,
            reached_at,
        }
    }
}

/// Why a figure matches an indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub score: f64,
    /// The weight of the rule that matched: how sure its kind of wording is.
    pub weight: f64,
    /// The cue words that matched, for the "why this number" view.
    pub cues: Vec<String>,
}

/// The catalog's distinct words, each with an id (its index in `list`).
#[derive(Default)]
struct Interner {
    list: Vec<String>,
    ids: crate::region::FastMap<String, u32>,
}

impl Interner {
    /// The ids of `words`, new words added in order (a linear search per word made building
    /// the engine quadratic in the catalog: a sixth of its cold start in WebAssembly).
    fn ids(&mut self, words: &[String]) -> Vec<u32> {
        words
            .iter()
            .filter(|w| !w.is_empty())
            .map(|w| {
                let next = self.list.len() as u32;
                let id = *self.ids.entry(w.clone()).or_insert(next);
                if id == next {
                    self.list.push(w.clone());
                }
                id
            })
            .collect()
    }
}

impl Compiled {
    pub fn new(catalog: &Catalog) -> Compiled {
        let mut words = Interner::default();
        let mut inds = Vec::new();
        for d in &catalog.indicators {
            let rules = d
                .rules
                .iter()
                .map(|r| CompiledRule {
                    before: words.ids(&r.before),
                    after: words.ids(&r.after),
                    near: words.ids(&r.near),
                    sentence: words.ids(&r.sentence),
                    units: r.units.iter().filter_map(|u| UnitKind::from_name(u)).collect(),
                    weight: r.weight,
                    reach: r.reach,
                })
                .collect();
            inds.push(CompiledIndicator {
                units: d.accepted_units().iter().filter_map(|u| UnitKind::from_name(u)).collect(),
                rules,
                exclude: words.ids(&d.exclude),
                block: words.ids(&d.block),
                role_from: d.role.as_deref().map(|r| r == "from"),
            });
        }
        let mut words = words.list;
        let masks_from = words.len() as u32;
        words.extend(SET_PHRASES.iter().map(|p| p.to_string()));
        let max_word = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        let lists_from = words.len() as u32;
        words.extend(crate::scope::word_lists().words().iter().map(|w| w.to_string()));
        let finder = words::AllWords::new(&words);
        let defs = catalog.indicators.clone();
        Compiled { defs, words, finder, inds, masks_from, lists_from, max_word }
    }

    /// All catalog words in the (normalised) text, overlapping, sorted by start, then end;
    /// none inside a set phrase.
    pub fn hits(&self, chars: &[char]) -> Vec<Hit> {
        self.find(chars).0
    }

    /// [`Compiled::hits`], and every occurrence of [`crate::scope::word_lists`]' words
    /// (ids into its list), found in the same pass: what `scope::Markers::find` reads.
    pub fn find(&self, chars: &[char]) -> (Vec<Hit>, Vec<(usize, usize, u32)>) {
        let mut found = self.finder.find(chars);
        let listed = found
            .iter()
            .filter(|h| h.2 >= self.lists_from)
            .map(|&(s, e, id)| (s, e, id - self.lists_from))
            .collect();
        found.retain(|h| h.2 < self.lists_from);
        let masks: Vec<(usize, usize)> =
            found.iter().filter(|h| h.2 >= self.masks_from).map(|h| (h.0, h.1)).collect();
        let hits = found
            .into_iter()
            .filter(|h| h.2 < self.masks_from)
            .filter(|h| !masks.iter().any(|m| m.0 <= h.0 && h.1 <= m.1))
            .map(|(start, end, word)| Hit { start, end, word })
            .collect();
        (hits, listed)
    }

    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    /// Whether indicator `i` accepts figures of this unit.
    pub fn accepts(&self, i: usize, unit: UnitKind) -> bool {
        self.inds[i].units.contains(&unit)
    }

    /// Whether a word of the clause excludes `q` from indicator `i` (农村公路总里程: the
    /// network's length, not roads built).
    pub fn excludes(&self, i: usize, q: &Quantity, ctx: &Context) -> bool {
        excluded_by(&self.inds[i], q, ctx, hits_in(ctx.hits, ctx.clause))
    }

    /// Scores quantity `q` as indicator `i`; `None` when no rule matches or it is excluded.
    pub fn score(&self, i: usize, q: &Quantity, ctx: &Context) -> Option<Match> {
        let ind = &self.inds[i];
        if !ind.units.contains(&q.unit) {
            return None;
        }
        if ctx.difference {
            return None;
        }
        let in_clause = hits_in(ctx.hits, ctx.clause);
        if excluded_by(ind, q, ctx, in_clause) {
            return None;
        }
        if let Some(want_from) = ind.role_from {
            if is_change_start(ctx.chars, q, ctx.clause) != want_from {
                return None;
            }
            // 增加1200元 is a change, not a level; only "latest" indicators care.
            if !want_from && is_delta(ctx.chars, q) {
                return None;
            }
        }
        let mut best: Option<Match> = None;
        for rule in &ind.rules {
            if let Some(m) = self.score_rule(rule, ind, q, ctx, in_clause) {
                if best.as_ref().is_none_or(|b| m.score > b.score) {
                    best = Some(m);
                }
            }
        }
        best
    }

    fn score_rule(
        &self,
        rule: &CompiledRule,
        ind: &CompiledIndicator,
        q: &Quantity,
        ctx: &Context,
        in_clause: &[Hit],
    ) -> Option<Match> {
        if !rule.units.is_empty() && !rule.units.contains(&q.unit) {
            return None;
        }
        let mut cues = Vec::new();
        let mut distance = 0usize;
        let blocked = |from: usize, to: usize| {
            hits_in(ctx.hits, (from, to)).iter().any(|h| ind.block.contains(&h.word))
                // Quantities are in text order: only those starting inside from..=to can lie
                // in it (scanning them all, per cue, was quadratic in the document).
                || starting_in(ctx.quantities, |o| o.start, from, to).iter().any(|o| {
                    o.unit == q.unit
                        && o.end <= to
                        && o.start != q.start
                        // 从32.4%下降到0.4%: the starting value does not cut 0.4% off its cue.
                        && !is_change_start(ctx.chars, o, ctx.clause)
                        // …收入分别达到35126元、15212元: a sibling of a 分别 list neither.
                        && !(matches!(ctx.chars.get(o.end), Some('、' | '和' | '与'))
                            && respective_before(ctx, o.start))
                        // 46个贫困村(含深度贫困村11个)全部出列: nor a part in a bracketed note.
                        && !in_brackets(ctx.chars, (from, to), o)
                })
        };
        // A note in brackets between a cue and its figure is an aside (贫困发生率由2014年底的
        // 6.73%(按当年乡村户籍人口计算)下降至0): it does not count towards the reach.
        let reach_before = rule.reach + ctx.aside;
        // A person figure paired with a 户 figure (建档立卡贫困人口9862户36418人) is reached where
        // the pair starts: the pair is one statement, its 户 half no distance from the cue.
        let at = ctx.reached_at;
        // Only hits within reach of the figure can match (hits are sorted by start).
        let near_before = {
            let from = at.saturating_sub(reach_before + self.max_word);
            &in_clause[in_clause.partition_point(|h| h.start < from)..]
        };
        let before = |words: &[u32]| {
            near_before
                .iter()
                .take_while(|h| h.start < at)
                .filter(|h| words.contains(&h.word) && h.end <= at)
                .filter(|h| {
                    let gap = at - h.end;
                    let gap = if gap > rule.reach && ctx.aside > 0 {
                        gap - asides_before(ctx.chars, at, gap)
                            - year_list_before(ctx.chars, at, gap)
                    } else {
                        gap
                    };
                    // 认可度分别达到98.12%、97.86%、98.47%: the figures of a 分别 list before
                    // this one stand between it and the cue they share.
                    let gap = if gap > rule.reach && respective_before(ctx, at) {
                        gap.saturating_sub(crate::scope::list_run_before(ctx.chars, at, gap))
                    } else {
                        gap
                    };
                    gap <= rule.reach && !blocked(h.end, at)
                })
                .map(|h| (at - h.end, h.word))
                .min()
        };
        // A unit implied by a noun further on (5.61万易地扶贫搬迁群众) spans the words between:
        // they follow the number all the same.
        let end = if q.implied && q.end > q.num_end { q.num_end } else { q.end };
        // A verb with a figure of its own right after it (86个贫困村已出列83个) says what that
        // figure is, not the one before it.
        let has_own_figure = |h: &Hit| {
            let mut k = h.end;
            while ctx.chars.get(k) == Some(&' ') {
                k += 1;
            }
            starting_in(ctx.quantities, |o| o.start, k, k).iter().any(|o| o.unit == q.unit)
        };
        let near_after = {
            let a = in_clause.partition_point(|h| h.start < end);
            let b = in_clause.partition_point(|h| h.start <= end + 2 * rule.reach);
            &in_clause[a..b.max(a)]
        };
        let after = |words: &[u32]| {
            near_after
                .iter()
                .filter(|h| words.contains(&h.word))
                // 实现 (or 稳定, 全部) + a cue that closes the clause is its predicate, said of
                // the figure from further off (50977户142118人稳定达到…标准、实现高质量脱贫;
                // 4216户14583人全部达到“两不愁三保障”标准、稳定脱贫).
                .filter(|h| {
                    let head = &ctx.chars[h.start.saturating_sub(5)..h.start];
                    let closes = h.end == ctx.clause.1
                        && PREDICATE_ADVERBS.iter().any(|w| words::contains(head, w));
                    let reach = if closes { 2 * rule.reach } else { rule.reach };
                    // A bracketed note between the figure and its cue is an aside here too.
                    let gap = h.start - end;
                    let gap = if gap > reach && ctx.chars[end..h.start].contains(&')') {
                        gap - asides_before(ctx.chars, h.start, gap)
                    } else {
                        gap
                    };
                    gap <= reach && !blocked(end, h.start)
                })
                .filter(|h| !has_own_figure(h))
                .map(|h| (h.start - end, h.word))
                .min()
                .or_else(|| self.after_in_next_clause(words, ind, rule.reach, q, ctx))
        };
        // A label and its value (贫困村全部退出:214个): the label stands for the figure, so a
        // word that would follow the figure in prose (退出) counts in the label, measured to
        // the colon.
        let colon = ctx.label_colon;
        let in_label = |words: &[u32]| {
            let colon = colon?;
            in_clause
                .iter()
                .filter(|h| words.contains(&h.word) && h.end <= colon)
                .filter(|h| colon - h.end <= rule.reach && !blocked(h.end, colon))
                .map(|h| (colon - h.end, h.word))
                .min()
        };
        // Each list is searched only when the rule has one (most have one or two of three).
        for (k, words) in [&rule.before, &rule.after, &rule.near].into_iter().enumerate() {
            if words.is_empty() {
                continue;
            }
            let found = match k {
                0 => before(words),
                1 => after(words).or_else(|| in_label(words)),
                _ => before(words).into_iter().chain(after(words)).min(),
            };
            let (d, w) = found?;
            distance += d;
            cues.push(self.word(w).to_string());
        }
        if !rule.sentence.is_empty() {
            let h =
                hits_in(ctx.hits, ctx.sentence).iter().find(|h| rule.sentence.contains(&h.word))?;
            cues.push(self.word(h.word).to_string());
        }
        if cues.is_empty() {
            return None;
        }
        Some(Match { score: rule.weight - 0.03 * distance as f64, weight: rule.weight, cues })
    }
}

impl Compiled {
    /// A figure that ends its clause, said of in the next one with 全部 / 均: 全区共有贫困村91个,
    /// 2014年以来已全部退出; 贫困人口4.5万人,目前均已脱贫. The cue is measured from the start of
    /// that clause; a word of the indicator's `exclude` there (计划) rules it out.
    fn after_in_next_clause(
        &self,
        words: &[u32],
        ind: &CompiledIndicator,
        reach: usize,
        q: &Quantity,
        ctx: &Context,
    ) -> Option<(usize, u32)> {
        let c = ctx.chars;
        let (start, end) = ctx.said_of?;
        let hits = hits_in(ctx.hits, (start, end));
        if hits.iter().any(|h| ind.exclude.contains(&h.word) || ind.block.contains(&h.word)) {
            return None;
        }
        // Only time and manner stand before 全部 (2014年以来已按程序全部退出): a noun there
        // (贫困村全部退出) is another subject.
        let all = |h: &Hit| {
            let head = &c[start..h.start];
            ["全部", "均", "均已", "全部实现"]
                .iter()
                .find(|w| words::ends_with(head, w))
                .is_some_and(|w| {
                    let rest = &head[..head.len() - w.chars().count()];
                    words::made_of(rest, "年月底现并已均于在也", TIME_AND_MANNER, |_| {})
                })
        };
        hits.iter()
            .filter(|h| words.contains(&h.word) && h.start - start <= reach && h.end <= end)
            .filter(|h| all(h))
            .filter(|h| {
                // No other figure of the unit in between: it would be the one said of.
                starting_in(ctx.quantities, |o| o.start, start, h.start)
                    .iter()
                    .all(|o| o.unit != q.unit)
            })
            .map(|h| (h.start - start, h.word))
            .min()
    }
}

/// The clause after `q` that may say what became of it ([`Compiled::after_in_next_clause`]):
/// `q` ends its clause, or a list of figures (4873户、贫困群众24156人) does; short clauses that
/// each hold a figure (,贫困村41个,) may stand between. `None` when `q` is not so placed.
pub fn said_of_clause(
    c: &[char],
    clause: Span,
    sentence: Span,
    q: &Quantity,
    quantities: &[Quantity],
) -> Option<Span> {
    let rest = q.end..clause.1;
    let listed = c.get(q.end) == Some(&'、')
        && rest.len() <= 12
        && !starting_in(quantities, |o| o.start, rest.start, rest.end).is_empty();
    // 全县28个贫困村,全部出列: the noun a figure counts may close its clause after it.
    let words_after = c.get(rest.clone()).unwrap_or_default();
    let noun = words_after.len() <= 8
        && words_after.iter().all(|&ch| crate::normalize::is_han(ch))
        && ["村", "户", "人口", "群众"].iter().any(|w| words::ends_with(words_after, w));
    if !(rest.is_empty() || listed || noun) || c.get(clause.1) != Some(&',') {
        return None;
    }
    let mut start = clause.1 + 1;
    let mut items = 0;
    loop {
        // A clause cut at the end of an over-long sentence has nothing after it in the sentence.
        if start >= sentence.1 {
            return None;
        }
        let stop = sentence.1.min(start + 40);
        let end = (start..stop).find(|&k| matches!(c[k], ',' | ':' | ';')).unwrap_or(stop);
        let item = end - start <= 12
            && !starting_in(quantities, |o| o.start, start, end).is_empty()
            && c.get(end) == Some(&',');
        if !item || items == 2 {
            return Some((start, end));
        }
        items += 1;
        start = end + 1;
    }
}

/// Words right before a cue that closes its clause which make it the clause's predicate.
const PREDICATE_ADVERBS: &[&str] = &["实现", "稳定", "全部", "均已"];

/// Words of time and manner that may open a clause saying what became of a figure.
const TIME_AND_MANNER: &[&str] =
    &["按程序", "以来", "目前", "截至", "经过", "如期", "先后", "已经"];

/// Slogans whose words say nothing of the figure beside them: 搬迁群众实现稳得住、有就业、
/// 能致富 is the relocation policy's motto, not a count of people employed.
const SET_PHRASES: &[&str] = &[
    "稳得住、有就业",
    "稳得住,有就业",
    "有就业、能致富",
    "有就业,能致富",
    "有就业、逐步能致富",
    "有就业,逐步能致富",
];

/// The hits starting inside `span`. Catalog words hold no punctuation, so a hit that starts
/// inside a clause or sentence also ends inside it.
pub fn hits_in(hits: &[Hit], span: Span) -> &[Hit] {
    let a = hits.partition_point(|h| h.start < span.0);
    let b = hits.partition_point(|h| h.start < span.1);
    &hits[a..b.max(a)]
}

/// Whether `q` is the size of a change (增长1200元, 提高5个百分点) rather than a level.
pub fn is_delta(chars: &[char], q: &Quantity) -> bool {
    let head = &chars[q.num_start.saturating_sub(3)..q.num_start];
    ["增长", "增加", "提高", "增收", "减少", "下降", "上升", "增长了", "增加了", "提高了", "下降了"]
        .iter()
        .any(|w| words::ends_with(head, w))
}

/// Whether `q` is a difference from another figure the clause compares with (比最初识别时多出
/// 1578人, 比上年增加2361人): how much more or less, not a count of its own.
fn compared_difference(chars: &[char], q: &Quantity, clause: Span) -> bool {
    const MORE_OR_LESS: &[&str] = &[
        "多出", "多了", "少了", "高出", "低了", "增加", "减少", "增长", "下降", "提高", "多", "少",
    ];
    let head = &chars[clause.0.min(q.num_start)..q.num_start];
    let head = head.strip_suffix(&['了']).unwrap_or(head);
    head.contains(&'比') && MORE_OR_LESS.iter().any(|w| words::ends_with(head, w))
}

/// The colon of a label that `q` is the value of: "贫困村全部退出:214个", "…全部销号:24318户、
/// 76213人". Between the colon and `q` stand only other figures of the same value (and their
/// units and separators); `None` when `q` is not in a label's value.
fn label_colon(chars: &[char], clause: Span, q: &Quantity) -> Option<usize> {
    let mut k = q.num_start;
    while k > clause.0 {
        let c = chars[k - 1];
        if c == ':' {
            return (k - 1 > clause.0).then_some(k - 1);
        }
        if !(c.is_ascii_digit() || ".,%、 户人名个万亿元".contains(c)) || q.num_start - k > 24
        {
            return None;
        }
        k -= 1;
    }
    None
}

/// Adverbs between the start of a change and its verb.
const CHANGE_ADVERBS: &[&str] = &["一路", "逐年", "逐步", "持续", "大幅", "稳步", "进一步", "一举"];

const TO_WORDS: &[&str] = &[
    "下降", "降至", "降到", "降为", "降低", "减少", "减至", "增长", "增加", "提高", "上升", "到",
    "至", "增至", "升至", "跃升", "达到", "涨到", "涨至", "上涨", "提升", "攀升",
];

/// Whether the percentage `q` is the starting value of a change: 从/由 stands before it in
/// its clause and a verb of change follows it (从32.4%下降到0.4%, 由2014年的18.2%降至…).
pub fn is_change_start(chars: &[char], q: &Quantity, clause: Span) -> bool {
    // 11.73% → 0, as a list or a chart label writes a change.
    let after = &chars[q.end..clause.1.max(q.end)];
    let mut after = &after[after.iter().take_while(|&&c| c == ' ').count()..];
    // 3,210元(2014)→10,960元(2020,预计): the start's year in brackets before the arrow.
    if after.first() == Some(&'(') {
        if let Some(close) = after.iter().take(12).position(|&c| c == ')') {
            after = &after[close + 1..];
            after = &after[after.iter().take_while(|&&c| c == ' ').count()..];
        }
    }
    if after.first() == Some(&'→') {
        return true;
    }
    let before = &chars[clause.0.min(q.num_start)..q.num_start];
    let has_from = before.iter().any(|&c| c == '从' || c == '由');
    if !has_from {
        return false;
    }
    // 分别由30.6%、25.9%、27.8%下降到…: every start of a 分别 list of starts is one.
    let mut from = q.end;
    if chars.get(from) == Some(&'、') && before.windows(2).any(|w| w == ['分', '别']) {
        let run = chars[from..clause.1.max(from)]
            .iter()
            .take_while(|&&c| c == '、' || c == '.' || c == '%' || c.is_ascii_digit())
            .count();
        from += run;
    }
    // 由2014年底的6.73%(按当年乡村户籍人口计算)下降至0: a note in brackets before the verb.
    if chars.get(from) == Some(&'(') {
        let close = chars[from..clause.1.max(from).min(from + 40)].iter().position(|&c| c == ')');
        if let Some(p) = close {
            from += p + 1;
        }
    }
    let tail = &chars[from..clause.1.min(from + 8).max(from)];
    // 由2015年的3100元,增长到…: in a clause joined to the change's end, a comma before it.
    let tail = &tail[tail.iter().take_while(|&&c| matches!(c, '的' | ' ' | ',')).count()..];
    // An adverb of the path may stand before the verb (一路降到0, 逐年下降到).
    let tail = CHANGE_ADVERBS
        .iter()
        .find(|w| words::starts_with(tail, w))
        .map_or(tail, |w| &tail[w.chars().count()..]);
    // 从二〇一三年底的百分之三十一点二,下降到…: a figure that ends its clause, the change
    // to a new level in the next (下降到, 降至, 增至; not 减少了22.59个百分点, its size).
    let next = (q.end == clause.1 && chars.get(q.end) == Some(&','))
        .then(|| &chars[q.end + 1..(q.end + 4).min(chars.len())]);
    let to_level = next.is_some_and(|n| {
        TO_WORDS.iter().any(|w| words::starts_with(n, w))
            && n.iter().any(|c| matches!(c, '到' | '至' | '为'))
    });
    to_level || TO_WORDS.iter().any(|w| words::starts_with(tail, w))
}

/// Whether a word of the clause (`in_clause`, its hits) excludes `q` from `ind`.
fn excluded_by(ind: &CompiledIndicator, q: &Quantity, ctx: &Context, in_clause: &[Hit]) -> bool {
    in_clause.iter().any(|h| {
        ind.exclude.contains(&h.word)
            && !channel_item(ctx.chars, h.end)
            && !goal_met(ctx.chars, h.end)
            && !another_respective_item(ctx, q, h)
            && !inclusion_note(ctx.chars, q, h)
            && !said_of_another_figure(ctx, q, h)
    })
}

/// Whether hit `h`, after `q`, follows a figure of another kind that stands between them: the
/// word is said of that figure (…9356名建档立卡贫困群众全部脱贫 贫困发生率从21.6%降至零: the
/// rate came down, not the people). A figure of `q`'s own unit in between (由5万人减至0.3万人)
/// leaves the word to both.
fn said_of_another_figure(ctx: &Context, q: &Quantity, h: &Hit) -> bool {
    h.start >= q.end
        && starting_in(ctx.quantities, |o| o.start, q.end, h.start).iter().any(|o| {
            // A 户/人 pair (2713户9356人) is one figure here.
            let pair = matches!(
                (q.unit, o.unit),
                (UnitKind::Household, UnitKind::Person) | (UnitKind::Person, UnitKind::Household)
            );
            o.end <= h.start
                && o.unit != q.unit
                && !pair
                && !matches!(o.unit, UnitKind::None | UnitKind::Other)
        })
}

/// Whether hit `h` stands in a bracketed note right after the figure: of what it includes
/// (建档立卡贫困人口调整为43867户168502人(含已脱贫人口)), which says what is counted in, or
/// of the line it is measured against (综合贫困发生率0.45%(低于3%的退出标准)), whose 低于 and
/// 标准 speak of the threshold. Neither takes anything away from the figure stated before it.
fn inclusion_note(chars: &[char], q: &Quantity, h: &Hit) -> bool {
    let Some(between) = chars.get(q.end..h.start) else { return false };
    matches!(between, ['(', ..]) && !between.contains(&')')
}

/// Whether the word ending at `end` (目标, 任务, 计划) is said to be met: 绩效目标基本实现,
/// 目标任务全面完成. What follows reports results, not plans. A bare 目标实现… states a
/// target, so an adverb of completion must stand between.
fn goal_met(chars: &[char], end: usize) -> bool {
    const ADVERBS: &[&str] =
        &["基本", "全面", "圆满", "均已", "已经", "已", "全部", "顺利", "如期", "超额"];
    let mut rest = &chars[end.min(chars.len())..];
    if crate::words::starts_with(rest, "任务") {
        rest = &rest[2..];
    }
    ADVERBS.iter().any(|a| {
        crate::words::starts_with(rest, a)
            && ["实现", "完成", "达成"]
                .iter()
                .any(|v| crate::words::starts_with(&rest[a.chars().count()..], v))
    })
}

/// The chars of bracketed asides ((…) closed before `pos`) within `window` chars before
/// `pos`, brackets included; at most 40 chars an aside.
fn asides_before(chars: &[char], pos: usize, window: usize) -> usize {
    let from = pos.saturating_sub(window);
    let mut total = 0;
    let mut k = pos;
    while k > from {
        k -= 1;
        if chars[k] != ')' {
            continue;
        }
        let open = chars[from..k].iter().rposition(|&c| c == '(').map(|p| from + p);
        match open {
            Some(o) if k - o < 40 => {
                total += k - o + 1;
                k = o;
            }
            _ => break,
        }
    }
    total
}

/// The chars of a list of years said right before 分别 (贫困劳动力转移就业人数2019年、2020年分别为
/// 1630人和1872人) within `window` chars before `pos`: they date the figures, one each, and say
/// nothing of what they count, so they do not put a cue out of reach.
pub(crate) fn year_list_before(chars: &[char], pos: usize, window: usize) -> usize {
    let from = pos.saturating_sub(window);
    let Some(resp) =
        (from..pos.saturating_sub(1)).rev().find(|&k| chars[k..].starts_with(&['分', '别']))
    else {
        return 0;
    };
    // The last year ends right before 分别, with 底 or 末 after it or not.
    let end = resp - usize::from(resp > 0 && matches!(chars[resp - 1], '底' | '末'));
    let Some(last) = end.checked_sub(5).filter(|&k| k >= from && chars[k + 4] == '年') else {
        return 0;
    };
    let starts = crate::scope::listed_years(chars, last);
    match starts.first() {
        Some(&first) if starts.len() >= 2 && first >= from => end - first,
        _ => 0,
    }
}

/// Whether quantity `o` lies inside brackets within `span`: a '(' before it with no ')' between,
/// and a ')' after it, both inside `span`.
fn in_brackets(chars: &[char], span: Span, o: &Quantity) -> bool {
    let before = &chars[span.0.min(o.start)..o.start];
    let after = &chars[o.end.min(span.1)..span.1];
    before.iter().rposition(|&c| c == '(' || c == ')').is_some_and(|p| before[p] == '(')
        && after.contains(&')')
}

/// Whether 分别 stands in the clause before `pos`.
fn respective_before(ctx: &Context, pos: usize) -> bool {
    has_fenbie(&ctx.chars[ctx.clause.0.min(pos)..pos])
}

/// Whether 分别 stands in `span`.
fn has_fenbie(span: &[char]) -> bool {
    span.windows(2).any(|w| w == ['分', '别'])
}

/// Whether hit `h` lies in another item of a 分别 list than the one figure `q` answers:
/// 城镇居民、农村居民人均可支配收入分别达到35126元、15212元 — 城镇 is the first item's, and the
/// second figure is the second item's.
fn another_respective_item(ctx: &Context, q: &Quantity, h: &Hit) -> bool {
    let (a, b) = ctx.clause;
    let chars = ctx.chars;
    let Some(resp) = (a..q.num_start.min(b)).find(|&k| chars[k..].starts_with(&['分', '别']))
    else {
        return false;
    };
    // 2019年、2020年分别为…: the items are years, not what the figures count.
    if h.end > resp || year_list_before(chars, resp + 2, resp + 2 - a) > 0 {
        return false;
    }
    // The items before 分别, cut at 、; the figures after it, in order.
    let cuts: Vec<usize> = (a..resp).filter(|&k| chars[k] == '、').collect();
    let values: Vec<&Quantity> = starting_in(ctx.quantities, |o| o.start, resp, b)
        .iter()
        .filter(|o| o.unit == q.unit && o.end <= b)
        .collect();
    if cuts.is_empty() || values.len() != cuts.len() + 1 {
        return false;
    }
    let Some(mine) = values.iter().position(|o| o.start == q.start) else { return false };
    let item = cuts.iter().filter(|&&c| c < h.start).count();
    item != mine
}

/// Whether the word ending at `end` is an item of a list of channels or means (通过扶贫车间、
/// 公益性岗位等渠道帮助…实现就业): it says how, not what the figure counts.
fn channel_item(chars: &[char], end: usize) -> bool {
    const CLOSERS: &[&str] = &["等渠道", "等途径", "等方式", "等形式", "等多种渠道", "等多种方式"];
    if !matches!(chars.get(end), Some('、' | '等')) {
        return false;
    }
    let rest = &chars[end..chars.len().min(end + 24)];
    (0..rest.len()).take_while(|&k| rest[k] == '、' || crate::normalize::is_han(rest[k])).any(|k| {
        rest[k] == '等' && CLOSERS.iter().any(|w| crate::words::starts_with(&rest[k..], w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalog's hits are what the Aho-Corasick overlapping search over the text's bytes
    /// that this replaced found (sorted the same way), on the sample reports.
    #[test]
    fn hits_are_aho_corasicks_overlapping_matches() {
        use aho_corasick::AhoCorasick;
        let compiled = Compiled::new(&Catalog::builtin());
        let ac = AhoCorasick::new(&compiled.words[..compiled.lists_from as usize]).unwrap();
        let texts = [
            include_str!("../../samples/fuping.txt"),
            include_str!("../../samples/lankao.txt"),
            include_str!("../../samples/jinggangshan.txt"),
            include_str!("../../tests/reports/r15_weining_which_indicator.txt"),
        ];
        for text in texts {
            let chars = crate::normalize::normalize(text).chars;
            let ntext: String = chars.iter().collect();
            let to_char = |b: usize| ntext[..b].chars().count();
            let mut expected: Vec<(usize, usize, u32)> = ac
                .find_overlapping_iter(&ntext)
                .map(|m| (to_char(m.start()), to_char(m.end()), m.pattern().as_u32()))
                .collect();
            expected.sort_by_key(|&(s, e, _)| (s, e));
            let found: Vec<(usize, usize, u32)> =
                compiled.hits(&chars).iter().map(|h| (h.start, h.end, h.word)).collect();
            assert!(found.len() > 20, "{}", found.len());
            assert_eq!(found, expected);
        }
    }
}
