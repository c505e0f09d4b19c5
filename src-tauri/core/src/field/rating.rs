//! A rating of one to five (满意度, 偏好): whole numbers only.

use crate::error::{CoreError, Result};

/// The rating `value` of `field`, if any: refused outside 1–5.
pub fn rating(field: &'static str, value: Option<i64>) -> Result<Option<i64>> {
    match value {
        None => Ok(None),
        Some(v) if (1..=5).contains(&v) => Ok(Some(v)),
        Some(_) => Err(CoreError::invalid(field, "range")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rating_is_one_to_five_or_nothing() {
        assert_eq!(rating("satisfaction", Some(5)).unwrap(), Some(5));
        assert_eq!(rating("satisfaction", None).unwrap(), None);
        for bad in [0, 6, -1] {
            assert_eq!(
                rating("satisfaction", Some(bad)).unwrap_err().to_string(),
                "satisfaction: range"
            );
        }
    }
}
