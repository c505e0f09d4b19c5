//! Imports into a real encrypted store from messy workbooks and Chinese CSV files: mapping, validation,
//! modes, duplicates, dry run, revert, and bad files refused with nothing written.

mod support;

use std::path::{Path, PathBuf};

use crm_core::customer::{CustomerInput, CustomerQuery, LifecycleStatus};
use crm_core::import::{self, ImportMode, ImportReport, ImportRequest, MatchKey};
use crm_core::record::RecordKind;
use crm_core::settings::Language;
use crm_core::store::Store;
use crm_core::CoreError;
use rust_xlsxwriter::{Formula, Workbook};
use support::fresh;

/// A workbook as people send them: a title row merged across the top, a blank row, a header with a
/// required-field mark, a region merged down two rows, a formula, a date serial, text dates,
/// full-width digits, a phone saved as a number, and a blank row in the middle.
fn messy_workbook(path: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.merge_range(0, 0, 0, 5, "2026年客户名单", &Default::default())
        .unwrap();
    let header = [
        "*公司名称",
        "手机号码",
        "省份",
        "下次跟进",
        "客户状态",
        "备注",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    ws.write_string(3, 0, "北京华远科技有限公司").unwrap();
    ws.write_number(3, 1, 13800138000.0).unwrap();
    ws.merge_range(3, 2, 4, 2, "北京市", &Default::default())
        .unwrap();
    ws.write_string(3, 4, "成交").unwrap();
    ws.write_formula(
        3,
        5,
        Formula::new("=\"合同\"&\"已签\"").set_result("合同已签"),
    )
    .unwrap();
    ws.write_string(4, 0, "北京启明软件有限公司").unwrap();
    ws.write_string(4, 1, "１３９００１３９０００").unwrap();
    ws.write_string(4, 4, "意向").unwrap();
    ws.write_number(3, 3, 45356.0).unwrap(); // 2024-03-05 as a serial
    ws.write_string(6, 0, "上海远东贸易有限公司").unwrap(); // after a blank row
    ws.write_string(6, 3, "2024年3月5日").unwrap();
    wb.save(path).unwrap();
}

fn request(
    path: &Path,
    mapping: Vec<Option<String>>,
    mode: ImportMode,
    keys: &[MatchKey],
) -> ImportRequest {
    ImportRequest {
        path: path.to_string_lossy().into_owned(),
        entity: RecordKind::Customers,
        mapping,
        mode,
        match_keys: keys.to_vec(),
        dry_run: false,
    }
}

async fn import_file(
    store: &Store,
    path: &Path,
    mode: ImportMode,
    keys: &[MatchKey],
) -> ImportReport {
    let preview = import::inspect(path, RecordKind::Customers, Language::ZhCn)
        .await
        .unwrap();
    import::run(store, &request(path, preview.mapping, mode, keys), |_| {})
        .await
        .unwrap()
}

async fn names(store: &Store) -> Vec<String> {
    let mut n: Vec<String> = store
        .customers()
        .list(&CustomerQuery::default())
        .await
        .unwrap()
        .rows
        .into_iter()
        .map(|c| c.name)
        .collect();
    n.sort();
    n
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[tokio::test]
async fn a_messy_workbook_is_read_as_a_person_reads_it() {
    let (dir, store) = fresh().await;
    let path = dir.path().join("名单.xlsx");
    messy_workbook(&path);
    let preview = import::inspect(&path, RecordKind::Customers, Language::ZhCn)
        .await
        .unwrap();
    assert_eq!(
        preview.header_row, 3,
        "the title row and the blank row above the header are skipped"
    );
    assert_eq!(
        preview.mapping,
        ["name", "mobile", "province", "nextDate", "status", "notes"]
            .map(|k| if k == "nextDate" {
                None
            } else {
                Some(k.to_string())
            })
            .to_vec(),
        "下次跟进 is the store's own field, not one an import fills"
    );
    assert_eq!(preview.total_rows, 3, "the blank row is not a customer");
    let report = import::run(
        &store,
        &request(
            &path,
            preview.mapping,
            ImportMode::Create,
            &[MatchKey::Name],
        ),
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!(
        (report.created, report.rejected),
        (3, 0),
        "{:?}",
        report.rejects
    );
    let rows = store
        .customers()
        .list(&CustomerQuery::default())
        .await
        .unwrap()
        .rows;
    let get = |n: &str| rows.iter().find(|c| c.name == n).unwrap().clone();
    let a = get("北京华远科技有限公司");
    assert_eq!(
        a.mobile.as_deref(),
        Some("13800138000"),
        "a phone saved as a number keeps every digit"
    );
    assert_eq!(
        a.notes.as_deref(),
        Some("合同已签"),
        "a formula gives its cached value"
    );
    assert_eq!(a.status, LifecycleStatus::Deal, "成交 is the deal status");
    let b = get("北京启明软件有限公司");
    assert_eq!(
        b.province.as_deref(),
        Some("北京市"),
        "a region merged down two rows fills both"
    );
    assert_eq!(
        b.mobile.as_deref(),
        Some("13900139000"),
        "full-width digits become ASCII"
    );
}

#[tokio::test]
async fn a_gbk_csv_from_chinese_excel_imports_with_its_chinese_intact() {
    let (dir, store) = fresh().await;
    let (bytes, _, _) = encoding_rs::GBK
        .encode("客户名称,联系电话,地址\r\n深圳市腾达电子有限公司,0755-86001234,南山区科技园\r\n");
    let path = write(dir.path(), "客户.csv", &bytes);
    let preview = import::inspect(&path, RecordKind::Customers, Language::ZhCn)
        .await
        .unwrap();
    assert_eq!(preview.encoding.as_deref(), Some("GB18030"));
    let report = import_file(&store, &path, ImportMode::Create, &[MatchKey::Name]).await;
    assert_eq!(report.created, 1);
    let c = &store
        .customers()
        .list(&CustomerQuery::default())
        .await
        .unwrap()
        .rows[0];
    assert_eq!(
        (c.name.as_str(), c.address.as_deref()),
        ("深圳市腾达电子有限公司", Some("南山区科技园"))
    );
}

#[tokio::test]
async fn invalid_and_repeated_rows_are_refused_with_their_reason_and_the_rest_imported() {
    let (dir, store) = fresh().await;
    let csv = "客户名称,统一社会信用代码,邮箱\n\
               华远科技,91110108551385082A,\n\
               启明软件,,nope\n\
               远东贸易,,\n\
               远东贸易,,\n\
               ,,a@b.cn\n";
    let path = write(dir.path(), "x.csv", csv.as_bytes());
    let report = import_file(&store, &path, ImportMode::Create, &[MatchKey::Name]).await;
    assert_eq!((report.created, report.rejected), (1, 4));
    let why: Vec<(u32, Option<&str>, &str)> = report
        .rejects
        .iter()
        .map(|r| (r.row, r.field.as_deref(), r.reason.as_str()))
        .collect();
    assert_eq!(
        why,
        vec![
            (2, Some("uscc"), "checksum"),
            (3, Some("email"), "format"),
            (5, None, "duplicate_in_file"),
            (6, Some("name"), "required"),
        ],
        "row numbers are the sheet's, as the user sees them in Excel"
    );
    assert_eq!(
        report.rejects[0].values,
        vec!["华远科技", "91110108551385082A", ""],
        "the original row comes back"
    );
    let out = dir.path().join("errors.xlsx");
    import::write_rejects(&store, report.import_id.unwrap(), &out, Language::ZhCn)
        .await
        .unwrap();
    // The error workbook imports again once fixed: same headers, the reason column is left unmapped.
    let preview = import::inspect(&out, RecordKind::Customers, Language::ZhCn)
        .await
        .unwrap();
    assert_eq!(preview.total_rows, 4);
    assert_eq!(preview.headers.last().map(String::as_str), Some("错误原因"));
    assert_eq!(preview.rows[0][3], "统一社会信用代码校验位不正确");
}

#[tokio::test]
async fn create_update_and_upsert_treat_matches_as_the_user_chose() {
    let (dir, store) = fresh().await;
    store
        .customers()
        .create_from(&CustomerInput {
            name: "华远科技".into(),
            mobile: Some("13800138000".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let csv = "客户名称,手机,备注\n华远科技,,老客户\n启明软件,13900139000,新客户\n";
    let path = write(dir.path(), "x.csv", csv.as_bytes());

    let mut dry = request(
        &path,
        import::inspect(&path, RecordKind::Customers, Language::ZhCn)
            .await
            .unwrap()
            .mapping,
        ImportMode::Upsert,
        &[MatchKey::Name],
    );
    dry.dry_run = true;
    let r = import::run(&store, &dry, |_| {}).await.unwrap();
    assert_eq!((r.created, r.updated, r.import_id), (1, 1, None));
    assert_eq!(
        names(&store).await,
        vec!["华远科技"],
        "a dry run writes nothing"
    );

    let r = import_file(&store, &path, ImportMode::Create, &[MatchKey::Name]).await;
    assert_eq!(
        (r.created, r.rejected, r.rejects[0].reason.as_str()),
        (1, 1, "exists")
    );
    import::revert(&store, r.import_id.unwrap()).await.unwrap();

    let r = import_file(&store, &path, ImportMode::Update, &[MatchKey::Name]).await;
    assert_eq!(
        (r.updated, r.rejected, r.rejects[0].reason.as_str()),
        (1, 1, "not_found")
    );
    let c = &store
        .customers()
        .list(&CustomerQuery::default())
        .await
        .unwrap()
        .rows[0];
    assert_eq!(c.notes.as_deref(), Some("老客户"));
    assert_eq!(
        c.mobile.as_deref(),
        Some("13800138000"),
        "a blank cell leaves the stored value"
    );
    import::revert(&store, r.import_id.unwrap()).await.unwrap();

    let r = import_file(&store, &path, ImportMode::Upsert, &[MatchKey::Name]).await;
    assert_eq!((r.created, r.updated), (1, 1));
    let again = import_file(&store, &path, ImportMode::Upsert, &[MatchKey::Name]).await;
    assert_eq!(
        (again.created, again.updated, again.unchanged),
        (0, 0, 2),
        "importing the same file twice changes nothing"
    );
}

#[tokio::test]
async fn a_long_file_is_checked_as_one_repeats_far_apart_are_caught_and_its_record_has_the_counts()
{
    let (dir, store) = fresh().await;
    // Far more rows than are planned at a time: the code on the first row comes back near the end.
    let mut csv = String::from("客户名称,统一社会信用代码\n华远科技,91110108551385082Q\n");
    for n in 2..=5_000 {
        csv.push_str(&format!("客户{n},\n"));
    }
    csv.push_str("华远科技分公司,91110108551385082Q\n客户5000,\n");
    let path = write(dir.path(), "long.csv", csv.as_bytes());
    let preview = import::inspect(&path, RecordKind::Customers, Language::ZhCn)
        .await
        .unwrap();
    let mut seen = Vec::new();
    let request = request(
        &path,
        preview.mapping,
        ImportMode::Create,
        &[MatchKey::Uscc],
    );
    let r = import::run(&store, &request, |p| seen.push((p.done, p.total)))
        .await
        .unwrap();
    assert!(
        seen.len() > 2 && seen.iter().all(|(_, total)| *total == 5_002),
        "progress counts the file's rows, a chunk at a time: {seen:?}"
    );
    assert!(
        seen.windows(2).all(|w| w[0].0 <= w[1].0) && seen.last() == Some(&(5_002, 5_002)),
        "and only goes forward, to every row: {seen:?}"
    );
    assert_eq!(
        (r.total, r.created, r.rejected),
        (5_002, 5_001, 1),
        "the repeated code is refused however far below the first; a repeated name is no match key"
    );
    assert_eq!(
        (r.rejects[0].row, r.rejects[0].reason.as_str()),
        (5_002, "duplicate_in_file")
    );
    let record = import::list(&store).await.unwrap().remove(0);
    assert_eq!(
        (record.created, record.rejected),
        (5_001, 1),
        "the import's record counts what it did, for the history and the revert"
    );
    import::revert(&store, record.id).await.unwrap();
    assert!(
        names(&store).await.is_empty(),
        "and the revert takes all of it back"
    );
}

#[tokio::test]
async fn a_customer_an_import_renames_is_found_by_its_new_name_only() {
    let (dir, store) = fresh().await;
    for (name, mobile) in [("华远科技", "13800138001"), ("金腾机械", "13800138002")] {
        store
            .customers()
            .create_from(&CustomerInput {
                name: name.into(),
                mobile: Some(mobile.into()),
                ..Default::default()
            })
            .await
            .unwrap();
    }
    let csv = "客户名称,手机\n启明软件,13800138001\n金腾机械设备,13800138002\n";
    let path = write(dir.path(), "x.csv", csv.as_bytes());
    let r = import_file(&store, &path, ImportMode::Update, &[MatchKey::Mobile]).await;
    assert_eq!(r.updated, 2);
    let found = |q: &'static str| {
        let store = &store;
        async move {
            crm_core::search::search(store, q, 10)
                .await
                .unwrap()
                .into_iter()
                .map(|h| h.name)
                .collect::<Vec<_>>()
        }
    };
    assert!(
        found("华远").await.is_empty(),
        "the old name is out of the index"
    );
    assert_eq!(
        found("启明").await,
        vec!["启明软件"],
        "the new one is in it, once"
    );
    assert_eq!(found("金腾").await, vec!["金腾机械设备"]);
    assert_eq!(
        found("13800138001").await,
        vec!["启明软件"],
        "its other tokens were written again with the name"
    );
    import::revert(&store, r.import_id.unwrap()).await.unwrap();
    assert_eq!(
        found("华远").await,
        vec!["华远科技"],
        "the revert puts the old name back in"
    );
    assert!(found("启明").await.is_empty(), "and takes the new one out");
}

#[tokio::test]
async fn a_contact_an_update_adds_to_a_stored_customer_is_found_once() {
    let (dir, store) = fresh().await;
    store
        .customers()
        .create_from(&CustomerInput {
            name: "华远科技".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    let csv = "客户名称,联系人,联系人手机\n华远科技,王五,13700137000\n启明软件,李四,13900139000\n";
    let path = write(dir.path(), "x.csv", csv.as_bytes());
    let r = import_file(&store, &path, ImportMode::Upsert, &[MatchKey::Name]).await;
    assert_eq!((r.created, r.updated), (1, 1));
    for (mobile, name) in [("13700137000", "王五"), ("13900139000", "李四")] {
        let hits = crm_core::search::search(&store, mobile, 10).await.unwrap();
        assert_eq!(
            hits.iter().map(|h| h.name.as_str()).collect::<Vec<_>>(),
            vec![name],
            "the new contact is in the index exactly once"
        );
    }
}

#[tokio::test]
async fn reverting_an_import_removes_what_it_created_and_restores_what_it_changed() {
    let (dir, store) = fresh().await;
    let kept = store
        .customers()
        .create_from(&CustomerInput {
            name: "华远科技".into(),
            notes: Some("原来的备注".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let csv =
        "客户名称,备注,联系人,联系人手机\n华远科技,改过的备注,,\n启明软件,,李四,13900139000\n";
    let path = write(dir.path(), "x.csv", csv.as_bytes());
    let r = import_file(&store, &path, ImportMode::Upsert, &[MatchKey::Name]).await;
    assert_eq!((r.created, r.updated), (1, 1));
    let created = store
        .customers()
        .list(&CustomerQuery::default())
        .await
        .unwrap()
        .rows
        .into_iter()
        .find(|c| c.name == "启明软件")
        .unwrap();
    assert_eq!(
        store.contacts().of_customer(created.id).await.unwrap()[0].name,
        "李四",
        "the row's contact comes with it"
    );
    assert_eq!(
        crm_core::search::search(&store, "启明", 5)
            .await
            .unwrap()
            .len(),
        1,
        "and it can be found"
    );

    let record = import::revert(&store, r.import_id.unwrap()).await.unwrap();
    assert!(record.reverted_at.is_some());
    assert_eq!(names(&store).await, vec!["华远科技"]);
    assert_eq!(
        store
            .customers()
            .get(kept.id)
            .await
            .unwrap()
            .notes
            .as_deref(),
        Some("原来的备注")
    );
    assert!(
        crm_core::search::search(&store, "启明", 5)
            .await
            .unwrap()
            .is_empty(),
        "nor is it found any more"
    );
    let e = import::revert(&store, r.import_id.unwrap())
        .await
        .unwrap_err();
    assert!(
        matches!(
            e,
            CoreError::Conflict {
                reason: "import_reverted",
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(
        import::list(&store).await.unwrap()[0].reverted_at,
        record.reverted_at
    );
}

#[tokio::test]
async fn a_code_another_customer_holds_is_refused_not_a_failed_import() {
    let (dir, store) = fresh().await;
    store
        .customers()
        .create_from(&CustomerInput {
            name: "华远科技".into(),
            uscc: Some("91110108551385082Q".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let csv = "客户名称,统一社会信用代码\n别的公司,91110108551385082q\n启明软件,\n";
    let path = write(dir.path(), "x.csv", csv.as_bytes());
    let r = import_file(&store, &path, ImportMode::Create, &[MatchKey::Name]).await;
    assert_eq!((r.created, r.rejected), (1, 1));
    assert_eq!(
        (r.rejects[0].field.as_deref(), r.rejects[0].reason.as_str()),
        (Some("uscc"), "uscc_taken")
    );
}

#[tokio::test]
async fn bad_files_get_a_clear_reason_and_nothing_is_written() {
    let (dir, store) = fresh().await;
    let cases: Vec<(PathBuf, &str)> = vec![
        (write(dir.path(), "empty.xlsx", b""), "empty"),
        (write(dir.path(), "notes.docx", b"hello"), "unsupported"),
        (
            write(dir.path(), "broken.xlsx", b"PK\x03\x04 this is not a zip"),
            "corrupt",
        ),
        (
            write(dir.path(), "header.csv", "客户名称,手机\n".as_bytes()),
            "header_only",
        ),
        (write(dir.path(), "blank.csv", b"\n,,\n"), "empty"),
    ];
    for (path, reason) in cases {
        let e = import::inspect(&path, RecordKind::Customers, Language::ZhCn)
            .await
            .unwrap_err();
        assert!(
            matches!(&e, CoreError::Validation { field: "file", reason: r } if *r == reason),
            "{}: {e}",
            path.display()
        );
    }
    let e = import::inspect(
        &dir.path().join("gone.xlsx"),
        RecordKind::Customers,
        Language::ZhCn,
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
    let ok = write(dir.path(), "ok.csv", "客户名称\n华远\n".as_bytes());
    let e = import::run(
        &store,
        &request(&ok, vec![None], ImportMode::Create, &[]),
        |_| {},
    )
    .await
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "mapping: name_required",
        "a mapping without the name cannot create anyone"
    );
    assert!(names(&store).await.is_empty());
    assert!(
        import::list(&store).await.unwrap().is_empty(),
        "no import was recorded"
    );
}

#[tokio::test]
async fn a_template_has_the_headers_an_import_maps_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    for entity in [RecordKind::Customers, RecordKind::Contacts] {
        for language in [Language::ZhCn, Language::ZhTw, Language::En] {
            let path = dir.path().join("template.xlsx");
            import::write_template(entity, &path, language).unwrap();
            let preview = import::inspect(&path, entity, language).await.unwrap();
            assert!(
                preview.mapping.iter().all(Option::is_some),
                "{entity:?} {language:?}: {:?}",
                preview.headers
            );
            assert_eq!(preview.total_rows, 1, "with one example row");
        }
    }
}

async fn import_contacts(store: &Store, path: &Path, mode: ImportMode) -> ImportReport {
    let preview = import::inspect(path, RecordKind::Contacts, Language::ZhCn)
        .await
        .unwrap();
    let mut req = request(path, preview.mapping, mode, &[]);
    req.entity = RecordKind::Contacts;
    import::run(store, &req, |_| {}).await.unwrap()
}

#[tokio::test]
async fn contacts_import_onto_the_customers_they_name_and_revert() {
    let (dir, store) = fresh().await;
    let huayuan = store
        .customers()
        .create_from(&CustomerInput {
            name: "华远科技".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    let zhang = store
        .contacts()
        .create_from(
            huayuan.id,
            &crm_core::contact::ContactInput {
                name: "张三".into(),
                title: Some("经理".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let csv = "公司名称,联系人姓名,职务,手机,生日,性别,主要联系人
               华远科技,张三,总经理,,,,
               华远科技,李四,采购,13900139000,1985-06-18,女,是
               不存在的公司,王五,,,,,
               华远科技,李四,,,,,
";
    let path = write(dir.path(), "contacts.csv", csv.as_bytes());
    let r = import_contacts(&store, &path, ImportMode::Upsert).await;
    assert_eq!(
        (r.created, r.updated, r.rejected),
        (1, 1, 2),
        "{:?}",
        r.rejects
    );
    let why: Vec<(u32, &str)> = r
        .rejects
        .iter()
        .map(|x| (x.row, x.reason.as_str()))
        .collect();
    assert_eq!(
        why,
        vec![(4, "customer_not_found"), (5, "duplicate_in_file")]
    );
    let contacts = store.contacts().of_customer(huayuan.id).await.unwrap();
    let li = contacts
        .iter()
        .find(|c| c.name == "李四")
        .expect("李四 was added to 华远科技");
    assert!(li.is_primary, "the row asked for the primary contact");
    assert_eq!(
        (li.birthday.as_deref(), li.mobile.as_deref()),
        (Some("1985-06-18"), Some("13900139000"))
    );
    assert_eq!(
        store
            .contacts()
            .get(zhang.id)
            .await
            .unwrap()
            .title
            .as_deref(),
        Some("总经理"),
        "张三 was updated, not doubled"
    );

    import::revert(&store, r.import_id.unwrap()).await.unwrap();
    let contacts = store.contacts().of_customer(huayuan.id).await.unwrap();
    assert_eq!(contacts.len(), 1, "李四 is gone again");
    assert_eq!(
        contacts[0].title.as_deref(),
        Some("经理"),
        "张三's title is back"
    );
    assert!(
        contacts[0].is_primary,
        "the customer keeps a primary contact"
    );
}

#[tokio::test]
async fn a_file_past_the_import_limit_is_refused_before_anything_is_written() {
    let (dir, store) = fresh().await;
    let mut csv = String::from("客户名称\n");
    for i in 0..import::MAX_ROWS + 100 {
        csv.push_str(&format!("客户{i}\n"));
    }
    let path = write(dir.path(), "huge.csv", csv.as_bytes());
    let e = import::inspect(&path, RecordKind::Customers, Language::ZhCn)
        .await
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "file: too_many_rows",
        "the user is told to split the file"
    );
    let e = import::run(
        &store,
        &request(&path, vec![Some("name".into())], ImportMode::Create, &[]),
        |_| {},
    )
    .await
    .unwrap_err();
    assert_eq!(e.to_string(), "file: too_many_rows");
    assert!(names(&store).await.is_empty());
}

/// A product list as a supplier sends it: 品名 / 货号 / 单价 (numbers and "¥1,299.00" text) / 成本价.
fn product_sheet(path: &Path, rows: &[(&str, &str, &str, &str)]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["品名", "货号", "单价", "成本价"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (name, code, price, cost)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, *name).unwrap();
        ws.write_string(r, 1, *code).unwrap();
        match price.parse::<f64>() {
            Ok(n) => ws.write_number(r, 2, n).map(|_| ()).unwrap(),
            Err(_) => ws.write_string(r, 2, *price).map(|_| ()).unwrap(),
        }
        ws.write_string(r, 3, *cost).unwrap();
    }
    wb.save(path).unwrap();
}

async fn import_products(store: &Store, path: &Path, mode: ImportMode) -> ImportReport {
    let preview = import::inspect(path, RecordKind::Products, Language::ZhCn)
        .await
        .unwrap();
    assert_eq!(
        preview.mapping,
        ["name", "code", "listPrice", "cost"].map(|k| Some(k.to_string())),
        "a supplier's headers are recognised"
    );
    let request = ImportRequest {
        entity: RecordKind::Products,
        ..request(path, preview.mapping, mode, &[])
    };
    import::run(store, &request, |_| {}).await.unwrap()
}

#[tokio::test]
async fn products_import_with_exact_prices_match_on_their_code_and_revert() {
    use crm_core::contract::{ContractInput, ContractLineInput};
    use crm_core::product::{ProductInput, ProductQuery};
    let (dir, store) = fresh().await;
    let kept = store
        .products()
        .create_from(&ProductInput {
            name: "打印纸".into(),
            code: Some("ZH-A4".into()),
            list_price: 15_000,
            ..Default::default()
        })
        .await
        .unwrap();
    let path = dir.path().join("产品.xlsx");
    product_sheet(
        &path,
        &[
            ("激光打印机", "DY-101", "1899", "1200.50"),
            ("复印一体机", "FY-201", "¥12,990.00", "8,000"),
            ("A4 复印纸 (箱)", "ZH-A4", "165", "99.9"),
            ("重复的", "DY-101", "1", "1"),
            ("负价格", "NG-1", "-5", "1"),
        ],
    );
    let report = import_products(&store, &path, ImportMode::Upsert).await;
    assert_eq!(
        (report.created, report.updated, report.rejected),
        (2, 1, 2),
        "{:?}",
        report.rejects
    );
    let reasons: Vec<&str> = report.rejects.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(reasons, ["duplicate_in_file", "negative"]);
    let products = store
        .products()
        .list(&ProductQuery::default())
        .await
        .unwrap()
        .rows;
    let by_code = |c: &str| {
        products
            .iter()
            .find(|p| p.code.as_deref() == Some(c))
            .unwrap()
            .clone()
    };
    assert_eq!(by_code("DY-101").list_price, 189_900);
    assert_eq!(
        by_code("DY-101").cost,
        Some(120_050),
        "1200.50 yuan is exactly 120050 分"
    );
    assert_eq!(
        by_code("FY-201").list_price,
        1_299_000,
        "¥12,990.00 as text"
    );
    assert_eq!(
        by_code("ZH-A4").name,
        "A4 复印纸 (箱)",
        "matched on its code, renamed"
    );
    assert_eq!(by_code("ZH-A4").id, kept.id);

    // A product the import created and a contract sold since survives the revert in the trash.
    let customer = store
        .customers()
        .create_from(&CustomerInput {
            name: "广州天河电子".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    store
        .contracts()
        .create_from(&ContractInput {
            title: "采购".into(),
            customer_id: customer.id,
            lines: vec![ContractLineInput {
                product_id: Some(by_code("FY-201").id),
                quantity: 1.0,
                unit_price: 1_299_000,
                ..Default::default()
            }],
            ..Default::default()
        })
        .await
        .unwrap();
    import::revert(&store, report.import_id.unwrap())
        .await
        .unwrap();
    let live = store
        .products()
        .list(&ProductQuery::default())
        .await
        .unwrap()
        .rows;
    let names: Vec<&str> = live.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["打印纸"],
        "created products gone, the updated one as it was"
    );
    let trashed = store
        .products()
        .list(&ProductQuery {
            trashed: true,
            ..Default::default()
        })
        .await
        .unwrap()
        .rows;
    assert_eq!(
        trashed.len(),
        1,
        "the sold one is kept in the trash: {trashed:?}"
    );
    assert_eq!(trashed[0].code.as_deref(), Some("FY-201"));
}

#[tokio::test]
async fn reverting_a_customer_import_is_refused_once_its_customers_have_contracts() {
    use crm_core::contract::ContractInput;
    let (dir, store) = fresh().await;
    let path = write(
        dir.path(),
        "客户.csv",
        "客户名称,手机\n北京华远科技有限公司,13800138000\n".as_bytes(),
    );
    let report = import_file(&store, &path, ImportMode::Create, &[]).await;
    let id = store
        .customers()
        .list(&CustomerQuery::default())
        .await
        .unwrap()
        .rows[0]
        .id;
    store
        .contracts()
        .create_from(&ContractInput {
            title: "服务".into(),
            customer_id: id,
            amount: Some(100),
            ..Default::default()
        })
        .await
        .unwrap();
    let e = import::revert(&store, report.import_id.unwrap())
        .await
        .unwrap_err();
    assert_eq!(
        e.reason(),
        Some("has_contracts"),
        "the contract would have been lost with the customer"
    );
    assert_eq!(names(&store).await, ["北京华远科技有限公司"]);
}

/// Exports `entity` from one store as the user would (xlsx, zh-CN) and imports that file into another.
async fn carry_over(
    from: &Store,
    to: &Store,
    entity: RecordKind,
    dir: &Path,
    mode: ImportMode,
) -> ImportReport {
    use crm_core::export::{self, ExportFormat, ExportRequest};
    let path = dir.join(format!("{entity:?}.xlsx"));
    export::export(
        from,
        &ExportRequest {
            entity: Some(entity),
            query: None,
            contracts: None,
            format: ExportFormat::Xlsx,
            path: path.to_string_lossy().into_owned(),
            language: Language::ZhCn,
        },
        Default::default(),
        |_| {},
    )
    .await
    .unwrap();
    let preview = import::inspect(&path, entity, Language::ZhCn)
        .await
        .unwrap();
    let request = ImportRequest {
        entity,
        ..request(&path, preview.mapping, mode, &[])
    };
    let report = import::run(to, &request, |_| {}).await.unwrap();
    assert_eq!(report.rejected, 0, "{entity:?}: {:?}", report.rejects);
    report
}

#[tokio::test]
async fn a_book_with_contracts_plans_receipts_and_follow_ups_exported_imports_into_another_store_as_it_was(
) {
    use crm_core::contact::ContactInput;
    use crm_core::contract::{ContractInput, ContractStatus};
    use crm_core::follow_up::{FollowUpInput, FollowUpKind};
    use crm_core::receivable::{InstallmentInput, PaymentMethod, ReceiptInput};
    let (dir, a) = fresh().await;
    let (_d2, b) = fresh().await;
    let c = a
        .customers()
        .create_from(&CustomerInput {
            name: "北京华远科技有限公司".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    let zhang = a
        .contacts()
        .create_from(
            c.id,
            &ContactInput {
                name: "张三".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let contract = a
        .contracts()
        .create_from(&ContractInput {
            number: Some("HT-2026-0007".into()),
            title: "年度服务合同".into(),
            customer_id: c.id,
            contact_id: Some(zhang.id),
            amount: Some(1_000_000),
            status: ContractStatus::Active,
            signed_on: Some("2026-01-15".into()),
            ends_on: Some("2027-01-14".into()),
            payment_terms: Some("签约付 50%，半年后付清".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let first = a
        .plans()
        .add(
            contract.id,
            &InstallmentInput {
                due_on: "2026-01-31".into(),
                amount: 500_000,
                note: Some("首付".into()),
            },
        )
        .await
        .unwrap();
    let second = a
        .plans()
        .add(
            contract.id,
            &InstallmentInput {
                due_on: "2026-06-30".into(),
                amount: 500_000,
                note: None,
            },
        )
        .await
        .unwrap();
    for (i, amount, method) in [
        (first.id, 500_000, PaymentMethod::Bank),
        (second.id, 100_000, PaymentMethod::Wechat),
    ] {
        a.receipts()
            .record(
                i,
                &ReceiptInput {
                    received_on: "2026-02-01".into(),
                    amount,
                    method,
                    note: None,
                },
            )
            .await
            .unwrap();
    }
    let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 5)
        .unwrap()
        .and_hms_opt(14, 30, 0)
        .unwrap()
        .and_local_timezone(chrono::Local)
        .unwrap()
        .timestamp_millis();
    a.follow_ups()
        .create_from(
            c.id,
            &FollowUpInput {
                kind: FollowUpKind::Visit,
                happened_at: Some(at),
                contact_id: Some(zhang.id),
                content: "上门谈续约".into(),
                next_date: Some("2026-03-12".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();

    for entity in [
        RecordKind::Customers,
        RecordKind::Contacts,
        RecordKind::Contracts,
        RecordKind::Installments,
        RecordKind::Receipts,
        RecordKind::FollowUps,
    ] {
        carry_over(&a, &b, entity, dir.path(), ImportMode::Create).await;
    }

    let copied = b.contracts().list(&Default::default()).await.unwrap().rows;
    assert_eq!(copied.len(), 1);
    let copied = b.contracts().get(copied[0].id).await.unwrap();
    let original = a.contracts().get(contract.id).await.unwrap();
    assert_eq!(
        (
            &copied.number,
            &copied.title,
            copied.amount,
            copied.status,
            &copied.signed_on,
            &copied.ends_on
        ),
        (
            &original.number,
            &original.title,
            original.amount,
            original.status,
            &original.signed_on,
            &original.ends_on
        )
    );
    assert_eq!(copied.contact_name.as_deref(), Some("张三"));
    assert_eq!(copied.payment_terms, original.payment_terms);
    assert_eq!(
        copied.money, original.money,
        "planned, received, outstanding and overdue all carried over"
    );
    let plan = b.plans().of_contract(copied.id).await.unwrap();
    let dues: Vec<(&str, i64, i64)> = plan
        .installments
        .iter()
        .map(|i| (i.due_on.as_str(), i.amount, i.received))
        .collect();
    assert_eq!(
        dues,
        [
            ("2026-01-31", 500_000, 500_000),
            ("2026-06-30", 500_000, 100_000)
        ]
    );
    assert_eq!(plan.installments[0].note.as_deref(), Some("首付"));
    let methods: std::collections::HashSet<PaymentMethod> =
        plan.receipts.iter().map(|r| r.method).collect();
    assert_eq!(methods, [PaymentMethod::Bank, PaymentMethod::Wechat].into());
    let customer = b
        .customers()
        .list(&CustomerQuery::default())
        .await
        .unwrap()
        .rows[0]
        .clone();
    let follow_ups = b.follow_ups().of_customer(customer.id).await.unwrap();
    assert_eq!(follow_ups.len(), 1);
    assert_eq!(
        (
            follow_ups[0].happened_at,
            follow_ups[0].kind,
            follow_ups[0].content.as_str(),
            follow_ups[0].contact_name.as_deref()
        ),
        (at, FollowUpKind::Visit, "上门谈续约", Some("张三"))
    );
    assert_eq!(
        customer.next_follow_up.as_deref(),
        Some("2026-03-12"),
        "the follow-up set 下次跟进时间"
    );

    // The same receipts file again: recognised, nothing paid twice.
    let again = carry_over(&a, &b, RecordKind::Receipts, dir.path(), ImportMode::Upsert).await;
    assert_eq!((again.created, again.unchanged), (0, 2));
    // The same follow-ups again: the form kept seconds, the sheet has minutes; still the same follow-ups.
    let again = carry_over(
        &a,
        &b,
        RecordKind::FollowUps,
        dir.path(),
        ImportMode::Upsert,
    )
    .await;
    assert_eq!(
        (again.created, again.rejected),
        (0, 0),
        "{:?}",
        again.rejects
    );
}

#[tokio::test]
async fn receipts_that_exceed_what_is_due_or_name_no_contract_are_refused_and_a_revert_takes_the_rest_back(
) {
    use crm_core::contract::{ContractInput, ContractStatus};
    use crm_core::receivable::InstallmentInput;
    let (dir, store) = fresh().await;
    let c = store
        .customers()
        .create_from(&CustomerInput {
            name: "深圳南山五金".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    let contract = store
        .contracts()
        .create_from(&ContractInput {
            number: Some("HT-2026-0100".into()),
            title: "五金采购".into(),
            customer_id: c.id,
            amount: Some(300_000),
            status: ContractStatus::Signed,
            ..Default::default()
        })
        .await
        .unwrap();
    for (due, amount) in [("2026-01-10", 100_000), ("2026-02-10", 200_000)] {
        store
            .plans()
            .add(
                contract.id,
                &InstallmentInput {
                    due_on: due.into(),
                    amount,
                    note: None,
                },
            )
            .await
            .unwrap();
    }
    let csv = "合同编号,回款日期,回款金额,回款方式\n\
               HT-2026-0100,2026/1/12,\"1,500.00\",转账\n\
               HT-2026-0100,2026年2月9日,1500,微信支付\n\
               HT-2026-0100,2026-02-20,1,现金\n\
               HT-2026-9999,2026-02-20,1,现金\n";
    let path = write(dir.path(), "回款.csv", csv.as_bytes());
    let preview = import::inspect(&path, RecordKind::Receipts, Language::ZhCn)
        .await
        .unwrap();
    let request = ImportRequest {
        entity: RecordKind::Receipts,
        ..request(&path, preview.mapping, ImportMode::Create, &[])
    };
    let report = import::run(&store, &request, |_| {}).await.unwrap();
    assert_eq!(
        (report.created, report.rejected),
        (2, 2),
        "{:?}",
        report.rejects
    );
    let reasons: Vec<&str> = report.rejects.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(
        reasons,
        ["exceeds_due", "contract_not_found"],
        "3,000 of 3,000 was paid by the first two rows"
    );
    let plan = store.plans().of_contract(contract.id).await.unwrap();
    let received: Vec<i64> = plan.installments.iter().map(|i| i.received).collect();
    assert_eq!(
        received,
        [100_000, 200_000],
        "¥1,500 paid the first installment and half the second"
    );
    assert_eq!(
        plan.receipts.len(),
        3,
        "the first payment was split over two installments"
    );
    // The same sheet again: ¥1,500 was stored as two pieces and is still recognised as that payment.
    let again = import::run(
        &store,
        &ImportRequest {
            mode: ImportMode::Upsert,
            ..request.clone()
        },
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!(
        (again.created, again.unchanged),
        (0, 2),
        "nothing is paid twice: {:?}",
        again.rejects
    );
    // Nothing in a row says which receipt it would change: update is refused before anything is read.
    let update = ImportRequest {
        mode: ImportMode::Update,
        ..request.clone()
    };
    let e = import::run(&store, &update, |_| {}).await.unwrap_err();
    assert!(
        matches!(
            e,
            CoreError::Validation {
                field: "mode",
                reason: "append_only"
            }
        ),
        "{e}"
    );
    assert_eq!(
        store
            .plans()
            .of_contract(contract.id)
            .await
            .unwrap()
            .receipts
            .len(),
        3,
        "the refused run wrote nothing"
    );
    import::revert(&store, report.import_id.unwrap())
        .await
        .unwrap();
    let plan = store.plans().of_contract(contract.id).await.unwrap();
    assert!(plan.receipts.is_empty());
    assert_eq!(plan.money.received, 0);
    let book =
        crm_core::receivable::of_book(&store, chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap())
            .await
            .unwrap();
    assert_eq!(
        book.outstanding, 300_000,
        "owed again, in the day totals too"
    );
}

#[tokio::test]
async fn a_contract_updated_by_an_import_keeps_its_lines_and_the_revert_puts_it_back() {
    use crm_core::contract::{ContractInput, ContractLineInput};
    let (dir, store) = fresh().await;
    let c = store
        .customers()
        .create_from(&CustomerInput {
            name: "杭州西湖茶业".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    let original = store
        .contracts()
        .create_from(&ContractInput {
            number: Some("HT-2026-0042".into()),
            title: "茶叶采购".into(),
            customer_id: c.id,
            lines: vec![ContractLineInput {
                description: Some("龙井".into()),
                quantity: 10.0,
                unit_price: 58_800,
                ..Default::default()
            }],
            ..Default::default()
        })
        .await
        .unwrap();
    let csv = "合同编号,合同名称,客户名称,状态,结束日期\n\
               HT-2026-0042,茶叶年度采购,杭州西湖茶业,执行中,2026-12-31\n\
               ,新合同,杭州西湖茶业,草稿,\n\
               HT-2026-0043,别人的合同,没有这个客户,草稿,\n";
    let path = write(dir.path(), "合同.csv", csv.as_bytes());
    let preview = import::inspect(&path, RecordKind::Contracts, Language::ZhCn)
        .await
        .unwrap();
    let request = ImportRequest {
        entity: RecordKind::Contracts,
        ..request(&path, preview.mapping, ImportMode::Upsert, &[])
    };
    let report = import::run(&store, &request, |_| {}).await.unwrap();
    assert_eq!(
        (report.created, report.updated, report.rejected),
        (1, 1, 1),
        "{:?}",
        report.rejects
    );
    assert_eq!(report.rejects[0].reason, "customer_not_found");
    let updated = store.contracts().get(original.id).await.unwrap();
    assert_eq!(updated.title, "茶叶年度采购");
    assert_eq!(updated.status, crm_core::contract::ContractStatus::Active);
    assert_eq!(
        updated.lines.len(),
        1,
        "the sheet has no lines: the contract keeps its own"
    );
    assert_eq!(updated.amount, 588_000);
    let all = store
        .contracts()
        .list(&Default::default())
        .await
        .unwrap()
        .rows;
    assert!(
        all.iter()
            .any(|r| r.title == "新合同" && r.number.starts_with("HT-")),
        "numbered by the rule"
    );
    import::revert(&store, report.import_id.unwrap())
        .await
        .unwrap();
    let back = store.contracts().get(original.id).await.unwrap();
    assert_eq!(
        (back.title.as_str(), back.status, back.lines.len()),
        ("茶叶采购", crm_core::contract::ContractStatus::Draft, 1)
    );
    assert_eq!(
        store
            .contracts()
            .list(&Default::default())
            .await
            .unwrap()
            .rows
            .len(),
        1
    );
}

#[tokio::test]
async fn a_contract_row_the_store_cannot_take_is_refused_alone_and_the_rest_imports() {
    use crm_core::contract::{ContractInput, ContractLineInput};
    let (dir, store) = fresh().await;
    let mut ids = Vec::new();
    for name in ["杭州西湖茶业", "宁波港口物流"] {
        let c = store
            .customers()
            .create_from(&CustomerInput {
                name: name.into(),
                ..Default::default()
            })
            .await
            .unwrap();
        ids.push(c.id);
    }
    store
        .contracts()
        .create_from(&ContractInput {
            number: Some("HT-2026-0042".into()),
            title: "茶叶采购".into(),
            customer_id: ids[0],
            lines: vec![ContractLineInput {
                description: Some("龙井".into()),
                quantity: 10.0,
                unit_price: 58_800,
                ..Default::default()
            }],
            ..Default::default()
        })
        .await
        .unwrap();
    store
        .contracts()
        .create_from(&ContractInput {
            number: Some("HT-2026-0050".into()),
            title: "仓储".into(),
            customer_id: ids[1],
            amount: Some(100),
            ..Default::default()
        })
        .await
        .unwrap();
    // The second customer goes to the trash: its contract leaves the lists but keeps its number.
    store
        .trash()
        .put(RecordKind::Customers, ids[1])
        .await
        .unwrap();
    let csv = "合同编号,合同名称,客户名称,合同金额
               HT-2026-0050,抢号,杭州西湖茶业,100
               HT-2026-0042,茶叶采购,杭州西湖茶业,9999
               HT-2026-0042,茶叶采购,杭州西湖茶业,5880
               HT-2026-0051,新合同,杭州西湖茶业,100
";
    let path = write(dir.path(), "合同.csv", csv.as_bytes());
    let preview = import::inspect(&path, RecordKind::Contracts, Language::ZhCn)
        .await
        .unwrap();
    let request = ImportRequest {
        entity: RecordKind::Contracts,
        ..request(&path, preview.mapping, ImportMode::Upsert, &[])
    };
    let report = import::run(&store, &request, |_| {}).await.unwrap();
    let reasons: Vec<&str> = report.rejects.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(reasons, ["exists", "from_lines"], "a trashed customer's number is taken; an amount other than the lines' is not dropped silently");
    assert_eq!(
        (report.created, report.unchanged),
        (1, 1),
        "the corrected copy of a refused row is not a duplicate, and the new contract goes in: {:?}",
        report.rejects
    );
}
