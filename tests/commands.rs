//! The command layer over real IPC serialization, without a desktop (Tauri's mock runtime): the window's
//! calls reach crm-core, errors arrive as `{code, message, field, reason}`, and a locked store says so.

use std::sync::Arc;

use crm_core::store::{KeyVault, MemoryVault};
use crm_lib::{handlers, AppState};
use serde_json::{json, Value};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

struct Window {
    _app: tauri::App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
}

fn window_with(vault: Arc<dyn KeyVault>) -> Window {
    window_in(tempfile::tempdir().unwrap(), vault)
}

/// The app over the store in `dir`, started as the real app starts, with one window.
fn window_in(dir: tempfile::TempDir, vault: Arc<dyn KeyVault>) -> Window {
    let state = AppState::new(dir.path(), vault);
    state.start();
    let app = mock_builder()
        .manage(state)
        .invoke_handler(handlers())
        .build(mock_context(noop_assets()))
        .unwrap();
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    assert!(app.try_state::<AppState>().is_some());
    Window {
        _app: app,
        webview,
        _dir: dir,
    }
}

fn call(w: &Window, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = tauri::webview::InvokeRequest {
        cmd: cmd.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: tauri::ipc::InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(&w.webview, request).map(|b| b.deserialize::<Value>().unwrap())
}

#[test]
fn the_first_status_call_waits_for_start_up_and_finds_the_store_open() {
    let w = window_with(Arc::new(MemoryVault::default()));
    let status = call(&w, "store_status", json!({})).unwrap();
    assert_eq!(status["state"], "open", "{status}");
    assert_eq!(status["keySource"], "keychain");
}

#[test]
fn a_customer_created_through_the_window_is_listed_and_counted() {
    let w = window_with(Arc::new(MemoryVault::default()));
    let made = call(&w, "create_customer", json!({"input": {"name": "北京华远科技有限公司", "uscc": "91110108551385082Q", "tags": ["VIP"]}})).unwrap();
    assert_eq!(made["name"], "北京华远科技有限公司");
    let page = call(&w, "list_customers", json!({"query": {}})).unwrap();
    assert_eq!(page["rows"][0]["id"], made["id"]);
    assert_eq!(
        call(&w, "count_customers", json!({"query": {"tag": "VIP"}})).unwrap(),
        json!(1)
    );
    assert_eq!(call(&w, "list_tags", json!({})).unwrap(), json!(["VIP"]));
}

#[test]
fn an_invalid_code_comes_back_as_a_validation_error_on_its_field() {
    let w = window_with(Arc::new(MemoryVault::default()));
    let err = call(
        &w,
        "create_customer",
        json!({"input": {"name": "华远", "uscc": "91110108551385082A"}}),
    )
    .unwrap_err();
    assert_eq!(err["code"], "validation");
    assert_eq!(
        err["field"], "uscc",
        "the form marks the 统一社会信用代码 input"
    );
    assert_eq!(err["reason"], "checksum");
    assert_eq!(
        call(&w, "count_customers", json!({"query": {}})).unwrap(),
        json!(0),
        "nothing was saved"
    );
}

#[test]
fn without_a_keychain_the_window_is_asked_for_a_new_passphrase_and_the_store_stays_shut_until_then()
{
    let w = window_with(Arc::new(MemoryVault::unavailable()));
    let status = call(&w, "store_status", json!({})).unwrap();
    assert_eq!(status["state"], "needsNewPassphrase");
    assert_eq!(status["problem"]["reason"], "keychain_unavailable");
    let err = call(&w, "list_customers", json!({"query": {}})).unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["reason"].as_str()),
        (Some("locked"), Some("not_open"))
    );
    let short = call(&w, "set_passphrase", json!({"passphrase": "short"})).unwrap_err();
    assert_eq!(short["reason"], "too_short");
    let status = call(
        &w,
        "set_passphrase",
        json!({"passphrase": "a long enough passphrase"}),
    )
    .unwrap();
    assert_eq!(status["state"], "open");
    assert_eq!(status["keySource"], "passphrase");
    assert!(call(&w, "list_customers", json!({"query": {}})).is_ok());
    let recovery = call(&w, "export_recovery_key", json!({})).unwrap();
    assert_eq!(
        recovery.as_str().unwrap().len(),
        71,
        "eight groups of eight hex digits"
    );
}

#[test]
fn the_language_choice_is_remembered() {
    let w = window_with(Arc::new(MemoryVault::default()));
    assert_eq!(
        call(&w, "get_settings", json!({})).unwrap()["language"],
        json!(null),
        "follows the OS at first"
    );
    call(
        &w,
        "set_settings",
        json!({"settings": {"language": "zh-TW"}}),
    )
    .unwrap();
    assert_eq!(
        call(&w, "get_settings", json!({})).unwrap()["language"],
        "zh-TW"
    );
    let bad = call(&w, "set_settings", json!({"settings": {"language": "fr"}}));
    assert!(bad.is_err(), "an unknown language is refused, not stored");
}

#[test]
fn reminder_settings_are_saved_whole_and_a_value_out_of_range_is_refused_on_its_field() {
    let w = window_with(Arc::new(MemoryVault::default()));
    let mut settings = call(&w, "get_settings", json!({})).unwrap();
    assert_eq!(
        settings["reminders"],
        json!({"aheadDays": 7, "dormantDays": 90, "notify": true, "installmentDaysBefore": 7, "contractEndDaysBefore": 30})
    );
    assert_eq!(settings["contractNumberRule"], "HT-{YYYY}-{0000}");
    settings["reminders"]["dormantDays"] = json!(30);
    call(&w, "set_settings", json!({ "settings": settings })).unwrap();
    assert_eq!(
        call(&w, "get_settings", json!({})).unwrap()["reminders"]["dormantDays"],
        30
    );
    settings["reminders"]["aheadDays"] = json!(0);
    let err = call(&w, "set_settings", json!({ "settings": settings })).unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("validation"), Some("aheadDays"))
    );
    assert_eq!(
        call(&w, "get_settings", json!({})).unwrap()["reminders"]["aheadDays"],
        7,
        "nothing was written"
    );
}

#[test]
fn a_store_held_by_another_process_fails_to_open_and_opens_on_retry_once_released() {
    let dir = tempfile::tempdir().unwrap();
    let vault: Arc<dyn KeyVault> = Arc::new(MemoryVault::default());
    let other = tauri::async_runtime::block_on(
        crm_core::store::Unlocker::new(dir.path(), vault.clone()).open_automatically(),
    )
    .expect("the other process opens it first");
    let w = window_in(dir, vault);
    let status = call(&w, "store_status", json!({})).unwrap();
    assert_eq!(status["state"], "failed");
    assert_eq!(
        status["problem"]["reason"], "in_use",
        "the user is told another window holds the data"
    );
    tauri::async_runtime::block_on(other.close());
    assert_eq!(
        call(&w, "retry_open_store", json!({})).unwrap()["state"],
        "open"
    );
}

#[test]
fn contacts_added_through_the_window_are_found_by_the_search_with_their_customer() {
    let w = window_with(Arc::new(MemoryVault::default()));
    let made = call(
        &w,
        "create_customer",
        json!({"input": {"name": "北京华远科技有限公司"}}),
    )
    .unwrap();
    let id = made["id"].clone();
    let zhang = call(
        &w,
        "create_contact",
        json!({"customerId": id, "input": {"name": "张三", "mobile": "13800138000"}}),
    )
    .unwrap();
    assert_eq!(
        zhang["isPrimary"], true,
        "the first contact is the primary one"
    );
    call(
        &w,
        "create_contact",
        json!({"customerId": id, "input": {"name": "李四"}}),
    )
    .unwrap();
    let contacts = call(&w, "list_customer_contacts", json!({"customerId": id})).unwrap();
    assert_eq!(contacts.as_array().unwrap().len(), 2);
    let hits = call(&w, "search", json!({"query": "zs"})).unwrap();
    assert_eq!(hits[0]["name"], "张三");
    assert_eq!(hits[0]["kind"], "contact");
    assert_eq!(
        hits[0]["customerId"], id,
        "a contact hit opens its customer"
    );
    let hits = call(&w, "search", json!({"query": "hy", "limit": 5})).unwrap();
    assert_eq!(hits[0]["name"], "北京华远科技有限公司");
    let err = call(
        &w,
        "create_contact",
        json!({"customerId": id, "input": {"name": "王五", "email": "nope"}}),
    )
    .unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("validation"), Some("email"))
    );
}

#[test]
fn a_follow_up_logged_through_the_window_is_on_the_timeline_and_due_in_today() {
    let w = window_with(Arc::new(MemoryVault::default()));
    let made = call(
        &w,
        "create_customer",
        json!({"input": {"name": "北京华远科技有限公司"}}),
    )
    .unwrap();
    let id = made["id"].clone();
    let input = json!({"kind": "visit", "content": "上门拜访，确认需求", "nextDate": "2026-11-23"});
    call(
        &w,
        "create_follow_up",
        json!({"customerId": id, "input": input}),
    )
    .unwrap();
    let timeline = call(&w, "customer_timeline", json!({"customerId": id})).unwrap();
    assert_eq!(
        timeline[0]["type"], "followUp",
        "the newest entry is the follow-up: {timeline}"
    );
    assert_eq!(timeline[0]["followUp"]["kind"], "visit");
    let today = call(
        &w,
        "today_view",
        json!({"query": {"today": "2026-11-23", "utcOffsetMinutes": 480}}),
    )
    .unwrap();
    assert_eq!(today["today"][0]["name"], "北京华远科技有限公司");
    assert_eq!(today["today"][0]["kind"], "followUp");
    let due = today["today"][0]["due"].clone();
    call(
        &w,
        "act_on_reminder",
        json!({"kind": "followUp", "entityId": id, "due": due, "snoozeUntil": null}),
    )
    .unwrap();
    let today = call(&w, "today_view", json!({"query": {"today": "2026-11-23"}})).unwrap();
    assert_eq!(
        today["today"].as_array().unwrap().len(),
        0,
        "done leaves Today"
    );
}

#[test]
fn a_duplicate_pair_found_by_the_scan_is_merged_and_unmerged_through_the_window() {
    let w = window_with(Arc::new(MemoryVault::default()));
    let old = call(
        &w,
        "create_customer",
        json!({"input": {"name": "北京华远科技有限公司"}}),
    )
    .unwrap();
    let new = call(
        &w,
        "create_customer",
        json!({"input": {"name": "华远科技有限公司", "mobile": "13812345678"}}),
    )
    .unwrap();
    call(
        &w,
        "create_contact",
        json!({"customerId": new["id"], "input": {"name": "李会计"}}),
    )
    .unwrap();
    let scan = call(&w, "scan_duplicates", json!({})).unwrap();
    assert_eq!(scan["totalGroups"], 1, "the two 华远 are one group: {scan}");
    assert_eq!(scan["groups"][0]["reasons"], json!(["name"]));

    let fields = json!({"name": "北京华远科技有限公司", "mobile": "13812345678"});
    let input = json!({"survivorId": old["id"], "mergedId": new["id"], "fields": fields});
    let out = call(&w, "merge_customers", json!({"input": input})).unwrap();
    assert_eq!(out["survivor"]["mobile"], "13812345678");
    let contacts = call(
        &w,
        "list_customer_contacts",
        json!({"customerId": old["id"]}),
    )
    .unwrap();
    assert_eq!(
        contacts[0]["name"], "李会计",
        "the contact moved to the survivor"
    );
    let timeline = call(&w, "customer_timeline", json!({"customerId": old["id"]})).unwrap();
    assert!(
        timeline
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["type"] == "merge"),
        "the merge is on the survivor's timeline: {timeline}"
    );

    let again = call(&w, "merge_customers", json!({"input": input})).unwrap_err();
    assert_eq!(
        (again["code"].as_str(), again["reason"].as_str()),
        (Some("conflict"), Some("customer_trashed"))
    );
    call(&w, "undo_merge", json!({"id": out["merge"]["id"]})).unwrap();
    let back = call(
        &w,
        "list_customer_contacts",
        json!({"customerId": new["id"]}),
    )
    .unwrap();
    assert_eq!(back[0]["name"], "李会计", "undo puts the contact back");
}

#[test]
fn an_import_and_an_export_run_through_the_command_layer() {
    let w = window_with(Arc::new(MemoryVault::default()));
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("模板.xlsx");
    let template_path = template.to_string_lossy();
    call(
        &w,
        "save_import_template",
        json!({"entity": "customers", "path": template_path, "language": "zh-CN"}),
    )
    .unwrap();
    let preview = call(
        &w,
        "inspect_import",
        json!({"path": template_path, "entity": "customers", "language": "zh-CN"}),
    )
    .unwrap();
    assert_eq!(
        preview["totalRows"], 1,
        "the template's example row: {preview}"
    );
    let request = json!({
        "path": template_path, "entity": "customers", "mapping": preview["mapping"],
        "mode": "create", "matchKeys": ["uscc"], "dryRun": false,
    });
    // A progress channel as the window sends it.
    let report = call(
        &w,
        "run_import",
        json!({"request": request, "onProgress": "__CHANNEL__:7"}),
    )
    .unwrap();
    assert_eq!(
        (report["created"].as_u64(), report["rejected"].as_u64()),
        (Some(1), Some(0)),
        "{report}"
    );
    let imports = call(&w, "list_imports", json!({})).unwrap();
    assert_eq!(imports[0]["fileName"], "模板.xlsx");

    let out = dir.path().join("客户.xlsx");
    let export = json!({"entity": "customers", "query": null, "format": "xlsx", "path": out.to_string_lossy(), "language": "zh-CN"});
    let summary = call(
        &w,
        "export_records",
        json!({"request": export, "onProgress": "__CHANNEL__:8"}),
    )
    .unwrap();
    assert_eq!(summary["rows"], 1);
    assert!(out.exists());

    let reverted = call(&w, "revert_import", json!({"id": report["importId"]})).unwrap();
    assert!(reverted["revertedAt"].is_number());
    let again = call(&w, "revert_import", json!({"id": report["importId"]})).unwrap_err();
    assert_eq!(
        (again["code"].as_str(), again["reason"].as_str()),
        (Some("conflict"), Some("import_reverted"))
    );
    let bad = call(&w, "inspect_import", json!({"path": dir.path().join("nope.docx").to_string_lossy(), "entity": "customers", "language": "zh-CN"})).unwrap_err();
    assert_eq!(bad["code"], "io", "{bad}");
}

#[test]
fn a_contract_with_lines_a_plan_and_a_partial_receipt_run_through_the_window() {
    let w = window_with(Arc::new(MemoryVault::default()));
    let customer = call(
        &w,
        "create_customer",
        json!({"input": {"name": "北京华远科技有限公司"}}),
    )
    .unwrap();
    let product = call(
        &w,
        "create_product",
        json!({"input": {"name": "云服务器", "code": "YF-01", "unit": "台", "listPrice": 150000}}),
    )
    .unwrap();
    let contract = call(
        &w,
        "create_contract",
        json!({"input": {
            "title": "年度服务合同", "customerId": customer["id"], "status": "signed",
            "lines": [
                {"productId": product["id"], "quantity": 2, "unitPrice": 150000, "discountPercent": 10},
                {"description": "安装调试", "quantity": 1, "unitPrice": 50000, "discountPercent": 0}
            ]
        }}),
    )
    .unwrap();
    assert_eq!(
        contract["amount"], 320000,
        "2 × ¥1,500 at 10% off + ¥500, in 分"
    );
    let id = contract["id"].clone();
    let first = call(
        &w,
        "add_installment",
        json!({"contractId": id, "input": {"dueOn": "2026-01-31", "amount": 200000}}),
    )
    .unwrap();
    call(
        &w,
        "add_installment",
        json!({"contractId": id, "input": {"dueOn": "2099-06-30", "amount": 120000}}),
    )
    .unwrap();
    call(&w, "record_receipt", json!({"installmentId": first["id"], "input": {"receivedOn": "2026-02-01", "amount": 50000, "method": "wechat"}})).unwrap();
    let plan = call(&w, "get_payment_plan", json!({"contractId": id})).unwrap();
    assert_eq!(plan["money"]["outstanding"], 270000);
    assert_eq!(plan["receipts"][0]["method"], "wechat");
    let err = call(&w, "record_receipt", json!({"installmentId": first["id"], "input": {"receivedOn": "2026-02-01", "amount": 150001}})).unwrap_err();
    assert_eq!(
        (
            err["code"].as_str(),
            err["field"].as_str(),
            err["reason"].as_str()
        ),
        (Some("validation"), Some("amount"), Some("exceeds_due"))
    );
    let mine = call(
        &w,
        "customer_receivables",
        json!({"customerId": customer["id"]}),
    )
    .unwrap();
    assert_eq!(mine["outstanding"], 270000);
    let book = call(&w, "book_receivables", json!({})).unwrap();
    assert_eq!(book["outstanding"], 270000);
    let open = call(
        &w,
        "list_open_installments",
        json!({"query": {"bucket": "overdue"}}),
    )
    .unwrap();
    assert_eq!(open["rows"][0]["outstanding"], 150000);
    let rows = call(&w, "list_contracts", json!({"query": {"status": "signed"}})).unwrap();
    assert_eq!(rows["rows"][0]["money"]["received"], 50000);
}

#[test]
fn a_document_attached_through_the_window_comes_back_raw_and_opens_as_a_copy() {
    std::env::set_var("CRM_TEST_NO_OPEN", "1");
    let w = window_with(Arc::new(MemoryVault::default()));
    let customer = call(
        &w,
        "create_customer",
        json!({"input": {"name": "上海申通小吃店"}}),
    )
    .unwrap();
    let files = tempfile::tempdir().unwrap();
    let path = files.path().join("营业执照.pdf");
    let bytes = crm_core::demo::small_pdf("HT-2026-0001");
    std::fs::write(&path, &bytes).unwrap();
    let doc = call(
        &w,
        "attach_document",
        json!({"path": path, "customerId": customer["id"], "contractId": null}),
    )
    .unwrap();
    assert_eq!(doc["name"], "营业执照.pdf");
    assert_eq!(doc["kind"], "pdf");
    let request = tauri::webview::InvokeRequest {
        cmd: "document_contents".into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: tauri::ipc::InvokeBody::Json(json!({"id": doc["id"]})),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    match get_ipc_response(&w.webview, request).unwrap() {
        tauri::ipc::InvokeResponseBody::Raw(raw) => {
            assert_eq!(
                raw, bytes,
                "the preview gets the file's own bytes, not JSON"
            )
        }
        other => panic!("expected raw bytes, got {other:?}"),
    }
    let copy = call(&w, "open_document", json!({"id": doc["id"]})).unwrap();
    let copy = std::path::PathBuf::from(copy.as_str().unwrap());
    assert_eq!(std::fs::read(&copy).unwrap(), bytes);
    let err = call(
        &w,
        "attach_document",
        json!({"path": files.path().join("不存在.pdf"), "customerId": customer["id"], "contractId": null}),
    )
    .unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["reason"].as_str()),
        (Some("io"), Some("file_gone"))
    );
}

#[test]
fn reports_run_drill_and_export_through_the_window_and_a_bad_period_is_a_validation_error() {
    let w = window_with(Arc::new(MemoryVault::default()));
    let customer = call(
        &w,
        "create_customer",
        json!({"input": {"name": "北京华远科技有限公司", "province": "北京市"}}),
    )
    .unwrap();
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    call(
        &w,
        "create_contract",
        json!({"input": {"title": "年度服务", "customerId": customer["id"], "amount": 1_234_500, "status": "signed", "signedOn": today}}),
    )
    .unwrap();
    let query = json!({"language": "en"});
    let dashboard = call(
        &w,
        "run_report",
        json!({"name": "dashboard", "query": query, "onProgress": "__CHANNEL__:9"}),
    )
    .unwrap();
    assert_eq!(dashboard["title"], "Business overview");
    let signed = dashboard["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["key"] == "signed")
        .unwrap();
    assert_eq!(
        signed["value"], 1_234_500,
        "this month's 签约额 in 分: {signed}"
    );

    // The contract behind this month's point of the trend, and its customer tagged in bulk.
    let month = format!("month:{}", &today[..7]);
    let drill = json!({"report": "dashboard", "key": month, "query": query});
    let list = call(&w, "drill_report", json!({"request": drill, "limit": 50})).unwrap();
    assert_eq!(
        (list["kind"].as_str(), list["total"].as_i64()),
        (Some("contracts"), Some(1)),
        "{list}"
    );
    assert_eq!(list["rows"][0]["customerName"], "北京华远科技有限公司");
    assert_eq!(
        call(
            &w,
            "tag_drilled_customers",
            json!({"request": drill, "tag": "本月签约"})
        )
        .unwrap(),
        1
    );
    let tagged = call(&w, "get_customer", json!({"id": customer["id"]})).unwrap();
    assert_eq!(tagged["tags"], json!(["本月签约"]));

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("销售分析.xlsx");
    call(
        &w,
        "export_report",
        json!({"name": "sales", "query": {"language": "zh-CN"}, "path": out.to_string_lossy(), "onProgress": "__CHANNEL__:10"}),
    )
    .unwrap();
    assert!(
        std::fs::metadata(&out).unwrap().len() > 1000,
        "a workbook was written"
    );

    let bad = call(
        &w,
        "run_report",
        json!({"name": "sales", "query": {"from": "2026-05-01", "to": "2026-04-01"}, "onProgress": "__CHANNEL__:11"}),
    )
    .unwrap_err();
    assert_eq!(
        (
            bad["code"].as_str(),
            bad["field"].as_str(),
            bad["reason"].as_str()
        ),
        (Some("validation"), Some("to"), Some("before_from"))
    );
    let unknown = call(
        &w,
        "run_report",
        json!({"name": "horoscope", "query": {}, "onProgress": "__CHANNEL__:12"}),
    );
    assert!(
        unknown.is_err(),
        "an unknown report is refused by the command's types"
    );
}

#[test]
fn any_kind_of_record_goes_to_the_trash_comes_back_and_is_deleted_through_the_same_commands() {
    let w = window_with(Arc::new(MemoryVault::default()));
    let made = call(
        &w,
        "create_customer",
        json!({"input": {"name": "北京华远科技有限公司"}}),
    )
    .unwrap();
    let id = made["id"].clone();
    call(&w, "trash_record", json!({"kind": "customers", "id": id})).unwrap();
    let trashed = call(&w, "list_trash", json!({"kind": "customers"})).unwrap();
    assert_eq!(trashed["kind"], "customers");
    assert_eq!(trashed["rows"][0]["id"], id);
    assert_eq!(
        call(&w, "count_customers", json!({"query": {}})).unwrap(),
        json!(0)
    );

    call(&w, "restore_record", json!({"kind": "customers", "id": id})).unwrap();
    assert_eq!(
        call(&w, "count_customers", json!({"query": {}})).unwrap(),
        json!(1)
    );
    let history = call(&w, "list_history", json!({"kind": "customers", "id": id})).unwrap();
    let fields: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["deletedAt", "deletedAt", "created"],
        "trashed, restored, newest first"
    );

    let live = call(&w, "delete_record", json!({"kind": "customers", "id": id})).unwrap_err();
    assert_eq!(
        (live["code"].as_str(), live["reason"].as_str()),
        (Some("conflict"), Some("not_trashed"))
    );
    let unknown = call(&w, "trash_record", json!({"kind": "tickets", "id": id}));
    assert!(
        unknown.is_err(),
        "a kind the app does not keep is refused by the command's types"
    );
}

/// Like the bindings: `cargo test` writes the UI's command table from the command list, and CI fails when
/// the committed one differs.
#[test]
fn the_ui_command_table_is_written_from_the_command_list() {
    let table = crm_lib::commands::table::typescript_table(crm_lib::COMMANDS).unwrap();
    for c in crm_lib::COMMANDS {
        assert!(
            table.contains(&format!("  {}: {{ args:", c.name)),
            "{} is in the table",
            c.name
        );
    }
    let mut names: Vec<&str> = crm_lib::COMMANDS.iter().map(|c| c.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(
        names.len(),
        crm_lib::COMMANDS.len(),
        "each command is listed once"
    );
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/api/commands.ts");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(table.as_str()) {
        std::fs::write(&path, &table).unwrap();
    }
}
