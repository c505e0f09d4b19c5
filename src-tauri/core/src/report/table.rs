//! Building a report's tables: columns named in the report's language, rows, totals and a chart hint,
//! and the few helpers every report shares (changes, shares, names of customers and products).

use std::collections::HashMap;

use sqlx::SqliteConnection;

use super::model::{Cell, Chart, ChartKind, Column, ColumnKind, DrillKind, Kpi, Row, Section};
use super::Context;
use crate::error::Result;

/// A table being built.
pub(super) struct Table {
    section: Section,
}

impl Table {
    /// A table titled by `section.<key>`.
    pub fn new(ctx: &Context<'_>, key: &str) -> Table {
        Table {
            section: Section {
                key: key.to_string(),
                title: ctx.t(&format!("section.{key}")),
                columns: Vec::new(),
                rows: Vec::new(),
                totals: None,
                chart: None,
                drill: None,
                total_rows: None,
            },
        }
    }

    /// A column headed by `col.<key>`.
    pub fn col(mut self, ctx: &Context<'_>, key: &str, kind: ColumnKind) -> Table {
        self.section.columns.push(Column {
            key: key.to_string(),
            label: ctx.t(&format!("col.{key}")),
            kind,
        });
        self
    }

    pub fn chart(mut self, kind: ChartKind, category: usize, series: &[usize]) -> Table {
        self.section.chart = Some(Chart {
            kind,
            category,
            series: series.to_vec(),
            secondary: Vec::new(),
        });
        self
    }

    pub fn drill(mut self, kind: DrillKind) -> Table {
        self.section.drill = Some(kind);
        self
    }

    pub fn row(&mut self, key: Option<String>, cells: Vec<Cell>) {
        debug_assert_eq!(cells.len(), self.section.columns.len());
        self.section.rows.push(Row { key, cells });
    }

    /// The totals row: money, counts and numbers summed, the first column saying 合计, the rest empty
    /// unless `with` fills them (a percentage of the totals).
    pub fn totals(mut self, ctx: &Context<'_>, with: &[(usize, Cell)]) -> Table {
        let cols = &self.section.columns;
        let mut totals: Vec<Cell> = cols
            .iter()
            .enumerate()
            .map(|(i, c)| match c.kind {
                ColumnKind::Money | ColumnKind::Count => Cell::Int(
                    self.section
                        .rows
                        .iter()
                        .filter_map(|r| r.cells.get(i).and_then(Cell::as_i64))
                        .sum(),
                ),
                ColumnKind::Number => Cell::float(
                    self.section
                        .rows
                        .iter()
                        .filter_map(|r| r.cells.get(i).and_then(Cell::as_f64))
                        .sum(),
                ),
                _ => Cell::Empty,
            })
            .collect();
        if let Some(first) = totals.first_mut() {
            *first = Cell::text(ctx.t("total"));
        }
        for (i, cell) in with {
            if let Some(t) = totals.get_mut(*i) {
                *t = cell.clone();
            }
        }
        self.section.totals = Some(totals);
        self
    }

    /// Keeps the first `limit` rows, remembering how many there were.
    pub fn keep_first(mut self, limit: usize) -> Table {
        let n = self.section.rows.len();
        if n > limit {
            self.section.rows.truncate(limit);
            self.section.total_rows = Some(n as i64);
        }
        self
    }

    pub fn total_rows(mut self, n: i64) -> Table {
        self.section.total_rows = Some(n);
        self
    }

    pub fn done(self) -> Section {
        self.section
    }
}

/// A count month by month over a period beside the same months of the compared period (new customers,
/// follow-ups): section `key`, the count's column `column` and the compared one `<column>Before`, each
/// month drilling into `<drill>:<month>`.
pub(super) async fn by_month(
    ctx: &Context<'_>,
    conn: &mut SqliteConnection,
    source: &super::source::Source,
    (period, previous): (super::period::Period, Option<super::period::Period>),
    (key, column, drill): (&str, &str, &str),
    count: fn(&super::source::Measures) -> i64,
) -> Result<Section> {
    use super::period::Grain;
    use super::source::Dim;
    let months = source
        .by_bucket(conn, Dim::Whole, None, period, Grain::Month)
        .await?;
    let compared = match previous {
        Some(p) => Some(
            source
                .by_bucket(conn, Dim::Whole, None, p, Grain::Month)
                .await?,
        ),
        None => None,
    };
    let mut t = Table::new(ctx, key)
        .col(ctx, "month", ColumnKind::Text)
        .col(ctx, column, ColumnKind::Count);
    t = match &compared {
        Some(_) => t
            .col(ctx, &format!("{column}Before"), ColumnKind::Count)
            .col(ctx, "change", ColumnKind::Percent)
            .chart(ChartKind::Line, 0, &[1, 2]),
        None => t.chart(ChartKind::Line, 0, &[1]),
    };
    t = t.drill(DrillKind::Customers);
    let (mut now, mut before) = (0, 0);
    for (i, (month, m)) in months.iter().enumerate() {
        let mut cells = vec![Cell::text(month.clone()), Cell::Int(count(m))];
        now += count(m);
        if let Some(c) = &compared {
            let b = c.get(i).map(|x| count(&x.1)).unwrap_or(0);
            before += b;
            cells.push(Cell::Int(b));
            cells.push(change(count(m), b));
        }
        t.row(Some(format!("{drill}:{month}")), cells);
    }
    let with = match compared {
        Some(_) => vec![(3, change(now, before))],
        None => vec![],
    };
    Ok(t.totals(ctx, &with).done())
}

/// The segments `keys` of a segmentation (RFM, loyalty) as a table: each segment's customers and share,
/// amount and share, and the `extra` columns `cells` gives for it; each drilling into `<kind>:<key>`.
/// `of` says a member's segment and amount. Also returns the segments' sizes.
pub(super) fn segments<T>(
    ctx: &Context<'_>,
    (key, kind): (&str, &str),
    keys: &[&str],
    members: &[T],
    of: impl Fn(&T) -> (&str, i64),
    extra: &[(&str, ColumnKind)],
    cells: impl Fn(&str, &[&T]) -> Vec<Cell>,
) -> (Section, Vec<super::model::SegmentSize>) {
    let mut t = Table::new(ctx, key)
        .col(ctx, kind, ColumnKind::Text)
        .col(ctx, "customers", ColumnKind::Count)
        .col(ctx, "customerShare", ColumnKind::Percent)
        .col(ctx, "amount", ColumnKind::Money)
        .col(ctx, "amountShare", ColumnKind::Percent);
    for (name, k) in extra {
        t = t.col(ctx, name, *k);
    }
    let mut t = t.chart(ChartKind::Bar, 0, &[1]).drill(DrillKind::Customers);
    let n_all = members.len() as i64;
    let total: i64 = members.iter().map(|m| of(m).1).sum();
    let mut sizes = Vec::new();
    for segment in keys {
        let inside: Vec<&T> = members.iter().filter(|m| of(m).0 == *segment).collect();
        let n = inside.len() as i64;
        let amount: i64 = inside.iter().map(|m| of(m).1).sum();
        let label = ctx.t(&format!("{kind}.{segment}"));
        sizes.push(super::model::SegmentSize {
            key: segment.to_string(),
            label: label.clone(),
            customers: n,
            amount,
        });
        let mut row = vec![
            Cell::text(label),
            Cell::Int(n),
            share(n, n_all),
            Cell::Int(amount),
            share(amount, total),
        ];
        row.extend(cells(segment, &inside));
        t.row(Some(format!("{kind}:{segment}")), row);
    }
    let mut with = vec![(2, share(n_all, n_all)), (4, share(total, total))];
    with.extend((0..extra.len()).map(|i| (5 + i, Cell::Empty)));
    (t.totals(ctx, &with).done(), sizes)
}

/// (now − before) ÷ before, empty without a before.
pub(super) fn change(now: i64, before: i64) -> Cell {
    if before == 0 {
        Cell::Empty
    } else {
        Cell::float((now - before) as f64 / before as f64)
    }
}

/// `part` ÷ `whole`, empty for an empty whole.
pub(super) fn share(part: i64, whole: i64) -> Cell {
    Cell::ratio(part as f64, whole as f64)
}

pub(super) fn kpi(
    ctx: &Context<'_>,
    key: &str,
    kind: ColumnKind,
    now: i64,
    before: Option<i64>,
) -> Kpi {
    Kpi {
        key: key.to_string(),
        label: ctx.t(&format!("kpi.{key}")),
        kind,
        value: Cell::Int(now),
        previous: before.map(Cell::Int).unwrap_or(Cell::Empty),
        change: before.map(|b| change(now, b)).unwrap_or(Cell::Empty),
    }
}

/// The names of customers `ids` (trashed ones too: a report of the past names who it was).
pub(super) async fn customer_names(
    conn: &mut SqliteConnection,
    ids: &[i64],
) -> Result<HashMap<i64, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, name FROM customers WHERE id IN (SELECT value FROM json_each(?))",
    )
    .bind(serde_json::to_string(ids).expect("ids serialize"))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().collect())
}

/// Name, category and cost of every product (a catalogue is small).
pub(super) async fn products(
    conn: &mut SqliteConnection,
) -> Result<HashMap<String, (String, Option<String>, Option<i64>)>> {
    let rows: Vec<(i64, String, Option<String>, Option<i64>)> =
        sqlx::query_as("SELECT id, name, category, cost FROM products")
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, category, cost)| (id.to_string(), (name, category, cost)))
        .collect())
}

/// How a dimension's stored value reads: 未填写 for none, a level or method by its word, a city with its
/// province.
pub(super) fn value_label(ctx: &Context<'_>, dim: &str, value: &str) -> String {
    match (dim, value) {
        (_, "") => ctx.t("unset"),
        ("city", v) => {
            let (province, city) = v.split_once('/').unwrap_or(("", v));
            match (province, city) {
                (p, "") => format!("{p} {}", ctx.t("unset")),
                (p, c) if c == "市辖区" || c == p => p.to_string(),
                (p, c) => format!("{p} {c}"),
            }
        }
        ("level" | "method" | "followUpKind" | "stage" | "status", v) => {
            ctx.t(&format!("{dim}.{v}"))
        }
        (_, v) => v.to_string(),
    }
}
