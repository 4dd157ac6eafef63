//! Data-quality warnings: missing_number, corrupt_text, censored_text, duplicate_paragraph.
