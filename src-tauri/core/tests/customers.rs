//! The customer archive on a real encrypted store: create, edit with history, trash and restore,
//! permanent delete, the unique 统一社会信用代码, and keyset pages that visit every row once.

mod support;

use crm_core::customer::{
    CustomerInput, CustomerLevel, CustomerQuery, CustomerSort, LifecycleStatus, SortDirection,
};
use crm_core::demo::Generator;
use crm_core::history;
use crm_core::record::RecordKind;
use crm_core::store::Store;
use support::fresh;

fn named(name: &str) -> CustomerInput {
    CustomerInput {
        name: name.into(),
        ..Default::default()
    }
}

async fn create(
    store: &Store,
    input: CustomerInput,
) -> crm_core::Result<crm_core::customer::Customer> {
    store.customers().create(&input.validate()?).await
}

#[tokio::test]
async fn a_created_customer_reads_back_with_every_field() {
    let (_dir, store) = fresh().await;
    let input = CustomerInput {
        uscc: Some("91110108551385082q".into()),
        mobile: Some("+86 138 1234 5678".into()),
        email: Some("sales@huayuan.cn".into()),
        province: Some("北京市".into()),
        city: Some("市辖区".into()),
        district: Some("海淀区".into()),
        level: Some(CustomerLevel::A),
        status: LifecycleStatus::Intent,
        tags: vec!["VIP".into(), "需开专票".into()],
        notes: Some("第一行\n第二行 🍵".into()),
        ..named("北京华远科技有限公司")
    };
    let c = create(&store, input).await.unwrap();
    let back = store.customers().get(c.id).await.unwrap();
    assert_eq!(back, c);
    assert_eq!(
        back.uscc.as_deref(),
        Some("91110108551385082Q"),
        "codes are stored upper-case"
    );
    assert_eq!(
        back.mobile.as_deref(),
        Some("13812345678"),
        "mobiles are stored as 11 digits"
    );
    assert_eq!(back.tags, vec!["VIP", "需开专票"]);
    assert_eq!(back.notes.as_deref(), Some("第一行\n第二行 🍵"));
}

#[tokio::test]
async fn two_live_customers_cannot_share_a_code_but_a_trashed_one_does_not_block() {
    let (_dir, store) = fresh().await;
    let with_code = |name: &str| CustomerInput {
        uscc: Some("91110108551385082Q".into()),
        ..named(name)
    };
    let first = create(&store, with_code("华远")).await.unwrap();
    let err = create(&store, with_code("华远分公司")).await.unwrap_err();
    assert_eq!(err.reason(), Some("uscc_taken"));
    store
        .trash()
        .put(RecordKind::Customers, first.id)
        .await
        .unwrap();
    let second = create(&store, with_code("华远分公司"))
        .await
        .expect("the trashed one no longer counts");
    let err = store
        .trash()
        .restore(RecordKind::Customers, first.id)
        .await
        .unwrap_err();
    assert_eq!(
        err.reason(),
        Some("uscc_taken"),
        "restoring would make two live customers share a code"
    );
    assert!(
        store
            .customers()
            .get(first.id)
            .await
            .unwrap()
            .deleted_at
            .is_some(),
        "it stays in the trash"
    );
    store
        .trash()
        .put(RecordKind::Customers, second.id)
        .await
        .unwrap();
    store
        .trash()
        .restore(RecordKind::Customers, first.id)
        .await
        .unwrap();
}

#[tokio::test]
async fn an_edit_keeps_each_changed_field_in_the_history() {
    let (_dir, store) = fresh().await;
    let c = create(&store, named("华远")).await.unwrap();
    let edit = CustomerInput {
        status: LifecycleStatus::Deal,
        email: Some("a@b.cn".into()),
        ..named("华远科技")
    };
    let after = store
        .customers()
        .update(c.id, &edit.validate().unwrap())
        .await
        .unwrap();
    assert!(
        after.updated_at > c.updated_at,
        "an edit moves the customer up the default list"
    );
    let h = history::of(&store, RecordKind::Customers, c.id)
        .await
        .unwrap();
    let fields: Vec<(&str, Option<&str>, Option<&str>)> = h
        .iter()
        .map(|e| {
            (
                e.field.as_str(),
                e.old_value.as_deref(),
                e.new_value.as_deref(),
            )
        })
        .collect();
    assert!(
        fields.contains(&("name", Some("华远"), Some("华远科技"))),
        "{fields:?}"
    );
    assert!(
        fields.contains(&("status", Some("potential"), Some("deal"))),
        "{fields:?}"
    );
    assert!(
        fields.contains(&("email", None, Some("a@b.cn"))),
        "{fields:?}"
    );
    assert!(fields.contains(&("created", None, None)));
    assert_eq!(
        fields.len(),
        4,
        "unchanged fields are not recorded: {fields:?}"
    );
}

#[tokio::test]
async fn a_trashed_customer_leaves_the_list_and_comes_back_on_restore() {
    let (_dir, store) = fresh().await;
    let c = create(&store, named("华远")).await.unwrap();
    store
        .trash()
        .put(RecordKind::Customers, c.id)
        .await
        .unwrap();
    let live = store
        .customers()
        .list(&CustomerQuery::default())
        .await
        .unwrap();
    assert!(live.rows.is_empty());
    let trash = store
        .customers()
        .list(&CustomerQuery {
            trashed: true,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        trash.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![c.id]
    );
    assert!(
        store
            .customers()
            .update(c.id, &named("x").validate().unwrap())
            .await
            .is_err(),
        "no edits in the trash"
    );
    store
        .trash()
        .restore(RecordKind::Customers, c.id)
        .await
        .unwrap();
    let live = store
        .customers()
        .list(&CustomerQuery::default())
        .await
        .unwrap();
    assert_eq!(live.rows[0].name, "华远");
}

#[tokio::test]
async fn only_a_trashed_customer_can_be_deleted_for_good() {
    let (_dir, store) = fresh().await;
    let c = create(
        &store,
        CustomerInput {
            tags: vec!["VIP".into()],
            ..named("华远")
        },
    )
    .await
    .unwrap();
    let err = store
        .trash()
        .delete(RecordKind::Customers, c.id)
        .await
        .unwrap_err();
    assert_eq!(err.reason(), Some("not_trashed"));
    store
        .trash()
        .put(RecordKind::Customers, c.id)
        .await
        .unwrap();
    store
        .trash()
        .delete(RecordKind::Customers, c.id)
        .await
        .unwrap();
    assert!(matches!(
        store.customers().get(c.id).await,
        Err(crm_core::CoreError::NotFound)
    ));
    assert!(
        store.customers().tags().await.unwrap().is_empty(),
        "its tags went with it"
    );
    assert!(history::of(&store, RecordKind::Customers, c.id)
        .await
        .unwrap()
        .is_empty());
}

/// Walks every page of a query and returns the ids in the order shown.
async fn walk(store: &Store, mut q: CustomerQuery) -> Vec<i64> {
    let mut ids = Vec::new();
    loop {
        let page = store.customers().list(&q).await.unwrap();
        ids.extend(page.rows.iter().map(|r| r.id));
        match page.next_cursor {
            Some(c) => q.after = Some(c),
            None => return ids,
        }
    }
}

#[tokio::test]
async fn keyset_pages_visit_every_matching_customer_once_in_order() {
    let (_dir, store) = fresh().await;
    Generator::new(3, 1_700_000_000_000)
        .fill(&store, 1_234, |_| {})
        .await
        .unwrap();
    let all = store
        .customers()
        .list(&CustomerQuery {
            limit: 500,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(all.rows.len(), 500);

    for (sort, direction) in [
        (CustomerSort::UpdatedAt, SortDirection::Desc),
        (CustomerSort::CreatedAt, SortDirection::Asc),
        (CustomerSort::Name, SortDirection::Asc),
        (CustomerSort::Name, SortDirection::Desc),
        (CustomerSort::Id, SortDirection::Asc),
    ] {
        for status in [None, Some(LifecycleStatus::Deal)] {
            let q = CustomerQuery {
                sort,
                direction,
                status,
                limit: 97,
                ..Default::default()
            };
            let ids = walk(&store, q.clone()).await;
            let expected = store.customers().count(&q).await.unwrap();
            assert_eq!(
                ids.len() as i64,
                expected,
                "{sort:?} {direction:?} {status:?} shows each row once"
            );
            let unique: std::collections::HashSet<_> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len(), "no row appears twice");
            let mut rows = Vec::new();
            for id in &ids {
                rows.push(store.customers().get(*id).await.unwrap());
            }
            assert!(
                rows.iter().all(|r| status.is_none_or(|s| r.status == s)),
                "the filter holds on every page"
            );
            let keys: Vec<String> = rows
                .iter()
                .map(|r| match sort {
                    CustomerSort::UpdatedAt => format!("{:020}", r.updated_at),
                    CustomerSort::CreatedAt => format!("{:020}", r.created_at),
                    CustomerSort::Name => r.name.clone(),
                    CustomerSort::Id => format!("{:020}", r.id),
                })
                .collect();
            let mut sorted = keys.clone();
            sorted.sort();
            if direction == SortDirection::Desc {
                sorted.reverse();
            }
            assert_eq!(keys, sorted, "{sort:?} {direction:?} pages come in order");
        }
    }
}

#[tokio::test]
async fn filters_by_tag_and_region_count_what_they_list() {
    let (_dir, store) = fresh().await;
    Generator::new(5, 1_700_000_000_000)
        .fill(&store, 800, |_| {})
        .await
        .unwrap();
    let tags = store.customers().tags().await.unwrap();
    assert!(tags.contains(&"VIP".to_string()), "{tags:?}");
    for q in [
        CustomerQuery {
            tag: Some("VIP".into()),
            ..Default::default()
        },
        CustomerQuery {
            province: Some("广东省".into()),
            city: Some("深圳市".into()),
            ..Default::default()
        },
        CustomerQuery {
            level: Some(CustomerLevel::A),
            status: Some(LifecycleStatus::Intent),
            ..Default::default()
        },
    ] {
        let ids = walk(&store, q.clone()).await;
        assert!(!ids.is_empty(), "{q:?} matches some demo customers");
        assert_eq!(ids.len() as i64, store.customers().count(&q).await.unwrap());
        for id in ids {
            let c = store.customers().get(id).await.unwrap();
            assert!(q.tag.as_ref().is_none_or(|t| c.tags.contains(t)));
            assert!(q
                .city
                .as_ref()
                .is_none_or(|city| c.city.as_ref() == Some(city)));
            assert!(q.level.is_none_or(|l| c.level == Some(l)));
        }
    }
}

#[tokio::test]
async fn search_like_text_in_a_filter_is_only_text() {
    let (_dir, store) = fresh().await;
    create(
        &store,
        CustomerInput {
            tags: vec!["a' OR 1=1 --".into()],
            ..named("华远")
        },
    )
    .await
    .unwrap();
    let q = CustomerQuery {
        tag: Some("' OR 1=1 --".into()),
        ..Default::default()
    };
    assert_eq!(store.customers().count(&q).await.unwrap(), 0);
    let q = CustomerQuery {
        tag: Some("a' OR 1=1 --".into()),
        ..Default::default()
    };
    assert_eq!(store.customers().count(&q).await.unwrap(), 1);
}

#[tokio::test]
async fn a_bulk_load_that_fails_leaves_the_rows_and_indexes_as_they_were() {
    let (_dir, store) = fresh().await;
    let existing = create(
        &store,
        CustomerInput {
            uscc: Some("91110108551385082Q".into()),
            ..named("华远")
        },
    )
    .await
    .unwrap();
    let indexes = || async {
        sqlx_count(
            &store,
            "SELECT count(*) FROM sqlite_master WHERE type = 'index'",
        )
        .await
    };
    let before = indexes().await;
    let clash = CustomerInput {
        uscc: Some("91110108551385082Q".into()),
        ..named("华远分公司")
    }
    .validate()
    .unwrap();
    let mut load = store.customers().bulk(true).await.unwrap();
    load.add(&[crm_core::customer::NewRow {
        id: Some(existing.id + 1),
        customer: &clash,
        created_at: 1,
        updated_at: 1,
        next_follow_up: None,
        last_follow_up_at: None,
    }])
    .await
    .unwrap();
    let err = load.finish().await.unwrap_err();
    assert_eq!(
        err.reason(),
        Some("uscc_taken"),
        "the rebuilt unique index catches the duplicate"
    );
    assert_eq!(
        store
            .customers()
            .count(&CustomerQuery::default())
            .await
            .unwrap(),
        1,
        "no row of the load stays"
    );
    assert_eq!(indexes().await, before, "every dropped index is back");
}

async fn sqlx_count(store: &Store, sql: &str) -> i64 {
    crm_core::store::query_scalar_for_tests(store, sql).await
}
