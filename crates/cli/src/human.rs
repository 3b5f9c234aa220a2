//! Numbers and words for people reading stderr summaries and bench reports.

/// A count or rate rounded to a whole number, with thousands separators: `12,345`.
pub fn fmt_count(n: f64) -> String {
    if !n.is_finite() {
        return "-".to_string();
    }
    let digits = format!("{:.0}", n.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < -0.5 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "s" unless `n` is 1.
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(fmt_count(0.0), "0");
        assert_eq!(fmt_count(999.4), "999");
        assert_eq!(fmt_count(1234.0), "1,234");
        assert_eq!(fmt_count(1234567.8), "1,234,568");
        assert_eq!(fmt_count(-4321.0), "-4,321");
        assert_eq!(fmt_count(f64::INFINITY), "-");
    }
}
