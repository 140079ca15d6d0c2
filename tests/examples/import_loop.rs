//! Imports one document many times, for profiling: `import_loop FILE N`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a file");
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let bytes = std::fs::read(path).expect("readable");
    let mut cells = 0;
    for _ in 0..n {
        cells += report_io::import(&bytes)
            .expect("imports")
            .report
            .cells()
            .count();
    }
    println!("{cells}");
}
