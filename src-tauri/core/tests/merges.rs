//! Merging duplicate customers on a real encrypted store, and undoing it: the survivor takes the picked
//! fields and everything that hung on the other customer; undo puts both back as they were.

mod support;

use crm_core::contact::ContactInput;
use crm_core::customer::{Customer, CustomerInput, CustomerQuery};
use crm_core::duplicate::{scan, DuplicateReason};
use crm_core::follow_up::{FollowUpInput, FollowUpKind};
use crm_core::merge::{self, MergeInput};
use crm_core::record::RecordKind;
use crm_core::reminder::{act, ReminderKind};
use crm_core::search::search;
use crm_core::store::Store;
use crm_core::{history, CoreError};
use support::fresh;

async fn customer(store: &Store, input: CustomerInput) -> Customer {
    store.customers().create_from(&input).await.unwrap()
}

fn named(name: &str) -> CustomerInput {
    CustomerInput {
        name: name.into(),
        ..Default::default()
    }
}

async fn contact(store: &Store, customer_id: i64, name: &str) -> i64 {
    store
        .contacts()
        .create_from(
            customer_id,
            &ContactInput {
                name: name.into(),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id
}

fn input_of(c: &Customer) -> CustomerInput {
    CustomerInput::from(&crm_core::customer::ValidCustomer::from(c))
}

/// Two customers that are one: 北京华远 (older, with a code and 王经理) and 华远科技 (newer, with a mobile,
/// 李会计 and a follow-up that asks for a call on 2026-12-01).
async fn pair(store: &Store) -> (Customer, Customer) {
    let old = customer(
        store,
        CustomerInput {
            uscc: Some("91110108551385082Q".into()),
            address: Some("海淀区中关村大街1号".into()),
            ..named("北京华远科技有限公司")
        },
    )
    .await;
    let new = customer(
        store,
        CustomerInput {
            mobile: Some("13812345678".into()),
            ..named("华远科技有限公司")
        },
    )
    .await;
    contact(store, old.id, "王经理").await;
    contact(store, new.id, "李会计").await;
    let f = FollowUpInput {
        kind: FollowUpKind::Call,
        content: "报价".into(),
        next_date: Some("2026-12-01".into()),
        ..Default::default()
    };
    store.follow_ups().create_from(new.id, &f).await.unwrap();
    (
        store.customers().get(old.id).await.unwrap(),
        store.customers().get(new.id).await.unwrap(),
    )
}

/// Merges customer `m` into `s` with the survivor's fields `fields`, as the dialog does.
async fn merged(
    store: &Store,
    s: i64,
    m: i64,
    fields: CustomerInput,
) -> crm_core::merge::MergeOutcome {
    let input = MergeInput {
        survivor_id: s,
        merged_id: m,
        fields,
    };
    merge::merge(store, &input)
        .await
        .expect("the merge goes through")
}

fn contact_names(list: &[crm_core::contact::Contact]) -> Vec<(&str, bool)> {
    list.iter()
        .map(|c| (c.name.as_str(), c.is_primary))
        .collect()
}

#[tokio::test]
async fn the_survivor_takes_the_picked_fields_the_contacts_and_the_follow_ups() {
    let (_d, store) = fresh().await;
    let (old, new) = pair(&store).await;
    let fields = CustomerInput {
        mobile: new.mobile.clone(),
        ..input_of(&old)
    };
    let out = merged(&store, old.id, new.id, fields).await;

    let s = out.survivor;
    assert_eq!(
        (s.name.as_str(), s.uscc.as_deref(), s.mobile.as_deref()),
        (
            "北京华远科技有限公司",
            Some("91110108551385082Q"),
            Some("13812345678")
        )
    );
    assert_eq!(
        s.next_follow_up.as_deref(),
        Some("2026-12-01"),
        "the moved follow-up sets the survivor's 下次跟进时间"
    );
    let contacts = store.contacts().of_customer(old.id).await.unwrap();
    assert_eq!(
        contact_names(&contacts),
        vec![("王经理", true), ("李会计", false)],
        "the survivor keeps its primary contact"
    );
    assert_eq!(
        store.follow_ups().of_customer(old.id).await.unwrap().len(),
        1
    );

    let gone = store.customers().get(new.id).await.unwrap();
    assert!(
        gone.deleted_at.is_some(),
        "the merged-away customer is kept, out of the list"
    );
    let trash = store
        .customers()
        .list(&CustomerQuery {
            trashed: true,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(
        trash.rows.is_empty(),
        "a merged-away customer is not in the trash, where restoring it would strand it"
    );
    assert!(matches!(
        store.trash().restore(RecordKind::Customers, new.id).await,
        Err(CoreError::Conflict {
            reason: "merged",
            ..
        })
    ));
    let hits = search(&store, "华远", 10).await.unwrap();
    assert_eq!(
        hits.iter()
            .filter(|h| h.kind == crm_core::search::HitKind::Customer)
            .count(),
        1,
        "search finds the survivor only: {hits:?}"
    );
    assert!(
        search(&store, "李会计", 10)
            .await
            .unwrap()
            .iter()
            .any(|h| h.customer_id == old.id),
        "the moved contact is found on the survivor"
    );
    let fields: Vec<String> = history::of(&store, RecordKind::Customers, old.id)
        .await
        .unwrap()
        .into_iter()
        .map(|h| h.field)
        .collect();
    assert!(
        fields.contains(&"mergedFrom".to_string()) && fields.contains(&"mobile".to_string()),
        "the merge is in the survivor's history: {fields:?}"
    );
    assert_eq!(
        merge::into_customer(&store, old.id).await.unwrap()[0].merged_name,
        "华远科技有限公司"
    );
}

#[tokio::test]
async fn undoing_a_merge_puts_both_customers_back_as_they_were() {
    let (_d, store) = fresh().await;
    let (old, new) = pair(&store).await;
    act(
        &store,
        ReminderKind::KeepInTouch,
        new.id,
        "2026-11-30",
        Some("2026-12-03"),
    )
    .await
    .unwrap();
    // The survivor takes the newer customer's name and the code moves nowhere: both ways must come back.
    let fields = CustomerInput {
        name: new.name.clone(),
        mobile: new.mobile.clone(),
        ..input_of(&old)
    };
    let out = merged(&store, old.id, new.id, fields).await;
    let new_history_before = history::of(&store, RecordKind::Customers, new.id)
        .await
        .unwrap()
        .len();
    assert_eq!(
        new_history_before, 1,
        "the merged-away customer's history moved; only the merge mark stays"
    );

    let undone = merge::undo(&store, out.merge.id).await.unwrap();
    assert!(undone.undone_at.is_some());
    let (o, n) = (
        store.customers().get(old.id).await.unwrap(),
        store.customers().get(new.id).await.unwrap(),
    );
    assert_eq!(
        input_of(&o),
        input_of(&old),
        "the survivor's fields are as before the merge"
    );
    assert_eq!(
        input_of(&n),
        input_of(&new),
        "the merged-away customer's fields were never touched"
    );
    assert_eq!(
        (
            n.deleted_at,
            o.next_follow_up.as_deref(),
            n.next_follow_up.as_deref()
        ),
        (None, None, Some("2026-12-01"))
    );
    assert_eq!(
        contact_names(&store.contacts().of_customer(old.id).await.unwrap()),
        vec![("王经理", true)]
    );
    assert_eq!(
        contact_names(&store.contacts().of_customer(new.id).await.unwrap()),
        vec![("李会计", true)]
    );
    assert_eq!(
        store.follow_ups().of_customer(new.id).await.unwrap().len(),
        1
    );
    let created = history::of(&store, RecordKind::Customers, new.id)
        .await
        .unwrap();
    assert!(
        created.iter().any(|h| h.field == "created"),
        "the history went back with it: {created:?}"
    );
    let marks: i64 = crm_core::store::query_scalar_for_tests(
        &store,
        &format!(
            "SELECT count(*) FROM reminder_actions WHERE entity_id = {} AND kind = 'keepInTouch'",
            new.id
        ),
    )
    .await;
    assert_eq!(marks, 1, "the snooze went to the survivor and came back");
    assert_eq!(
        search(&store, "华远", 10)
            .await
            .unwrap()
            .iter()
            .filter(|h| h.kind == crm_core::search::HitKind::Customer)
            .count(),
        2
    );
    assert!(matches!(
        merge::undo(&store, out.merge.id).await,
        Err(CoreError::Conflict {
            reason: "merge_undone",
            ..
        })
    ));
}

#[tokio::test]
async fn an_edit_made_after_the_merge_survives_its_undo() {
    let (_d, store) = fresh().await;
    let (old, new) = pair(&store).await;
    let fields = CustomerInput {
        mobile: new.mobile.clone(),
        ..input_of(&old)
    };
    let out = merged(&store, old.id, new.id, fields).await;
    let edited = CustomerInput {
        address: Some("朝阳区建国路8号".into()),
        ..input_of(&out.survivor)
    };
    store
        .customers()
        .update_from(old.id, &edited)
        .await
        .unwrap();
    merge::undo(&store, out.merge.id).await.unwrap();
    let o = store.customers().get(old.id).await.unwrap();
    assert_eq!(
        o.address.as_deref(),
        Some("朝阳区建国路8号"),
        "the user's later edit is not thrown away"
    );
    assert_eq!(o.mobile, None, "what the merge brought goes back");
}

#[tokio::test]
async fn a_customer_cannot_be_merged_into_itself_or_with_a_trashed_one() {
    let (_d, store) = fresh().await;
    let (old, new) = pair(&store).await;
    let same = MergeInput {
        survivor_id: old.id,
        merged_id: old.id,
        fields: input_of(&old),
    };
    assert!(matches!(
        merge::merge(&store, &same).await,
        Err(CoreError::Conflict {
            reason: "merge_self",
            ..
        })
    ));
    store
        .trash()
        .put(RecordKind::Customers, new.id)
        .await
        .unwrap();
    for (s, m) in [(old.id, new.id), (new.id, old.id)] {
        let r = merge::merge(
            &store,
            &MergeInput {
                survivor_id: s,
                merged_id: m,
                fields: input_of(&old),
            },
        )
        .await;
        assert!(
            matches!(
                r,
                Err(CoreError::Conflict {
                    reason: "customer_trashed",
                    ..
                })
            ),
            "{s} ← {m}: {r:?}"
        );
    }
    assert_eq!(
        store.contacts().of_customer(old.id).await.unwrap().len(),
        1,
        "a refused merge moves nothing"
    );
}

#[tokio::test]
async fn the_survivor_may_take_the_merged_away_customers_code() {
    let (_d, store) = fresh().await;
    let (old, new) = pair(&store).await;
    // The newer record is the survivor here: it takes the older one's 统一社会信用代码, which the older one
    // held under the unique index until the merge.
    let fields = CustomerInput {
        uscc: old.uscc.clone(),
        ..input_of(&new)
    };
    let out = merged(&store, new.id, old.id, fields).await;
    assert_eq!(out.survivor.uscc, old.uscc);
    merge::undo(&store, out.merge.id).await.unwrap();
    assert_eq!(
        store.customers().get(old.id).await.unwrap().uscc,
        old.uscc,
        "undo hands the code back"
    );
    assert_eq!(store.customers().get(new.id).await.unwrap().uscc, None);
}

#[tokio::test]
async fn the_scan_groups_customers_linked_by_any_shared_key_and_skips_trashed_ones() {
    let (_d, store) = fresh().await;
    let a = customer(
        &store,
        CustomerInput {
            mobile: Some("13812345678".into()),
            ..named("北京华远科技有限公司")
        },
    )
    .await;
    let b = customer(
        &store,
        CustomerInput {
            mobile: Some("138 1234 5678".into()),
            ..named("华远信息咨询")
        },
    )
    .await;
    let c = customer(&store, named("华远信息咨询有限公司")).await;
    customer(&store, named("上海金腾机械有限公司")).await;
    let u = customer(&store, named("金腾机械")).await;
    customer(&store, named("独一家")).await;
    store
        .trash()
        .put(RecordKind::Customers, u.id)
        .await
        .unwrap();
    let found = scan(&store).await.unwrap();
    assert_eq!(found.scanned, 5);
    assert_eq!(
        found.total_groups, 1,
        "金腾's twin is in the trash: {found:?}"
    );
    let g = &found.groups[0];
    assert_eq!(
        g.members.iter().map(|m| m.id).collect::<Vec<_>>(),
        vec![a.id, b.id, c.id],
        "a~b by mobile, b~c by name"
    );
    assert_eq!(
        g.reasons,
        vec![DuplicateReason::Mobile, DuplicateReason::Name]
    );
}
