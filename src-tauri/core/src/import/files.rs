//! The workbooks an import hands out: a template to fill in, and the refused rows with their reasons to
//! fix and import again.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

use crate::error::{CoreError, Result};
use crate::export::{Cell, Sink, XlsxSink};
use crate::record::RecordKind;
use crate::settings::Language;
use crate::sheet::{language_index, Column};
use crate::store::Store;

/// A template: the importable columns' headers in the UI language and one example row.
pub fn write_template(entity: RecordKind, path: &Path, language: Language) -> Result<()> {
    if !entity.has_sheet() {
        return Err(CoreError::invalid("entity", "unsupported"));
    }
    let columns: Vec<&'static Column> = entity.columns().iter().filter(|c| c.importable).collect();
    let title = match entity {
        RecordKind::Contacts => [
            "联系人导入模板",
            "聯絡人匯入範本",
            "Contact import template",
        ],
        RecordKind::Products => ["产品导入模板", "產品匯入範本", "Product import template"],
        RecordKind::Contracts => ["合同导入模板", "合約匯入範本", "Contract import template"],
        RecordKind::Installments => [
            "回款计划导入模板",
            "回款計畫匯入範本",
            "Payment plan import template",
        ],
        RecordKind::Receipts => ["回款导入模板", "回款匯入範本", "Receipt import template"],
        RecordKind::FollowUps => [
            "跟进记录导入模板",
            "跟進記錄匯入範本",
            "Follow-up import template",
        ],
        _ => ["客户导入模板", "客戶匯入範本", "Customer import template"],
    }[language_index(language)];
    let mut sink = Box::new(XlsxSink::new(path, language, title));
    sink.start(entity, &columns)?;
    let customer_example = |key: &str| -> Cell {
        let i = language_index(language);
        let t = |s: [&str; 3]| Cell::Text(s[i].to_string());
        match key {
            "name" => t([
                "北京华远科技有限公司",
                "台北華遠科技有限公司",
                "Huayuan Technology Ltd.",
            ]),
            "kind" => t(["企业", "企業", "Company"]),
            "uscc" => Cell::Text("91110108551385082Q".into()),
            "industry" => t(["软件", "軟體", "Software"]),
            "province" => t(["北京市", "台灣", "Beijing"]),
            "mobile" => Cell::Text("13800138000".into()),
            "email" => Cell::Text("info@example.com".into()),
            "level" => Cell::Text("A".into()),
            "status" => t(["意向", "意向", "Intent"]),
            "tags" => t(["老客户, VIP", "老客戶, VIP", "VIP, referral"]),
            "contactName" => t(["张三", "張三", "Zhang San"]),
            "contactMobile" => Cell::Text("13900139000".into()),
            _ => Cell::Empty,
        }
    };
    let example = |key: &str| -> Cell {
        let i = language_index(language);
        let t = |s: [&str; 3]| Cell::Text(s[i].to_string());
        match (entity, key) {
            (RecordKind::Contacts, "customerName") => t([
                "北京华远科技有限公司",
                "台北華遠科技有限公司",
                "Huayuan Technology Ltd.",
            ]),
            (RecordKind::Contacts, "name") => t(["张三", "張三", "Zhang San"]),
            (RecordKind::Contacts, "title") => t(["采购经理", "採購經理", "Purchasing manager"]),
            (RecordKind::Contacts, "birthday") => Cell::Text("1985-06-18".into()),
            (RecordKind::Contacts, "gender") => t(["男", "男", "Male"]),
            (RecordKind::Contacts, "isPrimary") => t(["是", "是", "Yes"]),
            (RecordKind::Contacts, "birthdayLunar") => t(["否", "否", "No"]),
            (RecordKind::Contacts, "mobile") => Cell::Text("13900139000".into()),
            (RecordKind::Contacts, _) => Cell::Empty,
            (RecordKind::Products, "name") => t([
                "云服务器 标准版",
                "雲端伺服器 標準版",
                "Cloud server, standard",
            ]),
            (RecordKind::Products, "code") => Cell::Text("YF-S01".into()),
            (RecordKind::Products, "unit") => t(["台·年", "台·年", "server·year"]),
            (RecordKind::Products, "category") => t(["云服务", "雲端服務", "Cloud"]),
            (RecordKind::Products, "listPrice") => Cell::Money(398_000),
            (RecordKind::Products, "cost") => Cell::Money(238_800),
            (RecordKind::Products, "active") => t(["是", "是", "Yes"]),
            (RecordKind::Products, _) => Cell::Empty,
            (
                RecordKind::Contracts | RecordKind::Installments | RecordKind::Receipts,
                "number" | "contractNumber",
            ) => Cell::Text("HT-2026-0001".into()),
            (RecordKind::Contracts, "title") => {
                t(["年度云服务合同", "年度雲端服務合約", "Annual cloud service"])
            }
            (RecordKind::Contracts | RecordKind::FollowUps, "customerName") => t([
                "北京华远科技有限公司",
                "台北華遠科技有限公司",
                "Huayuan Technology Ltd.",
            ]),
            (RecordKind::Contracts, "contractStatus") => t(["已签订", "已簽訂", "Signed"]),
            (RecordKind::Contracts, "amount") => Cell::Money(1_200_000),
            (RecordKind::Contracts, "signedOn" | "startsOn") => Cell::day(Some("2026-01-15")),
            (RecordKind::Contracts, "endsOn") => Cell::day(Some("2027-01-14")),
            (RecordKind::Installments, "dueOn") => Cell::day(Some("2026-03-31")),
            (RecordKind::Installments, "amount") => Cell::Money(600_000),
            (RecordKind::Receipts, "receivedOn") => Cell::day(Some("2026-03-28")),
            (RecordKind::Receipts, "amount") => Cell::Money(600_000),
            (RecordKind::Receipts, "paymentMethod") => t(["银行转账", "銀行轉帳", "Bank transfer"]),
            (RecordKind::FollowUps, "followUpKind") => t(["电话", "電話", "Call"]),
            (RecordKind::FollowUps, "happenedAt") => Cell::Text("2026-03-05 14:30".into()),
            (RecordKind::FollowUps, "content") => {
                t(["电话沟通报价", "電話溝通報價", "Called about the quote"])
            }
            (RecordKind::FollowUps, "nextDate") => Cell::day(Some("2026-03-12")),
            (
                RecordKind::Contracts
                | RecordKind::Installments
                | RecordKind::Receipts
                | RecordKind::FollowUps,
                _,
            ) => Cell::Empty,
            (_, key) => customer_example(key),
        }
    };
    let row: Vec<Cell> = columns.iter().map(|c| example(c.key)).collect();
    sink.row(&row)?;
    sink.finish()?;
    Ok(())
}

/// The refused rows of import `id` under the file's own header, with the reason in a last column.
pub async fn write_rejects(store: &Store, id: i64, path: &Path, language: Language) -> Result<u32> {
    let (headers, entity): (String, String) =
        sqlx::query_as("SELECT headers, entity FROM imports WHERE id = ?")
            .bind(id)
            .fetch_optional(store.read())
            .await?
            .ok_or(CoreError::NotFound)?;
    let entity = RecordKind::parse(&entity).unwrap_or(RecordKind::Customers);
    let headers: Vec<String> = serde_json::from_str(&headers).unwrap_or_default();
    let rows: Vec<(u32, Option<String>, String, String)> = sqlx::query_as(
        "SELECT row, field, reason, cells FROM import_rejects WHERE import_id = ? ORDER BY row",
    )
    .bind(id)
    .fetch_all(store.read())
    .await?;
    let i = language_index(language);
    let internal = |e: rust_xlsxwriter::XlsxError| CoreError::Internal(e.to_string());
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    let quoted = Format::new().set_quote_prefix();
    let ws = wb.add_worksheet();
    ws.set_name(["错误行", "錯誤列", "Rejected rows"][i])
        .map_err(internal)?;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold)
            .map_err(internal)?;
        ws.set_column_width(c as u16, 16).map_err(internal)?;
    }
    let reason_col = headers.len() as u16;
    ws.write_string_with_format(0, reason_col, ["错误原因", "錯誤原因", "Reason"][i], &bold)
        .map_err(internal)?;
    ws.set_column_width(reason_col, 36).map_err(internal)?;
    ws.set_freeze_panes(1, 0).map_err(internal)?;
    for (n, (_, field, reason, cells)) in rows.iter().enumerate() {
        let r = n as u32 + 1;
        let cells: Vec<String> = serde_json::from_str(cells).unwrap_or_default();
        for (c, v) in cells.iter().enumerate() {
            // Kept as the text the file held, so a code or a phone keeps its digits on the way back.
            let f = if crate::export::looks_like_formula(v) {
                &quoted
            } else {
                &text
            };
            ws.write_string_with_format(r, c as u16, v, f)
                .map_err(internal)?;
        }
        ws.write_string(
            r,
            reason_col,
            reason_words(entity, field.as_deref(), reason, language),
        )
        .map_err(internal)?;
    }
    let (file, temp) = crate::export::temp_beside(path)?;
    wb.save_to_writer(std::io::BufWriter::new(file))
        .map_err(internal)?;
    temp.persist(path).map_err(|e| CoreError::from(e.error))?;
    Ok(rows.len() as u32)
}

/// A refusal in the user's words: the column's header and what is wrong with it.
pub fn reason_words(
    entity: RecordKind,
    field: Option<&str>,
    reason: &str,
    language: Language,
) -> String {
    let i = language_index(language);
    let what: &str = match reason {
        "required" => ["不能为空", "不能為空", "is required"][i],
        "format" => ["格式不正确", "格式不正確", "has the wrong format"][i],
        "checksum" => ["校验位不正确", "校驗碼不正確", "fails its check digit"][i],
        "too_long" => ["太长", "太長", "is too long"][i],
        "control_chars" => [
            "含有控制字符",
            "含有控制字元",
            "contains control characters",
        ][i],
        "unknown_choice" => ["不是可选的值", "不是可選的值", "is not one of the choices"][i],
        "range" => ["超出范围", "超出範圍", "is out of range"][i],
        "duplicate_in_file" => [
            "与文件中前面的行重复",
            "與檔案中前面的列重複",
            "repeats an earlier row of the file",
        ][i],
        "exists" => ["已存在", "已存在", "exists already"][i],
        "customer_not_found" => ["找不到这个客户", "找不到這個客戶", "names no customer"][i],
        "not_found" => [
            "找不到要更新的记录",
            "找不到要更新的資料",
            "finds no record to update",
        ][i],
        "from_lines" => [
            "由合同明细合计得出，不能单独修改",
            "由合約明細合計得出，不能單獨修改",
            "is the sum of the lines, not set by itself",
        ][i],
        "ambiguous" => [
            "匹配到多个客户",
            "符合多個客戶",
            "matches several customers",
        ][i],
        "contract_not_found" => ["找不到这份合同", "找不到這份合約", "names no contract"][i],
        "contact_not_found" => [
            "不是这个客户的联系人",
            "不是這個客戶的聯絡人",
            "is no contact of this customer",
        ][i],
        "exceeds_due" => [
            "超过了尚未回款的金额",
            "超過了尚未回款的金額",
            "is more than is still due",
        ][i],
        "exceeds_contract" => [
            "回款计划超过了合同金额",
            "回款計畫超過了合約金額",
            "plans more than the contract is worth",
        ][i],
        "below_received" => ["低于已回款金额", "低於已回款金額", "is below what came in"][i],
        "below_plan" => ["低于回款计划", "低於回款計畫", "is below the payment plan"][i],
        "fixed" => [
            "不能改成另一个客户",
            "不能改成另一個客戶",
            "cannot move to another customer",
        ][i],
        "negative" => ["不能为负数", "不能為負數", "cannot be negative"][i],
        "not_positive" => ["必须大于零", "必須大於零", "must be more than zero"][i],
        "before_start" => ["早于开始日期", "早於開始日期", "is before the start"][i],
        "uscc_taken" => [
            "已被其他客户使用",
            "已被其他客戶使用",
            "belongs to another customer",
        ][i],
        other => other,
    };
    // The field as the record type's own sheet calls it (a contact's name is 姓名, a product's 产品名称).
    let column = field.and_then(|f| {
        entity
            .columns()
            .iter()
            .chain(RecordKind::Customers.columns())
            .find(|c| c.key == f)
            .map(|c| c.label(language))
    });
    match column {
        Some(c) if i == 2 => format!("{c} {what}"),
        Some(c) => format!("{c}{what}"),
        None => what.to_string(),
    }
}
