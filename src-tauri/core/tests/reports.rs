//! Reports on small hand-made books whose answers are worked out here: what counts as 签约额 and 回款额, a
//! purchase as a day, margins, the dashboard against the previous period, the funnel from the status
//! history, the deal cycle, filters, drill-downs with bulk actions, empty and odd books, and a report
//! written as a workbook and read back by a second reader.

mod support;

use chrono::NaiveDate;
use crm_core::contract::{ContractInput, ContractLineInput, ContractStatus};
use crm_core::customer::{CustomerInput, LifecycleStatus};
use crm_core::product::ProductInput;
use crm_core::receivable::{InstallmentInput, PaymentMethod, ReceiptInput};
use crm_core::record::RecordKind;
use crm_core::report::drill;
use crm_core::report::DrillRequest;
use crm_core::report::{
    self, Cache, Cell, Comparison, Context, Report, ReportFilters, ReportName, ReportQuery,
};
use crm_core::settings::Language;
use crm_core::store::Store;
use support::fresh;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A context whose today is `today`, in English.
fn ctx<'a>(store: &'a Store, cache: &'a Cache, today: &str) -> Context<'a> {
    let mut c = Context::new(store, cache, Some(Language::En));
    c.today = day(today);
    c
}

async fn customer(store: &Store, name: &str, province: &str, industry: &str) -> i64 {
    store
        .customers()
        .create_from(&CustomerInput {
            name: name.into(),
            province: Some(province.into()),
            industry: Some(industry.into()),
            status: LifecycleStatus::Deal,
            ..Default::default()
        })
        .await
        .unwrap()
        .id
}

async fn contract(
    store: &Store,
    customer_id: i64,
    signed: &str,
    amount: i64,
    status: ContractStatus,
) -> i64 {
    store
        .contracts()
        .create_from(&ContractInput {
            title: "合同".into(),
            customer_id,
            amount: Some(amount),
            status,
            signed_on: Some(signed.into()),
            ..Default::default()
        })
        .await
        .unwrap()
        .id
}

async fn receipt(
    store: &Store,
    contract_id: i64,
    due: &str,
    amount: i64,
    on: &str,
    method: PaymentMethod,
) {
    let i = store
        .plans()
        .add(
            contract_id,
            &InstallmentInput {
                due_on: due.into(),
                amount,
                note: None,
            },
        )
        .await
        .unwrap();
    store
        .receipts()
        .record(
            i.id,
            &ReceiptInput {
                received_on: on.into(),
                amount,
                method,
                note: None,
            },
        )
        .await
        .unwrap();
}

fn query(from: &str, to: &str) -> ReportQuery {
    ReportQuery {
        from: Some(from.into()),
        to: Some(to.into()),
        language: Some(Language::En),
        ..Default::default()
    }
}

fn kpi(r: &Report, key: &str) -> (Cell, Cell, Cell) {
    let k = r
        .kpis
        .iter()
        .find(|k| k.key == key)
        .unwrap_or_else(|| panic!("no kpi {key}"));
    (k.value.clone(), k.previous.clone(), k.change.clone())
}

fn section<'r>(r: &'r Report, key: &str) -> &'r report::Section {
    r.sections
        .iter()
        .find(|s| s.key == key)
        .unwrap_or_else(|| panic!("no section {key}"))
}

/// The row of `s` whose drill key is `key`, as its cells.
fn row<'r>(s: &'r report::Section, key: &str) -> &'r [Cell] {
    &s.rows
        .iter()
        .find(|r| r.key.as_deref() == Some(key))
        .unwrap_or_else(|| panic!("no row {key} in {}", s.key))
        .cells
}

/// A book of three customers: 华远 (北京, 软件) signs 1,000 元 on 03-10 and 500 元 on 03-10 (one purchase),
/// 2,000 元 completed on 04-02; 申通 (广东, 零售) 3,000 元 active on 03-31, a draft of 9,999 元 and a terminated
/// 7,777 元 (neither counts); 老李 (广东, 零售) signed 800 元 on 2025-03-15. Receipts: 华远 pays 600 元 on
/// 03-20 by bank and 400 元 on 04-05 by WeChat; 申通 3,000 元 on 04-28 by bank; 老李 800 元 on 2025-12-31.
async fn small_book(store: &Store) -> (i64, i64, i64) {
    let hua = customer(store, "北京华远科技有限公司", "北京市", "软件").await;
    let shen = customer(store, "广州申通贸易有限公司", "广东省", "零售").await;
    let li = customer(store, "老李", "广东省", "零售").await;
    let c1 = contract(store, hua, "2026-03-10", 100_000, ContractStatus::Signed).await;
    contract(store, hua, "2026-03-10", 50_000, ContractStatus::Active).await;
    contract(store, hua, "2026-04-02", 200_000, ContractStatus::Completed).await;
    let c4 = contract(store, shen, "2026-03-31", 300_000, ContractStatus::Active).await;
    contract(store, shen, "2026-03-15", 999_900, ContractStatus::Draft).await;
    contract(
        store,
        shen,
        "2026-03-16",
        777_700,
        ContractStatus::Terminated,
    )
    .await;
    let c7 = contract(store, li, "2025-03-15", 80_000, ContractStatus::Completed).await;
    receipt(
        store,
        c1,
        "2026-03-20",
        60_000,
        "2026-03-20",
        PaymentMethod::Bank,
    )
    .await;
    receipt(
        store,
        c1,
        "2026-04-10",
        40_000,
        "2026-04-05",
        PaymentMethod::Wechat,
    )
    .await;
    receipt(
        store,
        c4,
        "2026-04-30",
        300_000,
        "2026-04-28",
        PaymentMethod::Bank,
    )
    .await;
    receipt(
        store,
        c7,
        "2025-12-31",
        80_000,
        "2025-12-31",
        PaymentMethod::Bank,
    )
    .await;
    (hua, shen, li)
}

#[tokio::test]
async fn signed_counts_signed_active_and_completed_contracts_on_their_day_and_received_counts_receipts(
) {
    let (_d, store) = fresh().await;
    small_book(&store).await;
    let cache = Cache::default();
    let c = ctx(&store, &cache, "2026-06-30");
    let march = report::run(&c, ReportName::Sales, &query("2026-03-01", "2026-03-31"))
        .await
        .unwrap();
    // 1,000 + 500 + 3,000 元 signed in March; the draft and the terminated one never count.
    assert_eq!(kpi(&march, "signed").0, Cell::Int(450_000));
    assert_eq!(kpi(&march, "contracts").0, Cell::Int(3));
    assert_eq!(kpi(&march, "averageContract").0, Cell::Int(150_000));
    assert_eq!(
        kpi(&march, "received").0,
        Cell::Int(60_000),
        "only the 600 元 of 03-20"
    );
    // A period includes both ends: 03-31 is in March's, 04-02 is not.
    let by_province = section(&march, "byProvince");
    assert_eq!(row(by_province, "province:广东省")[1], Cell::Int(300_000));
    assert_eq!(row(by_province, "province:北京市")[1], Cell::Int(150_000));
    assert_eq!(
        by_province.totals.as_ref().unwrap()[1],
        Cell::Int(450_000),
        "the totals row sums the rows"
    );
    // Receipts by method over the spring.
    let spring = report::run(
        &c,
        ReportName::Receivables,
        &query("2026-03-01", "2026-05-31"),
    )
    .await
    .unwrap();
    let methods = section(&spring, "byMethod");
    assert_eq!(row(methods, "method:bank")[1], Cell::Int(360_000));
    assert_eq!(row(methods, "method:wechat")[1], Cell::Int(40_000));
    // Planned: 600 due 03-20, 400 due 04-10, 3,000 due 04-30.
    let months = section(&spring, "plannedVsReceived");
    assert_eq!(row(months, "month:2026-04")[1], Cell::Int(340_000));
    assert_eq!(row(months, "month:2026-04")[2], Cell::Int(340_000));
    assert_eq!(row(months, "month:2026-04")[3], Cell::Float(1.0));
    assert_eq!(
        row(months, "month:2026-03")[3],
        Cell::Float(1.0),
        "the 600 元 due in March came in March"
    );
    // A receipt counts on its own day.
    let last_year = report::run(&c, ReportName::Sales, &query("2025-01-01", "2025-12-31"))
        .await
        .unwrap();
    assert_eq!(kpi(&last_year, "received").0, Cell::Int(80_000));
    assert_eq!(kpi(&last_year, "signed").0, Cell::Int(80_000));
}

#[tokio::test]
async fn the_same_year_last_year_is_compared_bucket_by_bucket() {
    let (_d, store) = fresh().await;
    small_book(&store).await;
    let cache = Cache::default();
    let c = ctx(&store, &cache, "2026-06-30");
    let q = ReportQuery {
        compare: Comparison::PreviousYear,
        ..query("2026-03-01", "2026-04-30")
    };
    let r = report::run(&c, ReportName::Sales, &q).await.unwrap();
    let march = row(section(&r, "byPeriod"), "bucket:2026-03");
    // period, signed, signed last year, change, received, received last year, change, contracts, average
    assert_eq!(march[1], Cell::Int(450_000));
    assert_eq!(march[2], Cell::Int(80_000), "老李's 800 元 of 2025-03-15");
    assert_eq!(march[3], Cell::Float((450_000.0 - 80_000.0) / 80_000.0));
    let april = row(section(&r, "byPeriod"), "bucket:2026-04");
    assert_eq!(april[2], Cell::Int(0));
    assert_eq!(
        april[3],
        Cell::Empty,
        "no change from nothing: never infinity"
    );
    assert_eq!(
        kpi(&r, "signed"),
        (
            Cell::Int(650_000),
            Cell::Int(80_000),
            Cell::Float(570_000.0 / 80_000.0)
        )
    );
}

#[tokio::test]
async fn the_dashboard_compares_the_month_with_the_one_before_and_ranks_the_year() {
    let (_d, store) = fresh().await;
    let (hua, shen, _) = small_book(&store).await;
    let cache = Cache::default();
    let c = ctx(&store, &cache, "2026-04-15");
    let r = report::run(&c, ReportName::Dashboard, &ReportQuery::default())
        .await
        .unwrap();
    assert_eq!(
        (r.from.as_deref(), r.to.as_deref()),
        (Some("2026-04-01"), Some("2026-04-30")),
        "this month"
    );
    // April: 2,000 元 signed; March before it: 4,500 元.
    assert_eq!(
        kpi(&r, "signed"),
        (
            Cell::Int(200_000),
            Cell::Int(450_000),
            Cell::Float((200_000.0 - 450_000.0) / 450_000.0)
        )
    );
    assert_eq!(kpi(&r, "received").0, Cell::Int(340_000));
    assert_eq!(
        kpi(&r, "newCustomers").0,
        Cell::Int(0),
        "the customers were made today, in December's clock"
    );
    // Outstanding today: every plan is paid in full.
    assert_eq!(kpi(&r, "outstanding").0, Cell::Int(0));
    let top = section(&r, "topCustomers");
    assert_eq!(
        top.rows[0].key.as_deref(),
        Some(format!("customer:{hua}").as_str()),
        "3,500 元 beats 3,000 元"
    );
    assert_eq!(top.rows[0].cells[1], Cell::Int(350_000));
    assert_eq!(
        top.rows[1].key.as_deref(),
        Some(format!("customer:{shen}").as_str())
    );
    let trend = section(&r, "trend");
    assert_eq!(trend.rows.len(), 12);
    assert_eq!(row(trend, "month:2026-03")[1], Cell::Int(450_000));
}

#[tokio::test]
async fn a_purchase_is_a_day_and_rfm_counts_it_once() {
    let (_d, store) = fresh().await;
    let (hua, ..) = small_book(&store).await;
    let cache = Cache::default();
    let c = ctx(&store, &cache, "2026-06-30");
    let q = ReportQuery {
        as_of: Some("2026-06-30".into()),
        ..query("", "")
    };
    let r = report::run(&c, ReportName::Rfm, &q).await.unwrap();
    assert_eq!(
        r.scoring.as_deref(),
        Some("fixed"),
        "three purchasers are far fewer than fifty"
    );
    let list = section(&r, "rfmCustomers");
    // 华远: 03-10 (two contracts, one purchase) and 04-02: F = 2, M = 3,500 元, R = 89 days (04-02 → 06-30).
    let hua_row = row(list, &format!("customer:{hua}"));
    assert_eq!(
        &hua_row[1..4],
        &[Cell::Int(89), Cell::Int(2), Cell::Int(350_000)]
    );
    // The window is 365 days up to 06-30: 老李's 2025-03-15 purchase is outside it.
    assert_eq!(list.rows.len(), 2);
}

#[tokio::test]
async fn margins_are_line_amounts_less_quantity_times_cost() {
    let (_d, store) = fresh().await;
    let hua = customer(&store, "华远", "北京市", "软件").await;
    let product = |name: &str, cost: Option<i64>| ProductInput {
        name: name.into(),
        list_price: 10_000,
        cost,
        category: Some("硬件".into()),
        ..Default::default()
    };
    let router = store
        .products()
        .create_from(&product("路由器", Some(6_000)))
        .await
        .unwrap()
        .id;
    let training = store
        .products()
        .create_from(&product("培训", None))
        .await
        .unwrap()
        .id;
    store
        .contracts()
        .create_from(&ContractInput {
            title: "采购".into(),
            customer_id: hua,
            status: ContractStatus::Signed,
            signed_on: Some("2026-05-05".into()),
            lines: vec![
                ContractLineInput {
                    product_id: Some(router),
                    quantity: 2.5,
                    unit_price: 10_000,
                    discount_percent: 10.0,
                    ..Default::default()
                },
                ContractLineInput {
                    product_id: Some(training),
                    quantity: 1.0,
                    unit_price: 50_000,
                    ..Default::default()
                },
            ],
            ..Default::default()
        })
        .await
        .unwrap();
    let cache = Cache::default();
    let c = ctx(&store, &cache, "2026-06-30");
    let r = report::run(&c, ReportName::Sales, &query("2026-01-01", "2026-12-31"))
        .await
        .unwrap();
    let products = section(&r, "byProduct");
    // 2.5 × 100 元 at 10% off = 225 元; cost 2.5 × 60 元 = 150 元; margin 75 元.
    let router_row = row(products, &format!("product:{router}"));
    assert_eq!(
        &router_row[2..6],
        &[
            Cell::Float(2.5),
            Cell::Int(22_500),
            Cell::Int(7_500),
            Cell::Float(7_500.0 / 22_500.0)
        ]
    );
    let training_row = row(products, &format!("product:{training}"));
    assert_eq!(
        training_row[4],
        Cell::Empty,
        "no cost, no margin: never a guess"
    );
    assert_eq!(
        products.totals.as_ref().unwrap()[4],
        Cell::Int(7_500),
        "the total margin of the products with a cost"
    );
}

#[tokio::test]
async fn the_funnel_counts_the_furthest_stage_each_new_customer_reached() {
    let (_d, store) = fresh().await;
    let mut ids = Vec::new();
    for (i, status) in [
        LifecycleStatus::Potential,
        LifecycleStatus::Potential,
        LifecycleStatus::Intent,
        LifecycleStatus::Intent,
        LifecycleStatus::Deal,
    ]
    .into_iter()
    .enumerate()
    {
        let input = CustomerInput {
            name: format!("客户{i}"),
            status,
            ..Default::default()
        };
        ids.push(store.customers().create_from(&input).await.unwrap().id);
    }
    // An interested customer lost: it still reached 意向. A prospect that became a customer and was lost: 成交.
    for (id, status) in [
        (ids[2], LifecycleStatus::Lost),
        (ids[1], LifecycleStatus::Deal),
        (ids[1], LifecycleStatus::Lost),
    ] {
        let stored = store.customers().get(id).await.unwrap();
        let mut input = CustomerInput::from(&crm_core::customer::ValidCustomer::from(&stored));
        input.status = status;
        store.customers().update_from(id, &input).await.unwrap();
    }
    let cache = Cache::default();
    let today = crm_core::time::today();
    let c = ctx(&store, &cache, &today.format("%Y-%m-%d").to_string());
    let r = report::run(&c, ReportName::Customers, &ReportQuery::default())
        .await
        .unwrap();
    let funnel = section(&r, "funnel");
    let counts: Vec<Cell> = funnel.rows.iter().map(|r| r.cells[1].clone()).collect();
    // Reached 潜在: all 5; 意向 or further: #1 (via 成交), #2, #3, #4; 成交: #1 and #4.
    assert_eq!(counts, [Cell::Int(5), Cell::Int(4), Cell::Int(2)]);
    assert_eq!(
        funnel.rows[2].cells[2],
        Cell::Float(0.5),
        "half of those interested became customers"
    );
    assert_eq!(funnel.rows[2].cells[3], Cell::Float(0.4));
    let statuses = section(&r, "bookStatus");
    assert_eq!(row(statuses, "status:lost")[1], Cell::Int(2));
}

#[tokio::test]
async fn the_deal_cycle_runs_from_creation_to_the_first_counted_contract() {
    let (_d, store) = fresh().await;
    let today = crm_core::time::today();
    let a = customer(&store, "甲", "北京市", "软件").await;
    let b = customer(&store, "乙", "北京市", "软件").await;
    let in_days = |n: i64| {
        (today + chrono::Duration::days(n))
            .format("%Y-%m-%d")
            .to_string()
    };
    contract(&store, a, &in_days(3), 1_000, ContractStatus::Signed).await;
    contract(&store, a, &in_days(40), 1_000, ContractStatus::Signed).await;
    contract(&store, b, &in_days(1), 1_000, ContractStatus::Draft).await;
    contract(&store, b, &in_days(50), 1_000, ContractStatus::Signed).await;
    let cache = Cache::default();
    let c = ctx(&store, &cache, &today.format("%Y-%m-%d").to_string());
    let q = ReportQuery {
        from: Some(in_days(-10)),
        to: Some(in_days(60)),
        ..ReportQuery::default()
    };
    let r = report::run(&c, ReportName::Customers, &q).await.unwrap();
    // 甲 first bought after 3 days, 乙 after 50 (its draft never counts): median 26.5.
    assert_eq!(kpi(&r, "medianDealCycle").0, Cell::Float(26.5));
    let cycle = section(&r, "dealCycle");
    assert_eq!(row(cycle, "cycle:days0To7")[1], Cell::Int(1));
    assert_eq!(row(cycle, "cycle:days31To90")[1], Cell::Int(1));
}

#[tokio::test]
async fn a_filtered_report_counts_only_the_customers_that_pass_and_the_cube_agrees() {
    let (_d, store) = fresh().await;
    small_book(&store).await;
    let cache = Cache::default();
    let c = ctx(&store, &cache, "2026-06-30");
    let whole = report::run(&c, ReportName::Sales, &query("2025-01-01", "2026-12-31"))
        .await
        .unwrap();
    let filtered = report::run(
        &c,
        ReportName::Sales,
        &ReportQuery {
            filters: ReportFilters {
                province: Some("广东省".into()),
                ..Default::default()
            },
            ..query("2025-01-01", "2026-12-31")
        },
    )
    .await
    .unwrap();
    let from_cube = row(section(&whole, "byProvince"), "province:广东省");
    assert_eq!(
        kpi(&filtered, "signed").0,
        from_cube[1],
        "the filter's total is the province's row"
    );
    assert_eq!(kpi(&filtered, "received").0, from_cube[2]);
    assert_eq!(kpi(&filtered, "contracts").0, from_cube[3]);
    let nobody = report::run(
        &c,
        ReportName::Sales,
        &ReportQuery {
            filters: ReportFilters {
                industry: Some("不存在的行业".into()),
                ..Default::default()
            },
            ..query("2025-01-01", "2026-12-31")
        },
    )
    .await
    .unwrap();
    assert!(
        nobody.empty,
        "a filter that matches nothing is an empty report, not an error"
    );
}

#[tokio::test]
async fn every_report_of_an_empty_book_is_an_honest_empty_state_in_every_language() {
    let (_d, store) = fresh().await;
    let cache = Cache::default();
    for language in [Language::ZhCn, Language::ZhTw, Language::En] {
        let mut c = ctx(&store, &cache, "2026-06-30");
        c.language = language;
        for name in ReportName::ALL {
            let r = report::run(&c, name, &ReportQuery::default())
                .await
                .unwrap();
            assert!(r.empty, "{name:?} of nothing is empty");
            let json = serde_json::to_string(&r).unwrap();
            assert!(!json.contains("NaN") && !json.contains("inf"), "{json}");
            // Every word is translated: a missing one would show its key.
            for text in std::iter::once(&r.title)
                .chain(std::iter::once(&r.definition))
                .chain(r.sections.iter().map(|s| &s.title))
                .chain(
                    r.sections
                        .iter()
                        .flat_map(|s| s.columns.iter().map(|c| &c.label)),
                )
                .chain(r.kpis.iter().map(|k| &k.label))
                .chain(r.parameters.iter().map(|p| &p.label))
                .chain(r.notes.iter())
            {
                assert!(
                    !text.contains('.') || text.contains(' ') || text.contains('。'),
                    "{name:?}: untranslated {text}"
                );
            }
        }
    }
}

#[tokio::test]
async fn bad_periods_are_refused_and_the_calendar_edges_are_not() {
    let (_d, store) = fresh().await;
    small_book(&store).await;
    let cache = Cache::default();
    let c = ctx(&store, &cache, "2026-06-30");
    let e = report::run(&c, ReportName::Sales, &query("2026-05-01", "2026-04-01"))
        .await
        .unwrap_err();
    assert_eq!(e.to_string(), "to: before_from");
    let e = report::run(&c, ReportName::Sales, &query("2026-02-30", "2026-04-01"))
        .await
        .unwrap_err();
    assert_eq!(e.to_string(), "from: format");
    for (from, to) in [("1900-01-01", "1900-12-31"), ("9999-01-01", "9999-12-31")] {
        let q = ReportQuery {
            compare: Comparison::PreviousYear,
            ..query(from, to)
        };
        let r = report::run(&c, ReportName::Sales, &q).await.unwrap();
        assert!(r.empty);
        let r = report::run(&c, ReportName::Customers, &q).await.unwrap();
        assert_eq!(kpi(&r, "newCustomers").0, Cell::Int(0));
    }
}

#[tokio::test]
async fn a_cancelled_report_stops_with_cancelled() {
    let (_d, store) = fresh().await;
    small_book(&store).await;
    let cache = Cache::default();
    let c = ctx(&store, &cache, "2026-06-30");
    c.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    let e = report::run(&c, ReportName::Clv, &ReportQuery::default())
        .await
        .unwrap_err();
    assert_eq!(e.to_string(), "conflict: cancelled");
}

#[tokio::test]
async fn a_drill_down_lists_the_contracts_behind_a_bar_and_bulk_actions_reach_its_customers() {
    let (_d, store) = fresh().await;
    let (hua, shen, li) = small_book(&store).await;
    let cache = Cache::default();
    let c = ctx(&store, &cache, "2026-06-30");
    let march = DrillRequest {
        report: ReportName::Sales,
        key: "bucket:2026-03".into(),
        query: query("2026-01-01", "2026-12-31"),
    };
    let list = drill::list(&c, &march, 100).await.unwrap();
    assert_eq!(list.total, 3, "the three counted contracts of March");
    let amounts: Vec<Option<i64>> = list.rows.iter().map(|r| r.amount).collect();
    assert_eq!(
        amounts,
        [Some(300_000), Some(50_000), Some(100_000)],
        "newest first: 03-31, then 03-10's later one"
    );
    let guangdong = DrillRequest {
        key: "province:广东省".into(),
        ..march.clone()
    };
    assert_eq!(
        drill::list(&c, &guangdong, 100).await.unwrap().total,
        1,
        "申通's 03-31 contract this year"
    );

    // A bulk tag and a planned follow-up for everyone behind March's bar.
    assert_eq!(drill::tag(&c, &march, "三月客户").await.unwrap(), 2);
    assert_eq!(
        drill::tag(&c, &march, "三月客户").await.unwrap(),
        0,
        "tagged once"
    );
    for id in [hua, shen] {
        assert!(store
            .customers()
            .get(id)
            .await
            .unwrap()
            .tags
            .contains(&"三月客户".to_string()));
    }
    assert!(store.customers().get(li).await.unwrap().tags.is_empty());
    assert_eq!(
        drill::plan_follow_up(&c, &march, "2026-07-06")
            .await
            .unwrap(),
        2
    );
    let view = crm_core::reminder::today(
        &store,
        &crm_core::reminder::TodayQuery::on("2026-07-06", 480),
    )
    .await
    .unwrap();
    let due: Vec<i64> = view.today.iter().map(|r| r.customer_id).collect();
    assert!(
        due.contains(&hua) && due.contains(&shen),
        "Today shows the planned calls: {due:?}"
    );
    let history = crm_core::history::of(&store, RecordKind::Customers, hua)
        .await
        .unwrap();
    assert!(history
        .iter()
        .any(|h| h.field == "nextFollowUp" && h.new_value.as_deref() == Some("2026-07-06")));
    assert!(history.iter().any(|h| h.field == "tags"));
    let bad = DrillRequest {
        key: "nonsense".into(),
        ..march
    };
    assert_eq!(
        drill::list(&c, &bad, 10).await.unwrap_err().to_string(),
        "key: format"
    );
}

#[tokio::test]
async fn a_report_workbook_has_typed_cells_its_totals_and_a_native_chart() {
    let (dir, store) = fresh().await;
    small_book(&store).await;
    let cache = Cache::default();
    let mut c = ctx(&store, &cache, "2026-06-30");
    c.language = Language::ZhCn;
    let q = ReportQuery {
        language: None,
        ..query("2026-01-01", "2026-12-31")
    };
    let r = report::run(&c, ReportName::Sales, &q).await.unwrap();
    let path = dir.path().join("销售分析.xlsx");
    report::xlsx::write_report(&path, &r, Language::ZhCn).unwrap();
    // The second reader: openpyxl finds the money as numbers in ¥ format, the totals equal to the rows,
    // and the package holds chart parts.
    let script = r#"
import sys, zipfile, openpyxl
path = sys.argv[1]
charts = [n for n in zipfile.ZipFile(path).namelist() if n.startswith('xl/charts/chart')]
assert len(charts) >= 3, charts
wb = openpyxl.load_workbook(path)
ws = wb.worksheets[0]
rows = list(ws.iter_rows(values_only=False))
# The by-province table: find its header, sum its money column, compare with the totals row.
for i, row in enumerate(rows):
    if row[0].value == '省份':
        data = []
        j = i + 1
        while rows[j][0].value != '合计':
            data.append(rows[j][1]); j += 1
        assert all(isinstance(c.value, (int, float)) for c in data), [c.value for c in data]
        assert all(c.number_format == '¥#,##0.00' for c in data)
        assert abs(sum(c.value for c in data) - rows[j][1].value) < 0.005, (sum(c.value for c in data), rows[j][1].value)
        print('province total', rows[j][1].value)
        break
else:
    raise SystemExit('no province table')
"#;
    // Debian's python3 has openpyxl (.ci/setup installs python3-openpyxl); another python3 may not.
    let python = if std::path::Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    };
    let out = std::process::Command::new(python)
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "province total 6500",
        "1,000 + 500 + 2,000 + 3,000 元"
    );
}
