//! Shared helpers for the cross-crate tests: where the fixtures are and how to load them.

use std::path::{Path, PathBuf};

use report_core::Report;

/// The folder of the test fixtures kept in the repository.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The names of the published reports with a cell-by-cell truth file, sorted.
pub fn truth_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join("truth"))
        .expect("the truth fixtures are in the repository")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".json") && !name.ends_with(".expect.json"))
        .map(|name| name.trim_end_matches(".json").to_owned())
        .collect();
    names.sort();
    names
}

/// The truth report `name`.
pub fn truth(name: &str) -> Report {
    let path = fixtures().join("truth").join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    Report::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The expectations recorded next to the truth report `name`.
pub fn expectations(name: &str) -> serde_json::Value {
    let path = fixtures().join("truth").join(format!("{name}.expect.json"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("expectations readable"))
        .expect("expectations are JSON")
}
