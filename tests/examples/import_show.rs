//! Prints what importing a document gives: `cargo run -p nianbao-tests --example import_show FILE`.
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable");
        match report_io::import(&bytes) {
            Ok(imported) => {
                println!(
                    "{path}: {:?} {} {} {:?}",
                    imported.format,
                    imported.report.year,
                    imported.report.agency,
                    imported.report.edition
                );
                for d in &imported.diagnostics {
                    println!(
                        "  {} {:?} {} {:?}",
                        d.code, d.severity, d.message, d.candidates
                    );
                }
                let prose: Vec<_> = report_core::ProseField::ALL
                    .iter()
                    .filter_map(|f| {
                        imported
                            .report
                            .prose(*f)
                            .map(|t| format!("{:?}={}", f, t.chars().take(30).collect::<String>()))
                    })
                    .collect();
                println!("  prose: {prose:?}");
            }
            Err(e) => println!("{path}: {e}"),
        }
    }
}
