//! Contacts on a real encrypted store: several per customer with one primary, history, trash and restore
//! that respects the customer, and the list across customers.

mod support;

use crm_core::contact::{ContactInput, ContactQuery};
use crm_core::customer::CustomerInput;
use crm_core::history;
use crm_core::record::RecordKind;
use crm_core::store::Store;
use support::fresh;

async fn customer(store: &Store, name: &str) -> i64 {
    let input = CustomerInput {
        name: name.into(),
        ..Default::default()
    };
    store.customers().create_from(&input).await.unwrap().id
}

fn person(name: &str) -> ContactInput {
    ContactInput {
        name: name.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_customers_first_contact_is_primary_until_another_is_made_primary() {
    let (_dir, store) = fresh().await;
    let id = customer(&store, "北京华远科技有限公司").await;
    let zhang = store
        .contacts()
        .create_from(id, &person("张三"))
        .await
        .unwrap();
    assert!(zhang.is_primary, "the first contact is the primary one");
    let li = store
        .contacts()
        .create_from(id, &person("李四"))
        .await
        .unwrap();
    assert!(
        !li.is_primary,
        "a second contact does not take over by itself"
    );
    store
        .contacts()
        .create_from(
            id,
            &ContactInput {
                is_primary: true,
                ..person("王五")
            },
        )
        .await
        .unwrap();
    let names: Vec<(String, bool)> = store
        .contacts()
        .of_customer(id)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.name, c.is_primary))
        .collect();
    assert_eq!(
        names,
        vec![
            ("王五".into(), true),
            ("张三".into(), false),
            ("李四".into(), false)
        ],
        "exactly one primary, listed first"
    );
}

#[tokio::test]
async fn every_field_of_a_contact_reads_back_and_edits_land_in_its_history() {
    let (_dir, store) = fresh().await;
    let id = customer(&store, "华远").await;
    let input = ContactInput {
        title: Some("采购经理".into()),
        department: Some("采购部".into()),
        mobile: Some("138 0013 8000".into()),
        email: Some("zhang@huayuan.cn".into()),
        wechat: Some("zhangsan_wx".into()),
        birthday: Some("1988年2月29日".into()),
        gender: Some(crm_core::contact::Gender::Male),
        notes: Some("喜欢喝茶 🍵".into()),
        ..person("张三")
    };
    let c = store.contacts().create_from(id, &input).await.unwrap();
    assert_eq!(store.contacts().get(c.id).await.unwrap(), c);
    assert_eq!(
        (c.mobile.as_deref(), c.birthday.as_deref()),
        (Some("13800138000"), Some("1988-02-29"))
    );
    let edited = store
        .contacts()
        .update_from(
            c.id,
            &ContactInput {
                title: Some("总经理".into()),
                ..input
            },
        )
        .await
        .unwrap();
    assert_eq!(edited.title.as_deref(), Some("总经理"));
    let h = history::of(&store, RecordKind::Contacts, c.id)
        .await
        .unwrap();
    assert_eq!(
        (
            h[0].field.as_str(),
            h[0].old_value.as_deref(),
            h[0].new_value.as_deref()
        ),
        ("title", Some("采购经理"), Some("总经理"))
    );
}

#[tokio::test]
async fn a_trashed_primary_hands_over_and_comes_back_as_a_secondary_contact() {
    let (_dir, store) = fresh().await;
    let id = customer(&store, "华远").await;
    let zhang = store
        .contacts()
        .create_from(id, &person("张三"))
        .await
        .unwrap();
    let li = store
        .contacts()
        .create_from(id, &person("李四"))
        .await
        .unwrap();
    store
        .trash()
        .put(RecordKind::Contacts, zhang.id)
        .await
        .unwrap();
    assert!(
        store.contacts().get(li.id).await.unwrap().is_primary,
        "the next contact becomes primary"
    );
    let trashed = store
        .contacts()
        .list(&ContactQuery {
            trashed: true,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(trashed.rows.len(), 1);
    assert_eq!(
        trashed.rows[0].customer_name, "华远",
        "the trash says whose contact it was"
    );
    store
        .trash()
        .restore(RecordKind::Contacts, zhang.id)
        .await
        .unwrap();
    let back = store.contacts().get(zhang.id).await.unwrap();
    assert!(
        back.deleted_at.is_none() && !back.is_primary,
        "restored onto its customer, not taking the primary role back"
    );
}

#[tokio::test]
async fn a_contact_of_a_trashed_customer_cannot_be_added_or_restored() {
    let (_dir, store) = fresh().await;
    let id = customer(&store, "华远").await;
    let zhang = store
        .contacts()
        .create_from(id, &person("张三"))
        .await
        .unwrap();
    store
        .trash()
        .put(RecordKind::Contacts, zhang.id)
        .await
        .unwrap();
    store.trash().put(RecordKind::Customers, id).await.unwrap();
    let e = store
        .trash()
        .restore(RecordKind::Contacts, zhang.id)
        .await
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "conflict: customer_trashed",
        "restore the customer first"
    );
    let e = store
        .contacts()
        .create_from(id, &person("李四"))
        .await
        .unwrap_err();
    assert_eq!(e.to_string(), "conflict: customer_trashed");
    let e = store
        .trash()
        .delete(RecordKind::Contacts, id + 999)
        .await
        .unwrap_err();
    assert_eq!(e.code(), crm_core::ErrorCode::NotFound);
}

#[tokio::test]
async fn the_contact_list_across_customers_pages_by_name_and_hides_trashed_customers() {
    let (_dir, store) = fresh().await;
    let a = customer(&store, "华远").await;
    let b = customer(&store, "金腾").await;
    for (c, n) in [
        (a, "张三"),
        (a, "李四"),
        (b, "王五"),
        (b, "赵六"),
        (a, "钱七"),
    ] {
        store.contacts().create_from(c, &person(n)).await.unwrap();
    }
    let mut seen = Vec::new();
    let mut q = ContactQuery {
        limit: Some(2),
        ..Default::default()
    };
    loop {
        let page = store.contacts().list(&q).await.unwrap();
        seen.extend(page.rows.iter().map(|r| r.contact.name.clone()));
        match page.next_cursor {
            Some(c) => q.after = Some(c),
            None => break,
        }
    }
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(seen, sorted, "pages continue in name order");
    assert_eq!(seen.len(), 5, "every contact once");
    store.trash().put(RecordKind::Customers, b).await.unwrap();
    let page = store
        .contacts()
        .list(&ContactQuery::default())
        .await
        .unwrap();
    assert_eq!(
        page.rows.len(),
        3,
        "contacts of a trashed customer leave the list with it"
    );
}
