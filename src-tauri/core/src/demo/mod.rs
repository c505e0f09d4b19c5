//! Realistic, deterministic demo data (Chinese companies and people, regions, valid codes) for trying the
//! app and for benchmarks. Writes only through the customer store.

mod buying;
mod money;
mod vocabulary;

pub use money::small_pdf;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::contact::{Gender, ValidContact};
use crate::customer::{CustomerKind, CustomerLevel, LifecycleStatus, NewRow, ValidCustomer};
use crate::error::Result;
use crate::field::Uscc;
use crate::follow_up::{FollowUpKind, ValidFollowUp};
use crate::store::Store;
use vocabulary::*;

const USCC_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Makes customers `first_id..first_id + count`; the same seed and ids always give the same customers.
#[derive(Debug, Clone, Copy)]
pub struct Generator {
    seed: u64,
    now_ms: i64,
}

/// At most this many contacts per demo customer; contact ids are laid out in blocks of this size.
pub const MAX_CONTACTS: i64 = 4;

/// One generated customer with its id and times.
pub struct DemoCustomer {
    pub id: i64,
    pub customer: ValidCustomer,
    pub created_at: i64,
    pub updated_at: i64,
    /// The days (since 1970-01-01, China time) the customer buys on: one contract each.
    pub purchases: Vec<i32>,
}

/// A generated follow-up with its time.
pub struct DemoFollowUp {
    pub follow_up: ValidFollowUp,
    pub happened_at: i64,
}

fn pick<'a, T: ?Sized>(rng: &mut StdRng, items: &'a [&'a T]) -> &'a T {
    items[rng.gen_range(0..items.len())]
}

impl Generator {
    pub fn new(seed: u64, now_ms: i64) -> Self {
        Generator { seed, now_ms }
    }

    /// The customer with this id. Each id has its own random stream, so batches can be made in any order.
    pub fn customer(&self, id: i64) -> DemoCustomer {
        let mut rng =
            StdRng::seed_from_u64(self.seed ^ (id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let region = REGIONS[rng.gen_range(0..REGIONS.len())];
        let company = rng.gen_bool(0.8);
        let surname_i = rng.gen_range(0..SURNAMES.len());
        let person = format!("{}{}", SURNAMES[surname_i].0, pick(&mut rng, GIVEN_NAMES));
        let name = if company {
            let city_short = region.1.trim_end_matches('市');
            let city_short = if city_short == "市辖区" {
                region.0.trim_end_matches('市')
            } else {
                city_short
            };
            let brand = format!(
                "{}{}",
                pick(&mut rng, BRAND_CHARS),
                pick(&mut rng, BRAND_CHARS)
            );
            format!(
                "{city_short}{brand}{}{}",
                pick(&mut rng, TRADES),
                pick(&mut rng, COMPANY_SUFFIXES)
            )
        } else {
            person.clone()
        };
        let uscc = company.then(|| uscc_for(id, region.3, &mut rng));
        let mobile = format!(
            "1{}{:09}",
            rng.gen_range(3..=9),
            rng.gen_range(0..1_000_000_000u32)
        );
        let email = if company {
            format!(
                "{}{}@{}",
                pick(&mut rng, MAIL_LOCAL),
                id,
                pick(&mut rng, MAIL_DOMAINS)
            )
        } else {
            format!(
                "{}{}@{}",
                SURNAMES[surname_i].1,
                id,
                pick(&mut rng, MAIL_DOMAINS)
            )
        };
        let status = match rng.gen_range(0..100) {
            0..=34 => LifecycleStatus::Potential,
            35..=59 => LifecycleStatus::Intent,
            60..=89 => LifecycleStatus::Deal,
            _ => LifecycleStatus::Lost,
        };
        let level = match rng.gen_range(0..10) {
            0..=1 => Some(CustomerLevel::A),
            2..=5 => Some(CustomerLevel::B),
            6..=8 => Some(CustomerLevel::C),
            _ => None,
        };
        let mut tags: Vec<String> = Vec::new();
        for _ in 0..rng.gen_range(0..=3) {
            let t = pick(&mut rng, TAGS).to_string();
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
        let three_years = 3 * 365 * 24 * 3600 * 1000i64;
        let created_at = self.now_ms - rng.gen_range(0..three_years);
        let updated_at = created_at + rng.gen_range(0..=(self.now_ms - created_at));
        let area = rng.gen_range(10..99);
        let customer = ValidCustomer {
            phone: company.then(|| {
                format!(
                    "{}-{}{:07}",
                    region.4,
                    rng.gen_range(5..9),
                    rng.gen_range(0..10_000_000)
                )
            }),
            address: Some(format!(
                "{}{}{}号",
                region.2,
                pick(&mut rng, STREETS),
                area * 3 + 1
            )),
            website: (company && rng.gen_bool(0.3))
                .then(|| format!("www.{}{}.cn", pick(&mut rng, MAIL_LOCAL), id)),
            industry: Some(pick(&mut rng, INDUSTRIES).to_string()),
            source: Some(pick(&mut rng, SOURCES).to_string()),
            province: Some(region.0.to_string()),
            city: Some(region.1.to_string()),
            district: Some(region.2.to_string()),
            mobile: Some(mobile),
            email: Some(email),
            kind: if company {
                CustomerKind::Company
            } else {
                CustomerKind::Individual
            },
            invoice_title: company.then(|| name.clone()),
            tax_number: uscc.clone(),
            bank_name: company.then(|| format!("{}{}支行", pick(&mut rng, BANKS), region.2)),
            bank_account: company
                .then(|| format!("6222{:015}", rng.gen_range(0..1_000_000_000_000_000u64))),
            touch_every_days: (company && rng.gen_bool(0.05))
                .then(|| [14, 30, 60, 90][rng.gen_range(0..4)]),
            preference: None,
            notes: rng
                .gen_bool(0.2)
                .then(|| format!("联系人：{person}。{}", pick(&mut rng, NOTES))),
            name,
            uscc,
            level,
            status,
            tags,
        };
        // When it buys, and the status that follows: a buyer is 成交, one that stopped long ago now and
        // then 流失; a customer that never bought cannot be 成交.
        let day_of = |ms: i64| ((ms + 8 * 3_600_000).div_euclid(86_400_000)) as i32;
        let purchases =
            buying::purchase_days(self.seed, id, day_of(created_at), day_of(self.now_ms));
        let mut customer = customer;
        customer.status = match purchases.last() {
            Some(last) if day_of(self.now_ms) - last > 540 && id % 3 == 0 => LifecycleStatus::Lost,
            Some(_) => LifecycleStatus::Deal,
            None if customer.status == LifecycleStatus::Deal => {
                if id % 2 == 0 {
                    LifecycleStatus::Intent
                } else {
                    LifecycleStatus::Potential
                }
            }
            None => customer.status,
        };
        // Some owners rate how much a customer prefers them (偏好), where no visit recorded it.
        let mut rated =
            StdRng::seed_from_u64(self.seed ^ (id as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
        customer.preference = rated
            .gen_bool(0.12)
            .then(|| [5, 4, 4, 3, 3, 2][rated.gen_range(0..6)]);
        DemoCustomer {
            id,
            customer,
            created_at,
            updated_at,
            purchases,
        }
    }

    /// The contacts of a generated customer (two on average): the person of an individual, one to four
    /// people of a company, the first of them primary.
    pub fn contacts(&self, customer: &DemoCustomer) -> Vec<ValidContact> {
        let mut rng = StdRng::seed_from_u64(
            self.seed ^ (customer.id as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F),
        );
        let n = match customer.customer.kind {
            CustomerKind::Individual => 1,
            CustomerKind::Company => rng.gen_range(1..=3) + rng.gen_bool(0.25) as usize,
        };
        (0..n)
            .map(|k| {
                let individual = customer.customer.kind == CustomerKind::Individual;
                let s = SURNAMES[rng.gen_range(0..SURNAMES.len())];
                let name = if individual {
                    customer.customer.name.clone()
                } else {
                    format!("{}{}", s.0, pick(&mut rng, GIVEN_NAMES))
                };
                let birthday = rng.gen_bool(0.6).then(|| {
                    let y = rng.gen_range(1960..=2000);
                    let m = rng.gen_range(1..=12);
                    let d = rng.gen_range(1..=28);
                    format!("{y:04}-{m:02}-{d:02}")
                });
                ValidContact {
                    name,
                    title: (!individual).then(|| pick(&mut rng, TITLES).to_string()),
                    department: (!individual && rng.gen_bool(0.6))
                        .then(|| pick(&mut rng, DEPARTMENTS).to_string()),
                    mobile: Some(format!(
                        "1{}{:09}",
                        rng.gen_range(3..=9),
                        rng.gen_range(0..1_000_000_000u32)
                    )),
                    phone: (!individual && rng.gen_bool(0.3))
                        .then(|| customer.customer.phone.clone())
                        .flatten(),
                    email: rng.gen_bool(0.5).then(|| {
                        format!(
                            "{}{}{}@{}",
                            s.1,
                            customer.id,
                            k,
                            pick(&mut rng, MAIL_DOMAINS)
                        )
                    }),
                    wechat: rng
                        .gen_bool(0.4)
                        .then(|| format!("wx_{}{}", s.1, rng.gen_range(1000..99999))),
                    birthday_lunar: birthday.is_some() && rng.gen_bool(0.1),
                    birthday,
                    gender: Some(if rng.gen_bool(0.5) {
                        Gender::Male
                    } else {
                        Gender::Female
                    }),
                    notes: None,
                    is_primary: k == 0,
                }
            })
            .collect()
    }

    /// The follow-ups of a generated customer, oldest first: none to four (one and a half on average), the
    /// latest asking for a next follow-up within a month either side of today half the time.
    pub fn follow_ups(&self, customer: &DemoCustomer) -> Vec<DemoFollowUp> {
        let mut rng = StdRng::seed_from_u64(
            self.seed ^ (customer.id as u64).wrapping_mul(0x1656_67B1_9E37_79F9),
        );
        let n = [0, 0, 1, 1, 2, 2, 3, 4][rng.gen_range(0..8)];
        let span = (self.now_ms - customer.created_at).max(1);
        let mut times: Vec<i64> = (0..n)
            .map(|_| customer.created_at + rng.gen_range(0..span))
            .collect();
        times.sort_unstable();
        let kinds = [
            FollowUpKind::Call,
            FollowUpKind::Visit,
            FollowUpKind::Wechat,
            FollowUpKind::Email,
            FollowUpKind::Meeting,
            FollowUpKind::Other,
        ];
        let china_today = chrono::DateTime::from_timestamp_millis(self.now_ms + 8 * 3_600_000)
            .unwrap_or_default()
            .date_naive();
        let last = times.len().saturating_sub(1);
        times
            .into_iter()
            .enumerate()
            .map(|(i, happened_at)| {
                let next_date = (i == last && rng.gen_bool(0.5)).then(|| {
                    (china_today + chrono::Duration::days(rng.gen_range(-30..=30)))
                        .format("%Y-%m-%d")
                        .to_string()
                });
                DemoFollowUp {
                    follow_up: ValidFollowUp {
                        kind: kinds[rng.gen_range(0..kinds.len())],
                        happened_at: Some(happened_at),
                        contact_id: None,
                        content: pick(&mut rng, FOLLOW_UP_NOTES).to_string(),
                        outcome: rng
                            .gen_bool(0.6)
                            .then(|| pick(&mut rng, FOLLOW_UP_OUTCOMES).to_string()),
                        next_date,
                        // About a third of calls and visits end with how satisfied the customer was,
                        // mostly content, now and then not.
                        satisfaction: rng
                            .gen_bool(0.35)
                            .then(|| [5, 5, 4, 4, 4, 3, 3, 2, 1][rng.gen_range(0..9)]),
                    },
                    happened_at,
                }
            })
            .collect()
    }

    /// A batch of customers with their contacts and follow-ups, made off the writer's thread (the load
    /// indexes them for search at its end).
    fn batch(
        &self,
        ids: std::ops::Range<i64>,
        first_customer: i64,
        first_contact: i64,
    ) -> DemoBatch {
        let customers: Vec<DemoCustomer> = ids.map(|id| self.customer(id)).collect();
        let mut contacts = Vec::new();
        let mut follow_ups = Vec::new();
        let mut touch: Vec<(Option<String>, Option<i64>)> = Vec::new();
        for d in &customers {
            let made = self.follow_ups(d);
            let latest = made
                .last()
                .map(|f| (f.follow_up.next_date.clone(), f.happened_at));
            touch.push(
                latest
                    .clone()
                    .map_or((None, None), |(next, at)| (next, Some(at))),
            );
            for f in made {
                follow_ups.push(crate::follow_up::NewFollowUp {
                    customer_id: d.id,
                    follow_up: f.follow_up,
                    happened_at: f.happened_at,
                });
            }
            for (k, contact) in self.contacts(d).into_iter().enumerate() {
                let id = first_contact + (d.id - first_customer) * MAX_CONTACTS + k as i64;
                contacts.push(crate::contact::NewContact {
                    id,
                    customer_id: d.id,
                    contact,
                    created_at: d.created_at,
                });
            }
        }
        DemoBatch {
            customers,
            contacts,
            follow_ups,
            touch,
        }
    }

    /// Adds `count` customers after the store's largest id with everything a book holds: contacts,
    /// follow-ups and search tokens (one transaction), then products, contracts, plans, receipts and a few
    /// documents (a second one). `progress(done)` is called after each batch of either.
    pub async fn fill(
        &self,
        store: &Store,
        count: u64,
        mut progress: impl FnMut(u64),
    ) -> Result<()> {
        let first = store.customers().max_id().await? + 1;
        self.fill_customers(store, count, &mut progress).await?;
        self.fill_money(store, first, count, progress).await?;
        Ok(())
    }

    /// Adds `count` customers after the store's largest id in one transaction, calling `progress(done)`
    /// after each batch. Indexes are rebuilt at the end when the load is at least as large as the store.
    /// The next batch is generated on another thread while the current one is written. Returns where
    /// the load's time went.
    pub async fn fill_customers(
        &self,
        store: &Store,
        count: u64,
        mut progress: impl FnMut(u64),
    ) -> Result<crate::bulk::LoadTimes> {
        const BATCH: u64 = 10_000;
        let first = store.customers().max_id().await? + 1;
        let first_contact = store.contacts().max_id().await? + 1;
        let generator = *self;
        let make = move |from: u64, n: u64| {
            tokio::task::spawn_blocking(move || {
                generator.batch(
                    first + from as i64..first + (from + n) as i64,
                    first,
                    first_contact,
                )
            })
        };
        let mut load = store.customers().bulk(count as i64 >= first - 1).await?;
        let mut next = (count > 0).then(|| make(0, BATCH.min(count)));
        let mut done = 0u64;
        while let Some(batch) = next.take() {
            let made = batch
                .await
                .map_err(|e| crate::CoreError::Internal(e.to_string()))?;
            done += made.customers.len() as u64;
            if done < count {
                next = Some(make(done, BATCH.min(count - done)));
            }
            let rows: Vec<NewRow> = made
                .customers
                .iter()
                .zip(&made.touch)
                .map(|(d, (next, last))| NewRow {
                    id: Some(d.id),
                    customer: &d.customer,
                    created_at: d.created_at,
                    updated_at: d.updated_at,
                    next_follow_up: next.clone(),
                    last_follow_up_at: *last,
                })
                .collect();
            load.add(&rows).await?;
            load.add_contacts(&made.contacts).await?;
            load.add_follow_ups(&made.follow_ups).await?;
            progress(done);
        }
        load.finish().await
    }
}

struct DemoBatch {
    customers: Vec<DemoCustomer>,
    contacts: Vec<crate::contact::NewContact>,
    follow_ups: Vec<crate::follow_up::NewFollowUp>,
    /// Each customer's next follow-up date and last follow-up time, from its follow-ups.
    touch: Vec<(Option<String>, Option<i64>)>,
}

/// A valid, unique 统一社会信用代码: 9 (工商) 1 (企业), the region code, an organization code made
/// from the id (so no two demo customers share one), and the check character.
fn uscc_for(id: i64, region_code: &str, rng: &mut StdRng) -> String {
    let mut org = String::with_capacity(9);
    let mut n = id as u64;
    for _ in 0..8 {
        org.insert(0, USCC_ALPHABET[(n % 31) as usize] as char);
        n /= 31;
    }
    org.push(USCC_ALPHABET[rng.gen_range(0..10)] as char);
    Uscc::complete(&format!("91{region_code}{org}"))
        .expect("17 valid characters")
        .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customer::CustomerInput;

    #[test]
    fn the_same_seed_gives_the_same_customers() {
        let a = Generator::new(7, 1_700_000_000_000).customer(42);
        let b = Generator::new(7, 1_700_000_000_000).customer(42);
        assert_eq!(a.customer, b.customer);
        assert_ne!(
            a.customer,
            Generator::new(8, 1_700_000_000_000).customer(42).customer,
            "another seed, another book"
        );
    }

    #[test]
    fn every_demo_customer_passes_the_same_rules_as_the_form() {
        let g = Generator::new(1, 1_700_000_000_000);
        for id in 1..2_000 {
            let c = g.customer(id).customer;
            let again = CustomerInput::from(&c)
                .validate()
                .unwrap_or_else(|e| panic!("customer {id} {c:?}: {e}"));
            assert_eq!(again, c, "validation leaves demo data as it is");
        }
    }

    #[test]
    fn demo_codes_are_unique() {
        let g = Generator::new(1, 1_700_000_000_000);
        let mut seen = std::collections::HashSet::new();
        for id in 1..20_000 {
            if let Some(u) = g.customer(id).customer.uscc {
                assert!(seen.insert(u), "customer {id} repeats a code");
            }
        }
    }
}
