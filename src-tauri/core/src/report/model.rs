//! The one shape every report has: what is asked (a query) and what comes back (a result of typed
//! tables with totals and a chart hint), which the window draws, the workbook writer writes and
//! `crmctl` prints as JSON. Types only.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::period::{Comparison, Grain};
use crate::settings::Language;

/// Every report, by the name `crmctl report NAME` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum ReportName {
    Dashboard,
    Sales,
    Receivables,
    Customers,
    FollowUps,
    Pareto,
    Rfm,
    Loyalty,
    Clv,
    Churn,
    ValueMatrix,
}

impl ReportName {
    pub const ALL: [ReportName; 11] = [
        ReportName::Dashboard,
        ReportName::Sales,
        ReportName::Receivables,
        ReportName::Customers,
        ReportName::FollowUps,
        ReportName::Pareto,
        ReportName::Rfm,
        ReportName::Loyalty,
        ReportName::Clv,
        ReportName::Churn,
        ReportName::ValueMatrix,
    ];

    /// The name on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportName::Dashboard => "dashboard",
            ReportName::Sales => "sales",
            ReportName::Receivables => "receivables",
            ReportName::Customers => "customers",
            ReportName::FollowUps => "follow-ups",
            ReportName::Pareto => "pareto",
            ReportName::Rfm => "rfm",
            ReportName::Loyalty => "loyalty",
            ReportName::Clv => "clv",
            ReportName::Churn => "churn",
            ReportName::ValueMatrix => "value-matrix",
        }
    }

    pub fn parse(name: &str) -> Option<ReportName> {
        ReportName::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

/// 签约额 or 回款额, where a report offers both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Measure {
    #[default]
    Signed,
    Received,
}

/// Which customers a report looks at; every filter given must hold. Empty text counts as not given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ReportFilters {
    pub province: Option<String>,
    pub city: Option<String>,
    pub industry: Option<String>,
    pub source: Option<String>,
    /// `a`, `b`, `c`, or `none` for customers without a level.
    pub level: Option<String>,
    pub tag: Option<String>,
    /// A product category: purchases count only their lines of this category.
    pub category: Option<String>,
}

impl ReportFilters {
    fn given(v: &Option<String>) -> bool {
        v.as_deref().is_some_and(|s| !s.trim().is_empty())
    }

    /// Whether any filter on the customer is set (the category is not one).
    pub fn on_customers(&self) -> bool {
        [
            &self.province,
            &self.city,
            &self.industry,
            &self.source,
            &self.level,
            &self.tag,
        ]
        .into_iter()
        .any(Self::given)
    }

    pub fn any(&self) -> bool {
        self.on_customers() || Self::given(&self.category)
    }
}

/// What a report is asked. Days are `YYYY-MM-DD`; what is left out takes the report's default (the
/// period the screen opens on) or the settings' thresholds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ReportQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    pub compare: Comparison,
    pub grain: Grain,
    pub measure: Measure,
    /// The day models and windows are computed as of; today when left out.
    pub as_of: Option<String>,
    pub filters: ReportFilters,
    /// Days without a follow-up after which a customer counts as not followed up (follow-up report).
    pub quiet_days: Option<u32>,
    /// The most rows a customer list of the result holds (the export writes every one).
    pub limit: Option<u32>,
    pub language: Option<Language>,
}

/// The kind of a column's values: how it is shown, summed and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ColumnKind {
    Text,
    /// 分, an integer.
    Money,
    Count,
    /// A fraction: 0.25 is 25%.
    Percent,
    /// `YYYY-MM-DD`.
    Day,
    /// A plain number with decimals (a probability's odds, expected purchases, a quantity).
    Number,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub struct Column {
    pub key: String,
    pub label: String,
    pub kind: ColumnKind,
}

/// One value of a table: a number (money and counts are whole numbers), text, or nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(untagged)]
#[ts(export)]
pub enum Cell {
    Int(#[ts(type = "number")] i64),
    Float(f64),
    Text(String),
    Empty,
}

impl Cell {
    /// A fraction or a ratio; nothing when it cannot be computed (no NaN, no infinity ever leaves).
    pub fn ratio(num: f64, den: f64) -> Cell {
        if den == 0.0 || !num.is_finite() || !den.is_finite() {
            Cell::Empty
        } else {
            Cell::float(num / den)
        }
    }

    pub fn float(v: f64) -> Cell {
        if v.is_finite() {
            Cell::Float(v)
        } else {
            Cell::Empty
        }
    }

    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Cell::Int(v) => Some(*v),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Cell::Int(v) => Some(*v as f64),
            Cell::Float(v) => Some(*v),
            _ => None,
        }
    }
}

/// A row: its cells, and the key a click on it drills into (a month, a region, a product id, a segment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub struct Row {
    pub key: Option<String>,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ChartKind {
    Line,
    Bar,
    /// Bars lying down, longest first (rankings, the funnel).
    HorizontalBar,
    Pie,
    Funnel,
    Scatter,
}

/// How to draw a table: which column names the categories and which are the series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub struct Chart {
    pub kind: ChartKind,
    pub category: usize,
    pub series: Vec<usize>,
    /// Series of the right-hand axis (a percentage beside amounts).
    pub secondary: Vec<usize>,
}

/// What a click on a row lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DrillKind {
    Customers,
    Contracts,
}

/// One table of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub struct Section {
    pub key: String,
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub totals: Option<Vec<Cell>>,
    pub chart: Option<Chart>,
    pub drill: Option<DrillKind>,
    /// How many rows there are in all when `rows` holds only the first ones (a ranked list).
    #[ts(type = "number | null")]
    pub total_rows: Option<i64>,
}

/// A headline figure with its value in the compared period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub struct Kpi {
    pub key: String,
    pub label: String,
    pub kind: ColumnKind,
    pub value: Cell,
    pub previous: Cell,
    /// (value − previous) ÷ previous; empty when there is no previous value.
    pub change: Cell,
}

/// One parameter a report was made with, as the workbook's header lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub struct Parameter {
    pub label: String,
    pub value: String,
}

/// BG/NBD parameters (per day).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BgNbdParameters {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

/// Gamma-Gamma parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GammaGammaParameters {
    pub p: f64,
    pub q: f64,
    pub gamma: f64,
}

/// A customer's value as the lifetime-value and churn reports compute it. Money in 分.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub struct CustomerValue {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub purchases: u32,
    pub first_purchase: String,
    pub last_purchase: String,
    #[ts(type = "number")]
    pub historical_value: i64,
    #[ts(type = "number | null")]
    pub historical_margin: Option<i64>,
    pub p_alive: Option<f64>,
    pub expected_purchases_90: Option<f64>,
    pub expected_purchases_365: Option<f64>,
    #[ts(type = "number | null")]
    pub predicted_value_365: Option<i64>,
}

/// The size and amount of a segment (RFM, loyalty, value matrix).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub struct SegmentSize {
    pub key: String,
    pub label: String,
    #[ts(type = "number")]
    pub customers: i64,
    #[ts(type = "number")]
    pub amount: i64,
}

/// What a report says: the same value for the window, the workbook and `crmctl --json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub struct Report {
    pub name: ReportName,
    pub title: String,
    /// How its figures are counted, in a sentence or two.
    pub definition: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub compared_from: Option<String>,
    pub compared_to: Option<String>,
    pub as_of: String,
    #[ts(type = "number")]
    pub made_at: i64,
    pub parameters: Vec<Parameter>,
    pub kpis: Vec<Kpi>,
    pub sections: Vec<Section>,
    /// Things the reader must know (fixed breaks used, too few repeat buyers to predict…).
    pub notes: Vec<String>,
    /// Nothing to report on (the empty state).
    pub empty: bool,
    /// Pareto: the smallest share of customers that makes 80% of the amount (0–1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_of_customers_for_80_percent: Option<f64>,
    /// RFM, loyalty, value matrix: each segment's size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<SegmentSize>>,
    /// RFM: whether scores came from quintiles or the fixed breaks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scoring: Option<String>,
    /// Lifetime value: the fitted models, or nothing when the book cannot carry a fit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bgnbd: Option<BgNbdParameters>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gamma_gamma: Option<GammaGammaParameters>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Lifetime value and churn: customers, most valuable first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customers: Option<Vec<CustomerValue>>,
}

/// A row of a report to drill into.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DrillRequest {
    pub report: ReportName,
    /// The row's key, e.g. `month:2026-03`, `province:广东省`, `segment:importantRetain`.
    pub key: String,
    pub query: ReportQuery,
}

/// One customer or contract of a drill-down list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DrillRow {
    /// The customer's or the contract's id.
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub customer_id: i64,
    pub customer_name: String,
    /// A contract's number and title.
    pub number: Option<String>,
    pub title: Option<String>,
    /// A contract's amount, or a customer's lifetime 签约额 (分).
    #[ts(type = "number | null")]
    pub amount: Option<i64>,
    /// A contract's signing day.
    pub day: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DrillList {
    pub kind: DrillKind,
    pub rows: Vec<DrillRow>,
    /// How many there are in all (`rows` holds the first of them).
    #[ts(type = "number")]
    pub total: i64,
}
