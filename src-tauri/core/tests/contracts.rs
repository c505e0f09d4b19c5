//! Products, contracts, payment plans and receipts on a real encrypted store: amounts from lines, numbers
//! from the rule, plans within the contract, receipts within what is due, outstanding and aging per
//! contract, per customer and for the whole book, and what trash, restore, delete and merge do to them.

mod support;

use chrono::{Duration, NaiveDate};
use crm_core::contract::{ContractInput, ContractLineInput, ContractQuery, ContractStatus};
use crm_core::customer::CustomerInput;
use crm_core::merge::{merge, MergeInput};
use crm_core::product::{ProductInput, ProductQuery};
use crm_core::receivable::{
    of_book, of_customer, open_installments, AgingBucket, InstallmentInput, OpenInstallmentQuery,
    PaymentMethod, ReceiptInput,
};
use crm_core::record::RecordKind;
use crm_core::settings::Settings;
use crm_core::store::Store;
use support::fresh;

async fn customer(store: &Store, name: &str) -> i64 {
    store
        .customers()
        .create_from(&CustomerInput {
            name: name.into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .id
}

async fn product(store: &Store, name: &str, code: &str, price: i64) -> i64 {
    store
        .products()
        .create_from(&ProductInput {
            name: name.into(),
            code: Some(code.into()),
            unit: Some("台".into()),
            list_price: price,
            cost: Some(price / 2),
            ..Default::default()
        })
        .await
        .unwrap()
        .id
}

fn day(offset: i64) -> String {
    (crm_core::time::today() + Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

fn signed(customer_id: i64, amount: i64) -> ContractInput {
    ContractInput {
        title: "年度服务".into(),
        customer_id,
        amount: Some(amount),
        status: ContractStatus::Signed,
        signed_on: Some("2026-01-15".into()),
        ..Default::default()
    }
}

fn installment(due: &str, amount: i64) -> InstallmentInput {
    InstallmentInput {
        due_on: due.into(),
        amount,
        note: None,
    }
}

fn receipt(amount: i64) -> ReceiptInput {
    ReceiptInput {
        received_on: day(0),
        amount,
        method: PaymentMethod::Bank,
        note: None,
    }
}

#[tokio::test]
async fn a_contract_with_two_product_lines_is_worth_their_sum_and_keeps_their_names() {
    let (_d, store) = fresh().await;
    let c = customer(&store, "北京华远科技有限公司").await;
    let server = product(&store, "云服务器", "YF-01", 150_000).await;
    let setup = product(&store, "安装调试", "AZ-01", 50_000).await;
    let contract = store
        .contracts()
        .create_from(&ContractInput {
            lines: vec![
                ContractLineInput {
                    product_id: Some(server),
                    quantity: 2.0,
                    unit_price: 150_000,
                    discount_percent: 10.0,
                    ..Default::default()
                },
                ContractLineInput {
                    product_id: Some(setup),
                    quantity: 1.5,
                    unit_price: 50_000,
                    ..Default::default()
                },
            ],
            ..signed(c, 0)
        })
        .await
        .unwrap();
    assert_eq!(
        contract.amount,
        270_000 + 75_000,
        "2×1500 at 10% off + 1.5×500"
    );
    let names: Vec<&str> = contract
        .lines
        .iter()
        .map(|l| l.description.as_str())
        .collect();
    assert_eq!(
        names,
        ["云服务器", "安装调试"],
        "a line without text says its product"
    );
    assert_eq!(contract.lines[1].quantity, 1.5);
    assert_eq!(contract.lines[0].unit.as_deref(), Some("台"));
    assert_eq!(contract.customer_name, "北京华远科技有限公司");

    // A product renamed later: the contract still says what was sold.
    let mut edited = ProductInput::from(&store.products().get(server).await.unwrap());
    edited.name = "云服务器 Pro".into();
    store.products().update_from(server, &edited).await.unwrap();
    let again = store.contracts().get(contract.id).await.unwrap();
    assert_eq!(again.lines[0].description, "云服务器");
}

#[tokio::test]
async fn contracts_are_numbered_by_the_rule_and_a_taken_number_is_refused() {
    let (dir, store) = fresh().await;
    let c = customer(&store, "上海申通小吃店").await;
    let first = store
        .contracts()
        .create_from(&signed(c, 100))
        .await
        .unwrap();
    let second = store
        .contracts()
        .create_from(&signed(c, 100))
        .await
        .unwrap();
    assert_eq!(
        (first.number.as_str(), second.number.as_str()),
        ("HT-2026-0001", "HT-2026-0002"),
        "the default rule, by the sign date's year"
    );
    // A number typed by hand that the rule would give next is skipped by the rule.
    let by_hand = store
        .contracts()
        .create_from(&ContractInput {
            number: Some("HT-2026-0003".into()),
            ..signed(c, 100)
        })
        .await
        .unwrap();
    assert_eq!(by_hand.number, "HT-2026-0003");
    let next = store
        .contracts()
        .create_from(&signed(c, 100))
        .await
        .unwrap();
    assert_eq!(next.number, "HT-2026-0004");

    let e = store
        .contracts()
        .create_from(&ContractInput {
            number: Some("HT-2026-0001".into()),
            ..signed(c, 100)
        })
        .await
        .unwrap_err();
    assert_eq!(e.reason(), Some("number_taken"));

    // Trashed, its number is free again, and restoring it then is refused.
    store
        .trash()
        .put(RecordKind::Contracts, first.id)
        .await
        .unwrap();
    store
        .contracts()
        .create_from(&ContractInput {
            number: Some("HT-2026-0001".into()),
            ..signed(c, 100)
        })
        .await
        .unwrap();
    let e = store
        .trash()
        .restore(RecordKind::Contracts, first.id)
        .await
        .unwrap_err();
    assert_eq!(e.reason(), Some("number_taken"));

    // Another rule from the settings.
    Settings {
        contract_number_rule: "{YY}{MM}-{000}号".into(),
        ..Default::default()
    }
    .write(dir.path())
    .unwrap();
    let other = store
        .contracts()
        .create_from(&ContractInput {
            signed_on: Some("2026-03-05".into()),
            ..signed(c, 100)
        })
        .await
        .unwrap();
    assert_eq!(other.number, "2603-001号");
}

#[tokio::test]
async fn a_two_installment_plan_and_a_partial_receipt_leave_the_rest_outstanding() {
    let (_d, store) = fresh().await;
    let c = customer(&store, "杭州西湖茶业").await;
    let contract = store
        .contracts()
        .create_from(&signed(c, 1_000_000))
        .await
        .unwrap();
    let first = store
        .plans()
        .add(contract.id, &installment(&day(-40), 600_000))
        .await
        .unwrap();
    store
        .plans()
        .add(contract.id, &installment(&day(20), 400_000))
        .await
        .unwrap();
    store
        .receipts()
        .record(first.id, &receipt(250_000))
        .await
        .unwrap();

    let plan = store.plans().of_contract(contract.id).await.unwrap();
    assert_eq!(plan.money.planned, 1_000_000);
    assert_eq!(plan.money.received, 250_000);
    assert_eq!(plan.money.outstanding, 750_000);
    assert_eq!(
        plan.money.overdue, 350_000,
        "the first installment's rest is late"
    );
    assert_eq!(plan.installments[0].received, 250_000);
    assert_eq!(plan.receipts.len(), 1);

    let today = crm_core::time::today();
    let mine = of_customer(&store, c, today).await.unwrap();
    assert_eq!(
        (
            mine.contracted,
            mine.received,
            mine.outstanding,
            mine.overdue
        ),
        (1_000_000, 250_000, 750_000, 350_000)
    );
    assert_eq!(mine.aging.days_31_to_90, 350_000, "40 days late");
    assert_eq!(mine.aging.not_due, 400_000);

    // More than is still due on the installment is refused, and nothing changes.
    let e = store
        .receipts()
        .record(first.id, &receipt(350_001))
        .await
        .unwrap_err();
    assert_eq!(e.to_string(), "amount: exceeds_due");
    assert_eq!(
        store
            .plans()
            .of_contract(contract.id)
            .await
            .unwrap()
            .money
            .received,
        250_000
    );
    // Paying the rest closes it.
    store
        .receipts()
        .record(first.id, &receipt(350_000))
        .await
        .unwrap();
    let mine = of_customer(&store, c, today).await.unwrap();
    assert_eq!((mine.overdue, mine.outstanding), (0, 400_000));
}

#[tokio::test]
async fn a_plan_may_not_ask_for_more_than_the_contract_nor_less_than_came_in() {
    let (_d, store) = fresh().await;
    let c = customer(&store, "深圳南山五金").await;
    let contract = store
        .contracts()
        .create_from(&signed(c, 100_000))
        .await
        .unwrap();
    let i = store
        .plans()
        .add(contract.id, &installment(&day(5), 80_000))
        .await
        .unwrap();
    let e = store
        .plans()
        .add(contract.id, &installment(&day(35), 20_001))
        .await
        .unwrap_err();
    assert_eq!(e.to_string(), "amount: exceeds_contract");
    store
        .receipts()
        .record(i.id, &receipt(50_000))
        .await
        .unwrap();
    let e = store
        .plans()
        .update(i.id, &installment(&day(5), 40_000))
        .await
        .unwrap_err();
    assert_eq!(e.to_string(), "amount: below_received");
    let e = store
        .trash()
        .put(RecordKind::Installments, i.id)
        .await
        .unwrap_err();
    assert_eq!(
        e.reason(),
        Some("has_receipts"),
        "payments against it would be lost"
    );
    // Lowering the contract below its plan is refused too.
    let mut lower = ContractInput::from(&store.contracts().get(contract.id).await.unwrap());
    lower.amount = Some(70_000);
    let e = store
        .contracts()
        .update_from(contract.id, &lower)
        .await
        .unwrap_err();
    assert_eq!(e.reason(), Some("below_plan"));
}

#[tokio::test]
async fn the_book_is_aged_into_not_due_1_30_31_90_and_over_90_days() {
    let (_d, store) = fresh().await;
    let today = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let d = |offset: i64| {
        (today + Duration::days(offset))
            .format("%Y-%m-%d")
            .to_string()
    };
    let a = customer(&store, "甲公司").await;
    let b = customer(&store, "乙公司").await;
    let ca = store
        .contracts()
        .create_from(&signed(a, 10_000_000))
        .await
        .unwrap();
    let cb = store
        .contracts()
        .create_from(&signed(b, 10_000_000))
        .await
        .unwrap();
    for (contract, offset, amount) in [
        (ca.id, 0, 100),   // due today: not yet late
        (ca.id, -1, 200),  // 1 day
        (ca.id, -30, 300), // 30 days
        (cb.id, -31, 400), // 31 days
        (cb.id, -90, 500), // 90 days
        (cb.id, -91, 600), // 91 days
        (cb.id, 400, 700), // next year
    ] {
        store
            .plans()
            .add(contract, &installment(&d(offset), amount))
            .await
            .unwrap();
    }
    // A draft's plan is not owed yet.
    let draft = store
        .contracts()
        .create_from(&ContractInput {
            status: ContractStatus::Draft,
            ..signed(a, 5_000)
        })
        .await
        .unwrap();
    store
        .plans()
        .add(draft.id, &installment(&d(-100), 5_000))
        .await
        .unwrap();

    let book = of_book(&store, today).await.unwrap();
    assert_eq!(book.aging.not_due, 100 + 700);
    assert_eq!(book.aging.days_1_to_30, 200 + 300);
    assert_eq!(book.aging.days_31_to_90, 400 + 500);
    assert_eq!(book.aging.over_90, 600);
    assert_eq!(book.outstanding, 2_800);
    assert_eq!(book.overdue, 2_000);
    assert_eq!(book.customers_overdue, 2);
    assert_eq!(book.open_installments, 7);

    let over_90 = open_installments(
        &store,
        &OpenInstallmentQuery {
            bucket: Some(AgingBucket::Over90),
            ..Default::default()
        },
        today,
    )
    .await
    .unwrap();
    assert_eq!(over_90.rows.len(), 1);
    assert_eq!(over_90.rows[0].customer_name, "乙公司");
    // Oldest first, page by page.
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = open_installments(
            &store,
            &OpenInstallmentQuery {
                limit: 2,
                after: after.clone(),
                ..Default::default()
            },
            today,
        )
        .await
        .unwrap();
        seen.extend(page.rows.iter().map(|r| r.outstanding));
        after = page.next_cursor;
        if after.is_none() {
            break;
        }
    }
    assert_eq!(seen, [600, 500, 400, 300, 200, 100, 700]);

    // Signing the draft puts its plan into the book; trashing a contract takes it out; so does trashing
    // its customer.
    let mut sign = ContractInput::from(&draft);
    sign.status = ContractStatus::Signed;
    store
        .contracts()
        .update_from(draft.id, &sign)
        .await
        .unwrap();
    assert_eq!(of_book(&store, today).await.unwrap().aging.over_90, 5_600);
    store
        .trash()
        .put(RecordKind::Contracts, draft.id)
        .await
        .unwrap();
    assert_eq!(of_book(&store, today).await.unwrap().aging.over_90, 600);
    store.trash().put(RecordKind::Customers, b).await.unwrap();
    let book = of_book(&store, today).await.unwrap();
    assert_eq!((book.outstanding, book.customers_overdue), (600, 1));
    store
        .trash()
        .restore(RecordKind::Customers, b)
        .await
        .unwrap();
    assert_eq!(of_book(&store, today).await.unwrap().outstanding, 2_800);
}

#[tokio::test]
async fn a_trashed_receipt_is_owed_again_and_a_restore_that_no_longer_fits_is_refused() {
    let (_d, store) = fresh().await;
    let c = customer(&store, "成都锦江餐饮").await;
    let contract = store
        .contracts()
        .create_from(&signed(c, 10_000))
        .await
        .unwrap();
    let i = store
        .plans()
        .add(contract.id, &installment(&day(3), 10_000))
        .await
        .unwrap();
    let r = store
        .receipts()
        .record(i.id, &receipt(6_000))
        .await
        .unwrap();
    store.trash().put(RecordKind::Receipts, r.id).await.unwrap();
    assert_eq!(store.plans().get(i.id).await.unwrap().received, 0);
    store
        .receipts()
        .record(i.id, &receipt(5_000))
        .await
        .unwrap();
    let e = store
        .trash()
        .restore(RecordKind::Receipts, r.id)
        .await
        .unwrap_err();
    assert_eq!(
        e.reason(),
        Some("exceeds_due"),
        "6,000 more would pay 11,000 of 10,000"
    );
    assert_eq!(store.receipts().trashed().await.unwrap().len(), 1);
    store
        .trash()
        .delete(RecordKind::Receipts, r.id)
        .await
        .unwrap();
    assert!(store.receipts().trashed().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_product_on_a_contract_can_be_trashed_but_not_deleted_for_good() {
    let (_d, store) = fresh().await;
    let c = customer(&store, "广州天河电子").await;
    let p = product(&store, "打印机", "DY-1", 120_000).await;
    store
        .contracts()
        .create_from(&ContractInput {
            lines: vec![ContractLineInput {
                product_id: Some(p),
                quantity: 1.0,
                unit_price: 120_000,
                ..Default::default()
            }],
            ..signed(c, 0)
        })
        .await
        .unwrap();
    store.trash().put(RecordKind::Products, p).await.unwrap();
    let live = store
        .products()
        .list(&ProductQuery::default())
        .await
        .unwrap();
    assert!(live.rows.is_empty());
    let e = store
        .trash()
        .delete(RecordKind::Products, p)
        .await
        .unwrap_err();
    assert_eq!(e.reason(), Some("in_use"));
    let trashed = store
        .products()
        .list(&ProductQuery {
            trashed: true,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(trashed.rows[0].name, "打印机", "kept, with its history");
    store
        .trash()
        .restore(RecordKind::Products, p)
        .await
        .unwrap();
    // A code is unique among live products only.
    let e = store
        .products()
        .create_from(&ProductInput {
            name: "另一台".into(),
            code: Some("DY-1".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(e.reason(), Some("code_taken"));
}

#[tokio::test]
async fn the_contract_list_pages_by_an_index_and_filters_by_status() {
    let (_d, store) = fresh().await;
    let c = customer(&store, "武汉光谷软件").await;
    for i in 0..7 {
        store
            .contracts()
            .create_from(&ContractInput {
                status: if i % 2 == 0 {
                    ContractStatus::Active
                } else {
                    ContractStatus::Draft
                },
                ..signed(c, 100 * i)
            })
            .await
            .unwrap();
    }
    let mut numbers = Vec::new();
    let mut after = None;
    loop {
        let page = store
            .contracts()
            .list(&ContractQuery {
                limit: 3,
                after: after.clone(),
                ..Default::default()
            })
            .await
            .unwrap();
        numbers.extend(page.rows.into_iter().map(|r| r.number));
        after = page.next_cursor;
        if after.is_none() {
            break;
        }
    }
    assert_eq!(numbers.len(), 7);
    assert_eq!(numbers[0], "HT-2026-0007", "the last changed first");
    let active = ContractQuery {
        status: Some(ContractStatus::Active),
        ..Default::default()
    };
    assert_eq!(store.contracts().count(&active).await.unwrap(), 4);
    assert_eq!(store.contracts().list(&active).await.unwrap().rows.len(), 4);
}

#[tokio::test]
async fn merging_customers_moves_contracts_with_their_money_and_undo_moves_them_back() {
    let (_d, store) = fresh().await;
    let s = customer(&store, "华远科技").await;
    let m = customer(&store, "北京华远科技有限公司").await;
    let contract = store
        .contracts()
        .create_from(&signed(m, 9_000))
        .await
        .unwrap();
    store
        .plans()
        .add(contract.id, &installment(&day(-5), 9_000))
        .await
        .unwrap();
    let today = crm_core::time::today();
    let fields = CustomerInput::from(&crm_core::customer::ValidCustomer::from(
        &store.customers().get(s).await.unwrap(),
    ));
    let outcome = merge(
        &store,
        &MergeInput {
            survivor_id: s,
            merged_id: m,
            fields,
        },
    )
    .await
    .unwrap();
    assert_eq!(
        store
            .contracts()
            .get(contract.id)
            .await
            .unwrap()
            .customer_id,
        s
    );
    assert_eq!(of_customer(&store, s, today).await.unwrap().overdue, 9_000);
    assert_eq!(
        of_book(&store, today).await.unwrap().overdue,
        9_000,
        "counted once"
    );
    crm_core::merge::undo(&store, outcome.merge.id)
        .await
        .unwrap();
    assert_eq!(
        store
            .contracts()
            .get(contract.id)
            .await
            .unwrap()
            .customer_id,
        m
    );
    assert_eq!(of_customer(&store, m, today).await.unwrap().overdue, 9_000);
    assert_eq!(of_customer(&store, s, today).await.unwrap().overdue, 0);
}

#[tokio::test]
async fn deleting_a_customer_for_good_takes_its_contracts_and_their_money_along() {
    let (_d, store) = fresh().await;
    let c = customer(&store, "临时客户").await;
    let contract = store
        .contracts()
        .create_from(&signed(c, 500))
        .await
        .unwrap();
    let i = store
        .plans()
        .add(contract.id, &installment(&day(1), 500))
        .await
        .unwrap();
    store.receipts().record(i.id, &receipt(100)).await.unwrap();
    let today = crm_core::time::today();
    assert_eq!(of_book(&store, today).await.unwrap().outstanding, 400);
    store.trash().put(RecordKind::Customers, c).await.unwrap();
    assert_eq!(
        of_book(&store, today).await.unwrap().outstanding,
        0,
        "a trashed customer owes nothing"
    );
    store
        .trash()
        .restore(RecordKind::Customers, c)
        .await
        .unwrap();
    assert_eq!(of_book(&store, today).await.unwrap().outstanding, 400);
    store.trash().put(RecordKind::Customers, c).await.unwrap();
    store
        .trash()
        .delete(RecordKind::Customers, c)
        .await
        .unwrap();
    for table in [
        "contracts",
        "contract_lines",
        "installments",
        "receipts",
        "receivable_days",
        "customer_open_dues",
    ] {
        let n = crm_core::store::query_scalar_for_tests(
            &store,
            &format!("SELECT count(*) FROM {table}"),
        )
        .await;
        assert_eq!(n, 0, "{table} keeps nothing of a deleted customer");
    }
    let n = crm_core::store::query_scalar_for_tests(
        &store,
        "SELECT count(*) FROM history WHERE entity IN ('contract', 'installment', 'receipt')",
    )
    .await;
    assert_eq!(n, 0);
}

#[tokio::test]
async fn today_shows_payments_overdue_and_coming_due_and_contracts_ending() {
    let (_d, store) = fresh().await;
    let c = customer(&store, "苏州园区精密").await;
    let contract = store
        .contracts()
        .create_from(&ContractInput {
            ends_on: Some(day(10)),
            starts_on: Some(day(-200)),
            ..signed(c, 100_000)
        })
        .await
        .unwrap();
    let late = store
        .plans()
        .add(contract.id, &installment(&day(-3), 30_000))
        .await
        .unwrap();
    store
        .receipts()
        .record(late.id, &receipt(10_000))
        .await
        .unwrap();
    store
        .plans()
        .add(contract.id, &installment(&day(7), 30_000))
        .await
        .unwrap();
    store
        .plans()
        .add(contract.id, &installment(&day(8), 40_000))
        .await
        .unwrap();

    let q = crm_core::reminder::TodayQuery::on(day(0), 480);
    let view = crm_core::reminder::today(&store, &q).await.unwrap();
    assert_eq!(view.payments_overdue.len(), 1);
    assert_eq!(
        view.payments_overdue[0].amount,
        Some(20_000),
        "what is still owed"
    );
    assert_eq!(
        view.payments_overdue[0].detail.as_deref(),
        Some(contract.number.as_str())
    );
    assert_eq!(view.payments_overdue_total, 1);
    let due: Vec<&str> = view.payments_due.iter().map(|r| r.due.as_str()).collect();
    assert_eq!(due, [day(7)], "7 days ahead by default, not 8");
    assert_eq!(view.contracts_ending.len(), 1);
    assert_eq!(view.contracts_ending[0].due, day(10));

    crm_core::reminder::act(
        &store,
        crm_core::reminder::ReminderKind::InstallmentDue,
        late.id,
        &day(-3),
        None,
    )
    .await
    .unwrap();
    let view = crm_core::reminder::today(&store, &q).await.unwrap();
    assert!(view.payments_overdue.is_empty(), "marked done");
    let shorter = crm_core::reminder::TodayQuery {
        contract_end_days_before: 5,
        ..q
    };
    let view = crm_core::reminder::today(&store, &shorter).await.unwrap();
    assert!(
        view.contracts_ending.is_empty(),
        "10 days away is past a 5-day notice"
    );
}

#[tokio::test]
async fn the_timeline_shows_contracts_signed_and_payments_received() {
    use crm_core::timeline::TimelineEntry;
    let (_d, store) = fresh().await;
    let c = customer(&store, "南京鼓楼书店").await;
    let contract = store
        .contracts()
        .create_from(&signed(c, 5_000))
        .await
        .unwrap();
    let i = store
        .plans()
        .add(contract.id, &installment("2026-02-01", 5_000))
        .await
        .unwrap();
    store
        .receipts()
        .record(
            i.id,
            &ReceiptInput {
                received_on: "2026-02-03".into(),
                ..receipt(2_000)
            },
        )
        .await
        .unwrap();
    let timeline = crm_core::timeline::of_customer(&store, c).await.unwrap();
    let receipt_at = timeline
        .iter()
        .find_map(|e| match e {
            TimelineEntry::Receipt { at, receipt } => Some((*at, receipt.amount)),
            _ => None,
        })
        .expect("the payment is on the timeline");
    let contract_at = timeline
        .iter()
        .find_map(|e| match e {
            TimelineEntry::Contract { at, contract } => Some((*at, contract.number.clone())),
            _ => None,
        })
        .expect("the contract is on the timeline");
    assert_eq!(receipt_at.1, 2_000);
    assert_eq!(contract_at.1, contract.number);
    assert!(
        receipt_at.0 > contract_at.0,
        "paid on 02-03, signed on 01-15: by their own dates, not when they were typed in"
    );
}

#[tokio::test]
async fn demo_data_brings_contracts_whose_plans_and_receipts_add_up() {
    let (_d, store) = fresh().await;
    crm_core::demo::Generator::new(3, crm_core::time::now_ms())
        .fill(&store, 3_000, |_| {})
        .await
        .unwrap();
    let check = store.check().await.unwrap();
    assert!(check.ok);
    assert!(
        (2_000..5_000).contains(&check.contracts),
        "about half the customers buy, many more than once: {}",
        check.contracts
    );
    assert!(check.products >= 20 && check.receipts > 0 && check.documents > 0);
    let q = |sql: &'static str| crm_core::store::query_scalar_for_tests(&store, sql);
    assert_eq!(
        q("SELECT count(*) FROM contracts c WHERE amount <> (SELECT sum(amount) FROM contract_lines l WHERE l.contract_id = c.id)").await,
        0,
        "every demo contract is worth its lines"
    );
    assert_eq!(
        q("SELECT count(*) FROM installments i WHERE received <> coalesce((SELECT sum(amount) FROM receipts r WHERE r.installment_id = i.id AND r.deleted_at IS NULL), 0)").await,
        0,
        "each installment's received is its receipts"
    );
    // The summary from the index of open installments equals a plain sum over every row.
    let today = crm_core::time::today();
    let book = of_book(&store, today).await.unwrap();
    let naive = q("SELECT coalesce(sum(i.amount - i.received), 0) FROM installments i JOIN contracts c ON c.id = i.contract_id \
                   WHERE i.deleted_at IS NULL AND c.deleted_at IS NULL AND c.status IN ('signed', 'active', 'completed')").await;
    assert_eq!(book.outstanding, naive);
    assert!(book.overdue > 0, "some demo customers are late");
    // A new contract continues the year's numbering after the demo's numbers.
    let c = store
        .contracts()
        .create_from(&signed(1, 100))
        .await
        .unwrap();
    let same = format!(
        "SELECT count(*) FROM contracts WHERE number = '{}'",
        c.number
    );
    assert_eq!(
        crm_core::store::query_scalar_for_tests(&store, &same).await,
        1
    );
}
