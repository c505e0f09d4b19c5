//! The sheet of each record kind: its columns, in the order exports write them, and its name.

use super::columns::{col, inp, out, Column, ColumnKind::*};
use crate::record::RecordKind;
use crate::settings::Language;

impl RecordKind {
    /// The kind's sheet columns, in the order exports write them; none for a kind without a sheet.
    pub fn columns(self) -> &'static [Column] {
        match self {
            RecordKind::Customers => CUSTOMER,
            RecordKind::Contacts => CONTACT,
            RecordKind::FollowUps => FOLLOW_UP,
            RecordKind::Products => super::money::PRODUCT,
            RecordKind::Contracts => super::money::CONTRACT,
            RecordKind::Installments => super::money::INSTALLMENT,
            RecordKind::Receipts => super::money::RECEIPT,
            RecordKind::Documents => &[],
        }
    }

    /// The columns exports write.
    pub fn exported(self) -> impl Iterator<Item = &'static Column> {
        self.columns().iter().filter(|c| c.exported)
    }

    /// The sheet's name: what the records are, in the workbook's language.
    pub fn sheet_name(self, language: Language) -> &'static str {
        let names = match self {
            RecordKind::Customers => ["客户", "客戶", "Customers"],
            RecordKind::Contacts => ["联系人", "聯絡人", "Contacts"],
            RecordKind::FollowUps => ["跟进记录", "跟進記錄", "Follow-ups"],
            RecordKind::Products => ["产品", "產品", "Products"],
            RecordKind::Contracts => ["合同", "合約", "Contracts"],
            RecordKind::Installments => ["回款计划", "回款計畫", "Payment plans"],
            RecordKind::Receipts => ["回款", "回款", "Receipts"],
            RecordKind::Documents => ["文档", "文件", "Documents"],
        };
        names[super::language_index(language)]
    }
}

const CUSTOMER: &[Column] = &[
    col(
        "name",
        ["客户名称", "客戶名稱", "Customer name"],
        &[
            "公司名称",
            "公司名稱",
            "单位名称",
            "單位名稱",
            "企业名称",
            "企業名稱",
            "客户",
            "客戶",
            "名称",
            "名稱",
            "客户全称",
            "公司",
            "name",
            "company",
            "company name",
            "customer",
        ],
        Text,
    ),
    col(
        "kind",
        ["类型", "類型", "Type"],
        &["客户类型", "客戶類型", "kind", "customer type"],
        Choice,
    ),
    col(
        "uscc",
        [
            "统一社会信用代码",
            "統一社會信用代碼",
            "Unified social credit code",
        ],
        &[
            "信用代码",
            "信用代碼",
            "社会信用代码",
            "统一信用代码",
            "uscc",
            "credit code",
        ],
        Code,
    ),
    col(
        "industry",
        ["行业", "行業", "Industry"],
        &["所属行业", "所屬行業"],
        Text,
    ),
    col(
        "source",
        ["来源", "來源", "Source"],
        &["客户来源", "客戶來源", "lead source"],
        Text,
    ),
    col(
        "province",
        ["省份", "省份", "Province"],
        &["省", "所在省", "state"],
        Text,
    ),
    col(
        "city",
        ["城市", "城市", "City"],
        &["市", "所在市", "所在城市"],
        Text,
    ),
    col(
        "district",
        ["区县", "區縣", "District"],
        &["区", "區", "县", "縣", "区/县"],
        Text,
    ),
    col(
        "address",
        ["地址", "地址", "Address"],
        &["详细地址", "詳細地址", "公司地址", "联系地址", "聯絡地址"],
        Text,
    ),
    col(
        "phone",
        ["电话", "電話", "Phone"],
        &[
            "座机",
            "座機",
            "固定电话",
            "固話",
            "办公电话",
            "联系电话",
            "聯絡電話",
            "telephone",
            "tel",
        ],
        Code,
    ),
    col(
        "mobile",
        ["手机", "手機", "Mobile"],
        &[
            "手机号",
            "手機號",
            "手机号码",
            "手機號碼",
            "移动电话",
            "mobile phone",
            "cell",
            "cellphone",
        ],
        Code,
    ),
    col(
        "email",
        ["邮箱", "郵箱", "Email"],
        &["电子邮箱", "電子郵件", "电子邮件", "邮件", "e-mail", "mail"],
        Text,
    ),
    col(
        "website",
        ["网站", "網站", "Website"],
        &["网址", "網址", "主页", "url", "web"],
        Text,
    ),
    col(
        "level",
        ["级别", "級別", "Level"],
        &["客户级别", "客戶級別", "等级", "等級", "grade"],
        Choice,
    ),
    col(
        "status",
        ["状态", "狀態", "Status"],
        &["客户状态", "客戶狀態", "阶段", "階段", "lifecycle", "stage"],
        Choice,
    ),
    col("tags", ["标签", "標籤", "Tags"], &["标记", "tag"], Text),
    col(
        "notes",
        ["备注", "備註", "Notes"],
        &["说明", "說明", "note", "remarks", "comment", "comments"],
        LongText,
    ),
    col(
        "invoiceTitle",
        ["开票抬头", "開票抬頭", "Invoice title"],
        &["发票抬头", "發票抬頭"],
        Text,
    ),
    col(
        "taxNumber",
        ["税号", "稅號", "Tax number"],
        &["纳税人识别号", "納稅人識別號", "tax id"],
        Code,
    ),
    col(
        "bankName",
        ["开户行", "開戶行", "Bank"],
        &["开户银行", "開戶銀行", "bank name"],
        Text,
    ),
    col(
        "bankAccount",
        ["银行账号", "銀行帳號", "Bank account"],
        &["账号", "帳號", "银行帐号", "account number"],
        Code,
    ),
    col(
        "touchEveryDays",
        ["联系周期(天)", "聯絡週期(天)", "Keep in touch every (days)"],
        &["联系周期", "聯絡週期", "回访周期"],
        Int,
    ),
    col(
        "preference",
        ["偏好(1-5)", "偏好(1-5)", "Preference (1-5)"],
        &["偏好", "客户偏好", "客戶偏好", "preference"],
        Int,
    ),
    inp(
        "contactName",
        ["联系人", "聯絡人", "Contact"],
        &["联系人姓名", "聯絡人姓名", "contact name", "姓名"],
        Text,
    ),
    inp(
        "contactTitle",
        ["联系人职务", "聯絡人職務", "Contact title"],
        &["职务", "職務", "职位", "職位", "title", "position"],
        Text,
    ),
    inp(
        "contactMobile",
        ["联系人手机", "聯絡人手機", "Contact mobile"],
        &["联系人电话", "聯絡人電話", "contact phone"],
        Code,
    ),
    inp(
        "contactEmail",
        ["联系人邮箱", "聯絡人郵箱", "Contact email"],
        &["contact e-mail"],
        Text,
    ),
    out(
        "nextFollowUp",
        ["下次跟进", "下次跟進", "Next follow-up"],
        Date,
    ),
    out(
        "lastFollowUpAt",
        ["最近跟进", "最近跟進", "Last follow-up"],
        DateTime,
    ),
    out("createdAt", ["创建时间", "建立時間", "Created"], DateTime),
    out("updatedAt", ["更新时间", "更新時間", "Updated"], DateTime),
];

const CONTACT: &[Column] = &[
    col(
        "customerName",
        ["客户名称", "客戶名稱", "Customer name"],
        &["公司名称", "公司名稱", "单位名称", "客户", "company"],
        Text,
    ),
    col(
        "name",
        ["姓名", "姓名", "Name"],
        &["联系人", "聯絡人", "联系人姓名", "contact"],
        Text,
    ),
    col(
        "title",
        ["职务", "職務", "Title"],
        &["职位", "職位", "position"],
        Text,
    ),
    col(
        "department",
        ["部门", "部門", "Department"],
        &["dept"],
        Text,
    ),
    col(
        "mobile",
        ["手机", "手機", "Mobile"],
        &["手机号", "手機號", "手机号码", "cell"],
        Code,
    ),
    col(
        "phone",
        ["电话", "電話", "Phone"],
        &["座机", "座機", "办公电话", "tel"],
        Code,
    ),
    col(
        "email",
        ["邮箱", "郵箱", "Email"],
        &["电子邮箱", "e-mail", "mail"],
        Text,
    ),
    col(
        "wechat",
        ["微信", "微信", "WeChat"],
        &["微信号", "微信號", "wechat id"],
        Text,
    ),
    col(
        "birthday",
        ["生日", "生日", "Birthday"],
        &["出生日期", "birth date"],
        Text,
    ),
    col(
        "birthdayLunar",
        ["农历生日", "農曆生日", "Lunar birthday"],
        &["农历", "農曆", "lunar"],
        Flag,
    ),
    col("gender", ["性别", "性別", "Gender"], &["sex"], Choice),
    col(
        "isPrimary",
        ["主联系人", "主要聯絡人", "Primary"],
        &["主要联系人", "primary contact"],
        Flag,
    ),
    col(
        "notes",
        ["备注", "備註", "Notes"],
        &["说明", "note", "remarks"],
        LongText,
    ),
    out("createdAt", ["创建时间", "建立時間", "Created"], DateTime),
];

const FOLLOW_UP: &[Column] = &[
    col(
        "customerName",
        ["客户名称", "客戶名稱", "Customer name"],
        &["公司名称", "客户", "company"],
        Text,
    ),
    col(
        "contactName",
        ["联系人", "聯絡人", "Contact"],
        &["contact name"],
        Text,
    ),
    col(
        "followUpKind",
        ["方式", "方式", "Channel"],
        &["跟进方式", "跟進方式", "kind", "type"],
        Choice,
    ),
    col(
        "happenedAt",
        ["跟进时间", "跟進時間", "When"],
        &["时间", "時間", "日期", "date", "time"],
        DateTime,
    ),
    col(
        "content",
        ["内容", "內容", "Content"],
        &["跟进内容", "跟進內容", "记录", "content"],
        LongText,
    ),
    col(
        "outcome",
        ["结果", "結果", "Outcome"],
        &["跟进结果", "result"],
        Text,
    ),
    col(
        "nextDate",
        ["下次跟进日期", "下次跟進日期", "Next follow-up"],
        &["下次跟进", "下次跟進", "next date"],
        Date,
    ),
    col(
        "satisfaction",
        ["满意度(1-5)", "滿意度(1-5)", "Satisfaction (1-5)"],
        &["满意度", "滿意度", "satisfaction"],
        Int,
    ),
    out("createdAt", ["创建时间", "建立時間", "Created"], DateTime),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_has_a_header_in_every_language() {
        for e in RecordKind::SHEETS {
            for c in e.columns() {
                assert!(c.labels.iter().all(|l| !l.is_empty()), "{e:?}.{}", c.key);
            }
        }
    }

    #[test]
    fn no_header_or_synonym_names_two_columns_of_one_sheet() {
        // An import maps a header to the first column that knows it; two would make the mapping a guess.
        for e in RecordKind::SHEETS {
            let mut seen = std::collections::HashMap::new();
            for c in e.columns() {
                for word in c.labels.iter().chain(c.synonyms) {
                    let w = word.to_lowercase();
                    if let Some(other) = seen.insert(w.clone(), c.key) {
                        assert_eq!(other, c.key, "{e:?}: '{w}' names {other} and {}", c.key);
                    }
                }
            }
        }
    }
}
