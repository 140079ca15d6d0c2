//! Export: the report in the official layout.
