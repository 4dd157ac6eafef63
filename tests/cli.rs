//! The `zhibiao` command line as scripts use it: JSON Lines for a batch, CSV, a bad file
//! among good ones, stdin, user catalogs, usage errors.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhibiao"))
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples").join(name)
}

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zhibiao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write scratch file");
    path
}

fn lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect()
}

#[test]
fn one_bad_file_in_a_batch_leaves_the_others_processed() {
    let png = scratch("chart.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01");
    let empty = scratch("empty.txt", b"");
    let out = bin()
        .arg(sample("lankao.txt"))
        .arg(&png)
        .arg(&empty)
        .arg("/no/such/report.txt")
        .arg(sample("fuping.txt"))
        .output()
        .expect("run zhibiao");
    assert_eq!(out.status.code(), Some(1), "a failed file makes the exit status 1");
    let objs = lines(&out.stdout);
    assert_eq!(objs.len(), 5, "one line per file, in order");
    assert_eq!(objs[0]["region"]["adcode"], "410225");
    assert!(objs[1]["error"].as_str().unwrap().contains("PNG"), "{}", objs[1]);
    assert!(objs[2]["error"].as_str().unwrap().contains("empty"), "{}", objs[2]);
    assert!(objs[3]["error"].as_str().unwrap().contains("cannot"), "{}", objs[3]);
    assert_eq!(objs[4]["region"]["adcode"], "130624");
    assert!(!objs[4]["indicators"].as_array().unwrap().is_empty());
}

#[test]
fn single_file_prints_the_contract_keys() {
    let out = bin().arg(sample("lankao.txt")).output().expect("run zhibiao");
    assert!(out.status.success());
    let obj = &lines(&out.stdout)[0];
    assert_eq!(obj["source"], "lankao.txt");
    let first = &obj["indicators"][0];
    for key in ["id", "value", "unit", "text", "sentence", "start", "end"] {
        assert!(!first[key].is_null(), "indicator lacks {key}: {first}");
    }
    assert!(obj.get("candidates").is_none(), "candidates only with --explain");
    assert!(obj.get("text").is_none(), "text only with --text");
}

#[test]
fn offsets_are_char_indices_into_the_printed_text() {
    let out = bin().args(["--text", "--explain"]).arg(sample("lankao.txt")).output().unwrap();
    let obj = &lines(&out.stdout)[0];
    let text: Vec<char> = obj["text"].as_str().unwrap().chars().collect();
    for h in obj["indicators"].as_array().unwrap() {
        let (s, e) = (h["start"].as_u64().unwrap() as usize, h["end"].as_u64().unwrap() as usize);
        let span: String = text[s..e].iter().collect();
        assert_eq!(span, h["text"].as_str().unwrap(), "figure span of {}", h["id"]);
    }
    assert!(!obj["candidates"].as_array().unwrap().is_empty());
}

#[test]
fn csv_has_a_header_and_a_row_per_indicator() {
    let out = bin().args(["--format", "csv"]).arg(sample("lankao.txt")).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut rows = text.lines();
    assert!(rows.next().unwrap().starts_with("source,region,adcode,id,"));
    let body: Vec<&str> = rows.collect();
    assert!(body.len() >= 5, "{text}");
    assert!(body.iter().all(|r| r.starts_with("lankao.txt,兰考县,410225,")), "{text}");
}

#[test]
fn reads_standard_input() {
    let mut child =
        bin().arg("-").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("run zhibiao");
    child
        .stdin
        .take()
        .unwrap()
        .write_all("截至2019年底,兰考县累计脱贫23275户77350人。".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let obj = &lines(&out.stdout)[0];
    assert_eq!(obj["source"], "stdin");
    let households = obj["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == "poor_households_lifted")
        .expect("households lifted read from stdin");
    assert_eq!(households["value"], 23275.0);
}

#[test]
fn a_user_catalog_adds_an_indicator() {
    let catalog = scratch(
        "mine.toml",
        "version = 1\n[[indicator]]\nid = \"tea_area\"\nlabel_zh = \"茶园面积\"\nlabel_en = \"Tea gardens\"\nunit = \"count\"\n[[indicator.rule]]\nbefore = [\"茶园\"]\n".as_bytes(),
    );
    let report =
        scratch("tea.txt", "截至2020年底,兰考县累计脱贫23275户77350人,发展茶园12个。".as_bytes());
    let out = bin().arg("--catalog").arg(&catalog).arg(&report).output().unwrap();
    let obj = &lines(&out.stdout)[0];
    let ids: Vec<&str> =
        obj["indicators"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"tea_area") && ids.contains(&"poor_population_lifted"), "{ids:?}");
    let only = bin().arg("--catalog-only").arg(&catalog).arg(&report).output().unwrap();
    let obj = &lines(&only.stdout)[0];
    assert_eq!(obj["indicators"].as_array().unwrap().len(), 1);
}

#[test]
fn an_indicator_made_in_the_page_form_works_with_catalog() {
    use zhibiao::catalog::{Catalog, IndicatorForm};
    // What the page's form sends, turned into the catalog file the page exports.
    let form = IndicatorForm {
        id: "microcredit".into(),
        label_zh: "扶贫小额信贷".into(),
        label_en: "Poverty-alleviation microcredit".into(),
        unit: "yuan".into(),
        cues: "小额信贷、小额贷款".into(),
        scope: "发放 放贷".into(),
        exclude: "贴息".into(),
    };
    let def = form.to_def().expect("the form is valid");
    let user = Catalog::default().with_indicator(def, None, &Catalog::builtin(), false).unwrap();
    let toml = user.to_toml().unwrap();
    assert_eq!(Catalog::from_toml(&toml).expect("the file reads back"), user);

    let catalog = scratch("microcredit.toml", toml.as_bytes());
    let report = scratch(
        "loans.txt",
        "截至2020年底,兰考县累计脱贫23275户77350人。全县累计发放扶贫小额信贷3.2亿元,\
         支持贫困户发展产业。县财政为当年发放的小额信贷贴息1200万元。"
            .as_bytes(),
    );
    let out = bin().args(["--explain", "--catalog"]).arg(&catalog).arg(&report).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let obj = &lines(&out.stdout)[0];
    let found = obj["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == "microcredit")
        .unwrap_or_else(|| panic!("microcredit found: {obj}"));
    assert_eq!(found["value"], 320_000_000.0);
    // The 贴息 figure, with a cue and a scope word too, is excluded: not even a candidate.
    let mine: Vec<f64> = obj["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["id"] == "microcredit")
        .map(|c| c["value"].as_f64().unwrap())
        .collect();
    assert_eq!(mine, [320_000_000.0]);
    assert_eq!(found["label_zh"], "扶贫小额信贷");
    assert_eq!(found["unit"], "yuan");
    // Without the catalog the figure is nobody's headline.
    let plain = bin().arg(&report).output().unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("microcredit"));

    // A bad catalog file is refused with a message that says why, and exit status 2.
    let bad = scratch("bad.toml", toml.replace("unit = \"yuan\"", "unit = \"dollars\"").as_bytes());
    let out = bin().arg("--catalog").arg(&bad).arg(&report).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown unit"));
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    let out = bin().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--help"));
    let out = bin().args(["--format", "xml", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let help = bin().arg("--help").output().unwrap();
    assert!(help.status.success() && String::from_utf8_lossy(&help.stdout).contains("--format"));
}

#[test]
fn a_report_without_figures_gets_a_note_not_an_error() {
    let plain =
        scratch("plain.txt", "本县坚持精准扶贫、精准脱贫基本方略，各项工作稳步推进。".as_bytes());
    let out = bin().arg(&plain).output().expect("run zhibiao");
    assert!(out.status.success());
    let obj = &lines(&out.stdout)[0];
    assert_eq!(obj["indicators"].as_array().map(Vec::len), Some(0));
    assert_eq!(obj["note"], "no headline figures found in this text");
    assert!(obj.get("error").is_none());
    let csv = bin().args(["--format", "csv"]).arg(&plain).output().expect("run zhibiao");
    assert!(csv.status.success());
    assert!(String::from_utf8_lossy(&csv.stderr).contains("no headline figures"));
    // A report with figures has no note.
    let out = bin().arg(sample("lankao.txt")).output().expect("run zhibiao");
    assert!(lines(&out.stdout)[0].get("note").is_none());
}

#[test]
fn a_file_over_the_cap_is_refused_without_being_read() {
    // A sparse file: 200 MB long, nothing written, so the refusal must come from its size.
    let path = scratch("huge.txt", b"");
    std::fs::File::options().write(true).open(&path).unwrap().set_len(200 << 20).unwrap();
    let started = std::time::Instant::now();
    let out = bin().arg(&path).output().expect("run zhibiao");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(out.status.code(), Some(1));
    let error = lines(&out.stdout)[0]["error"].as_str().unwrap().to_string();
    assert_eq!(error, "the file is 200.0 MB; the limit is 20 MB per report");
    std::fs::remove_file(&path).ok();
    // Standard input is read only up to the cap.
    let mut child = bin().arg("-").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..30 {
            if stdin.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(lines(&out.stdout)[0]["error"].as_str().unwrap().contains("over the limit"));
}
