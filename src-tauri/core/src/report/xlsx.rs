//! Reports as Excel workbooks: the title, how it is counted, the parameters and when it was made; the
//! headline figures; each table typed (money `¥#,##0.00`, percentages `0.0%`, dates as Excel dates) with
//! its totals row and a native Excel chart of the same cells; long customer lists on sheets of their own,
//! written row by row in constant memory. The monthly pack puts every report on a sheet after a
//! sheet of contents.

use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartFormat, ChartLine, ChartLineDashType, ChartSolidFill, ChartType,
    DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::model::{Cell, ChartKind, ColumnKind, Report, Section};
use crate::error::{CoreError, Result};
use crate::export::looks_like_formula;
use crate::settings::Language;

fn xlsx(e: XlsxError) -> CoreError {
    match e {
        XlsxError::IoError(io) => io.into(),
        other => CoreError::Internal(other.to_string()),
    }
}

/// Tables longer than this, and customer lists, go on a sheet of their own.
const INLINE_ROWS: usize = 60;

/// Sections that list customers one a row.
const LISTS: [&str; 9] = [
    "rankedCustomers",
    "rfmCustomers",
    "loyaltyCustomers",
    "clvCustomers",
    "atRiskCustomers",
    "valueCustomers",
    "agingByCustomer",
    "overdueRanking",
    "quietValuable",
];

fn is_list(s: &Section) -> bool {
    LISTS.contains(&s.key.as_str()) || s.rows.len() > INLINE_ROWS
}

/// Series colours that stay apart in greyscale: dark, mid and light, with different dashes for lines.
const PALETTE: [&str; 4] = ["#1F3A5F", "#D08A3A", "#8FB3DA", "#5C5C5C"];
const DASHES: [ChartLineDashType; 4] = [
    ChartLineDashType::Solid,
    ChartLineDashType::Dash,
    ChartLineDashType::RoundDot,
    ChartLineDashType::LongDashDot,
];

struct Formats {
    /// The totals row's formats of each kind (bold, a line above).
    totals: [Format; 6],
    title: Format,
    bold: Format,
    header: Format,
    wrap: Format,
    text: Format,
    quoted: Format,
    money: Format,
    count: Format,
    percent: Format,
    number: Format,
    day: Format,
    link: Format,
}

impl Formats {
    fn new() -> Self {
        let kinds = [
            Format::new(),
            Format::new().set_num_format("¥#,##0.00"),
            Format::new().set_num_format("#,##0"),
            Format::new().set_num_format("0.0%"),
            Format::new().set_num_format("yyyy-mm-dd"),
            Format::new().set_num_format("#,##0.00"),
        ];
        Formats {
            totals: kinds.map(|f| f.set_bold().set_border_top(FormatBorder::Thin)),
            title: Format::new().set_bold().set_font_size(16),
            bold: Format::new().set_bold(),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color("#E8EDF3")
                .set_border_bottom(FormatBorder::Thin),
            wrap: Format::new().set_text_wrap(),
            text: Format::new(),
            quoted: Format::new().set_quote_prefix(),
            money: Format::new().set_num_format("¥#,##0.00"),
            count: Format::new().set_num_format("#,##0"),
            percent: Format::new().set_num_format("0.0%"),
            number: Format::new().set_num_format("#,##0.00"),
            day: Format::new().set_num_format("yyyy-mm-dd"),
            link: Format::new()
                .set_font_color("#1F3A5F")
                .set_underline(rust_xlsxwriter::FormatUnderline::Single),
        }
    }

    fn total_of(&self, kind: ColumnKind) -> &Format {
        let i = match kind {
            ColumnKind::Text => 0,
            ColumnKind::Money => 1,
            ColumnKind::Count => 2,
            ColumnKind::Percent => 3,
            ColumnKind::Day => 4,
            ColumnKind::Number => 5,
        };
        &self.totals[i]
    }

    fn of(&self, kind: ColumnKind) -> &Format {
        match kind {
            ColumnKind::Money => &self.money,
            ColumnKind::Count => &self.count,
            ColumnKind::Percent => &self.percent,
            ColumnKind::Number => &self.number,
            ColumnKind::Day => &self.day,
            ColumnKind::Text => &self.text,
        }
    }
}

/// Writes one value typed by its column's kind: money in 元 from 分, dates as Excel dates, text that a
/// spreadsheet would run as a formula kept as text.
fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    kind: ColumnKind,
    cell: &Cell,
    f: &Formats,
    bold: bool,
) -> Result<()> {
    let fmt = if bold { f.total_of(kind) } else { f.of(kind) };
    match (kind, cell) {
        (_, Cell::Empty) => {
            if bold {
                ws.write_blank(row, col, fmt).map_err(xlsx)?;
            }
        }
        (ColumnKind::Money, Cell::Int(v)) => {
            ws.write_number_with_format(row, col, *v as f64 / 100.0, fmt)
                .map_err(xlsx)?;
        }
        (ColumnKind::Day, Cell::Text(t)) => match NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .ok()
            .and_then(|d| ExcelDateTime::parse_from_str(&d.format("%Y-%m-%d").to_string()).ok())
        {
            Some(d) => {
                ws.write_datetime_with_format(row, col, &d, fmt)
                    .map_err(xlsx)?;
            }
            None => {
                ws.write_string_with_format(row, col, t, fmt)
                    .map_err(xlsx)?;
            }
        },
        (_, Cell::Int(v)) => {
            ws.write_number_with_format(row, col, *v as f64, fmt)
                .map_err(xlsx)?;
        }
        (_, Cell::Float(v)) => {
            ws.write_number_with_format(row, col, *v, fmt)
                .map_err(xlsx)?;
        }
        (_, Cell::Text(t)) => {
            if looks_like_formula(t) && !bold {
                ws.write_string_with_format(row, col, t, &f.quoted)
                    .map_err(xlsx)?;
            } else if kind == ColumnKind::Text && !bold {
                ws.write_string(row, col, t).map_err(xlsx)?;
            } else {
                ws.write_string_with_format(row, col, t, fmt)
                    .map_err(xlsx)?;
            }
        }
    }
    Ok(())
}

/// A sheet name Excel takes: at most 31 characters, none of `[]:*?/\`, unique in the workbook.
fn sheet_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let base: String = clean.trim_matches('\'').chars().take(28).collect();
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{base}{n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// The chart of `s`, whose header is at `header_row` and data rows follow it, on sheet `sheet`.
fn chart_of(s: &Section, sheet: &str, header_row: u32) -> Option<Chart> {
    let hint = s.chart.as_ref()?;
    if s.rows.is_empty() {
        return None;
    }
    let (first, last) = (header_row + 1, header_row + s.rows.len() as u32);
    let kind = match hint.kind {
        ChartKind::Line => ChartType::Line,
        ChartKind::Bar => ChartType::Column,
        ChartKind::HorizontalBar | ChartKind::Funnel => ChartType::Bar,
        ChartKind::Pie => ChartType::Pie,
        ChartKind::Scatter => ChartType::Scatter,
    };
    let mut chart = Chart::new(kind);
    chart.title().set_name(&s.title);
    let cat = hint.category as u16;
    if hint.kind == ChartKind::Scatter {
        let (x, y) = (*hint.series.first()? as u16, *hint.series.get(1)? as u16);
        chart
            .add_series()
            .set_categories((sheet, first, x, last, x))
            .set_values((sheet, first, y, last, y))
            .set_name((sheet, header_row, y));
        chart.x_axis().set_name(&s.columns.get(x as usize)?.label);
        chart.y_axis().set_name(&s.columns.get(y as usize)?.label);
        chart.legend().set_hidden();
        return Some(chart);
    }
    let series: Vec<usize> = match hint.kind {
        ChartKind::Pie | ChartKind::Funnel => hint.series.iter().take(1).copied().collect(),
        _ => hint.series.clone(),
    };
    for (i, col) in series.iter().enumerate() {
        let col = *col as u16;
        let colour = PALETTE[i % PALETTE.len()];
        let added = chart
            .add_series()
            .set_categories((sheet, first, cat, last, cat))
            .set_values((sheet, first, col, last, col))
            .set_name((sheet, header_row, col));
        match hint.kind {
            ChartKind::Line => {
                added.set_format(
                    ChartFormat::new().set_line(
                        ChartLine::new()
                            .set_color(colour)
                            .set_width(2.25)
                            .set_dash_type(DASHES[i % DASHES.len()]),
                    ),
                );
            }
            ChartKind::Pie => {}
            _ => {
                added.set_format(
                    ChartFormat::new()
                        .set_solid_fill(ChartSolidFill::new().set_color(colour))
                        .set_border(ChartLine::new().set_color("#333333")),
                );
            }
        }
        if hint.kind == ChartKind::Funnel {
            added
                .set_data_label(ChartDataLabel::new().show_value())
                .set_gap(10);
        }
        if hint.secondary.contains(&(col as usize)) {
            added.set_secondary_axis(true);
        }
    }
    if matches!(hint.kind, ChartKind::HorizontalBar | ChartKind::Funnel) {
        // Largest first, at the top, as the table reads.
        chart.x_axis().set_reverse();
    }
    if let Some(first_series) = series.first().and_then(|c| s.columns.get(*c)) {
        let num = match first_series.kind {
            ColumnKind::Money => Some("¥#,##0"),
            ColumnKind::Percent => Some("0%"),
            ColumnKind::Count => Some("#,##0"),
            _ => None,
        };
        if let Some(num) = num {
            chart.y_axis().set_num_format(num);
        }
    }
    if series.len() < 2 && hint.kind != ChartKind::Pie {
        chart.legend().set_hidden();
    }
    chart.set_width(560).set_height(300);
    Some(chart)
}

/// Writes `s` with its header at `row` and returns the row after its totals.
fn write_table(ws: &mut Worksheet, s: &Section, row: u32, f: &Formats) -> Result<u32> {
    for (c, col) in s.columns.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, &col.label, &f.header)
            .map_err(xlsx)?;
    }
    let mut r = row + 1;
    for data in &s.rows {
        for (c, (col, cell)) in s.columns.iter().zip(&data.cells).enumerate() {
            write_cell(ws, r, c as u16, col.kind, cell, f, false)?;
        }
        r += 1;
    }
    if let Some(totals) = &s.totals {
        for (c, (col, cell)) in s.columns.iter().zip(totals).enumerate() {
            let kind = if c == 0 { ColumnKind::Text } else { col.kind };
            write_cell(ws, r, c as u16, kind, cell, f, true)?;
        }
        r += 1;
    }
    Ok(r)
}

fn column_widths(ws: &mut Worksheet, s: &Section) -> Result<()> {
    for (c, col) in s.columns.iter().enumerate() {
        let width = match col.kind {
            ColumnKind::Text => 22.0,
            ColumnKind::Day => 12.0,
            _ => 15.0,
        };
        ws.set_column_width(c as u16, width).map_err(xlsx)?;
    }
    Ok(())
}

/// The report's own sheet (title, parameters, headline figures, the tables that are not lists, with
/// their charts) and a sheet for each list. Returns the names of the sheets it added.
fn add_report(
    wb: &mut Workbook,
    report: &Report,
    lang: Language,
    f: &Formats,
    taken: &mut Vec<String>,
) -> Result<Vec<String>> {
    let t = |key: &str| super::text::label(lang, key);
    let name = sheet_name(&report.title, taken);
    let mut added = vec![name.clone()];
    let lists: Vec<&Section> = report.sections.iter().filter(|s| is_list(s)).collect();
    {
        let ws = wb.add_worksheet();
        ws.set_name(&name).map_err(xlsx)?;
        ws.set_column_width(0, 24).map_err(xlsx)?;
        for c in 1..12u16 {
            ws.set_column_width(c, 15).map_err(xlsx)?;
        }
        ws.write_string_with_format(0, 0, &report.title, &f.title)
            .map_err(xlsx)?;
        ws.set_freeze_panes(1, 0).map_err(xlsx)?;
        let mut r = 1u32;
        ws.write_string_with_format(r, 0, t("param.definition"), &f.bold)
            .map_err(xlsx)?;
        ws.merge_range(r, 1, r, 9, &report.definition, &f.wrap)
            .map_err(xlsx)?;
        ws.set_row_height(r, 48).map_err(xlsx)?;
        r += 1;
        for p in &report.parameters {
            ws.write_string_with_format(r, 0, &p.label, &f.bold)
                .map_err(xlsx)?;
            ws.write_string(r, 1, &p.value).map_err(xlsx)?;
            r += 1;
        }
        let made = chrono::DateTime::from_timestamp_millis(report.made_at)
            .map(|d| {
                d.with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_default();
        ws.write_string_with_format(r, 0, t("param.madeAt"), &f.bold)
            .map_err(xlsx)?;
        ws.write_string(r, 1, made).map_err(xlsx)?;
        r += 1;
        for note in &report.notes {
            ws.write_string_with_format(r, 0, t("param.notes"), &f.bold)
                .map_err(xlsx)?;
            ws.write_string(r, 1, note).map_err(xlsx)?;
            r += 1;
        }
        r += 1;
        if !report.kpis.is_empty() {
            for (c, key) in ["", "kpiValue", "kpiPrevious", "change"].iter().enumerate() {
                let label = match *key {
                    "" => String::new(),
                    "kpiValue" => report
                        .to
                        .clone()
                        .map(|to| format!("{} – {to}", report.from.clone().unwrap_or_default()))
                        .unwrap_or_else(|| report.as_of.clone()),
                    "kpiPrevious" => report
                        .compared_to
                        .clone()
                        .map(|to| {
                            format!(
                                "{} – {to}",
                                report.compared_from.clone().unwrap_or_default()
                            )
                        })
                        .unwrap_or_default(),
                    _ => t("col.change"),
                };
                ws.write_string_with_format(r, c as u16, label, &f.header)
                    .map_err(xlsx)?;
            }
            r += 1;
            for k in &report.kpis {
                ws.write_string(r, 0, &k.label).map_err(xlsx)?;
                write_cell(ws, r, 1, k.kind, &k.value, f, false)?;
                write_cell(ws, r, 2, k.kind, &k.previous, f, false)?;
                write_cell(ws, r, 3, ColumnKind::Percent, &k.change, f, false)?;
                r += 1;
            }
            r += 1;
        }
        for s in report.sections.iter().filter(|s| !is_list(s)) {
            ws.write_string_with_format(r, 0, &s.title, &f.bold)
                .map_err(xlsx)?;
            let header = r + 1;
            let end = write_table(ws, s, header, f)?;
            let mut next = end + 1;
            if let Some(chart) = chart_of(s, &name, header) {
                let col = (s.columns.len() as u16 + 1).max(4);
                ws.insert_chart(r, col, &chart).map_err(xlsx)?;
                next = next.max(r + 17);
            }
            r = next;
        }
        for s in &lists {
            ws.write_string_with_format(r, 0, &s.title, &f.bold)
                .map_err(xlsx)?;
            ws.write_string(r, 1, format!("→ {}", t("xlsx.list")))
                .map_err(xlsx)?;
            r += 1;
        }
    }
    for s in lists {
        let list_name = sheet_name(&format!("{}-{}", report.title, s.title), taken);
        let ws = wb.add_worksheet_with_constant_memory().map_err(xlsx)?;
        ws.set_name(&list_name).map_err(xlsx)?;
        column_widths(ws, s)?;
        ws.set_freeze_panes(1, 0).map_err(xlsx)?;
        write_table(ws, s, 0, f)?;
        let rows = s.rows.len() as u32;
        if rows > 0 {
            ws.autofilter(0, 0, rows, s.columns.len().saturating_sub(1) as u16)
                .map_err(xlsx)?;
        }
        if s.rows.len() <= 500 {
            if let Some(chart) = chart_of(s, &list_name, 0) {
                ws.insert_chart(0, s.columns.len() as u16 + 1, &chart)
                    .map_err(xlsx)?;
            }
        }
        added.push(list_name);
    }
    Ok(added)
}

/// Saves `wb` through a temporary file beside `path`, so that a failed save leaves nothing half-written.
fn save(wb: &mut Workbook, path: &Path) -> Result<()> {
    let (file, temp) = crate::export::temp_beside(path)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
    wb.save_to_writer(&mut out).map_err(xlsx)?;
    let file = out
        .into_inner()
        .map_err(|e| CoreError::from(e.into_error()))?;
    drop(file);
    temp.persist(path).map_err(|e| CoreError::from(e.error))?;
    Ok(())
}

fn properties(title: &str) -> DocProperties {
    DocProperties::new()
        .set_title(title)
        .set_company("客源 CRM")
}

/// Writes `report` as a workbook at `path`.
pub fn write_report(path: &Path, report: &Report, lang: Language) -> Result<()> {
    let mut wb = Workbook::new();
    wb.set_properties(&properties(&report.title));
    let f = Formats::new();
    let mut taken = Vec::new();
    add_report(&mut wb, report, lang, &f, &mut taken)?;
    save(&mut wb, path)
}

/// Writes the monthly pack for `month` (`YYYY-MM`): a sheet of contents linking every report's sheets,
/// then each report.
pub fn write_pack(path: &Path, month: &str, reports: &[Report], lang: Language) -> Result<()> {
    let t = |key: &str| super::text::label(lang, key);
    let mut wb = Workbook::new();
    let title = format!("{} {month}", t("xlsx.pack"));
    wb.set_properties(&properties(&title));
    let f = Formats::new();
    let mut taken = vec![t("xlsx.contents")];
    wb.add_worksheet()
        .set_name(t("xlsx.contents"))
        .map_err(xlsx)?;
    let mut contents: Vec<(String, String)> = Vec::new();
    for report in reports {
        let sheets = add_report(&mut wb, report, lang, &f, &mut taken)?;
        for (i, s) in sheets.into_iter().enumerate() {
            let label = if i == 0 {
                report.title.clone()
            } else {
                s.clone()
            };
            contents.push((label, s));
        }
    }
    let ws = wb.worksheet_from_index(0).map_err(xlsx)?;
    ws.set_column_width(0, 36).map_err(xlsx)?;
    ws.set_column_width(1, 60).map_err(xlsx)?;
    ws.write_string_with_format(0, 0, &title, &f.title)
        .map_err(xlsx)?;
    ws.write_string_with_format(2, 0, t("xlsx.contents"), &f.header)
        .map_err(xlsx)?;
    ws.write_string_with_format(2, 1, t("param.definition"), &f.header)
        .map_err(xlsx)?;
    let mut r = 3;
    for (label, sheet) in &contents {
        let link = rust_xlsxwriter::Url::new(format!("internal:'{sheet}'!A1")).set_text(label);
        ws.write_url_with_format(r, 0, link, &f.link)
            .map_err(xlsx)?;
        if let Some(rep) = reports.iter().find(|x| &x.title == label) {
            ws.write_string_with_format(r, 1, &rep.definition, &f.wrap)
                .map_err(xlsx)?;
        }
        r += 1;
    }
    save(&mut wb, path)
}

/// Writes a drill-down list: customers (name, lifetime 签约额) or contracts (number, title, customer,
/// amount, signing day), in constant memory.
pub fn write_drill(path: &Path, list: &super::model::DrillList, lang: Language) -> Result<()> {
    use super::model::DrillKind;
    let t = |key: &str| super::text::label(lang, key);
    let mut wb = Workbook::new();
    wb.set_properties(&properties(&t("xlsx.list")));
    let f = Formats::new();
    let ws = wb.add_worksheet_with_constant_memory().map_err(xlsx)?;
    ws.set_name(t("xlsx.list")).map_err(xlsx)?;
    let columns: Vec<(&str, ColumnKind)> = match list.kind {
        DrillKind::Customers => vec![
            ("customer", ColumnKind::Text),
            ("lifetimeSigned", ColumnKind::Money),
        ],
        DrillKind::Contracts => vec![
            ("number", ColumnKind::Text),
            ("title", ColumnKind::Text),
            ("customer", ColumnKind::Text),
            ("amount", ColumnKind::Money),
            ("signedOn", ColumnKind::Day),
        ],
    };
    for (c, (key, kind)) in columns.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, t(&format!("col.{key}")), &f.header)
            .map_err(xlsx)?;
        ws.set_column_width(c as u16, if *kind == ColumnKind::Text { 28 } else { 15 })
            .map_err(xlsx)?;
    }
    ws.set_freeze_panes(1, 0).map_err(xlsx)?;
    for (i, r) in list.rows.iter().enumerate() {
        let row = i as u32 + 1;
        let cells: Vec<Cell> = match list.kind {
            DrillKind::Customers => vec![
                Cell::text(r.customer_name.clone()),
                r.amount.map(Cell::Int).unwrap_or(Cell::Empty),
            ],
            DrillKind::Contracts => vec![
                r.number.clone().map(Cell::Text).unwrap_or(Cell::Empty),
                r.title.clone().map(Cell::Text).unwrap_or(Cell::Empty),
                Cell::text(r.customer_name.clone()),
                r.amount.map(Cell::Int).unwrap_or(Cell::Empty),
                r.day.clone().map(Cell::Text).unwrap_or(Cell::Empty),
            ],
        };
        for (c, ((_, kind), cell)) in columns.iter().zip(&cells).enumerate() {
            write_cell(ws, row, c as u16, *kind, cell, &f, false)?;
        }
    }
    if !list.rows.is_empty() {
        ws.autofilter(0, 0, list.rows.len() as u32, columns.len() as u16 - 1)
            .map_err(xlsx)?;
    }
    save(&mut wb, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_cut_cleaned_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(sheet_name("销售分析", &mut taken), "销售分析");
        assert_eq!(sheet_name("销售分析", &mut taken), "销售分析2");
        assert_eq!(sheet_name("a/b:c", &mut taken), "a-b-c");
        let long = "x".repeat(40);
        assert_eq!(sheet_name(&long, &mut taken).chars().count(), 28);
    }
}
