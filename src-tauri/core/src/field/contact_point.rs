//! Mobile and landline numbers, email, website, tax number and bank account: parsed and normalized; pure.

use super::text::half_width;
use crate::error::{CoreError, Result};

fn digits_only(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// A mobile number: a mainland 11-digit number (stored without +86), or an international `+` number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mobile(String);

impl Mobile {
    pub fn parse(raw: &str) -> Result<Self> {
        let s = half_width(raw);
        let s = s.trim();
        if s.chars()
            .any(|c| !(c.is_ascii_digit() || " -+()".contains(c)))
        {
            return Err(CoreError::invalid("mobile", "format"));
        }
        let digits = digits_only(s);
        let international = s.starts_with('+') || s.starts_with("00");
        let mainland = match digits
            .strip_prefix("86")
            .or_else(|| digits.strip_prefix("0086"))
        {
            Some(rest) if international => rest.to_string(),
            _ if international => return Self::international(&digits),
            _ => digits,
        };
        let b = mainland.as_bytes();
        if b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]) {
            Ok(Mobile(mainland))
        } else {
            Err(CoreError::invalid("mobile", "format"))
        }
    }

    fn international(digits: &str) -> Result<Self> {
        let digits = digits.trim_start_matches("00");
        if (7..=15).contains(&digits.len()) {
            Ok(Mobile(format!("+{digits}")))
        } else {
            Err(CoreError::invalid("mobile", "format"))
        }
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A landline such as 010-6552 8888, (0755)8888-6666 or 400-800-8888 ext. 12, kept as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Self> {
        let s = half_width(raw).trim().to_string();
        let lower = s.to_lowercase();
        let body = lower
            .replace("ext.", "")
            .replace("ext", "")
            .replace('转', "");
        if body
            .chars()
            .any(|c| !(c.is_ascii_digit() || " -+()#".contains(c)))
        {
            return Err(CoreError::invalid("phone", "format"));
        }
        let n = digits_only(&body).len();
        if !(5..=20).contains(&n) {
            return Err(CoreError::invalid("phone", "format"));
        }
        Ok(Phone(s))
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// An email address: one `@`, a dotted domain, no spaces; stored with a lower-case domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self> {
        let s = half_width(raw).trim().to_string();
        let bad = || CoreError::invalid("email", "format");
        if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad());
        }
        let (local, domain) = s.split_once('@').ok_or_else(bad)?;
        let labels_ok = domain.split('.').all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
        if local.is_empty()
            || local.len() > 64
            || domain.contains('@')
            || !domain.contains('.')
            || !labels_ok
        {
            return Err(bad());
        }
        Ok(Email(format!("{local}@{}", domain.to_lowercase())))
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A website: a host name with a dot, optionally with a scheme and path; no spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Website(String);

impl Website {
    pub fn parse(raw: &str) -> Result<Self> {
        let s = half_width(raw).trim().to_string();
        let host = s
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        let host = host.split(['/', '?', '#']).next().unwrap_or("");
        let ok = s.len() <= 300
            && !s.chars().any(|c| c.is_whitespace() || c.is_control())
            && host.contains('.')
            && host.split('.').all(|l| !l.is_empty())
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || ".-:".contains(c));
        if ok {
            Ok(Website(s))
        } else {
            Err(CoreError::invalid("website", "format"))
        }
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// 纳税人识别号: 15 to 20 letters and digits (the 18-character form is usually the 统一社会信用代码).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxNumber(String);

impl TaxNumber {
    pub fn parse(raw: &str) -> Result<Self> {
        let s: String = half_width(raw)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        if (15..=20).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()) {
            Ok(TaxNumber(s))
        } else {
            Err(CoreError::invalid("taxNumber", "format"))
        }
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A bank account number: 8 to 32 digits, stored without spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankAccount(String);

impl BankAccount {
    pub fn parse(raw: &str) -> Result<Self> {
        let s = half_width(raw);
        let compact: String = s
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if (8..=32).contains(&compact.len()) && compact.chars().all(|c| c.is_ascii_digit()) {
            Ok(BankAccount(compact))
        } else {
            Err(CoreError::invalid("bankAccount", "format"))
        }
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mainland_mobiles_are_stored_as_eleven_digits() {
        for raw in [
            "13812345678",
            "138 1234 5678",
            "+86 138-1234-5678",
            "１３８１２３４５６７８",
        ] {
            assert_eq!(
                Mobile::parse(raw).unwrap().into_string(),
                "13812345678",
                "{raw}"
            );
        }
    }

    #[test]
    fn a_mobile_that_is_not_a_number_is_refused() {
        for raw in [
            "12812345678",
            "1381234567",
            "138123456789",
            "138abc45678",
            "☎️13812345678",
        ] {
            assert_eq!(
                Mobile::parse(raw).unwrap_err().reason(),
                Some("format"),
                "{raw}"
            );
        }
    }

    #[test]
    fn an_international_mobile_keeps_its_plus() {
        assert_eq!(
            Mobile::parse("+1 415 555 0100").unwrap().into_string(),
            "+14155550100"
        );
    }

    #[test]
    fn landlines_with_area_codes_and_extensions_are_accepted() {
        for raw in [
            "010-65528888",
            "(0755)8888-6666",
            "400-800-8888 ext. 12",
            "021 6888 8888转8001",
        ] {
            assert!(Phone::parse(raw).is_ok(), "{raw}");
        }
        assert!(Phone::parse("call me").is_err());
    }

    #[test]
    fn emails_need_a_dotted_domain_and_no_spaces() {
        assert_eq!(
            Email::parse("Sales@HuaYuan.COM.cn").unwrap().into_string(),
            "Sales@huayuan.com.cn"
        );
        for raw in [
            "sales", "sales@", "@a.cn", "a b@c.cn", "a@b", "a@@b.cn", "a@b..cn",
        ] {
            assert!(Email::parse(raw).is_err(), "{raw}");
        }
    }

    #[test]
    fn websites_need_a_host_with_a_dot() {
        assert!(Website::parse("www.huayuan.cn").is_ok());
        assert!(Website::parse("https://华远.中国/about").is_ok());
        assert!(Website::parse("not a site").is_err());
    }

    #[test]
    fn bank_accounts_are_digits_without_spaces() {
        assert_eq!(
            BankAccount::parse("6222 0202 0000 1234 567")
                .unwrap()
                .into_string(),
            "6222020200001234567"
        );
        assert!(BankAccount::parse("62220202abc").is_err());
    }
}
