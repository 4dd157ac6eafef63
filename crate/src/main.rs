//! The `zhibiao` command line: reads report files and prints their headline indicators as
//! JSON (one object per file, JSON Lines for several) or CSV. A file that cannot be read
//! prints an `error` object and makes the exit status non-zero; the other files go on.

use std::io::{Read, Write};
use std::process::ExitCode;

use zhibiao::{Catalog, Engine, Report};

const HELP: &str = "\
zhibiao — headline figures from Chinese poverty-alleviation reports

USAGE:
    zhibiao [OPTIONS] FILE...

    Reads each FILE (plain text or a saved HTML page; UTF-8, UTF-16, GB18030/GBK or Big5,
    detected automatically; `-` reads standard input) and prints its main region, headline
    indicators with evidence sentences, and data-quality warnings.

OPTIONS:
    --format json|csv    json (default): one JSON object per file, one per line.
                         csv: one row per file and indicator, with a header row.
    --catalog FILE       add the indicators of a catalog file (TOML, same format as the
                         built-in crate/data/catalog.toml); an indicator with a built-in
                         id replaces it.
    --catalog-only FILE  use only the indicators of FILE.
    --explain            also print every candidate figure with why it won or lost.
    --text               also print the decoded text the offsets refer to.
    -h, --help           print this help.
    -V, --version        print the version.

OUTPUT:
    Offsets (start, end) are half-open and count Unicode scalar values (chars) in the
    decoded text. Values are in canonical units: 8.3万户 → 83000 (household),
    1.73% → 1.73 (percent), 3.75亿元 → 375000000 (yuan). A report with no headline
    figure has a `note` saying so (with --format csv, on standard error).

LIMITS:
    A file (or standard input) over 20 MiB is refused unread, with an `error` line.

EXIT STATUS:
    0 every file was read; 1 some file could not be read (its line has an `error` key);
    2 the command line itself was wrong.
";

#[derive(PartialEq)]
enum Format {
    Json,
    Csv,
}

struct Options {
    format: Format,
    files: Vec<String>,
    catalog: Catalog,
    explain: bool,
    text: bool,
}

fn parse_args() -> Result<Option<Options>, String> {
    use lexopt::prelude::*;
    let mut opts = Options {
        format: Format::Json,
        files: Vec::new(),
        catalog: Catalog::builtin(),
        explain: false,
        text: false,
    };
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => {
                print!("{HELP}");
                return Ok(None);
            }
            Short('V') | Long("version") => {
                println!("zhibiao {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            Long("format") => {
                let v = parser.value().map_err(|e| e.to_string())?;
                opts.format = match v.to_string_lossy().as_ref() {
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    other => return Err(format!("--format takes json or csv, not {other}")),
                };
            }
            Long("catalog") | Long("catalog-only") => {
                let only = matches!(arg, Long("catalog-only"));
                let path = parser.value().map_err(|e| e.to_string())?;
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read catalog {}: {e}", path.to_string_lossy()))?;
                let user = Catalog::from_toml(&text)
                    .map_err(|e| format!("catalog {}: {e}", path.to_string_lossy()))?;
                if only {
                    opts.catalog = user;
                } else {
                    opts.catalog.extend(user);
                }
            }
            Long("explain") => opts.explain = true,
            Long("text") => opts.text = true,
            Value(v) => opts.files.push(v.to_string_lossy().into_owned()),
            _ => return Err(arg.unexpected().to_string()),
        }
    }
    if opts.files.is_empty() {
        return Err("no report files given (try --help)".into());
    }
    Ok(Some(opts))
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    let limit = zhibiao::decode::MAX_REPORT_BYTES;
    if path == "-" {
        // Read one byte past the cap at most: enough to know the input is too large without
        // holding all of it.
        let mut buf = Vec::new();
        std::io::stdin()
            .take(limit as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        if buf.len() > limit {
            return Err(format!(
                "standard input is over the limit of {} MB per report",
                limit >> 20
            ));
        }
        return Ok(buf);
    }
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot open {path}: {e}"))?;
    if meta.is_dir() {
        return Err(format!("{path} is a folder, not a report"));
    }
    if meta.len() > limit as u64 {
        return Err(zhibiao::InputError::TooLarge { size: meta.len() as usize, limit }.to_string());
    }
    std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))
}

fn source_name(path: &str) -> String {
    if path == "-" {
        return "stdin".into();
    }
    std::path::Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

fn json_line(report: &Report, opts: &Options) -> String {
    let mut value = serde_json::to_value(report).unwrap_or_default();
    if let Some(obj) = value.as_object_mut() {
        if !opts.explain {
            obj.remove("candidates");
        }
        if !opts.text {
            obj.remove("text");
        }
        // Not an error (the file was read), but worth a word: nothing found is not "0".
        if report.indicators.is_empty() {
            obj.insert("note".into(), NO_FIGURES.into());
        }
    }
    value.to_string()
}

/// Quotes a CSV field when it needs it (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The note of a report with no headline figure (JSON `note`; on stderr with --format csv).
const NO_FIGURES: &str = "no headline figures found in this text";

const CSV_HEADER: &str =
    "source,region,adcode,id,label_zh,label_en,value,unit,text,qualifier,time,start,end,sentence";

fn csv_rows(report: &Report) -> Vec<String> {
    let (region, adcode) = report
        .region
        .as_ref()
        .map_or((String::new(), String::new()), |r| (r.name.clone(), r.adcode.clone()));
    report
        .indicators
        .iter()
        .map(|h| {
            [
                report.source.clone(),
                region.clone(),
                adcode.clone(),
                h.id.clone(),
                h.label_zh.clone(),
                h.label_en.clone(),
                h.value.to_string(),
                h.unit.clone(),
                h.text.clone(),
                h.qualifier.clone().unwrap_or_default(),
                h.time.text.clone().unwrap_or_default(),
                h.start.to_string(),
                h.end.to_string(),
                h.sentence.clone(),
            ]
            .iter()
            .map(|f| csv_field(f))
            .collect::<Vec<_>>()
            .join(",")
        })
        .collect()
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(Some(o)) => o,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zhibiao: {e}");
            return ExitCode::from(2);
        }
    };
    let engine = Engine::new(&opts.catalog);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    if opts.format == Format::Csv {
        let _ = writeln!(out, "{CSV_HEADER}");
    }
    for path in &opts.files {
        let name = source_name(path);
        let result = read_input(path)
            .and_then(|bytes| engine.analyze(&bytes, &name).map_err(|e| e.to_string()));
        match result {
            Ok(report) => {
                if opts.format == Format::Csv && report.indicators.is_empty() {
                    eprintln!("zhibiao: {name}: {NO_FIGURES}");
                }
                let line = match opts.format {
                    Format::Json => json_line(&report, &opts),
                    Format::Csv => csv_rows(&report).join("\n"),
                };
                if !line.is_empty() {
                    let _ = writeln!(out, "{line}");
                }
            }
            Err(e) => {
                failed = true;
                match opts.format {
                    Format::Json => {
                        let _ =
                            writeln!(out, "{}", serde_json::json!({"source": name, "error": e}));
                    }
                    Format::Csv => eprintln!("zhibiao: {name}: {e}"),
                }
            }
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
