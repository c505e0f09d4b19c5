//! RFM: for the customers who bought in the window (the settings' days up to the as-of day), R = days
//! since the last purchase, F = purchases, M = amount; each scored 1–5 and the customers put in the eight
//! segments every Chinese RFM tool uses (重要价值 … 一般挽留客户; high = a score of 3 or more).
//!
//! Scores come from the book's quintiles (nearest rank; a value on a break goes to the lower score).
//! Where there are fewer than 50 purchasers, or ties make the breaks of R or F repeat (most customers buy
//! once), R and F use fixed breaks instead (R ≤ 30 / 90 / 180 / 365 / more days; F 1 / 2 / 3–4 / 5–9 /
//! 10+) and M keeps the book's quintiles of amount; the report says which was used.

use super::history::{self, day_number};
use super::model::{Cell, ColumnKind, DrillKind, Report, ReportName, ReportQuery};
use super::period::Period;
use super::table::{customer_names, segments, Table};
use super::{common, Context};
use crate::error::Result;

/// How the scores were made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scoring {
    Quintiles,
    FixedBreaks,
}

/// One purchaser's R (days), F (purchases) and M (分) in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Rfm {
    pub customer_id: i64,
    pub recency: i64,
    pub frequency: i64,
    pub monetary: i64,
}

/// One purchaser's scores and segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Scored {
    pub r: u8,
    pub f: u8,
    pub m: u8,
    pub segment: &'static str,
}

/// The eight segments, in the order reports list them: (key, R high, F high, M high).
pub(super) const SEGMENTS: [(&str, bool, bool, bool); 8] = [
    ("importantValue", true, true, true),
    ("importantDevelop", true, false, true),
    ("importantKeep", false, true, true),
    ("importantRetain", false, false, true),
    ("generalValue", true, true, false),
    ("generalDevelop", true, false, false),
    ("generalKeep", false, true, false),
    ("generalRetain", false, false, false),
];

/// The 20th, 40th, 60th and 80th percentiles of `values` by nearest rank.
pub(super) fn quintile_breaks(values: &[i64]) -> [i64; 4] {
    let mut v = values.to_vec();
    v.sort_unstable();
    let n = v.len();
    let at = |p: f64| {
        if n == 0 {
            0
        } else {
            v[((p * n as f64).ceil() as usize).clamp(1, n) - 1]
        }
    };
    [at(0.2), at(0.4), at(0.6), at(0.8)]
}

fn strictly_increasing(b: &[i64; 4]) -> bool {
    b.windows(2).all(|w| w[0] < w[1])
}

/// A score where more is better: one more for each break the value is above.
fn score_up(v: i64, breaks: &[i64; 4]) -> u8 {
    1 + breaks.iter().filter(|b| v > **b).count() as u8
}

/// A score where less is better (recency).
fn score_down(v: i64, breaks: &[i64; 4]) -> u8 {
    5 - breaks.iter().filter(|b| v > **b).count() as u8
}

fn fixed_recency(days: i64) -> u8 {
    match days {
        d if d <= 30 => 5,
        d if d <= 90 => 4,
        d if d <= 180 => 3,
        d if d <= 365 => 2,
        _ => 1,
    }
}

fn fixed_frequency(n: i64) -> u8 {
    match n {
        n if n <= 1 => 1,
        2 => 2,
        3 | 4 => 3,
        5..=9 => 4,
        _ => 5,
    }
}

/// Scores and segments of every purchaser, and how the scores were made.
pub(super) fn score(rows: &[Rfm]) -> (Vec<Scored>, Scoring) {
    let r: Vec<i64> = rows.iter().map(|x| x.recency).collect();
    let f: Vec<i64> = rows.iter().map(|x| x.frequency).collect();
    let m: Vec<i64> = rows.iter().map(|x| x.monetary).collect();
    let (rb, fb, mb) = (
        quintile_breaks(&r),
        quintile_breaks(&f),
        quintile_breaks(&m),
    );
    let scoring = if rows.len() >= 50 && strictly_increasing(&rb) && strictly_increasing(&fb) {
        Scoring::Quintiles
    } else {
        Scoring::FixedBreaks
    };
    let scored = rows
        .iter()
        .map(|x| {
            let (rs, fs) = match scoring {
                Scoring::Quintiles => (score_down(x.recency, &rb), score_up(x.frequency, &fb)),
                Scoring::FixedBreaks => (fixed_recency(x.recency), fixed_frequency(x.frequency)),
            };
            let ms = score_up(x.monetary, &mb);
            let segment = SEGMENTS
                .iter()
                .find(|(_, rh, fh, mh)| *rh == (rs >= 3) && *fh == (fs >= 3) && *mh == (ms >= 3))
                .map(|s| s.0)
                .unwrap_or("generalRetain");
            Scored {
                r: rs,
                f: fs,
                m: ms,
                segment,
            }
        })
        .collect();
    (scored, scoring)
}

/// R, F and M of every customer (passing the query's filters) who bought in `window`.
pub(super) async fn purchasers(
    ctx: &Context<'_>,
    q: &ReportQuery,
    window: Period,
) -> Result<Vec<Rfm>> {
    let histories = history::load(ctx, &q.filters, window.to).await?;
    let (from, to) = (day_number(window.from), day_number(window.to));
    Ok(histories
        .iter()
        .filter_map(|p| {
            let (n, amount, last) = p.within(from, to);
            last.map(|last| Rfm {
                customer_id: p.customer_id,
                recency: (to - last) as i64,
                frequency: n as i64,
                monetary: amount,
            })
        })
        .collect())
}

pub(super) async fn run(ctx: &Context<'_>, q: &ReportQuery) -> Result<Report> {
    let as_of = ctx.as_of(q)?;
    let window = Period::ending(as_of, ctx.settings.window_days as i64);
    let limit = q.limit.map(|l| l as usize).unwrap_or(usize::MAX);
    let mut report = common::report(ctx, ReportName::Rfm, q, Some(window), None);
    let rows = purchasers(ctx, q, window).await?;
    ctx.check()?;
    let (scored, scoring) = score(&rows);
    let scoring_key = match scoring {
        Scoring::Quintiles => "quintiles",
        Scoring::FixedBreaks => "fixed",
    };
    report.scoring = Some(scoring_key.into());
    if !rows.is_empty() {
        report.notes.push(ctx.t(&format!("note.rfm.{scoring_key}")));
    }
    let placed: Vec<(&Rfm, &Scored)> = rows.iter().zip(&scored).collect();
    let keys: Vec<&str> = SEGMENTS.iter().map(|s| s.0).collect();
    let (table, sizes) = segments(
        ctx,
        ("segments", "segment"),
        &keys,
        &placed,
        |(r, s)| (s.segment, r.monetary),
        &[
            ("averageRecency", ColumnKind::Number),
            ("averageFrequency", ColumnKind::Number),
        ],
        |_, inside| {
            let mean = |f: fn(&Rfm) -> i64| match inside.len() {
                0 => Cell::Empty,
                n => Cell::float(inside.iter().map(|(r, _)| f(r) as f64).sum::<f64>() / n as f64),
            };
            vec![mean(|r| r.recency), mean(|r| r.frequency)]
        },
    );
    report.sections.push(table);
    report.segments = Some(sizes);

    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|a, b| {
        rows[*b]
            .monetary
            .cmp(&rows[*a].monetary)
            .then(rows[*a].customer_id.cmp(&rows[*b].customer_id))
    });
    let shown: Vec<i64> = order
        .iter()
        .take(limit)
        .map(|i| rows[*i].customer_id)
        .collect();
    let mut conn = ctx.store.read().acquire().await?;
    let names = customer_names(&mut conn, &shown).await?;
    let mut t = Table::new(ctx, "rfmCustomers")
        .col(ctx, "customer", ColumnKind::Text)
        .col(ctx, "recency", ColumnKind::Count)
        .col(ctx, "frequency", ColumnKind::Count)
        .col(ctx, "monetary", ColumnKind::Money)
        .col(ctx, "rScore", ColumnKind::Count)
        .col(ctx, "fScore", ColumnKind::Count)
        .col(ctx, "mScore", ColumnKind::Count)
        .col(ctx, "segment", ColumnKind::Text)
        .drill(DrillKind::Customers);
    for i in order.iter().take(limit) {
        let (r, s) = (&rows[*i], &scored[*i]);
        t.row(
            Some(format!("customer:{}", r.customer_id)),
            vec![
                Cell::text(names.get(&r.customer_id).cloned().unwrap_or_default()),
                Cell::Int(r.recency),
                Cell::Int(r.frequency),
                Cell::Int(r.monetary),
                Cell::Int(s.r as i64),
                Cell::Int(s.f as i64),
                Cell::Int(s.m as i64),
                Cell::text(ctx.t(&format!("segment.{}", s.segment))),
            ],
        );
    }
    if rows.len() > limit {
        t = t.total_rows(rows.len() as i64);
    }
    report.sections.push(t.done());
    report.empty = rows.is_empty();
    Ok(report)
}

/// The customers of segment `key` for the query (drill-down and bulk actions).
pub(super) async fn members(ctx: &Context<'_>, q: &ReportQuery, key: &str) -> Result<Vec<i64>> {
    let as_of = ctx.as_of(q)?;
    let window = Period::ending(as_of, ctx.settings.window_days as i64);
    let rows = purchasers(ctx, q, window).await?;
    let (scored, _) = score(&rows);
    Ok(rows
        .iter()
        .zip(&scored)
        .filter(|(_, s)| s.segment == key)
        .map(|(r, _)| r.customer_id)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, recency: i64, frequency: i64, monetary: i64) -> Rfm {
        Rfm {
            customer_id: id,
            recency,
            frequency,
            monetary,
        }
    }

    #[test]
    fn quintile_breaks_are_nearest_rank_percentiles() {
        // 1..=10: the 20th percentile is the 2nd value, the 40th the 4th, …
        assert_eq!(quintile_breaks(&(1..=10).collect::<Vec<_>>()), [2, 4, 6, 8]);
        assert_eq!(quintile_breaks(&[7]), [7, 7, 7, 7]);
    }

    #[test]
    fn a_book_of_fifty_distinct_purchasers_is_scored_by_quintiles() {
        // Customer i: bought i days ago, i times, for i×100 元.
        let rows: Vec<Rfm> = (1..=50).map(|i| row(i, i, i, i * 10_000)).collect();
        let (scored, how) = score(&rows);
        assert_eq!(how, Scoring::Quintiles);
        // Breaks at 10, 20, 30, 40: customer 1 is the most recent (R 5) but buys least (F 1, M 1).
        assert_eq!((scored[0].r, scored[0].f, scored[0].m), (5, 1, 1));
        assert_eq!(
            scored[0].segment, "generalDevelop",
            "recent, rare, small: 一般发展"
        );
        // Customer 10 sits on the first break: it goes to the lower score of F and M, the higher of R.
        assert_eq!((scored[9].r, scored[9].f, scored[9].m), (5, 1, 1));
        assert_eq!((scored[10].r, scored[10].f, scored[10].m), (4, 2, 2));
        // Customer 50: long ago, often, much: 重要保持.
        assert_eq!((scored[49].r, scored[49].f, scored[49].m), (1, 5, 5));
        assert_eq!(scored[49].segment, "importantKeep");
        // Customer 25: R 3, F 3, M 3: all high, 重要价值.
        assert_eq!(scored[24].segment, "importantValue");
    }

    #[test]
    fn ties_in_frequency_switch_to_the_fixed_breaks_and_keep_m_quintiles() {
        // Sixty customers who each bought once: F's quintile breaks are all 1.
        let rows: Vec<Rfm> = (1..=60).map(|i| row(i, i * 7, 1, i * 1_000)).collect();
        let (scored, how) = score(&rows);
        assert_eq!(how, Scoring::FixedBreaks);
        assert_eq!(scored[3].r, 5, "28 days ago: R ≤ 30");
        assert_eq!(scored[4].r, 4, "35 days ago: R ≤ 90");
        assert_eq!(scored[59].r, 1, "420 days ago: over 365");
        assert!(scored.iter().all(|s| s.f == 1), "one purchase is F 1");
        assert_eq!(
            (scored[0].m, scored[59].m),
            (1, 5),
            "M still by quintiles of amount"
        );
    }

    #[test]
    fn a_small_book_uses_the_fixed_breaks() {
        let rows = vec![
            row(1, 10, 12, 900_000),
            row(2, 100, 4, 50_000),
            row(3, 400, 2, 20_000),
            row(4, 200, 6, 10_000),
            row(5, 60, 1, 5_000),
        ];
        let (scored, how) = score(&rows);
        assert_eq!(
            how,
            Scoring::FixedBreaks,
            "five purchasers are fewer than fifty"
        );
        let rf: Vec<(u8, u8)> = scored.iter().map(|s| (s.r, s.f)).collect();
        assert_eq!(rf, [(5, 5), (3, 3), (1, 2), (2, 4), (4, 1)]);
        // M by the book's quintiles of amount: breaks at 50, 100, 200 and 500 元.
        let m: Vec<u8> = scored.iter().map(|s| s.m).collect();
        assert_eq!(m, [5, 4, 3, 2, 1]);
        let segments: Vec<&str> = scored.iter().map(|s| s.segment).collect();
        assert_eq!(
            segments,
            [
                "importantValue",
                "importantValue",
                "importantRetain",
                "generalKeep",
                "generalDevelop"
            ]
        );
    }
}
