//! The reports' totals kept by triggers equal the totals made again from the records, after every kind
//! of write the app makes: customers created, edited (region, level, status), trashed, restored and merged;
//! contracts signed, edited, re-dated, terminated and trashed; lines changed; installments and receipts
//! added, trashed and restored; follow-ups logged, moved and trashed; demo bulk loads.

mod support;

use crm_core::contract::{ContractInput, ContractLineInput, ContractStatus};
use crm_core::customer::{CustomerInput, CustomerLevel, LifecycleStatus};
use crm_core::follow_up::FollowUpInput;
use crm_core::merge::{merge, MergeInput};
use crm_core::product::ProductInput;
use crm_core::receivable::{InstallmentInput, PaymentMethod, ReceiptInput};
use crm_core::record::RecordKind;
use crm_core::store::Store;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use support::fresh;

async fn assert_kept_equals_rebuilt(store: &Store, after: &str) {
    let (kept, rebuilt) = crm_core::aggregate::kept_and_rebuilt(store).await.unwrap();
    if kept != rebuilt {
        let only_kept: Vec<_> = kept.iter().filter(|r| !rebuilt.contains(r)).collect();
        let only_rebuilt: Vec<_> = rebuilt.iter().filter(|r| !kept.contains(r)).collect();
        panic!(
            "after {after}: the kept totals differ from a rebuild\nonly kept: {only_kept:#?}\nonly rebuilt: {only_rebuilt:#?}"
        );
    }
}

const PROVINCES: [&str; 3] = ["北京市", "广东省", "浙江省"];
const CITIES: [&str; 3] = ["市辖区", "广州市", "杭州市"];
const INDUSTRIES: [&str; 3] = ["制造业", "软件", "零售"];

fn customer_input(rng: &mut StdRng, name: &str) -> CustomerInput {
    let p = rng.gen_range(0..3);
    CustomerInput {
        name: name.into(),
        province: Some(PROVINCES[p].into()),
        city: Some(CITIES[p].into()),
        industry: rng
            .gen_bool(0.8)
            .then(|| INDUSTRIES[rng.gen_range(0..3)].into()),
        source: Some(["展会", "转介绍"][rng.gen_range(0..2)].into()),
        level: [Some(CustomerLevel::A), Some(CustomerLevel::B), None][rng.gen_range(0..3)],
        status: [
            LifecycleStatus::Potential,
            LifecycleStatus::Intent,
            LifecycleStatus::Deal,
            LifecycleStatus::Lost,
        ][rng.gen_range(0..4)],
        ..Default::default()
    }
}

fn day(rng: &mut StdRng) -> String {
    format!(
        "{}-{:02}-{:02}",
        rng.gen_range(2024..=2026),
        rng.gen_range(1..=12),
        rng.gen_range(1..=28)
    )
}

fn contract_input(rng: &mut StdRng, customer_id: i64, products: &[i64]) -> ContractInput {
    let lines = (0..rng.gen_range(0..3))
        .map(|_| ContractLineInput {
            product_id: (rng.gen_bool(0.8)).then(|| products[rng.gen_range(0..products.len())]),
            description: Some("服务".into()),
            quantity: rng.gen_range(1..5) as f64,
            unit_price: rng.gen_range(1..100) * 10_000,
            discount_percent: [0.0, 10.0][rng.gen_range(0..2)],
        })
        .collect::<Vec<_>>();
    ContractInput {
        title: "合同".into(),
        customer_id,
        amount: lines.is_empty().then(|| rng.gen_range(0..50) * 100_000),
        status: [
            ContractStatus::Draft,
            ContractStatus::Signed,
            ContractStatus::Active,
            ContractStatus::Completed,
            ContractStatus::Terminated,
        ][rng.gen_range(0..5)],
        signed_on: rng.gen_bool(0.9).then(|| day(rng)),
        lines,
        ..Default::default()
    }
}

/// Runs `steps` random writes of every kind, checking the totals every `every` steps.
async fn random_book(seed: u64, steps: usize, every: usize) {
    let (_d, store) = fresh().await;
    let mut rng = StdRng::seed_from_u64(seed);
    let mut products = Vec::new();
    for (i, cost) in [(0, Some(5_000)), (1, None), (2, Some(20_000))] {
        products.push(
            store
                .products()
                .create_from(&ProductInput {
                    name: format!("产品{i}"),
                    list_price: 10_000,
                    cost,
                    category: Some(["硬件", "服务"][i % 2].into()),
                    ..Default::default()
                })
                .await
                .unwrap()
                .id,
        );
    }
    let mut customers: Vec<i64> = Vec::new();
    let mut contracts: Vec<i64> = Vec::new();
    let mut installments: Vec<i64> = Vec::new();
    let mut receipts: Vec<i64> = Vec::new();
    let mut follow_ups: Vec<i64> = Vec::new();
    for step in 0..steps {
        let pick =
            |rng: &mut StdRng, v: &Vec<i64>| (!v.is_empty()).then(|| v[rng.gen_range(0..v.len())]);
        let what = if customers.len() < 3 {
            0
        } else {
            rng.gen_range(0..16)
        };
        let done = match what {
            0 => {
                let input = customer_input(&mut rng, &format!("客户{step}"));
                let id = store.customers().create_from(&input).await.unwrap().id;
                customers.push(id);
                "customer created"
            }
            1 => {
                let id = pick(&mut rng, &customers).unwrap();
                let mut input = customer_input(&mut rng, &format!("客户{id}"));
                input.name = store.customers().get(id).await.unwrap().name;
                let _ = store.customers().update_from(id, &input).await;
                "customer edited"
            }
            2 => {
                let id = pick(&mut rng, &customers).unwrap();
                if store
                    .customers()
                    .get(id)
                    .await
                    .unwrap()
                    .deleted_at
                    .is_some()
                {
                    let _ = store.trash().restore(RecordKind::Customers, id).await;
                } else {
                    store.trash().put(RecordKind::Customers, id).await.unwrap();
                }
                "customer trashed or restored"
            }
            3 | 4 | 5 => {
                let id = pick(&mut rng, &customers).unwrap();
                let input = contract_input(&mut rng, id, &products);
                if let Ok(c) = store.contracts().create_from(&input).await {
                    contracts.push(c.id);
                }
                "contract created"
            }
            6 => {
                let id = pick(&mut rng, &contracts).unwrap_or(0);
                if let Ok(c) = store.contracts().get(id).await {
                    let mut input = contract_input(&mut rng, c.customer_id, &products);
                    input.number = Some(c.number.clone());
                    let _ = store.contracts().update_from(id, &input).await;
                }
                "contract edited"
            }
            7 => {
                let id = pick(&mut rng, &contracts).unwrap_or(0);
                if let Ok(c) = store.contracts().get(id).await {
                    if c.deleted_at.is_some() {
                        let _ = store.trash().restore(RecordKind::Contracts, id).await;
                    } else {
                        store.trash().put(RecordKind::Contracts, id).await.unwrap();
                    }
                }
                "contract trashed or restored"
            }
            8 | 9 => {
                let id = pick(&mut rng, &contracts).unwrap_or(0);
                let input = InstallmentInput {
                    due_on: day(&mut rng),
                    amount: rng.gen_range(1..20) * 10_000,
                    note: None,
                };
                if let Ok(i) = store.plans().add(id, &input).await {
                    installments.push(i.id);
                }
                "installment added"
            }
            10 | 11 => {
                let id = pick(&mut rng, &installments).unwrap_or(0);
                let input = ReceiptInput {
                    received_on: day(&mut rng),
                    amount: rng.gen_range(1..5) * 10_000,
                    method: [PaymentMethod::Bank, PaymentMethod::Wechat][rng.gen_range(0..2)],
                    note: None,
                };
                if let Ok(r) = store.receipts().record(id, &input).await {
                    receipts.push(r.id);
                }
                "receipt recorded"
            }
            12 => {
                if rng.gen_bool(0.5) {
                    let id = pick(&mut rng, &receipts).unwrap_or(0);
                    if let Ok(r) = store.receipts().get(id).await {
                        if r.deleted_at.is_some() {
                            let _ = store.trash().restore(RecordKind::Receipts, id).await;
                        } else {
                            let _ = store.trash().put(RecordKind::Receipts, id).await;
                        }
                    }
                } else {
                    let id = pick(&mut rng, &installments).unwrap_or(0);
                    if let Ok(i) = store.plans().get(id).await {
                        if i.deleted_at.is_some() {
                            let _ = store.trash().restore(RecordKind::Installments, id).await;
                        } else {
                            let _ = store.trash().put(RecordKind::Installments, id).await;
                        }
                    }
                }
                "receipt or installment trashed or restored"
            }
            13 => {
                let id = pick(&mut rng, &customers).unwrap();
                let input = FollowUpInput {
                    content: "电话沟通".into(),
                    happened_at: Some(1_700_000_000_000 + rng.gen_range(0..80_000_000_000)),
                    satisfaction: rng.gen_bool(0.5).then(|| rng.gen_range(1..=5)),
                    ..Default::default()
                };
                if let Ok(f) = store.follow_ups().create_from(id, &input).await {
                    follow_ups.push(f.id);
                }
                "follow-up logged"
            }
            14 => {
                let id = pick(&mut rng, &follow_ups).unwrap_or(0);
                let _ = store.trash().put(RecordKind::FollowUps, id).await;
                "follow-up trashed"
            }
            _ => {
                let s = pick(&mut rng, &customers).unwrap();
                let m = pick(&mut rng, &customers).unwrap();
                if let Ok(survivor) = store.customers().get(s).await {
                    let fields =
                        CustomerInput::from(&crm_core::customer::ValidCustomer::from(&survivor));
                    let _ = merge(
                        &store,
                        &MergeInput {
                            survivor_id: s,
                            merged_id: m,
                            fields,
                        },
                    )
                    .await;
                }
                "merge"
            }
        };
        if step % every == every - 1 {
            assert_kept_equals_rebuilt(&store, &format!("step {step} ({done}), seed {seed}")).await;
        }
    }
    assert_kept_equals_rebuilt(&store, "the last step").await;
}

#[tokio::test]
async fn totals_kept_by_triggers_equal_a_rebuild_after_random_writes_of_every_kind() {
    for seed in 1..=3 {
        random_book(seed, 160, 20).await;
    }
}

#[tokio::test]
async fn totals_of_a_demo_bulk_load_equal_a_rebuild_and_stay_equal_after_edits() {
    let (_d, store) = fresh().await;
    let generator = crm_core::demo::Generator::new(7, crm_core::time::now_ms());
    generator.fill(&store, 400, |_| {}).await.unwrap();
    assert_kept_equals_rebuilt(&store, "the demo load").await;
    let rows: i64 =
        crm_core::store::query_scalar_for_tests(&store, "SELECT count(*) FROM agg_sales").await;
    assert!(rows > 50, "the demo book has purchases to total ({rows})");
    // A second load above the first adds to the totals set-wise too.
    generator.fill(&store, 200, |_| {}).await.unwrap();
    assert_kept_equals_rebuilt(&store, "a second demo load").await;
}
