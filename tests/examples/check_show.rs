//! Imports and checks documents: `cargo run -p nianbao-tests --example check_show FILE...`.
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable");
        let imported = report_io::import(&bytes).expect("imports");
        let result = report_core::check(&imported.report, &report_core::CheckOptions::default());
        println!("{path}");
        for d in result
            .diagnostics
            .iter()
            .filter(|d| d.severity != report_core::Severity::Info)
        {
            println!("  {} {:?} {} {:?}", d.code, d.severity, d.message, d.cells);
        }
    }
}
