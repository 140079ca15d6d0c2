//! Every input a fuzz target ever crashed on is replayed here for good: `fuzz/regressions/TARGET/`
//! holds the files (see `scripts/fuzz.sh`), and each must now give a report or an error.

use std::path::Path;

use nianbao_tests::fuzz::{replay, TARGETS};

#[test]
fn every_input_a_fuzz_target_crashed_on_is_handled() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions");
    for dir in std::fs::read_dir(&root)
        .expect("fuzz/regressions exists")
        .flatten()
    {
        if !dir.path().is_dir() {
            continue;
        }
        let target = dir.file_name().to_string_lossy().into_owned();
        assert!(
            TARGETS.contains(&target.as_str()),
            "fuzz/regressions/{target}: no such target"
        );
        for file in std::fs::read_dir(dir.path()).expect("readable").flatten() {
            let data = std::fs::read(file.path()).expect("readable");
            replay(&target, &data);
        }
    }
}
