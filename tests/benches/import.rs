//! Import throughput per format, on the published reports.
//!
//! `cargo bench -p nianbao-tests --bench import`

use criterion::{criterion_main, Criterion, Throughput};
use nianbao_tests::{real, truth_names};

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    for name in truth_names() {
        let bytes = std::fs::read(real(&name)).expect("fixture");
        let format = report_io::import(&bytes).expect("imports").format;
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(format!("{format:?} ({name})"), |b| {
            b.iter(|| report_io::import(&bytes).expect("imports"))
        });
    }
    let pdf = std::fs::read(real("2023-huaian-hongze-district-gov.pdf")).expect("the PDF");
    group.throughput(Throughput::Bytes(pdf.len() as u64));
    group.bench_function("Pdf (2023-huaian-hongze-district-gov.pdf)", |b| {
        b.iter(|| report_io::import(&pdf).expect("imports"))
    });
    let report = nianbao_tests::truth("2024-huaian-city-gov");
    use report_io::export::Target;
    for target in [
        Target::Html,
        Target::Text,
        Target::Markdown,
        Target::Csv,
        Target::Docx,
    ] {
        let rendered = report_io::export::render(&report, target);
        group.throughput(Throughput::Bytes(rendered.len() as u64));
        group.bench_function(format!("{target:?} (rendered 淮安市 2024)"), |b| {
            b.iter(|| report_io::import(&rendered).expect("imports"))
        });
    }
    group.finish();
}

// The macro defines an undocumented public function.
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(import_benches, super::benches);
}
use group::import_benches;
criterion_main!(import_benches);
