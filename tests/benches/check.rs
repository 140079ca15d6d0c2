//! How long reading and checking one report takes.
//!
//! `cargo bench -p nianbao-tests --bench check`

use criterion::{criterion_main, Criterion, Throughput};
use nianbao_tests::fixtures;
use report_core::{check, CheckOptions, Report};

fn read(name: &str) -> String {
    std::fs::read_to_string(fixtures().join("truth").join(format!("{name}.json"))).expect("fixture")
}

fn benches(c: &mut Criterion) {
    let large = read("2024-huaian-city-gov");
    let blanks = read("2019-shanghai-municipal-gov-general-office-2019format");
    let last = Report::from_json(&read("2021-pingtan-zone-admin-committee")).expect("reads");
    let this = Report::from_json(&read("2022-pingtan-zone-admin-committee")).expect("reads");

    let mut read_group = c.benchmark_group("read");
    read_group.throughput(Throughput::Bytes(large.len() as u64));
    read_group.bench_function("read JSON (淮安市 2024)", |b| {
        b.iter(|| Report::from_json(&large).expect("reads"))
    });
    read_group.finish();

    let mut group = c.benchmark_group("report");
    let report = Report::from_json(&large).expect("reads");
    group.bench_function("check (淮安市 2024)", |b| {
        b.iter(|| check(&report, &CheckOptions::default()))
    });
    group.bench_function("read and check (淮安市 2024)", |b| {
        b.iter(|| {
            check(
                &Report::from_json(&large).expect("reads"),
                &CheckOptions::default(),
            )
        })
    });
    let shanghai = Report::from_json(&blanks).expect("reads");
    group.bench_function("check with many blanks (上海 2019)", |b| {
        b.iter(|| check(&shanghai, &CheckOptions::default()))
    });
    group.bench_function("check with last year's report (平潭 2022)", |b| {
        b.iter(|| {
            check(
                &this,
                &CheckOptions {
                    previous: Some(&last),
                    ..Default::default()
                },
            )
        })
    });
    group.finish();
}

// The macro defines an undocumented public function.
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(check_benches, super::benches);
}
use group::check_benches;
criterion_main!(check_benches);
