//! Demo money: a product catalogue, and for about three customers in ten a contract or two with product
//! lines, a payment plan of one to three installments, the receipts a real book would show (most of what
//! fell due paid, some partly, some not), and now and then a small signed scan. Deterministic per seed
//! and customer, like the customers themselves.

use chrono::{Duration, NaiveDate};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sha2::{Digest, Sha256};
use sqlx::{QueryBuilder, SqliteConnection};

use super::Generator;
use crate::bulk::BulkLoad;
use crate::contract::ContractStatus;
use crate::error::Result;
use crate::field::{line_amount, Discount, Quantity};
use crate::receivable::PaymentMethod;
use crate::store::Store;

/// (name, code, unit, category, list price in 分)
const CATALOGUE: &[(&str, &str, &str, &str, i64)] = &[
    ("云服务器 标准版", "YF-S01", "台·年", "云服务", 398_000),
    ("云服务器 高配版", "YF-S02", "台·年", "云服务", 886_000),
    ("企业邮箱", "YX-001", "账号·年", "云服务", 12_000),
    ("网站建设", "WZ-001", "项", "技术服务", 1_580_000),
    ("小程序开发", "XCX-01", "项", "技术服务", 2_600_000),
    ("安装调试", "AZ-001", "次", "技术服务", 50_000),
    ("上门维保", "WB-001", "次", "技术服务", 80_000),
    ("年度维护", "WH-001", "年", "技术服务", 600_000),
    ("激光打印机", "DY-101", "台", "办公设备", 189_900),
    ("复印一体机", "FY-201", "台", "办公设备", 1_299_000),
    ("A4 复印纸", "ZH-A4", "箱", "办公耗材", 16_500),
    ("硒鼓", "XG-12A", "个", "办公耗材", 32_000),
    ("商用路由器", "LY-300", "台", "网络设备", 129_900),
    ("交换机 24 口", "JH-24", "台", "网络设备", 269_000),
    ("监控摄像头", "SX-4M", "个", "安防", 45_000),
    ("门禁系统", "MJ-100", "套", "安防", 880_000),
    ("收银系统", "SY-POS", "套", "软件", 398_000),
    ("进销存软件", "JXC-01", "套·年", "软件", 298_000),
    ("财务软件", "CW-01", "套·年", "软件", 468_000),
    ("员工培训", "PX-001", "人·天", "培训", 120_000),
    ("茶叶礼盒", "CY-LH", "盒", "礼品", 58_800),
    ("定制工服", "GF-001", "件", "服装", 16_800),
    ("宣传册印刷", "YS-001", "千本", "印刷", 420_000),
    ("展会搭建", "ZH-001", "平方米", "会展", 65_000),
];

/// At most this many contracts per customer, and installments per contract: ids are laid out in blocks.
const MAX_CONTRACTS: i64 = super::buying::MAX_PURCHASES as i64;
const MAX_INSTALLMENTS: i64 = 3;

/// One customer's generated contracts, lines, installments, receipts and documents, ready to insert.
#[derive(Default)]
struct MoneyBatch {
    contracts: Vec<DemoContract>,
    lines: Vec<(i64, i64, i64, String, i64, i64, i64, i64)>,
    installments: Vec<DemoInstallment>,
    receipts: Vec<DemoReceipt>,
    documents: Vec<(i64, i64, i64, String, Vec<u8>, i64)>,
}

struct DemoContract {
    id: i64,
    number: String,
    title: String,
    customer_id: i64,
    amount: i64,
    signed_on: String,
    ends_on: String,
    status: ContractStatus,
    created_at: i64,
}

struct DemoInstallment {
    id: i64,
    contract_id: i64,
    customer_id: i64,
    due_on: String,
    amount: i64,
    received: i64,
    counted: bool,
    created_at: i64,
}

struct DemoReceipt {
    id: i64,
    installment_id: i64,
    contract_id: i64,
    customer_id: i64,
    received_on: String,
    amount: i64,
    method: PaymentMethod,
    created_at: i64,
}

/// The catalogue positions what an industry mostly buys (the rest of its lines come from anywhere).
fn preferred_products(industry: Option<&str>) -> Vec<usize> {
    let categories: &[&str] = match industry {
        Some("信息技术") => &["云服务", "软件", "技术服务", "网络设备"],
        Some("批发零售") => &["软件", "办公耗材", "安防", "印刷"],
        Some("制造业") => &["办公设备", "安防", "服装", "培训"],
        Some("餐饮") => &["软件", "礼品", "安防"],
        Some("建筑装饰") => &["办公设备", "培训", "服装"],
        Some("物流运输") => &["软件", "网络设备", "安防"],
        Some("教育培训") => &["技术服务", "办公设备", "印刷"],
        Some("医疗健康") => &["软件", "安防", "办公耗材"],
        Some("文化传媒") => &["印刷", "会展", "技术服务"],
        _ => &[],
    };
    CATALOGUE
        .iter()
        .enumerate()
        .filter(|(_, p)| categories.contains(&p.3))
        .map(|(i, _)| i)
        .collect()
}

/// What a product of `category` costs, in percent of its list price; training is sold without a cost
/// on record (its margin is unknown).
fn cost_percent(category: &str) -> Option<i64> {
    match category {
        "技术服务" => Some(35),
        "软件" => Some(25),
        "云服务" => Some(55),
        "办公设备" | "网络设备" | "安防" => Some(72),
        "办公耗材" => Some(80),
        "礼品" | "服装" => Some(58),
        "印刷" | "会展" => Some(65),
        _ => None,
    }
}

fn day_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl Generator {
    /// The money of customers `ids` (first contract and installment ids given), made off the writer: a
    /// contract for each day the customer buys (see `buying`), its lines from what the customer's
    /// industry buys, scaled by how much this customer spends; a payment plan of one to three
    /// installments, most paid on time, some late, some in part, a few not at all.
    fn money_batch(
        &self,
        ids: std::ops::Range<i64>,
        first_customer: i64,
        first_contract: i64,
        first_installment: i64,
        products: &[(i64, &'static str, i64)],
    ) -> MoneyBatch {
        let mut out = MoneyBatch::default();
        let today = chrono::DateTime::from_timestamp_millis(self.now_ms + 8 * 3_600_000)
            .unwrap_or_default()
            .date_naive();
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid day");
        for customer_id in ids {
            let customer = self.customer(customer_id);
            if customer.purchases.is_empty() {
                continue;
            }
            let mut rng = StdRng::seed_from_u64(
                self.seed ^ (customer_id as u64).wrapping_mul(0xA24B_AED4_963E_E407),
            );
            // How much this customer spends a purchase, around the book's mean (Gamma-distributed).
            let scale = super::buying::gamma(&mut rng, 3.0) / 3.0;
            let preferred = preferred_products(customer.customer.industry.as_deref());
            for (k, day) in customer.purchases.iter().enumerate() {
                let id = first_contract + (customer_id - first_customer) * MAX_CONTRACTS + k as i64;
                let signed = epoch + Duration::days(*day as i64);
                let created_at = (signed - epoch).num_days() * 86_400_000 + 2 * 3_600_000;
                let term = [180, 365, 365, 730][rng.gen_range(0..4)];
                let ends = signed + Duration::days(term);
                let status = match rng.gen_range(0..100) {
                    0..=2 => ContractStatus::Draft,
                    3..=5 => ContractStatus::Terminated,
                    _ if ends >= today && signed + Duration::days(30) > today => {
                        ContractStatus::Signed
                    }
                    _ if ends >= today => ContractStatus::Active,
                    _ => ContractStatus::Completed,
                };
                let mut amount = 0i64;
                let mut title = String::new();
                for position in 0..rng.gen_range(1..=3) {
                    let pick = if !preferred.is_empty() && rng.gen_bool(0.7) {
                        preferred[rng.gen_range(0..preferred.len())]
                    } else {
                        rng.gen_range(0..products.len())
                    };
                    let (product_id, name, price) = products[pick.min(products.len() - 1)];
                    let units = ((rng.gen_range(1..=8) as f64) * scale)
                        .round()
                        .clamp(1.0, 200.0) as i64;
                    let q = Quantity::from_milli(units * 1000);
                    let d = Discount::from_bp([0, 0, 500, 1000][rng.gen_range(0..4)]);
                    let line = line_amount("amount", q, price, d).unwrap_or(0);
                    amount += line;
                    if position == 0 {
                        title = format!("{name}采购合同");
                    }
                    out.lines.push((
                        id,
                        position,
                        product_id,
                        name.to_string(),
                        q.milli(),
                        price,
                        d.bp(),
                        line,
                    ));
                }
                out.contracts.push(DemoContract {
                    id,
                    number: format!("HT-{}-{:04}", signed.format("%Y"), id),
                    title,
                    customer_id,
                    amount,
                    signed_on: day_text(signed),
                    ends_on: day_text(ends),
                    status,
                    created_at,
                });
                let parts = rng.gen_range(1..=MAX_INSTALLMENTS);
                let mut left = amount;
                for p in 0..parts {
                    let share = if p == parts - 1 { left } else { amount / parts };
                    left -= share;
                    if share <= 0 {
                        continue;
                    }
                    let due = signed + Duration::days(term * p / parts + 15);
                    let iid = first_installment + ((id - first_contract) * MAX_INSTALLMENTS) + p;
                    // On time, late, in part, or not at all; only what has been received by today counts.
                    let (received, on) = if status.is_owed() {
                        match rng.gen_range(0..100) {
                            0..=74 => (share, due - Duration::days(rng.gen_range(0..=10))),
                            75..=89 => (share, due + Duration::days(rng.gen_range(5..=120))),
                            90..=95 => (share / 2, due + Duration::days(rng.gen_range(0..=30))),
                            _ => (0, due),
                        }
                    } else {
                        (0, due)
                    };
                    let received = if on <= today { received } else { 0 };
                    out.installments.push(DemoInstallment {
                        id: iid,
                        contract_id: id,
                        customer_id,
                        due_on: day_text(due),
                        amount: share,
                        received,
                        counted: status.is_owed(),
                        created_at,
                    });
                    if received > 0 {
                        out.receipts.push(DemoReceipt {
                            id: iid,
                            installment_id: iid,
                            contract_id: id,
                            customer_id,
                            received_on: day_text(on.max(signed)),
                            amount: received,
                            method: [
                                PaymentMethod::Bank,
                                PaymentMethod::Bank,
                                PaymentMethod::Bank,
                                PaymentMethod::Wechat,
                                PaymentMethod::Alipay,
                                PaymentMethod::Cash,
                                PaymentMethod::Cheque,
                            ][rng.gen_range(0..7)],
                            created_at,
                        });
                    }
                }
                // About one contract in 150 comes with its signed scan (ids are laid out in blocks of 40).
                if id % 149 == 0 {
                    let pdf = small_pdf(&out.contracts.last().expect("just pushed").number);
                    let name = format!(
                        "{}-签字版.pdf",
                        out.contracts.last().expect("pushed").number
                    );
                    out.documents
                        .push((id, customer_id, id, name, pdf, created_at));
                }
            }
        }
        out
    }

    /// Adds the catalogue (once) and the money of customers `first..first + count` in one transaction,
    /// calling `progress(customers done)` after each batch. Returns how many rows it wrote.
    pub async fn fill_money(
        &self,
        store: &Store,
        first: i64,
        count: u64,
        mut progress: impl FnMut(u64),
    ) -> Result<u64> {
        const BATCH: u64 = 20_000;
        let products = ensure_catalogue(store).await?;
        let first_contract = max_id(store, "contracts").await? + 1;
        let first_installment = max_id(store, "installments").await? + 1;
        let have: i64 = sqlx::query_scalar("SELECT count(*) FROM contracts")
            .fetch_one(store.read())
            .await?;
        let mut load = BulkLoad::begin(
            store,
            &["contracts", "contract_lines", "installments", "receipts"],
            count as i64 * 3 / 10 >= have,
            false,
        )
        .await?;
        let generator = *self;
        let make = {
            let products = products.clone();
            move |from: u64, n: u64| {
                let products = products.clone();
                tokio::task::spawn_blocking(move || {
                    generator.money_batch(
                        first + from as i64..first + (from + n) as i64,
                        first,
                        first_contract,
                        first_installment,
                        &products,
                    )
                })
            }
        };
        let mut next = (count > 0).then(|| make(0, BATCH.min(count)));
        let mut done = 0u64;
        let mut rows = 0u64;
        while let Some(batch) = next.take() {
            let made = batch
                .await
                .map_err(|e| crate::CoreError::Internal(e.to_string()))?;
            done = (done + BATCH).min(count);
            if done < count {
                next = Some(make(done, BATCH.min(count - done)));
            }
            rows += write_batch(load.conn(), &made).await?;
            progress(done);
        }
        // The numbering rule continues after the demo's numbers of each year.
        sqlx::query(
            "INSERT INTO contract_sequences (pattern, last) \
             SELECT 'HT-' || substr(number, 4, 4) || '-{}', max(id) FROM contracts WHERE number LIKE 'HT-____-%' \
             GROUP BY substr(number, 4, 4) \
             ON CONFLICT (pattern) DO UPDATE SET last = max(last, excluded.last)",
        )
        .execute(load.conn())
        .await?;
        load.finish().await?;
        Ok(rows)
    }
}

async fn max_id(store: &Store, table: &str) -> Result<i64> {
    Ok(
        sqlx::query_scalar(&format!("SELECT coalesce(max(id), 0) FROM {table}"))
            .fetch_one(store.read())
            .await?,
    )
}

/// The demo products (inserted the first time), as (id, name, list price).
async fn ensure_catalogue(store: &Store) -> Result<Vec<(i64, &'static str, i64)>> {
    let mut tx = store.write().await?;
    let now = crate::time::now_ms();
    let mut out = Vec::new();
    for (name, code, unit, category, price) in CATALOGUE {
        let id: Option<i64> =
            sqlx::query_scalar("SELECT id FROM products WHERE code = ? AND deleted_at IS NULL")
                .bind(code)
                .fetch_optional(&mut *tx)
                .await?;
        let id = match id {
            Some(id) => id,
            None => {
                sqlx::query_scalar(
                    "INSERT INTO products (name, code, unit, category, list_price, cost, active, created_at, updated_at) \
                     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                )
                .bind(name)
                .bind(code)
                .bind(unit)
                .bind(category)
                .bind(price)
                .bind(cost_percent(category).map(|pct| price * pct / 100))
                .bind(now)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?
            }
        };
        out.push((id, *name, *price));
    }
    tx.commit().await?;
    Ok(out)
}

async fn write_batch(conn: &mut SqliteConnection, b: &MoneyBatch) -> Result<u64> {
    for chunk in b.contracts.chunks(2000) {
        let mut q = QueryBuilder::new(
            "INSERT INTO contracts (id, number, title, customer_id, amount, signed_on, starts_on, ends_on, status, \
             created_at, updated_at) ",
        );
        q.push_values(chunk, |mut v, c| {
            v.push_bind(c.id)
                .push_bind(&c.number)
                .push_bind(&c.title)
                .push_bind(c.customer_id)
                .push_bind(c.amount)
                .push_bind(&c.signed_on)
                .push_bind(&c.signed_on)
                .push_bind(&c.ends_on)
                .push_bind(c.status)
                .push_bind(c.created_at)
                .push_bind(c.created_at);
        });
        q.build().execute(&mut *conn).await?;
    }
    for chunk in b.lines.chunks(3000) {
        let mut q = QueryBuilder::new(
            "INSERT INTO contract_lines (contract_id, position, product_id, description, quantity_milli, unit_price, \
             discount_bp, amount) ",
        );
        q.push_values(chunk, |mut v, l| {
            v.push_bind(l.0)
                .push_bind(l.1)
                .push_bind(l.2)
                .push_bind(&l.3)
                .push_bind(l.4)
                .push_bind(l.5)
                .push_bind(l.6)
                .push_bind(l.7);
        });
        q.build().execute(&mut *conn).await?;
    }
    for chunk in b.installments.chunks(3000) {
        let mut q = QueryBuilder::new(
            "INSERT INTO installments (id, contract_id, customer_id, due_on, amount, received, counted, created_at, \
             updated_at) ",
        );
        q.push_values(chunk, |mut v, i| {
            v.push_bind(i.id)
                .push_bind(i.contract_id)
                .push_bind(i.customer_id)
                .push_bind(&i.due_on)
                .push_bind(i.amount)
                .push_bind(i.received)
                .push_bind(i.counted)
                .push_bind(i.created_at)
                .push_bind(i.created_at);
        });
        q.build().execute(&mut *conn).await?;
    }
    for chunk in b.receipts.chunks(3000) {
        let mut q = QueryBuilder::new(
            "INSERT INTO receipts (id, installment_id, contract_id, customer_id, received_on, amount, method, \
             created_at, updated_at) ",
        );
        q.push_values(chunk, |mut v, r| {
            v.push_bind(r.id)
                .push_bind(r.installment_id)
                .push_bind(r.contract_id)
                .push_bind(r.customer_id)
                .push_bind(&r.received_on)
                .push_bind(r.amount)
                .push_bind(r.method)
                .push_bind(r.created_at)
                .push_bind(r.created_at);
        });
        q.build().execute(&mut *conn).await?;
    }
    for (_, customer_id, contract_id, name, bytes, at) in &b.documents {
        let sha = hex::encode(Sha256::digest(bytes));
        let blob_id: i64 = sqlx::query_scalar(
            "INSERT INTO blobs (sha256, size, created_at) VALUES (?, ?, ?) RETURNING id",
        )
        .bind(&sha)
        .bind(bytes.len() as i64)
        .bind(at)
        .fetch_one(&mut *conn)
        .await?;
        sqlx::query("INSERT INTO blob_chunks (blob_id, seq, data) VALUES (?, 0, ?)")
            .bind(blob_id)
            .bind(bytes)
            .execute(&mut *conn)
            .await?;
        sqlx::query(
            "INSERT INTO documents (blob_id, customer_id, contract_id, name, kind, size, created_at, updated_at) \
             VALUES (?, ?, ?, ?, 'pdf', ?, ?, ?)",
        )
        .bind(blob_id)
        .bind(customer_id)
        .bind(contract_id)
        .bind(name)
        .bind(bytes.len() as i64)
        .bind(at)
        .bind(at)
        .execute(&mut *conn)
        .await?;
    }
    Ok((b.contracts.len()
        + b.lines.len()
        + b.installments.len()
        + b.receipts.len()
        + b.documents.len()) as u64)
}

/// A one-page PDF that says which contract it is (a real, if tiny, document a viewer opens).
pub fn small_pdf(title: &str) -> Vec<u8> {
    let text: String = title
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let content = format!("BT /F1 24 Tf 72 720 Td ({text} signed) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_money_is_consistent_and_deterministic() {
        let g = Generator::new(1, 1_700_000_000_000);
        let products: Vec<(i64, &'static str, i64)> = CATALOGUE
            .iter()
            .enumerate()
            .map(|(i, p)| (i as i64 + 1, p.0, p.4))
            .collect();
        let a = g.money_batch(1..2001, 1, 1, 1, &products);
        let b = g.money_batch(1..2001, 1, 1, 1, &products);
        assert_eq!(a.contracts.len(), b.contracts.len());
        let buyers: std::collections::HashSet<i64> =
            a.contracts.iter().map(|c| c.customer_id).collect();
        let share = buyers.len() as f64 / 2000.0;
        assert!(
            (0.35..0.6).contains(&share),
            "about half the book buys: {share}"
        );
        let per_buyer = a.contracts.len() as f64 / buyers.len() as f64;
        assert!(
            (1.5..4.0).contains(&per_buyer),
            "a buyer comes back now and then: {per_buyer}"
        );
        for r in &a.receipts {
            let c = a.contracts.iter().find(|c| c.id == r.contract_id).unwrap();
            assert!(
                r.received_on >= c.signed_on,
                "nothing is paid before it is signed"
            );
        }
        for c in &a.contracts {
            let lines: i64 = a.lines.iter().filter(|l| l.0 == c.id).map(|l| l.7).sum();
            assert_eq!(lines, c.amount, "contract {} is its lines", c.number);
            let plan: i64 = a
                .installments
                .iter()
                .filter(|i| i.contract_id == c.id)
                .map(|i| i.amount)
                .sum();
            assert_eq!(plan, c.amount, "the plan asks for the whole contract");
        }
        for r in &a.receipts {
            let i = a
                .installments
                .iter()
                .find(|i| i.id == r.installment_id)
                .unwrap();
            assert_eq!(i.received, r.amount);
            assert!(r.amount <= i.amount);
        }
        let numbers: std::collections::HashSet<&str> =
            a.contracts.iter().map(|c| c.number.as_str()).collect();
        assert_eq!(numbers.len(), a.contracts.len(), "numbers are unique");
    }

    #[test]
    fn the_small_pdf_is_a_pdf() {
        let pdf = small_pdf("HT-2026-0001");
        assert!(pdf.starts_with(b"%PDF-1.4"));
        assert!(pdf.ends_with(b"%%EOF\n"));
    }
}
