//! Reading and writing 政府信息公开工作年度报告 as they are published.
//!
//! Import turns what people actually hold — text copied from Word or a web page, `pdftotext
//! -layout` output, web text whose table cells run together, HTML with merged cells, OCR'd
//! Markdown — into the `report-core` model, with *import diagnostics* for everything that could
//! not be read. Export writes the model back in the official layout (HTML, text, Markdown, CSV).
//!
//! Data flows in two steps. A front end per format (`import::*`) turns the input into a list of
//! [`Block`]s: paragraphs and table rows, each remembering where it came from. One interpreter
//! (`import::interpret`) then finds the title, the six sections, the prose and the three tables,
//! matching printed labels to the official layout of `report-core` — the only place labels are
//! defined — and reading each row's numbers. So every format gets the same label variants, the
//! same handling of blanks and the same diagnostics.
//!
//! The crate does no I/O and builds for `wasm32-unknown-unknown`.

pub mod blocks;
pub mod export;
pub mod import;
pub mod review;
pub mod text;

pub use blocks::{Block, Source};
pub use import::{
    detect, import, import_as, import_as_with, import_with, Format, ImportOptions, Imported,
};
pub use review::{check_document, check_imported, check_read};
