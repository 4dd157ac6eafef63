//! Unit tests of HTML detection, text extraction and plain-text boilerplate spans. Most
//! extraction cases live as spec files in `tests/spec/html/`; these cover what a spec file
//! cannot state (detection, time bounds, offsets).

use super::*;

#[test]
fn detects_documents_and_fragments() {
    assert!(looks_like_html("<!DOCTYPE html>\n<html><body>正文</body></html>"));
    assert!(looks_like_html("\u{FEFF}  <html lang=zh>正文"));
    assert!(looks_like_html("<?xml version=\"1.0\"?>\n<html xmlns=\"x\"><body>正文</body>"));
    assert!(looks_like_html("<meta charset=gbk><div>正文</div>"));
    assert!(looks_like_html("<p>第一段</p>\n<p>第二段</p>\n<p>第三段</p>"));
    assert!(looks_like_html("第一段<br>第二段<br/>第三段<BR />"));
}

#[test]
fn plain_text_is_not_html() {
    assert!(!looks_like_html("全县贫困人口由1万人减至0.2万人，贫困发生率<1%。"));
    assert!(!looks_like_html("《关于印发<十三五>规划的通知》"));
    let report = "第一段。\n".repeat(40) + "文中提到<p>标签和<div>标签，以及<br>。\n";
    assert!(!looks_like_html(&report));
    assert!(!looks_like_html(""));
}

#[test]
fn scripts_styles_and_comments_are_dropped() {
    let page = "<body><script>var a = '<p>假数字999</p>';</script><style>p{}</style>\
                <!-- 注释 123 --><p>全县脱贫</p><noscript>请启用脚本</noscript></body>";
    assert_eq!(to_text(page), "全县脱贫");
}

#[test]
fn furniture_is_dropped() {
    let page = "<body><nav>首页 新闻</nav><div class=\"breadcrumb\">首页 &gt; 正文</div>\
                <div id=\"main\"><p>全县脱贫</p></div><aside>热点 88</aside>\
                <div class=\"share-bar\">分享到</div><div id=\"commentList\">评论 5</div>\
                <footer>版权所有</footer></body>";
    assert_eq!(to_text(page), "全县脱贫");
}

#[test]
fn class_words_match_whole_words_only() {
    assert!(scan::extract("<div class=canvas-box>图表说明</div>", scan::Mode::Article)
        .text
        .contains("图表说明"));
    assert!(scan::extract("<div class=shared-none>正文</div>", scan::Mode::Article)
        .text
        .contains("正文"));
    assert!(!scan::extract("<div class=mainNav>导航</div>", scan::Mode::Article)
        .text
        .contains("导航"));
}

#[test]
fn article_in_a_furniture_box_is_kept_by_the_fallback() {
    // A site that wraps the whole article in <div class="comment">: dropping it would leave
    // nothing, so the page is read again with furniture kept.
    let page = "<body><div class=\"comment\"><p>全县累计减贫一万三千余户四万余人，\
                贫困发生率下降到百分之零点四。</p></div><nav>首页</nav></body>";
    let text = to_text(page);
    assert!(text.contains("全县累计减贫"), "{text}");
}

#[test]
fn article_a_script_reveals_is_read() {
    // A page saved before its script ran: the article's box is still `visibility:hidden`
    // and holds more text than everything shown around it, so it is read.
    let page = "<body><h1>某县这五年</h1><div style=\"visibility: hidden;\">\
                <section><p><span>截至年底，全县累计脱贫</span><span><strong>3.1万户</strong>\
                </span><span>，贫困村全部退出。</span></p></section></div>\
                <div>微信扫一扫</div></body>";
    let text = to_text(page);
    assert!(text.contains("全县累计脱贫3.1万户，贫困村全部退出。"), "{text}");
    assert!(text.contains("某县这五年"), "{text}");
    // A small invisible element beside a visible article stays hidden.
    let page = "<body><p>全县累计脱贫三万一千户，贫困村全部退出，贫困发生率降至零。</p>\
                <div style=\"visibility:hidden\">提示10户</div></body>";
    let text = to_text(page);
    assert!(!text.contains("提示"), "{text}");
    // display:none is never a reveal: its text stays out however long.
    let page =
        "<body><p>正文</p><div style=\"display:none\">隐藏的旧稿全县脱贫一万户。</div></body>";
    assert_eq!(to_text(page), "正文");
}

#[test]
fn malformed_markup_never_panics() {
    let cases = [
        "<",
        "<<<<",
        "</",
        "</>",
        "<!",
        "<!--",
        "<!-- x",
        "<![CDATA[",
        "<?",
        "<a",
        "<a href=",
        "<a href=\"",
        "<a href='x",
        "<p class=\"unterminated>全县脱贫</p>",
        "<script>",
        "<script>x</scr",
        "<title>标题",
        "<div><div><div>",
        "</div></div>",
        "&",
        "&#",
        "&#x;",
        "&#99999999999;",
        "&nbsp",
        "<p>全县<p>脱贫",
        "<table><tr><td>1<td>2<tr><td>3",
        "<ul><li>一<li>二</ul>",
        "<p>1 < 2 > 0</p>",
        "<a b=c d='e' f=\"g\" h>文字</a>",
        "<pre>\n一\n\n二\n</pre>",
        "<svg><title>图</title><text>x</text></svg>正文",
        "<br/><hr/><img src=x />",
        "<head><title>t</title><div>正文</div>",
        "\u{FEFF}<html>中文</html>",
        "<o:p>中</o:p>",
        "<!DOCTYPE",
        "<a\u{4E2D}>文字",
    ];
    for case in cases {
        let _ = to_text(case);
        let _ = looks_like_html(case);
        for cut in 0..case.len() {
            if case.is_char_boundary(cut) {
                let _ = to_text(&case[..cut]);
            }
        }
    }
}

#[test]
fn unclosed_quote_does_not_swallow_the_page() {
    let page = "<div class=\"content>\n<p>全县脱贫</p><p>贫困发生率为零</p>";
    let text = to_text(page);
    assert!(text.contains("贫困发生率为零"), "{text}");
}

#[test]
fn pathological_inputs_take_linear_time() {
    let n = 200_000;
    let inputs = [
        "<!--".repeat(n),
        "<a title=\"".repeat(n),
        "<script>".repeat(n),
        "<div>".repeat(n) + &"</span>".repeat(n),
        "<p>".repeat(n) + &"</div>".repeat(n),
        "<title>".repeat(n),
        "&amp".repeat(n),
        "<x ".repeat(n),
        format!("<div class=\"{}\">正文</div>", "a".repeat(4 * n)),
    ];
    for input in &inputs {
        let started = std::time::Instant::now();
        let _ = to_text(input);
        let _ = looks_like_html(input);
        let _ = boilerplate_spans(input);
        assert!(
            started.elapsed().as_secs() < 20,
            "{:?}… took {:?}",
            &input[..20],
            started.elapsed()
        );
    }
}

#[test]
fn title_becomes_the_first_line_unless_repeated() {
    let page = "<html><head><title>某县脱贫攻坚纪实 - 某某日报网</title></head>\
                <body><p>全县脱贫。</p></body></html>";
    assert_eq!(to_text(page), "某县脱贫攻坚纪实 - 某某日报网\n全县脱贫。");
    let page = "<html><head><title>某县脱贫攻坚纪实_某某网</title></head>\
                <body><h1>某县脱贫攻坚纪实</h1><p>全县脱贫。</p></body></html>";
    assert_eq!(to_text(page), "某县脱贫攻坚纪实\n全县脱贫。");
}

fn marked(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    boilerplate_spans(text).into_iter().map(|(s, e)| chars[s..e].iter().collect()).collect()
}

#[test]
fn boilerplate_header_lines() {
    let text = "某某日报网 > 政务 > 正文\n全县脱贫攻坚纪实\n来源:某某日报\n\
                时间: 2018-10-19 06:32:37 | 记者:张三 | 编辑:李四\n\
                全县贫困人口减至7706户19870人。\n";
    assert_eq!(
        marked(text),
        [
            "某某日报网 > 政务 > 正文",
            "来源:某某日报",
            "时间: 2018-10-19 06:32:37 | 记者:张三 | 编辑:李四"
        ]
    );
}

#[test]
fn boilerplate_footer_runs_to_the_end() {
    let body = "全县贫困人口减至7706户19870人，贫困发生率降至1.73%。\n".repeat(20);
    let text = format!(
        "{body}延伸阅读:\n版权声明:\n    凡注明来源某某日报的作品，版权均属某某日报所有。\n\
         除来源署名外，其他转载内容本站不作任何保证。"
    );
    let spans = boilerplate_spans(&text);
    let total = text.chars().count();
    let start = body.chars().count();
    assert_eq!(spans, [(start, total)]);
}

#[test]
fn boilerplate_footer_in_the_middle_is_just_a_line() {
    let body = "全县贫困人口减至7706户19870人，贫困发生率降至1.73%。\n".repeat(200);
    let text = format!("{body}版权所有：某县人民政府\n{body}");
    assert_eq!(marked(&text), ["版权所有：某县人民政府"]);
}

#[test]
fn boilerplate_disclaimer_and_contacts() {
    let body = "全县贫困人口减至7706户19870人。\n".repeat(10);
    let text = format!(
        "{body}（某县扶贫办供稿）\n责任编辑：王五\n\
         声明:转载此文是出于传递更多信息之目的。若有来源标注错误，请与本网联系。邮箱"
    );
    let found = marked(&text);
    assert_eq!(found[0], "（某县扶贫办供稿）");
    // The editor's line closes the article: it and everything after it are the page's.
    assert_eq!(found.len(), 2);
    assert!(found[1].starts_with("责任编辑：王五\n声明:转载") && found[1].ends_with("邮箱"));
    let text = format!("{body}投稿邮箱：abc@example.com\n{body}");
    assert_eq!(marked(&text), ["投稿邮箱：abc@example.com"]);
}

#[test]
fn boilerplate_wechat_earlier_posts_list() {
    // WeChat articles end with links to the account's earlier posts under 往期推荐.
    let body = "全县贫困人口减至7706户19870人，贫困发生率降至1.73%。\n".repeat(5);
    let text = format!("{body}往期推荐\n某县完成公路改造300公里\n邻县累计脱贫9万人");
    let found = marked(&text);
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("往期推荐") && found[0].ends_with("邻县累计脱贫9万人"));
}

#[test]
fn boilerplate_leaves_prose_alone() {
    let text = "记者从县扶贫办获悉，全县累计减贫13899户40284人。\n\
                来源于产业的收入占60%以上。\n\
                人均收入>5000元的农户有1200户，占比>80%。\n\
                时间紧、任务重，全县干部群众迎难而上。\n";
    assert!(boilerplate_spans(text).is_empty(), "{:?}", marked(text));
}

#[test]
fn boilerplate_offsets_count_chars_and_survive_crlf() {
    let text = "正文第一行。\r\n來源：某某日報\r\n正文第二行。";
    let spans = boilerplate_spans(text);
    assert_eq!(spans, [(8, 15)]);
    assert_eq!(marked(text), ["來源：某某日報"]);
}

#[test]
fn boilerplate_through_pinyin_garble() {
    let body = "全(quán)縣(xiàn)累(lěi)計(jì)減(jiǎn)貧(pín)13899戶(hù)。\n".repeat(10);
    let text = format!("來(lái)源(yuán):某某日報\n{body}責(zé)任(rèn)編(biān)輯(jí):某某");
    let found = marked(&text);
    assert_eq!(found, ["來(lái)源(yuán):某某日報", "責(zé)任(rèn)編(biān)輯(jí):某某"]);
}

#[test]
fn token_soup_never_panics() {
    // Random mixes of markup fragments, Chinese text and entities, cut anywhere: nothing may
    // panic, and the text never grows beyond the input.
    const PIECES: &[&str] = &[
        "<",
        ">",
        "</",
        "/>",
        "<p>",
        "</p>",
        "<div class=\"nav\">",
        "</div>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "\"",
        "'",
        "=",
        " ",
        "\n",
        "&",
        "&amp;",
        "&#x4e00;",
        "&#",
        ";",
        "全县",
        "贫困",
        "1234",
        "<br>",
        "<title>",
        "</title>",
        "<head>",
        "<body>",
        "<nav>",
        "</nav>",
        "<td>",
        "<tr>",
        "<li>",
        "<pre>",
        "</pre>",
        "<a href=",
        "<svg>",
        "</svg>",
        "<!DOCTYPE html>",
        "<?xml",
        "?>",
        "\u{FEFF}",
        "<style",
        "</style ",
    ];
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let len = (next() % 40) as usize;
        let soup: String =
            (0..len).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
        let text = to_text(&soup);
        assert!(text.chars().count() <= soup.chars().count(), "{soup:?} -> {text:?}");
        let _ = looks_like_html(&soup);
        let _ = boilerplate_spans(&soup);
        let _ = crate::decode::decode(soup.as_bytes());
    }
}

#[test]
fn merged_table_cells_keep_their_columns() {
    // A rowspan leaves an empty cell in the rows below it, a colspan empty cells after it, as a
    // spreadsheet pasted as text does; an empty cell between two filled ones is a tab too.
    let page = "<table><tr><th rowspan=2>县</th><th colspan=\"2\">累计脱贫</th><th>备注</th></tr>\
                <tr><th>户数</th><th>人数</th><th></th></tr>\
                <tr><td>全&nbsp;&nbsp;市</td><td></td><td>364627</td><td>略</td></tr></table>";
    assert_eq!(to_text(page), "县\t累计脱贫\t\t备注\n\t户数\t人数\n全  市\t\t364627\t略");
    // Absurd spans are bounded.
    let page = "<table><tr><td colspan=99999 rowspan=99999>a</td><td>b</td></tr><tr><td>c</td></tr></table>";
    let text = to_text(page);
    assert!(text.len() < 200, "{text:?}");
}
