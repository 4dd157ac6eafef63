//! The `zhibiao` command line.

fn main() {
    let catalog = zhibiao::Catalog::builtin();
    let mut status = 0;
    for path in std::env::args().skip(1) {
        let name = std::path::Path::new(&path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.clone());
        match std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|b| zhibiao::analyze(&b, &name, &catalog).map_err(|e| e.to_string()))
        {
            Ok(r) => println!("{}", serde_json::to_string(&r).unwrap_or_default()),
            Err(e) => {
                println!("{}", serde_json::json!({"source": name, "error": e}));
                status = 1;
            }
        }
    }
    std::process::exit(status);
}
