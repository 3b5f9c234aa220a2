//! CAMEO and PLOVER ontology tables.
//!
//! (The tables are being written; this stub fixes the public API.)

/// One CAMEO event code.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CameoCode {
    /// `"042"`, `"0211"`, `"14"`... exactly as CAMEO writes it (two-digit roots are `"01"`..`"20"`).
    pub code: &'static str,
    /// Short English name, e.g. "Make a visit".
    pub name: &'static str,
    /// Goldstein conflict-cooperation score, -10.0 ..= 10.0.
    pub goldstein: f32,
    /// 1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).
    pub quad_class: u8,
    /// PLOVER event type, e.g. "CONSULT".
    pub plover_event: &'static str,
    /// PLOVER mode, e.g. "visit"; empty when the type has no specific mode.
    pub plover_mode: &'static str,
}

impl CameoCode {
    /// The two-digit root, e.g. `"04"` for `"042"`.
    pub fn root(&self) -> &'static str {
        &self.code[..2]
    }
}

/// Look up a CAMEO event code. Unknown codes (including dictionary-specific ones like `"174K"`)
/// return `None`.
pub fn cameo(_code: &str) -> Option<&'static CameoCode> {
    None
}

/// All CAMEO event codes, in code order.
pub fn all_cameo() -> &'static [CameoCode] {
    &[]
}

/// Whether a three-letter CAMEO actor code names a country (ISO 3166 alpha-3 or a CAMEO country
/// code such as `"KOS"`), as opposed to an international or non-state actor (`"IGO"`, `"NGO"`...).
pub fn is_country(_code3: &str) -> bool {
    false
}
