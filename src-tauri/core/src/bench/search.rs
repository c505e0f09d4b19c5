//! Search figures: queries cut from the store's own names and numbers, each timed through the real search,
//! beside the naive `LIKE '%q%'` scan a quick implementation would use.

use std::time::Instant;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::{ms, p95, Figure};
use crate::error::Result;
use crate::search::{fold, search, MAX_HITS};
use crate::store::Store;

/// How many queries each search figure is measured over, and how many the slow baseline gets.
const QUERIES: usize = 200;
const BASELINE_QUERIES: usize = 3;

struct Kind {
    name: &'static str,
    /// What the baseline scans with LIKE: names, or phone numbers.
    like_numbers: bool,
}

const KINDS: [Kind; 5] = [
    Kind {
        name: "cjk2",
        like_numbers: false,
    },
    Kind {
        name: "cjk4",
        like_numbers: false,
    },
    Kind {
        name: "pinyin_initials",
        like_numbers: false,
    },
    Kind {
        name: "pinyin_full",
        like_numbers: false,
    },
    Kind {
        name: "phone4",
        like_numbers: true,
    },
];

/// p95 of every search kind, its LIKE baseline, and how many queries found nothing (should be none: every
/// query is cut from a record that exists).
pub async fn search_figures(store: &Store, seed: u64) -> Result<Vec<Figure>> {
    let samples = sample_records(store, seed, QUERIES).await?;
    let mut out = Vec::new();
    for kind in KINDS {
        let queries: Vec<String> = samples
            .iter()
            .filter_map(|r| query_of(kind.name, r))
            .collect();
        let mut times = Vec::with_capacity(queries.len());
        let mut misses = 0;
        for q in &queries {
            let t = Instant::now();
            let hits = search(store, q, MAX_HITS).await?;
            times.push(ms(t.elapsed()));
            misses += hits.is_empty() as usize;
        }
        out.push(Figure::new(
            &format!("search.{}_p95_ms", kind.name),
            p95(times),
            "ms",
        ));
        out.push(Figure::new(
            &format!("search.{}_misses", kind.name),
            misses as f64,
            "queries",
        ));
        let mut like = Vec::new();
        for q in queries.iter().take(BASELINE_QUERIES) {
            let t = Instant::now();
            like_scan(store, q, kind.like_numbers).await?;
            like.push(ms(t.elapsed()));
        }
        out.push(Figure::new(
            &format!("search.{}_like_baseline_p95_ms", kind.name),
            p95(like),
            "ms",
        ));
    }
    Ok(out)
}

struct Sample {
    company: String,
    person: String,
    mobile: String,
}

/// Random live customers (companies) and contacts, spread over the whole book.
async fn sample_records(store: &Store, seed: u64, n: usize) -> Result<Vec<Sample>> {
    let max: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM contacts")
        .fetch_one(store.read())
        .await?;
    let mut rng = StdRng::seed_from_u64(seed);
    let mut out = Vec::with_capacity(n);
    let mut attempts = 0;
    while out.len() < n && attempts < n * 50 && max > 0 {
        attempts += 1;
        // Two lookups by primary key: a join here may lead SQLite to walk the customers instead.
        let contact: Option<(i64, String, Option<String>)> = sqlx::query_as(
            "SELECT customer_id, name, mobile FROM contacts WHERE id >= ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
        )
        .bind(rng.gen_range(1..=max))
        .fetch_optional(store.read())
        .await?;
        let Some((customer_id, person, Some(mobile))) = contact else {
            continue;
        };
        let company: Option<String> = sqlx::query_scalar(
            "SELECT name FROM customers WHERE id = ? AND deleted_at IS NULL AND kind = 'company'",
        )
        .bind(customer_id)
        .fetch_optional(store.read())
        .await?;
        if let Some(company) = company {
            out.push(Sample {
                company,
                person,
                mobile,
            });
        }
    }
    Ok(out)
}

/// The query of one kind cut from a sample: two or four characters from the middle of a company name
/// (past the city, where the brand is), a person's pinyin initials or full pinyin, four digits of a mobile.
fn query_of(kind: &str, s: &Sample) -> Option<String> {
    let company: Vec<char> = fold(&s.company).chars().collect();
    let person: Vec<char> = fold(&s.person).chars().collect();
    let spell = |c: &char| crate::search::columns_spelling(*c);
    match kind {
        "cjk2" => company.get(2..4).map(|c| c.iter().collect()),
        "cjk4" => company.get(2..6).map(|c| c.iter().collect()),
        "pinyin_initials" => Some(person.iter().map(|c| spell(c)[..1].to_string()).collect()),
        "pinyin_full" => Some(person.iter().map(spell).collect()),
        "phone4" => s.mobile.get(3..7).map(str::to_string),
        _ => None,
    }
}

/// The naive search: scan every customer and contact with LIKE and rank with CASE. NOT INDEXED keeps it a
/// straight table scan: through a partial index SQLite would fetch every row by id, decrypting pages over
/// and over (55 s at 1M instead of seconds).
async fn like_scan(store: &Store, q: &str, numbers: bool) -> Result<usize> {
    let (a, b) = if numbers {
        (
            "coalesce(mobile, '') || ' ' || coalesce(phone, '')",
            "coalesce(mobile, '') || ' ' || coalesce(phone, '')",
        )
    } else {
        ("name", "name")
    };
    let sql = format!(
        "SELECT kind, id FROM ( \
           SELECT 0 AS kind, id, {a} AS v FROM customers NOT INDEXED WHERE deleted_at IS NULL AND {a} LIKE '%' || ?1 || '%' \
           UNION ALL \
           SELECT 1, id, {b} FROM contacts NOT INDEXED WHERE deleted_at IS NULL AND {b} LIKE '%' || ?1 || '%') \
         ORDER BY CASE WHEN v = ?1 THEN 0 WHEN v LIKE ?1 || '%' THEN 1 ELSE 2 END, id DESC LIMIT 50"
    );
    let rows: Vec<(i64, i64)> = sqlx::query_as(&sql).bind(q).fetch_all(store.read()).await?;
    Ok(rows.len())
}
