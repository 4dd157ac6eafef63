//! The indicator catalog: a data file (`data/catalog.toml`) loaded at start-up.

/// The indicator catalog.
#[derive(Debug, Clone, Default)]
pub struct Catalog {}

impl Catalog {
    /// The built-in catalog v1.
    pub fn builtin() -> Catalog {
        Catalog {}
    }
}
