//! One module per command; each turns its arguments into output and an exit code.

pub mod check;
pub mod diff;
pub mod import;
pub mod render;
pub mod sum;
