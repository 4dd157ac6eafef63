//! Web boilerplate in plain text: the lines a scraped page leaves around the article
//! (breadcrumbs, source/time/reporter/editor lines, copyright notices, "related reading"
//! lists, contact lines). They are marked, not deleted, so that offsets into the text stay
//! valid; the extractor ignores figures inside the marked spans.

/// Lines longer than this are prose, not boilerplate (except a footer that runs to the end).
const MAX_LINE_CHARS: usize = 150;

/// A footer counts as "near the end" when it starts in the second half of the text and at most
/// this many characters follow its start.
const FOOTER_TAIL_CHARS: usize = 2000;

/// Words that open a source/time/byline line when a colon follows them.
#[rustfmt::skip]
const BYLINE_KEYS: &[&str] = &[
    "来源", "來源", "稿源", "出处", "出處", "时间", "時間", "发布时间", "發布時間", "發佈時間", "发布日期", "發布日期", "日期", "记者",
    "記者", "编辑", "編輯", "责任编辑", "責任編輯", "责编", "責編", "作者", "通讯员", "通訊員", "摄影", "攝影", "图片", "圖片", "文",
    "图", "圖", "浏览次数", "瀏覽次數", "点击数", "點擊數", "阅读数", "閱讀數", "浏览", "瀏覽", "字号", "字號", "字体", "字體", "审核",
    "審核", "校对", "校對", "签发", "簽發", "编审", "編審", "值班编辑", "值班編輯", "供稿", "撰稿", "信息来源", "信息來源", "文章来源",
    "文章來源",
];

/// Words that, anywhere in a short line, make it a byline.
#[rustfmt::skip]
const BYLINE_ANYWHERE: &[&str] = &[
    "来源:", "来源：", "來源:", "來源：", "责任编辑", "責任編輯", "编辑:", "编辑：", "編輯:", "編輯：", "记者:", "记者：", "記者:",
    "記者：",
];

/// Words of the line that closes a news article: its responsible editor.
const EDITOR_WORDS: &[&str] = &["责任编辑", "責任編輯", "责编", "責編"];

/// Line openings of copyright and disclaimer footers.
#[rustfmt::skip]
const FOOTER_STARTS: &[&str] = &[
    "版权声明", "版權聲明", "版权所有", "版權所有", "免责声明", "免責聲明", "声明:", "声明：", "聲明:", "聲明：", "本网声明", "本網聲明",
    "本站声明", "本站聲明", "郑重声明", "鄭重聲明", "特别声明", "特別聲明", "转载请注明", "轉載請注明", "未经授权", "未經授權", "copyright",
    "©",
];

/// Line openings of "related reading" blocks.
#[rustfmt::skip]
const RELATED_STARTS: &[&str] = &[
    "延伸阅读", "延伸閱讀", "相关阅读", "相關閱讀", "相关新闻", "相關新聞", "相关链接", "相關鏈接", "相关文章", "相關文章", "推荐阅读", "推薦閱讀",
    "热点推荐", "熱點推薦", "更多阅读", "更多閱讀", "热点新闻", "熱點新聞", "热门新闻", "熱門新聞", "热点文章", "熱點文章",
    "热门文章", "熱門文章", "热门推荐", "熱門推薦", "推荐新闻", "推薦新聞", "最新新闻", "最新新聞", "最新文章", "新闻排行", "新聞排行",
    "点击排行", "點擊排行", "阅读排行", "閱讀排行", "精彩推荐", "精彩推薦", "猜你喜欢", "猜你喜歡", "往期回顾", "往期回顧", "图片新闻",
    "圖片新聞",
    // WeChat articles end with a list of the account's earlier posts under one of these.
    "往期推荐", "往期推薦", "往期精选", "往期精選", "往期精彩", "往期阅读", "往期閱讀",
];

/// Line openings of the user's current position in the site.
#[rustfmt::skip]
const BREADCRUMB_STARTS: &[&str] = &[
    "当前位置", "當前位置", "您的位置", "您现在的位置", "您現在的位置", "所在位置", "现在位置", "現在位置",
];

/// Short lines that are page widgets, whole or as their start.
#[rustfmt::skip]
const WIDGET_STARTS: &[&str] = &[
    "分享到", "分享：", "分享:", "扫一扫", "掃一掃", "上一篇", "下一篇", "打印本页", "打印本頁", "关闭窗口", "關閉窗口", "返回顶部",
    "返回頂部", "【打印", "【关闭", "【關閉", "[打印", "[关闭", "【字体", "【字體", "【字号", "【字號", "【我要纠错", "【收藏",
];

/// Words that make a short line a contact line.
const CONTACT_WORDS: &[&str] =
    &["邮箱", "郵箱", "电子信箱", "電子信箱", "e-mail", "email", "联系电话", "聯繫電話", "投稿"];

/// Chars of a line's head tested against the opening lists (longer than any opening).
const HEAD_CHARS: usize = 16;

/// The kind of boilerplate a line is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Line {
    /// Just this line.
    Itself,
    /// A footer: this line and, when near the end, everything after it.
    Footer,
}

/// Char spans (half-open, in `text`) of web boilerplate lines: breadcrumbs (`… > 政务 > 正文`),
/// 来源/时间/记者/编辑 lines, copyright and 声明 footers, 延伸阅读 blocks, contact lines.
/// A footer or related-reading line near the end of the text (in its second half, with at most
/// 2000 characters from there on) marks everything after it too. Spans are sorted and disjoint.
pub fn boilerplate_spans(text: &str) -> Vec<(usize, usize)> {
    // Counted only when a footer line asks where the text ends (most texts have none).
    let mut total = None;
    let mut spans = Vec::new();
    let mut start = 0;
    for raw in text.split('\n') {
        let line = raw.trim_end_matches('\r');
        let chars = line.chars().count();
        // Each '\r' trimmed is one byte and one char.
        let len = chars + (raw.len() - line.len());
        let end = start + chars;
        match classify(line) {
            Some(Line::Footer) => {
                let total = *total.get_or_insert_with(|| text.chars().count());
                if start * 2 >= total && total - start <= FOOTER_TAIL_CHARS {
                    spans.push((start, total));
                    return spans;
                }
                spans.push((start, end));
            }
            Some(Line::Itself) => spans.push((start, end)),
            None => {}
        }
        start += len + 1;
    }
    spans
}

/// Whether `line` opens with `opening` once its ASCII letters are lower-cased (the openings
/// are lower-case and at most [`HEAD_CHARS`] long, so this is the head's test).
fn opens_with(line: &str, opening: &str) -> bool {
    debug_assert!(opening.chars().count() <= HEAD_CHARS);
    line.len() >= opening.len()
        && line.as_bytes()[..opening.len()].eq_ignore_ascii_case(opening.as_bytes())
}

/// What one pass over a short line finds, so that the word lists and the breadcrumb test run
/// only on lines holding a char they need (most short lines hold none).
#[derive(Default)]
struct Seen {
    /// 。, ？ or ?: a sentence.
    prose: bool,
    /// A breadcrumb separator.
    separator: bool,
    /// 版: the start of 版权所有.
    copyright: bool,
    /// The first char of a [`BYLINE_ANYWHERE`] word.
    byline: bool,
    /// The first char of a [`CONTACT_WORDS`] word, either case.
    contact: bool,
}

impl Seen {
    fn of(line: &str) -> Seen {
        let mut seen = Seen::default();
        for c in line.chars() {
            match c {
                '。' | '？' | '?' => seen.prose = true,
                c if is_separator(c) => seen.separator = true,
                '版' => seen.copyright = true,
                c if opens_byline_word(c) => seen.byline = true,
                c if opens_contact_word(c) => seen.contact = true,
                _ => {}
            }
        }
        seen
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, '>' | '＞' | '›' | '»' | '→' | '〉')
}

/// The first chars of [`BYLINE_ANYWHERE`] (a test checks the list against it).
fn opens_byline_word(c: char) -> bool {
    matches!(c, '来' | '來' | '责' | '責' | '编' | '編' | '记' | '記')
}

/// The first chars of [`CONTACT_WORDS`], either ASCII case (a test checks the list).
fn opens_contact_word(c: char) -> bool {
    matches!(c, '邮' | '郵' | '电' | '電' | 'e' | 'E' | '联' | '聯' | '投')
}

fn classify(raw: &str) -> Option<Line> {
    let cleaned = without_ruby(raw);
    let line = cleaned.trim_matches(|c: char| c.is_whitespace());
    if line.is_empty() {
        return None;
    }
    // The openings are short: testing the head of the line is enough, and most lines are
    // long prose that needs nothing more. ASCII lower-casing is enough: the only letters in
    // the lists are ASCII ones, and no other char lower-cases into them.
    let starts = |list: &[&str]| list.iter().any(|s| opens_with(line, s));
    if starts(FOOTER_STARTS) {
        return Some(Line::Footer);
    }
    let chars = line.chars().count();
    if chars <= 40 && starts(RELATED_STARTS) {
        return Some(Line::Footer);
    }
    if chars > MAX_LINE_CHARS {
        return None;
    }
    let seen = Seen::of(line);
    if seen.copyright && has_word(line, &["版权所有", "版權所有"]) {
        return Some(Line::Footer);
    }
    // Sentences (a full stop or a question) are content, whatever they open with: an
    // interview's 记者:…?县长:…。 is the report, not a byline.
    let prose = seen.prose;
    if starts(BREADCRUMB_STARTS) || (!prose && seen.separator && is_breadcrumb(line)) {
        return Some(Line::Itself);
    }
    // (责任编辑:吴亚兰) closes a news article: near the end, what follows is the site's
    // furniture (县市快讯, 数说… side boxes with other regions' figures).
    if !prose && chars <= 40 && seen.byline && has_word(line, EDITOR_WORDS) {
        return Some(Line::Footer);
    }
    if !prose
        && (is_byline(line) || (chars <= 80 && seen.byline && has_word(line, BYLINE_ANYWHERE)))
    {
        return Some(Line::Itself);
    }
    if starts(WIDGET_STARTS) && chars <= 60 {
        return Some(Line::Itself);
    }
    if !prose && chars <= 60 && seen.contact && has_word(&line.to_ascii_lowercase(), CONTACT_WORDS)
    {
        return Some(Line::Itself);
    }
    if is_attribution(line) {
        return Some(Line::Itself);
    }
    None
}

/// Whether `line` contains any of `words`.
fn has_word(line: &str, words: &[&str]) -> bool {
    words.iter().any(|w| line.contains(w))
}

/// `重庆日报网 > 政务 > 正文`: short pieces joined by two or more `>`-like separators, or one
/// separator next to 首页 (home) or 正文 (article).
fn is_breadcrumb(line: &str) -> bool {
    if line.chars().count() > 80 {
        return false;
    }
    let is_sep = is_separator;
    let pieces: Vec<&str> = line.split(is_sep).map(str::trim).filter(|p| !p.is_empty()).collect();
    let seps = line.chars().filter(|c| is_sep(*c)).count();
    if seps == 0 || pieces.len() < 2 || pieces.iter().any(|p| p.chars().count() > 20) {
        return false;
    }
    // Numbers compared with `>` are not a path through a site.
    if pieces.iter().all(|p| p.chars().any(|c| c.is_ascii_digit())) {
        return false;
    }
    seps >= 2 || pieces.iter().any(|p| ["首页", "首頁", "正文", "主页", "主頁"].contains(p))
}

/// `来源：重庆日报`, `时间: 2018-10-19 | 记者: …`: a byline key, optional spaces, a colon.
fn is_byline(line: &str) -> bool {
    let line = line.trim_start_matches(['【', '[', '(', '（']);
    BYLINE_KEYS.iter().any(|key| {
        line.strip_prefix(key).is_some_and(|rest| {
            let rest = rest.trim_start_matches([' ', '\u{3000}', '\u{A0}']);
            rest.starts_with(':') || rest.starts_with('：')
        })
    })
}

/// `（汾西县扶贫办供稿）`: a short bracketed credit line.
fn is_attribution(line: &str) -> bool {
    let inner =
        line.strip_prefix(['(', '（']).and_then(|l| l.strip_suffix([')', '）'])).map(str::trim);
    match inner {
        Some(inner) if inner.chars().count() <= 40 => {
            ["供稿", "供圖", "供图", "来稿", "來稿", "撰稿", "报道", "報道", "报送", "報送"]
                .iter()
                .any(|w| inner.ends_with(w))
                || ["记者", "記者", "通讯员", "通訊員"].iter().any(|w| inner.starts_with(w))
        }
        _ => false,
    }
}

/// The line without the pinyin that scraped pages put after every character (`來(lái)源(yuán)`),
/// so the keywords above still match; used only to classify, the span covers the whole line.
fn without_ruby(line: &str) -> std::borrow::Cow<'_, str> {
    let is_pinyin = |c: char| c.is_ascii_lowercase() || ('\u{C0}'..='\u{24F}').contains(&c);
    // Most lines have no bracket with a letter after it: nothing to copy.
    let mut pairs = line.chars().zip(line.chars().skip(1));
    if !pairs.any(|(a, b)| matches!(a, '(' | '（') && is_pinyin(b)) {
        return std::borrow::Cow::Borrowed(line);
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], '(' | '（') {
            let letters = chars[i + 1..].iter().take(7).take_while(|c| is_pinyin(**c)).count();
            let close = chars.get(i + 1 + letters);
            if letters > 0 && matches!(close, Some(')' | '）')) {
                i += letters + 2;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings_fit_in_the_head_that_is_tested() {
        for list in [FOOTER_STARTS, RELATED_STARTS, BREADCRUMB_STARTS, WIDGET_STARTS] {
            for opening in list {
                assert!(opening.chars().count() <= HEAD_CHARS, "{opening}");
                // `opens_with` lower-cases the line, not the opening.
                assert_eq!(*opening, opening.to_ascii_lowercase());
            }
        }
    }

    #[test]
    fn one_pass_knows_the_first_char_of_every_word() {
        for word in BYLINE_ANYWHERE {
            assert!(opens_byline_word(word.chars().next().unwrap()), "{word}");
        }
        for word in CONTACT_WORDS {
            let first = word.chars().next().unwrap();
            assert_eq!(*word, word.to_ascii_lowercase());
            assert!(opens_contact_word(first), "{word}");
            assert!(opens_contact_word(first.to_ascii_uppercase()), "{word}");
        }
    }
}
