//! Imports into a real encrypted store from messy workbooks and Chinese CSV files: mapping, validation,
//! modes, duplicates, dry run, revert, and bad files refused with nothing written.

mod support;

use std::path::{Path, PathBuf};

use crm_core::customer::{CustomerInput, CustomerQuery, LifecycleStatus};
use crm_core::import::{self, ImportMode, ImportReport, ImportRequest, MatchKey};
use crm_core::settings::Language;
use crm_core::sheet::Entity;
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
        entity: Entity::Customers,
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
    let preview = import::inspect(path, Entity::Customers, Language::ZhCn)
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
    let preview = import::inspect(&path, Entity::Customers, Language::ZhCn)
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
    let preview = import::inspect(&path, Entity::Customers, Language::ZhCn)
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
    let preview = import::inspect(&out, Entity::Customers, Language::ZhCn)
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
        import::inspect(&path, Entity::Customers, Language::ZhCn)
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
        let e = import::inspect(&path, Entity::Customers, Language::ZhCn)
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
        Entity::Customers,
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
    for entity in [Entity::Customers, Entity::Contacts] {
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
    let preview = import::inspect(path, Entity::Contacts, Language::ZhCn)
        .await
        .unwrap();
    let mut req = request(path, preview.mapping, mode, &[]);
    req.entity = Entity::Contacts;
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
    let e = import::inspect(&path, Entity::Customers, Language::ZhCn)
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
    let preview = import::inspect(path, Entity::Products, Language::ZhCn).await.unwrap();
    assert_eq!(
        preview.mapping,
        ["name", "code", "listPrice", "cost"].map(|k| Some(k.to_string())),
        "a supplier's headers are recognised"
    );
    let request = ImportRequest {
        entity: Entity::Products,
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
    let products = store.products().list(&ProductQuery::default()).await.unwrap().rows;
    let by_code = |c: &str| products.iter().find(|p| p.code.as_deref() == Some(c)).unwrap().clone();
    assert_eq!(by_code("DY-101").list_price, 189_900);
    assert_eq!(by_code("DY-101").cost, Some(120_050), "1200.50 yuan is exactly 120050 分");
    assert_eq!(by_code("FY-201").list_price, 1_299_000, "¥12,990.00 as text");
    assert_eq!(by_code("ZH-A4").name, "A4 复印纸 (箱)", "matched on its code, renamed");
    assert_eq!(by_code("ZH-A4").id, kept.id);

    // A product the import created and a contract sold since survives the revert in the trash.
    let customer = store
        .customers()
        .create_from(&CustomerInput { name: "广州天河电子".into(), ..Default::default() })
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
    import::revert(&store, report.import_id.unwrap()).await.unwrap();
    let live = store.products().list(&ProductQuery::default()).await.unwrap().rows;
    let names: Vec<&str> = live.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["打印纸"], "created products gone, the updated one as it was");
    let trashed = store
        .products()
        .list(&ProductQuery { trashed: true, ..Default::default() })
        .await
        .unwrap()
        .rows;
    assert_eq!(trashed.len(), 1, "the sold one is kept in the trash: {trashed:?}");
    assert_eq!(trashed[0].code.as_deref(), Some("FY-201"));
}

#[tokio::test]
async fn reverting_a_customer_import_is_refused_once_its_customers_have_contracts() {
    use crm_core::contract::ContractInput;
    let (dir, store) = fresh().await;
    let path = write(dir.path(), "客户.csv", "客户名称,手机\n北京华远科技有限公司,13800138000\n".as_bytes());
    let report = import_file(&store, &path, ImportMode::Create, &[]).await;
    let id = store.customers().list(&CustomerQuery::default()).await.unwrap().rows[0].id;
    store
        .contracts()
        .create_from(&ContractInput { title: "服务".into(), customer_id: id, amount: Some(100), ..Default::default() })
        .await
        .unwrap();
    let e = import::revert(&store, report.import_id.unwrap()).await.unwrap_err();
    assert_eq!(e.reason(), Some("has_contracts"), "the contract would have been lost with the customer");
    assert_eq!(names(&store).await, ["北京华远科技有限公司"]);
}
