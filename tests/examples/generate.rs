//! Writes synthetic reports (see `nianbao_tests::synth`) as report JSON files, for benchmarks
//! and for trying the command line on many reports.
//!
//! `cargo run --release -p nianbao-tests --example generate -- DIR COUNT [ERROR_EVERY]`
//! writes DIR/report-00000.json …; every ERROR_EVERY-th report (default 10; 0 for none) has one
//! error, the kinds in turn.

use nianbao_tests::synth::{consistent, with_defect, Defect};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(count)) = (
        args.first(),
        args.get(1).and_then(|c| c.parse::<u64>().ok()),
    ) else {
        eprintln!("用法：generate 目录 份数 [每几份含一个错误，默认 10]");
        std::process::exit(2);
    };
    let every = args
        .get(2)
        .and_then(|e| e.parse::<u64>().ok())
        .unwrap_or(10);
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("无法创建 {dir}：{e}");
        std::process::exit(2);
    }
    for i in 0..count {
        let report = if every > 0 && i % every == every - 1 {
            let defect = Defect::ALL[((i / every) % Defect::ALL.len() as u64) as usize];
            with_defect(i, defect).0
        } else {
            consistent(i)
        };
        let path = format!("{dir}/report-{i:05}.json");
        if let Err(e) = std::fs::write(&path, report.to_json()) {
            eprintln!("无法写入 {path}：{e}");
            std::process::exit(2);
        }
    }
}
