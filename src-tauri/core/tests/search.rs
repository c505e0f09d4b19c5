//! Search on a real encrypted store: Chinese substrings of any length, pinyin and initials, phone and
//! e-mail fragments, ranking, records leaving and re-entering the index, and text that looks like syntax.

mod support;

use crm_core::contact::ContactInput;
use crm_core::customer::CustomerInput;
use crm_core::record::RecordKind;
use crm_core::search::{search, HitKind, MatchField, MatchTier, SearchHit};
use crm_core::store::Store;
use support::fresh;

async fn customer(store: &Store, name: &str, mobile: Option<&str>) -> i64 {
    let input = CustomerInput {
        name: name.into(),
        mobile: mobile.map(Into::into),
        ..Default::default()
    };
    store.customers().create_from(&input).await.unwrap().id
}

async fn names(store: &Store, q: &str) -> Vec<String> {
    search(store, q, 50)
        .await
        .unwrap()
        .into_iter()
        .map(|h| h.name)
        .collect()
}

async fn book() -> (tempfile::TempDir, Store, i64) {
    let (dir, store) = fresh().await;
    let huayuan = customer(&store, "北京华远科技有限公司", Some("13812345678")).await;
    customer(&store, "上海金腾机械设备有限公司", None).await;
    customer(&store, "华远", None).await;
    customer(&store, "华远贸易", None).await;
    let contact = ContactInput {
        name: "张三".into(),
        email: Some("zhang.san@qq.com".into()),
        ..Default::default()
    };
    store
        .contacts()
        .create_from(huayuan, &contact)
        .await
        .unwrap();
    (dir, store, huayuan)
}

#[tokio::test]
async fn one_and_two_character_chinese_queries_find_names_ranked_exact_prefix_substring() {
    let (_d, store, _) = book().await;
    assert_eq!(
        names(&store, "华远").await,
        vec!["华远", "华远贸易", "北京华远科技有限公司"],
        "exact, prefix, substring"
    );
    assert!(
        names(&store, "腾")
            .await
            .contains(&"上海金腾机械设备有限公司".to_string()),
        "one character is enough"
    );
    assert_eq!(
        names(&store, "华远科技").await,
        vec!["北京华远科技有限公司"]
    );
    assert!(
        names(&store, "远华").await.is_empty(),
        "characters must be in order"
    );
}

#[tokio::test]
async fn pinyin_and_initials_find_customers_and_contacts() {
    let (_d, store, huayuan) = book().await;
    for q in ["hy", "huayuan", "HuaYuan", "bjhy"] {
        assert!(
            names(&store, q)
                .await
                .contains(&"北京华远科技有限公司".to_string()),
            "{q} finds 北京华远科技有限公司"
        );
    }
    for q in ["zs", "zhangsan", "zhangs"] {
        let hits = search(&store, q, 50).await.unwrap();
        let zhang: Vec<&SearchHit> = hits.iter().filter(|h| h.name == "张三").collect();
        assert_eq!(zhang.len(), 1, "{q} finds 张三");
        assert_eq!(
            (zhang[0].kind, zhang[0].customer_id),
            (HitKind::Contact, huayuan),
            "a contact hit leads to its customer"
        );
        assert_eq!(
            (zhang[0].tier, zhang[0].matched),
            (MatchTier::Exact, MatchField::Pinyin)
        );
    }
}

#[tokio::test]
async fn phone_fragments_and_email_parts_are_found() {
    let (_d, store, _) = book().await;
    let hits = search(&store, "1234", 50).await.unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].name.as_str(), hits[0].matched),
        ("北京华远科技有限公司", MatchField::Phone)
    );
    assert_eq!(names(&store, "zhang.san@").await, vec!["张三"]);
    assert_eq!(names(&store, "zhang.san@qq.com").await, vec!["张三"]);
}

#[tokio::test]
async fn fts_syntax_and_junk_are_plain_text_never_an_error() {
    let (_d, store, _) = book().await;
    let long = "华远".repeat(5_000);
    for q in [
        "\"",
        "华远\" OR \"x",
        "(",
        "*",
        "NEAR(a b)",
        "a AND b OR c",
        "\\",
        "   ",
        "。，！",
        "'; DROP TABLE customers; --",
        &long,
    ] {
        let r = search(&store, q, 50).await;
        assert!(r.is_ok(), "{q:?} is text, not syntax: {r:?}");
    }
    assert!(
        names(&store, "   ").await.is_empty(),
        "only spaces finds nothing"
    );
    assert_eq!(
        names(&store, "（华远）").await.len(),
        3,
        "brackets around a name are ignored"
    );
}

#[tokio::test]
async fn trashed_renamed_and_restored_records_leave_and_reenter_the_index() {
    let (_d, store, huayuan) = book().await;
    store
        .trash()
        .put(RecordKind::Customers, huayuan)
        .await
        .unwrap();
    assert!(
        !names(&store, "华远科技")
            .await
            .iter()
            .any(|n| n.contains("华远科技")),
        "a trashed customer is not found"
    );
    assert!(
        names(&store, "zs").await.iter().all(|n| n != "张三"),
        "nor are its contacts"
    );
    store
        .trash()
        .restore(RecordKind::Customers, huayuan)
        .await
        .unwrap();
    assert_eq!(
        names(&store, "华远科技").await,
        vec!["北京华远科技有限公司"]
    );
    assert!(
        names(&store, "zs").await.contains(&"张三".to_string()),
        "its contacts come back with it"
    );
    let c = store.customers().get(huayuan).await.unwrap();
    let renamed = CustomerInput {
        name: "北京远景科技有限公司".into(),
        mobile: c.mobile.clone(),
        ..Default::default()
    };
    store
        .customers()
        .update_from(huayuan, &renamed)
        .await
        .unwrap();
    assert!(
        names(&store, "华远科技").await.is_empty(),
        "the old name is gone from the index"
    );
    assert_eq!(names(&store, "yjkj").await, vec!["北京远景科技有限公司"]);
}

#[tokio::test]
async fn a_store_opened_again_rebuilds_nothing_and_still_finds_everything() {
    let (dir, store, _) = book().await;
    let key = store.key().clone();
    store.close().await;
    let store = Store::open(dir.path(), &key).await.unwrap();
    assert_eq!(names(&store, "华远").await.len(), 3);
}

#[tokio::test]
async fn an_index_built_under_older_token_rules_is_rebuilt_at_open_and_finds_everything() {
    let (dir, store, huayuan) = book().await;
    let trashed = customer(&store, "华远物流", None).await;
    store
        .trash()
        .put(RecordKind::Customers, trashed)
        .await
        .unwrap();
    let key = store.key().clone();
    store.close().await;
    // Pretend the index was made by an older build: emptied, and marked with a version before this one.
    {
        use sqlx::ConnectOptions;
        use std::str::FromStr;
        let mut conn = sqlx::sqlite::SqliteConnectOptions::from_str("sqlite:")
            .unwrap()
            .filename(crm_core::store::db_path(dir.path()))
            .pragma("key", format!("\"x'{}'\"", key.to_hex()))
            .connect()
            .await
            .unwrap();
        for sql in [
            "INSERT INTO search_customer (search_customer) VALUES ('delete-all')",
            "INSERT INTO search_contact (search_contact) VALUES ('delete-all')",
            "UPDATE search_version SET version = 1",
        ] {
            sqlx::query(sql).execute(&mut conn).await.unwrap();
        }
    }
    let store = Store::open(dir.path(), &key).await.unwrap();
    assert_eq!(
        names(&store, "华远").await.len(),
        3,
        "every live customer is indexed again, the trashed one is not"
    );
    let hits = search(&store, "zhangsan", 10).await.unwrap();
    assert!(
        hits.iter()
            .any(|h| h.kind == HitKind::Contact && h.customer_id == huayuan),
        "contacts are indexed again too: {hits:?}"
    );
}

#[tokio::test]
async fn demo_data_is_searchable_the_moment_it_is_loaded() {
    let (_d, store) = fresh().await;
    crm_core::demo::Generator::new(3, 1_700_000_000_000)
        .fill(&store, 2_000, |_| {})
        .await
        .unwrap();
    let c = store.customers().get(1234).await.unwrap();
    let brand: String = c.name.chars().skip(2).take(2).collect();
    let hits = search(&store, &brand, 50).await.unwrap();
    assert!(!hits.is_empty(), "{brand} (from {}) is found", c.name);
    assert!(hits
        .iter()
        .all(|h| h.name.contains(&brand) || h.matched != MatchField::Name));
    let contacts = store.contacts().of_customer(1234).await.unwrap();
    assert!(!contacts.is_empty(), "demo customers have contacts");
    let m = contacts[0].mobile.clone().unwrap();
    let hits = search(&store, &m, 50).await.unwrap();
    assert!(
        hits.iter().any(|h| h.kind == HitKind::Contact
            && h.id == contacts[0].id
            && h.matched == MatchField::Phone),
        "the contact's mobile finds the contact: {hits:?}"
    );
}
