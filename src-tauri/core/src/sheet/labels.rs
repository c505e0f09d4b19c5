//! The words a sheet uses for fixed values (企业, 成交, 电话, 是…) in each language, both ways.

use super::language_index;
use crate::settings::Language;

/// A fixed value's stored key and its words in zh-CN, zh-TW and en.
pub struct Label {
    pub key: &'static str,
    pub words: [&'static str; 3],
}

const fn l(key: &'static str, words: [&'static str; 3]) -> Label {
    Label { key, words }
}

const KIND: &[Label] = &[
    l("company", ["企业", "企業", "Company"]),
    l("individual", ["个人", "個人", "Individual"]),
];
const STATUS: &[Label] = &[
    l("potential", ["潜在", "潛在", "Potential"]),
    l("intent", ["意向", "意向", "Intent"]),
    l("deal", ["成交", "成交", "Deal"]),
    l("lost", ["流失", "流失", "Lost"]),
];
const LEVEL: &[Label] = &[
    l("a", ["A", "A", "A"]),
    l("b", ["B", "B", "B"]),
    l("c", ["C", "C", "C"]),
];
const GENDER: &[Label] = &[
    l("male", ["男", "男", "Male"]),
    l("female", ["女", "女", "Female"]),
];
const FOLLOW_UP_KIND: &[Label] = &[
    l("call", ["电话", "電話", "Call"]),
    l("visit", ["拜访", "拜訪", "Visit"]),
    l("wechat", ["微信", "微信", "WeChat"]),
    l("email", ["邮件", "郵件", "Email"]),
    l("meeting", ["会议", "會議", "Meeting"]),
    l("other", ["其他", "其他", "Other"]),
];

const CONTRACT_STATUS: &[Label] = &[
    l("draft", ["草稿", "草稿", "Draft"]),
    l("signed", ["已签订", "已簽訂", "Signed"]),
    l("active", ["执行中", "執行中", "Active"]),
    l("completed", ["已完成", "已完成", "Completed"]),
    l("terminated", ["已终止", "已終止", "Terminated"]),
];
const PAYMENT_METHOD: &[Label] = &[
    l("bank", ["银行转账", "銀行轉帳", "Bank transfer"]),
    l("cash", ["现金", "現金", "Cash"]),
    l("wechat", ["微信", "微信", "WeChat Pay"]),
    l("alipay", ["支付宝", "支付寶", "Alipay"]),
    l("cheque", ["支票", "支票", "Cheque"]),
    l("other", ["其他", "其他", "Other"]),
    // Other words a sheet uses for the same ways of paying (read by imports; exports write the first).
    l("bank", ["转账", "轉帳", "transfer"]),
    l("bank", ["对公转账", "對公轉帳", "bank"]),
    l("wechat", ["微信支付", "微信支付", "wechat"]),
    l("alipay", ["支付宝转账", "支付寶轉帳", "alipay"]),
];

/// The fixed values of each choice column, by the column's key.
pub fn choices(column: &str) -> &'static [Label] {
    match column {
        "kind" => KIND,
        "status" => STATUS,
        "level" => LEVEL,
        "gender" => GENDER,
        "followUpKind" => FOLLOW_UP_KIND,
        "isPrimary" | "birthdayLunar" | "active" => FLAG,
        "contractStatus" => CONTRACT_STATUS,
        "paymentMethod" => PAYMENT_METHOD,
        _ => &[],
    }
}

/// Yes and no.
pub const FLAG: &[Label] = &[
    l("true", ["是", "是", "Yes"]),
    l("false", ["否", "否", "No"]),
];

/// The word for a stored key in a language; the key itself when the column has no such value.
pub fn enum_label<'k>(column: &str, key: &'k str, language: Language) -> &'k str {
    choices(column)
        .iter()
        .find(|c| c.key == key)
        .map(|c| c.words[language_index(language)])
        .unwrap_or(key)
}

/// The stored key for a word in any language, or the key itself, ignoring case and spaces.
pub fn parse_enum(column: &str, raw: &str) -> Option<&'static str> {
    let want = raw.trim().to_lowercase();
    choices(column)
        .iter()
        .find(|c| c.key == want || c.words.iter().any(|w| w.to_lowercase() == want))
        .map(|c| c.key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_reads_back_from_its_word_in_any_language() {
        for word in ["成交", "Deal", "deal", " DEAL "] {
            assert_eq!(parse_enum("status", word), Some("deal"), "{word}");
        }
        assert_eq!(parse_enum("kind", "個人"), Some("individual"));
        assert_eq!(parse_enum("status", "maybe"), None);
    }

    #[test]
    fn a_choice_is_written_in_the_sheets_language() {
        assert_eq!(enum_label("followUpKind", "visit", Language::ZhTw), "拜訪");
        assert_eq!(enum_label("kind", "company", Language::En), "Company");
    }
}
