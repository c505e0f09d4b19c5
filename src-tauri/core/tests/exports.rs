//! Exports from a real encrypted store, read back by a second reader (openpyxl) and by the import:
//! numbers are numbers, dates are dates, Chinese intact, formula-like text never a formula.

mod support;

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use crm_core::customer::{
    CustomerInput, CustomerLevel, CustomerQuery, CustomerSort, LifecycleStatus, SortDirection,
    ValidCustomer,
};
use crm_core::export::{self, ExportFormat, ExportRequest};
use crm_core::import::{self, ImportMode, ImportRequest, MatchKey};
use crm_core::record::RecordKind;
use crm_core::settings::Language;
use crm_core::store::Store;
use crm_core::CoreError;
use support::fresh;

fn acme() -> CustomerInput {
    CustomerInput {
        name: "北京华远科技有限公司".into(),
        uscc: Some("91110108551385082Q".into()),
        phone: Some("+86 10 6275 1234".into()),
        mobile: Some("13800138000".into()),
        email: Some("info@huayuan.cn".into()),
        province: Some("北京市".into()),
        level: Some(CustomerLevel::A),
        status: LifecycleStatus::Deal,
        tags: vec!["VIP".into(), "老客户".into()],
        notes: Some("=HYPERLINK(\"http://evil\",\"点我\")".into()),
        touch_every_days: Some(30),
        ..Default::default()
    }
}

async fn book(store: &Store) {
    store.customers().create_from(&acme()).await.unwrap();
    store
        .customers()
        .create_from(&CustomerInput {
            name: "@张三工作室".into(),
            kind: crm_core::customer::CustomerKind::Individual,
            notes: Some("-10% 折扣".into()),
            ..Default::default()
        })
        .await
        .unwrap();
}

fn request(path: &Path, format: ExportFormat) -> ExportRequest {
    ExportRequest {
        entity: Some(RecordKind::Customers),
        query: None,
        contracts: None,
        format,
        path: path.to_string_lossy().into_owned(),
        language: Language::ZhCn,
    }
}

/// Runs openpyxl over the workbook and returns what it printed.
fn openpyxl(path: &Path, script: &str) -> String {
    let python = if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    };
    let out = std::process::Command::new(python)
        .arg("-c")
        .arg(format!(
            "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\n{script}"
        ))
        .arg(path)
        .output()
        .expect("python3 runs (the setup installs python3-openpyxl)");
    assert!(
        out.status.success(),
        "openpyxl failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test]
async fn an_xlsx_export_has_typed_cells_a_second_reader_agrees_with() {
    let (dir, store) = fresh().await;
    book(&store).await;
    let path = dir.path().join("客户.xlsx");
    let summary = export::export(
        &store,
        &request(&path, ExportFormat::Xlsx),
        Default::default(),
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!((summary.rows, summary.sheets), (2, 1));
    let report = openpyxl(
        &path,
        r#"ws = wb.worksheets[0]
print(ws.title, ws.freeze_panes, ws.auto_filter.ref, wb.properties.title)
head = [c.value for c in ws[1]]
print(ws.cell(1, 1).font.b)
rows = {r[0]: dict(zip(head, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
a = rows["北京华远科技有限公司"]
print(type(a["联系周期(天)"]).__name__, a["联系周期(天)"])
print(type(a["创建时间"]).__name__)
print(a["级别"], a["状态"], a["标签"], a["手机"])
notes = [c for c in ws[2] + ws[3] if head[c.column - 1] == "备注"]
print(sorted((c.data_type, c.value) for c in notes))
"#,
    );
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(
        lines[0], "客户 A2 A1:AA3 客户",
        "sheet named in Chinese, header frozen, filter over the data"
    );
    assert_eq!(lines[1], "True", "the header is bold");
    assert_eq!(lines[2], "int 30", "a number stays a number");
    assert_eq!(lines[3], "datetime", "a time is an Excel date, not text");
    assert_eq!(
        lines[4], "A 成交 VIP, 老客户 13800138000",
        "choices in the sheet's language"
    );
    assert!(
        lines[5].contains("('s', '=HYPERLINK") && lines[5].contains("('s', '-10% 折扣')"),
        "formula-like text is stored as text, never as a formula: {}",
        lines[5]
    );
}

#[tokio::test]
async fn exporting_then_importing_reproduces_the_same_customers() {
    let (dir, store) = fresh().await;
    book(&store).await;
    for format in [ExportFormat::Xlsx, ExportFormat::Csv] {
        let path = dir.path().join(if format == ExportFormat::Xlsx {
            "all.xlsx"
        } else {
            "all.csv"
        });
        export::export(&store, &request(&path, format), Default::default(), |_| {})
            .await
            .unwrap();
        let (_d2, other) = fresh().await;
        let preview = import::inspect(&path, RecordKind::Customers, Language::ZhCn)
            .await
            .unwrap();
        let report = import::run(
            &other,
            &ImportRequest {
                path: path.to_string_lossy().into_owned(),
                entity: RecordKind::Customers,
                mapping: preview.mapping,
                mode: ImportMode::Create,
                match_keys: vec![MatchKey::Uscc],
                dry_run: false,
            },
            |_| {},
        )
        .await
        .unwrap();
        assert_eq!(
            (report.created, report.rejected),
            (2, 0),
            "{format:?}: {:?}",
            report.rejects
        );
        assert_eq!(
            fields(&other).await,
            fields(&store).await,
            "{format:?}: every field comes back as it was"
        );
    }
}

async fn fields(s: &Store) -> Vec<ValidCustomer> {
    let by_name = CustomerQuery {
        sort: CustomerSort::Name,
        direction: SortDirection::Asc,
        ..Default::default()
    };
    s.customers()
        .list(&by_name)
        .await
        .unwrap()
        .rows
        .iter()
        .map(ValidCustomer::from)
        .collect()
}

#[tokio::test]
async fn a_csv_export_opens_in_excel_as_chinese_and_runs_nothing() {
    let (dir, store) = fresh().await;
    book(&store).await;
    let path = dir.path().join("客户.csv");
    export::export(
        &store,
        &request(&path, ExportFormat::Csv),
        Default::default(),
        |_| {},
    )
    .await
    .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "the byte-order mark makes Excel read UTF-8"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("客户名称,类型,统一社会信用代码"), "{text}");
    assert!(
        text.contains("'=HYPERLINK"),
        "a formula-like note gets an apostrophe: {text}"
    );
    assert!(
        text.contains("'@张三工作室"),
        "so does a name starting with @"
    );
    assert!(text.contains(",'+86"), "and a phone starting with +");
}

#[tokio::test]
async fn a_list_export_keeps_the_filter_and_sort_the_user_looks_at() {
    let (dir, store) = fresh().await;
    book(&store).await;
    let path = dir.path().join("deals.csv");
    let req = ExportRequest {
        query: Some(CustomerQuery {
            status: Some(LifecycleStatus::Deal),
            ..Default::default()
        }),
        ..request(&path, ExportFormat::Csv)
    };
    let s = export::export(&store, &req, Default::default(), |_| {})
        .await
        .unwrap();
    assert_eq!(s.rows, 1, "only the customers the filter shows");
}

#[tokio::test]
async fn past_the_row_limit_the_rows_continue_on_a_second_sheet() {
    let (dir, store) = fresh().await;
    book(&store).await;
    for i in 0..3 {
        store
            .customers()
            .create_from(&CustomerInput {
                name: format!("客户{i}"),
                ..Default::default()
            })
            .await
            .unwrap();
    }
    let path = dir.path().join("split.xlsx");
    let s = export::export_with(
        &store,
        &request(&path, ExportFormat::Xlsx),
        Default::default(),
        |_| {},
        Some(3),
    )
    .await
    .unwrap();
    assert_eq!((s.rows, s.sheets), (5, 2));
    let out = openpyxl(
        &path,
        "print([(ws.title, ws.max_row) for ws in wb.worksheets])",
    );
    assert_eq!(
        out.trim(),
        "[('客户', 4), ('客户 (2)', 3)]",
        "each sheet has its header and the rest of the rows"
    );
}

#[tokio::test]
async fn the_whole_book_is_one_workbook_with_a_sheet_per_record_type() {
    let (dir, store) = fresh().await;
    book(&store).await;
    let path = dir.path().join("book.xlsx");
    let req = ExportRequest {
        entity: None,
        ..request(&path, ExportFormat::Xlsx)
    };
    let s = export::export(&store, &req, Default::default(), |_| {})
        .await
        .unwrap();
    assert_eq!(s.sheets, 7);
    let out = openpyxl(&path, "print(wb.sheetnames)");
    assert_eq!(
        out.trim(),
        "['客户', '联系人', '跟进记录', '产品', '合同', '回款计划', '回款']",
        "empty lists still get their sheet and header"
    );
    let csv = ExportRequest {
        entity: None,
        ..request(&dir.path().join("book.csv"), ExportFormat::Csv)
    };
    let e = export::export(&store, &csv, Default::default(), |_| {})
        .await
        .unwrap_err();
    assert_eq!(e.to_string(), "format: book_needs_xlsx");
}

#[tokio::test]
async fn a_cancelled_or_failed_export_leaves_no_file_behind() {
    let (dir, store) = fresh().await;
    book(&store).await;
    let path = dir.path().join("cancelled.xlsx");
    let cancel = Arc::new(AtomicBool::new(true));
    let e = export::export(&store, &request(&path, ExportFormat::Xlsx), cancel, |_| {})
        .await
        .unwrap_err();
    assert!(
        matches!(
            e,
            CoreError::Conflict {
                reason: "cancelled",
                ..
            }
        ),
        "{e}"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(
        !path.exists()
            && !left
                .iter()
                .any(|n| n.to_string_lossy().contains(".crm-export-")),
        "{left:?}"
    );

    let nowhere = dir.path().join("no such folder").join("x.xlsx");
    let e = export::export(
        &store,
        &request(&nowhere, ExportFormat::Xlsx),
        Default::default(),
        |_| {},
    )
    .await
    .unwrap_err();
    assert!(
        matches!(
            e,
            CoreError::Io {
                reason: "not_found",
                ..
            }
        ),
        "{e}"
    );
}

#[test]
fn money_and_percentages_are_numbers_with_their_formats() {
    // No record type holds money yet (contracts and receipts will): the writer is ready for them.
    use crm_core::export::{Cell, Sink, XlsxSink};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("money.xlsx");
    let columns: Vec<&'static crm_core::sheet::Column> =
        RecordKind::FollowUps.exported().take(2).collect();
    let mut sink = Box::new(XlsxSink::new(&path, Language::ZhCn, "回款"));
    sink.start(RecordKind::FollowUps, &columns).unwrap();
    sink.row(&[Cell::Money(123_456), Cell::Percent(0.125)])
        .unwrap();
    sink.row(&[Cell::Money(-5), Cell::Empty]).unwrap();
    sink.finish().unwrap();
    let out = openpyxl(
        &path,
        "ws = wb.worksheets[0]\nfor c in (ws['A2'], ws['B2'], ws['A3']): print(type(c.value).__name__, c.value, c.number_format)",
    );
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        vec![
            "float 1234.56 ¥#,##0.00",
            "float 0.125 0.00%",
            "float -0.05 ¥#,##0.00"
        ],
        "分 become yuan with a currency format; a fraction shows as a percentage"
    );
}

#[tokio::test]
async fn contracts_export_with_money_as_money_and_dates_as_dates_and_keep_the_lists_filter() {
    use crm_core::contract::{ContractInput, ContractQuery, ContractStatus};
    use crm_core::receivable::{InstallmentInput, ReceiptInput};
    let (dir, store) = fresh().await;
    let c = store.customers().create_from(&acme()).await.unwrap().id;
    let signed = store
        .contracts()
        .create_from(&ContractInput {
            title: "=年度服务".into(),
            customer_id: c,
            amount: Some(1_000_000),
            status: ContractStatus::Signed,
            signed_on: Some("2026-03-05".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    store
        .contracts()
        .create_from(&ContractInput {
            title: "草稿合同".into(),
            customer_id: c,
            amount: Some(10),
            ..Default::default()
        })
        .await
        .unwrap();
    let i = store
        .plans()
        .add(
            signed.id,
            &InstallmentInput {
                due_on: "2026-04-01".into(),
                amount: 1_000_000,
                note: None,
            },
        )
        .await
        .unwrap();
    store
        .receipts()
        .record(
            i.id,
            &ReceiptInput {
                received_on: "2026-04-02".into(),
                amount: 250_000,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let path = dir.path().join("合同.xlsx");
    let req = ExportRequest {
        entity: Some(RecordKind::Contracts),
        contracts: Some(ContractQuery {
            status: Some(ContractStatus::Signed),
            ..Default::default()
        }),
        ..request(&path, ExportFormat::Xlsx)
    };
    let s = export::export(&store, &req, Default::default(), |_| {})
        .await
        .unwrap();
    assert_eq!(s.rows, 1, "only the signed contract the list shows");
    let out = openpyxl(
        &path,
        r#"
ws = wb.worksheets[0]
head = [c.value for c in ws[1]]
row = ws[2]
cell = lambda name: row[head.index(name)]
print(ws.title)
for name in ["合同名称", "状态", "合同金额", "已回款", "未回款", "回款率", "签订日期"]:
    c = cell(name)
    number = isinstance(c.value, (int, float))
    print(name, "number" if number else type(c.value).__name__, float(c.value) if number else c.value, c.number_format, c.data_type)
"#,
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "合同");
    assert!(
        lines[1].starts_with("合同名称 str =年度服务") && lines[1].ends_with(" s"),
        "formula-like text is stored as text, never as a formula: {}",
        lines[1]
    );
    assert!(lines[2].starts_with("状态 str 已签订"), "{}", lines[2]);
    assert!(
        lines[3].starts_with("合同金额 number 10000.0 ¥"),
        "money is a number in yuan: {}",
        lines[3]
    );
    assert!(
        lines[4].starts_with("已回款 number 2500.0 ¥"),
        "{}",
        lines[4]
    );
    assert!(
        lines[5].starts_with("未回款 number 7500.0 ¥"),
        "{}",
        lines[5]
    );
    assert!(
        lines[6].starts_with("回款率 number 0.25 0.00%"),
        "a share is a percentage: {}",
        lines[6]
    );
    assert!(
        lines[7].starts_with("签订日期 datetime 2026-03-05"),
        "a day is an Excel date: {}",
        lines[7]
    );

    let receipts = dir.path().join("回款.csv");
    let req = ExportRequest {
        entity: Some(RecordKind::Receipts),
        ..request(&receipts, ExportFormat::Csv)
    };
    export::export(&store, &req, Default::default(), |_| {})
        .await
        .unwrap();
    let text = std::fs::read_to_string(&receipts).unwrap();
    assert!(text.starts_with('\u{feff}'), "UTF-8 with BOM for Excel");
    assert!(
        text.contains("2026-04-02") && text.contains("2500.00") && text.contains("银行转账"),
        "{text}"
    );
}
