use std::fmt;

/// A problem found while reading a dictionary: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    pub message: String,
}

impl Diagnostic {
    pub fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic { file: file.into(), line, message: message.into() }
    }
}

impl Diagnostic {
    /// A diagnostic at an entry's origin (`file:line`, as entries record where they came from).
    pub fn at_origin(origin: &str, message: impl Into<String>) -> Diagnostic {
        match origin.rsplit_once(':').and_then(|(f, l)| l.parse().ok().map(|l| (f, l))) {
            Some((file, line)) => Diagnostic::new(file, line, message),
            None => Diagnostic::new(origin, 0, message),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for Diagnostic {}
