//! Arbitrary bytes through the whole engine: decode (encodings, binary refusal, HTML) then
//! extraction, and arbitrary text through the paste path. See checks.rs for what must hold.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::decode_extract(bytes));
