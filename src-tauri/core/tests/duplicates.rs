//! Likely duplicates on a real encrypted store: the same code, mobile, e-mail or normalized name warns;
//! the customer being edited and trashed customers do not.

mod support;

use crm_core::customer::CustomerInput;
use crm_core::duplicate::{likely_duplicates, DuplicateReason};
use crm_core::record::RecordKind;
use support::fresh;

fn input(name: &str) -> CustomerInput {
    CustomerInput {
        name: name.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_new_company_with_the_same_normalized_name_is_a_likely_duplicate() {
    let (_d, store) = fresh().await;
    let existing = store
        .customers()
        .create_from(&input("北京华远科技有限公司"))
        .await
        .unwrap();
    store
        .customers()
        .create_from(&input("上海金腾机械设备有限公司"))
        .await
        .unwrap();
    for name in [
        "华远科技有限公司",
        "华远科技（集团）股份有限公司",
        "北京市 华远科技",
    ] {
        let hints = likely_duplicates(&store, &input(name), None).await.unwrap();
        assert_eq!(
            hints.len(),
            1,
            "{name} looks like 北京华远科技有限公司: {hints:?}"
        );
        assert_eq!(
            (hints[0].id, hints[0].reasons.as_slice()),
            (existing.id, &[DuplicateReason::Name][..])
        );
    }
    assert!(
        likely_duplicates(&store, &input("华远贸易有限公司"), None)
            .await
            .unwrap()
            .is_empty(),
        "another trade is another company"
    );
}

#[tokio::test]
async fn the_same_code_mobile_or_email_is_a_likely_duplicate_whatever_the_name() {
    let (_d, store) = fresh().await;
    let existing = store
        .customers()
        .create_from(&CustomerInput {
            uscc: Some("91110108551385082Q".into()),
            mobile: Some("13812345678".into()),
            email: Some("Sales@HuaYuan.cn".into()),
            ..input("北京华远科技有限公司")
        })
        .await
        .unwrap();
    let probe = CustomerInput {
        uscc: Some("91110108551385082q".into()),
        mobile: Some("+86 138-1234-5678".into()),
        email: Some("sales@huayuan.cn".into()),
        ..input("完全不同的名字")
    };
    let hints = likely_duplicates(&store, &probe, None).await.unwrap();
    assert_eq!(hints.len(), 1);
    assert_eq!(hints[0].id, existing.id);
    assert_eq!(
        hints[0].reasons,
        vec![
            DuplicateReason::Uscc,
            DuplicateReason::Mobile,
            DuplicateReason::Email
        ]
    );
    let other_mobile = CustomerInput {
        mobile: Some("13812345679".into()),
        ..input("完全不同的名字")
    };
    assert!(
        likely_duplicates(&store, &other_mobile, None)
            .await
            .unwrap()
            .is_empty(),
        "one digit apart is another number"
    );
}

#[tokio::test]
async fn the_customer_being_edited_and_trashed_customers_are_not_duplicates() {
    let (_d, store) = fresh().await;
    let a = store
        .customers()
        .create_from(&input("北京华远科技有限公司"))
        .await
        .unwrap();
    assert!(
        likely_duplicates(&store, &input("北京华远科技有限公司"), Some(a.id))
            .await
            .unwrap()
            .is_empty()
    );
    store
        .trash()
        .put(RecordKind::Customers, a.id)
        .await
        .unwrap();
    assert!(likely_duplicates(&store, &input("华远科技有限公司"), None)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn half_typed_fields_are_not_compared_and_nothing_fails() {
    let (_d, store) = fresh().await;
    store
        .customers()
        .create_from(&input("北京华远科技有限公司"))
        .await
        .unwrap();
    let probe = CustomerInput {
        uscc: Some("9111".into()),
        mobile: Some("138".into()),
        email: Some("sales@".into()),
        ..input("")
    };
    assert!(likely_duplicates(&store, &probe, None)
        .await
        .unwrap()
        .is_empty());
}
