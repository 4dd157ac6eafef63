//! Arbitrary text through the number reader. See checks.rs for what must hold.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::number_reader(bytes));
