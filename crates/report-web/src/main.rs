//! The page where a clerk fills in the annual report, offline.
//!
//! One signal holds the report; every change runs every rule of `report-core` and is saved to
//! localStorage at once. The tables are drawn from the same grids the exports print
//! (`report_io::export::grid`), so the form has the official layout and labels. No request leaves
//! the page after it has loaded.

mod app;
mod files;
mod io;
mod storage;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
