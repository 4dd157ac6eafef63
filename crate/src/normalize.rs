//! Normalisation with an offset map back to the decoded text.
