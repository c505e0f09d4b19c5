//! crmctl: the headless tool over the same core and the same store as the app — demo data, benchmarks,
//! integrity check, recovery key. Runs where no window can.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Parser, Subcommand};
use crm_core::bench;
use crm_core::store::{self, OsKeychain, Store, StoreState, Unlocker};
use crm_core::{CoreError, Result};

#[derive(Parser)]
#[command(
    name = "crmctl",
    about = "The CRM's command-line tool: demo data, benchmarks, checks"
)]
struct Cli {
    /// The data directory (default: CRM_DATA_DIR, else the app's own data directory).
    #[arg(long, global = true)]
    dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Show how SQLite runs a read-only query on the store, and how long it takes (for developers
    /// looking into a slow figure).
    Explain { sql: String },
    /// Fill the store with realistic demo customers.
    DemoData {
        #[arg(long)]
        customers: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Build (or reuse) a store of N demo customers and print each figure.
    Bench {
        #[arg(long, default_value_t = 100_000)]
        customers: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// One JSON object per line: {"name", "value", "unit"}.
        #[arg(long)]
        json: bool,
        /// Only these groups of figures (comma-separated: demo, customers, money, today, duplicates, export, import, search, reports, store).
        #[arg(long, value_delimiter = ',')]
        only: Vec<String>,
    },
    /// Search customers and contacts as the app's search box does.
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// One JSON object per hit.
        #[arg(long)]
        json: bool,
    },
    /// Print the Today view (follow-ups due, birthdays, keeping in touch, dormant customers).
    Today {
        /// The day (YYYY-MM-DD); today in China time when absent.
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Run the integrity check and print the schema version and row counts.
    Check,
    /// Export a record type (customers, contacts, followUps, products, contracts, installments, receipts) or the whole book (book) to .xlsx or .csv.
    Export {
        entity: String,
        #[arg(long)]
        out: PathBuf,
        /// xlsx or csv; taken from the file's extension when absent.
        #[arg(long)]
        format: Option<String>,
        /// Header language: zh-CN, zh-TW or en.
        #[arg(long, default_value = "zh-CN")]
        language: String,
    },
    /// Import a record type (customers, contacts, followUps, products, contracts, installments, receipts) from .xlsx/.xls/.ods/.csv; columns are mapped from their headers.
    Import {
        entity: String,
        file: PathBuf,
        /// Say what would happen and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// create, update or upsert.
        #[arg(long, default_value = "create")]
        mode: String,
        /// Keys that find existing customers (comma-separated: uscc, name, mobile).
        #[arg(long, value_delimiter = ',', default_value = "uscc,name")]
        r#match: Vec<String>,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
        /// Write the refused rows with their reasons to this .xlsx.
        #[arg(long)]
        rejects: Option<PathBuf>,
    },
    /// Revert an import: remove what it created, restore what it changed.
    ImportRevert { id: i64 },
    /// Print the recovery key of the store (keep it somewhere safe).
    RecoveryKey,
    /// Reports: `report list`, `report NAME` (dashboard, sales, receivables, customers, follow-ups,
    /// pareto, rfm, loyalty, clv, churn, value-matrix), `report pack --month YYYY-MM --out FILE.xlsx`.
    Report {
        name: String,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        /// The day models and windows are computed as of (YYYY-MM-DD).
        #[arg(long)]
        as_of: Option<String>,
        /// none, previous-period or previous-year.
        #[arg(long)]
        compare: Option<String>,
        /// month, quarter or year (sales by period).
        #[arg(long)]
        grain: Option<String>,
        /// signed or received (Pareto).
        #[arg(long)]
        measure: Option<String>,
        /// The month of the pack (YYYY-MM).
        #[arg(long)]
        month: Option<String>,
        /// The most rows of each customer list (all when absent).
        #[arg(long)]
        limit: Option<u32>,
        /// Print the result as one JSON object.
        #[arg(long)]
        json: bool,
        /// Write the report (or the pack) as a workbook.
        #[arg(long)]
        out: Option<PathBuf>,
        /// zh-CN, zh-TW or en.
        #[arg(long, default_value = "zh-CN")]
        language: String,
    },
}

/// Opens the store as the app does; where the app would ask, the environment answers:
/// CRM_PASSPHRASE for a passphrase store (or to create one), CRM_RECOVERY_KEY for a lost keychain entry.
async fn open(dir: &Path) -> Result<(Store, Unlocker)> {
    let unlocker = Unlocker::new(dir, Arc::new(OsKeychain::for_dir(dir)));
    let pass = std::env::var("CRM_PASSPHRASE").ok();
    let store = match unlocker.open_automatically().await {
        Ok(s) => s,
        Err(p) => match (p.state, pass, std::env::var("CRM_RECOVERY_KEY").ok()) {
            (StoreState::NeedsPassphrase, Some(pass), _) => {
                unlocker.unlock_with_passphrase(&pass).await?
            }
            (StoreState::NeedsNewPassphrase, Some(pass), _) => {
                unlocker.set_passphrase(&pass).await?
            }
            (StoreState::NeedsRecoveryKey, _, Some(key)) => {
                unlocker.unlock_with_recovery_key(&key).await?
            }
            (state, _, _) => {
                let why = p.problem.map(|e| e.to_string()).unwrap_or_default();
                return Err(CoreError::locked(
                    "not_open",
                    format!(
                        "store needs {state:?} ({why}); set CRM_PASSPHRASE or CRM_RECOVERY_KEY"
                    ),
                ));
            }
        },
    };
    Ok((store, unlocker))
}

fn print(fig: &bench::Figure, json: bool) {
    if json {
        println!("{}", serde_json::to_string(fig).expect("serializes"));
    } else {
        println!("{:<48} {:>14.3} {}", fig.name, fig.value, fig.unit);
    }
}

async fn run(cli: Cli) -> Result<()> {
    let dir = cli.dir.clone().unwrap_or_else(store::data_dir);
    match cli.command {
        Command::DemoData { customers, seed } => {
            let (store, _) = open(&dir).await?;
            let start = std::time::Instant::now();
            crm_core::demo::Generator::new(seed, crm_core::time::now_ms())
                .fill(&store, customers, |done| eprint!("\r{done}/{customers}"))
                .await?;
            let s = start.elapsed().as_secs_f64();
            eprintln!(
                "\radded {customers} customers in {s:.1} s ({:.0}/s) to {}",
                customers as f64 / s,
                dir.display()
            );
            store.close().await;
        }
        Command::Bench {
            customers,
            seed,
            json,
            only,
        } => {
            let wanted = |group: &str| only.is_empty() || only.iter().any(|o| o == group);
            // Benchmarks never touch the user's own store unless --dir or CRM_DATA_DIR names one.
            let dir = match (&cli.dir, std::env::var_os("CRM_DATA_DIR")) {
                (None, None) => std::env::temp_dir().join(format!("crm-bench-{customers}")),
                _ => dir,
            };
            if std::env::var_os("CRM_PASSPHRASE").is_none()
                && !Path::new(&dir).join("crm.db").exists()
            {
                // A private bench store falls back to a fixed passphrase where no keychain answers.
                std::env::set_var("CRM_PASSPHRASE", "crm-bench-passphrase");
            }
            let (store, _) = open(&dir).await?;
            eprintln!("bench store: {} ({customers} customers)", dir.display());
            let fill =
                bench::fill_to(&store, customers, seed, |d| eprint!("\rfilling {d}")).await?;
            eprintln!();
            if wanted("demo") {
                let rates = match fill {
                    Some(f) => f,
                    None => bench::demo_rate_on_scratch(customers.min(100_000), seed).await?,
                };
                for rate in &rates {
                    print(rate, json);
                }
                print(&bench::generate_rate(customers.min(200_000), seed), json);
            }
            if wanted("customers") {
                for f in bench::list_figures(&store).await? {
                    print(&f, json);
                }
            }
            if wanted("money") {
                for f in bench::money_figures(&store, seed).await? {
                    print(&f, json);
                }
            }
            if wanted("today") {
                for f in bench::today_figures(&store).await? {
                    print(&f, json);
                }
            }
            if wanted("duplicates") {
                for f in bench::duplicate_figures(&store, seed).await? {
                    print(&f, json);
                }
            }
            if wanted("export") {
                for f in bench::export_figures(&store, customers).await? {
                    print(&f, json);
                }
            }
            if wanted("import") {
                for f in bench::import_figures(customers.min(100_000), seed).await? {
                    print(&f, json);
                }
            }
            if wanted("search") {
                for f in bench::search_figures(&store, seed).await? {
                    print(&f, json);
                }
            }
            if wanted("reports") {
                for f in bench::report_figures(&store).await? {
                    print(&f, json);
                }
            }
            let key = store.key().clone();
            store.close().await;
            if wanted("store") {
                print(&bench::open_figure(&dir, &key).await?, json);
            }
        }
        Command::Explain { sql } => {
            let (store, _) = open(&dir).await?;
            for line in bench::explain(&store, &sql).await? {
                println!("{line}");
            }
            store.close().await;
        }
        Command::Search { query, limit, json } => {
            let (store, _) = open(&dir).await?;
            for hit in crm_core::search::search(&store, &query, limit).await? {
                if json {
                    println!("{}", serde_json::to_string(&hit).expect("serializes"));
                } else {
                    let kind = format!("{:?}", hit.kind).to_lowercase();
                    let how = format!("{:?}/{:?}", hit.tier, hit.matched).to_lowercase();
                    println!(
                        "{kind:<8} {:>8}  {}  ({})  {how}",
                        hit.id,
                        hit.name,
                        hit.detail.unwrap_or_default()
                    );
                }
            }
            store.close().await;
        }
        Command::Today { date, json } => {
            let (store, _) = open(&dir).await?;
            let day = date.unwrap_or_else(|| {
                let now = crm_core::time::now_ms() + 8 * 3_600_000;
                chrono::DateTime::from_timestamp_millis(now)
                    .unwrap_or_default()
                    .format("%Y-%m-%d")
                    .to_string()
            });
            let q = crm_core::reminder::TodayQuery::on(day, 480);
            let t = std::time::Instant::now();
            let view = crm_core::reminder::today(&store, &q).await?;
            let took = t.elapsed();
            if json {
                println!("{}", serde_json::to_string(&view).expect("serializes"));
            } else {
                let sections = [
                    ("overdue", &view.overdue),
                    ("today", &view.today),
                    ("upcoming", &view.upcoming),
                    ("dormant", &view.dormant),
                ];
                for (title, list) in sections {
                    println!("{title}: {}", list.len());
                    for r in list.iter().take(5) {
                        println!(
                            "  {:?} {} {} {}",
                            r.kind,
                            r.due,
                            r.name,
                            r.detail.clone().unwrap_or_default()
                        );
                    }
                }
                println!(
                    "overdue in all: {}, dormant in all: {} ({took:.1?})",
                    view.overdue_total, view.dormant_total
                );
            }
            store.close().await;
        }
        Command::Check => {
            let (store, _) = open(&dir).await?;
            let c = store.check().await?;
            println!("integrity: {}", c.messages.join("; "));
            println!("schema version: {}", c.schema_version);
            println!(
                "customers: {} live, {} in the trash",
                c.customers, c.trashed
            );
            println!(
                "products: {}, contracts: {}, installments: {}, receipts: {}, documents: {}",
                c.products, c.contracts, c.installments, c.receipts, c.documents
            );
            store.close().await;
            if !c.ok {
                std::process::exit(1);
            }
        }
        Command::Export {
            entity,
            out,
            format,
            language,
        } => {
            let request = export_request(&entity, &out, format.as_deref(), &language)?;
            let (store, _) = open(&dir).await?;
            let start = std::time::Instant::now();
            let summary = crm_core::export::export(&store, &request, Default::default(), |p| {
                eprint!("\r{}/{}", p.done, p.total)
            })
            .await;
            store.close().await;
            let summary = summary?;
            eprintln!(
                "\rexported {} rows on {} sheet(s) to {} in {:.1} s",
                summary.rows,
                summary.sheets,
                summary.path,
                start.elapsed().as_secs_f64()
            );
        }
        Command::Import {
            entity,
            file,
            dry_run,
            mode,
            r#match,
            json,
            rejects,
        } => {
            use crm_core::import::{self, ImportMode, ImportRequest, MatchKey};
            let entity = crm_core::record::RecordKind::parse(&entity)
                .ok_or(CoreError::invalid("entity", "unknown"))?;
            let mode = match mode.as_str() {
                "create" => ImportMode::Create,
                "update" => ImportMode::Update,
                "upsert" => ImportMode::Upsert,
                _ => return Err(CoreError::invalid("mode", "unknown")),
            };
            let match_keys = r#match
                .iter()
                .map(|k| match k.as_str() {
                    "uscc" => Ok(MatchKey::Uscc),
                    "name" => Ok(MatchKey::Name),
                    "mobile" => Ok(MatchKey::Mobile),
                    _ => Err(CoreError::invalid("match", "unknown")),
                })
                .collect::<Result<Vec<_>>>()?;
            let preview =
                import::inspect(&file, entity, crm_core::settings::Language::ZhCn).await?;
            let (store, _) = open(&dir).await?;
            let request = ImportRequest {
                path: file.to_string_lossy().into_owned(),
                entity,
                mapping: preview.mapping,
                mode,
                match_keys,
                dry_run,
            };
            let start = std::time::Instant::now();
            let result = import::run(&store, &request, |p| {
                if !json {
                    eprint!("\r{}/{}", p.done, p.total)
                }
            })
            .await;
            let report = match result {
                Ok(r) => r,
                Err(e) => {
                    store.close().await;
                    return Err(e);
                }
            };
            if let (Some(path), Some(id)) = (&rejects, report.import_id) {
                import::write_rejects(&store, id, path, crm_core::settings::Language::ZhCn).await?;
            }
            store.close().await;
            if json {
                println!(
                    "{}",
                    serde_json::json!({
                        "importId": report.import_id,
                        "dryRun": report.dry_run,
                        "total": report.total,
                        "created": report.created,
                        "updated": report.updated,
                        "unchanged": report.unchanged,
                        "rejected": report.rejected,
                        "rejects": report.rejects,
                    })
                );
            } else {
                eprintln!();
                println!(
                    "{}{} rows: {} created, {} updated, {} unchanged, {} rejected ({:.1} s){}",
                    if report.dry_run { "dry run: " } else { "" },
                    report.total,
                    report.created,
                    report.updated,
                    report.unchanged,
                    report.rejected,
                    start.elapsed().as_secs_f64(),
                    report
                        .import_id
                        .map(|id| format!("; import id {id} (crmctl import-revert {id})"))
                        .unwrap_or_default()
                );
                for r in report.rejects.iter().take(20) {
                    println!(
                        "  row {}: {}",
                        r.row,
                        import::reason_words(
                            request.entity,
                            r.field.as_deref(),
                            &r.reason,
                            crm_core::settings::Language::ZhCn
                        )
                    );
                }
            }
        }
        Command::ImportRevert { id } => {
            let (store, _) = open(&dir).await?;
            let record = crm_core::import::revert(&store, id).await;
            store.close().await;
            let record = record?;
            println!(
                "reverted import {} ({}): {} created removed, {} updated restored",
                record.id, record.file_name, record.created, record.updated
            );
        }
        Command::Report {
            name,
            from,
            to,
            as_of,
            compare,
            grain,
            measure,
            month,
            limit,
            json,
            out,
            language,
        } => {
            use crm_core::report::{self, Comparison, Grain, Measure, ReportName, ReportQuery};
            let language: crm_core::settings::Language =
                serde_json::from_value(serde_json::Value::String(language))
                    .map_err(|_| CoreError::invalid("language", "unknown"))?;
            if name == "list" {
                for r in ReportName::ALL {
                    println!(
                        "{:<14} {}",
                        r.as_str(),
                        report::label(language, &format!("report.{}.title", r.as_str()))
                    );
                }
                return Ok(());
            }
            let enum_of =
                |v: Option<String>, field: &'static str, names: &[&str]| -> Result<Option<usize>> {
                    match v {
                        None => Ok(None),
                        Some(v) => names
                            .iter()
                            .position(|n| *n == v)
                            .map(Some)
                            .ok_or(CoreError::invalid(field, "unknown")),
                    }
                };
            let compare = match enum_of(
                compare,
                "compare",
                &["none", "previous-period", "previous-year"],
            )? {
                Some(1) => Comparison::PreviousPeriod,
                Some(2) => Comparison::PreviousYear,
                _ => Comparison::None,
            };
            let grain = match enum_of(grain, "grain", &["month", "quarter", "year"])? {
                Some(1) => Grain::Quarter,
                Some(2) => Grain::Year,
                _ => Grain::Month,
            };
            let measure = match enum_of(measure, "measure", &["signed", "received"])? {
                Some(1) => Measure::Received,
                _ => Measure::Signed,
            };
            // A wrong name or day is said before the store is opened.
            let which = match name.as_str() {
                "pack" => None,
                other => {
                    Some(ReportName::parse(other).ok_or(CoreError::invalid("name", "unknown"))?)
                }
            };
            for (field, day) in [("from", &from), ("to", &to), ("asOf", &as_of)] {
                if let Some(d) = day {
                    report::period::parse_day(field, d)?;
                }
            }
            let (store, _) = open(&dir).await?;
            let cache = report::Cache::default();
            let mut ctx = report::Context::new(&store, &cache, Some(language));
            ctx.progress = Arc::new(|done, total| eprint!("\rcomputing {done}/{total} "));
            let result = async {
                let Some(which) = which else {
                    let month = month.ok_or(CoreError::invalid("month", "required"))?;
                    let out = out.clone().ok_or(CoreError::invalid("out", "required"))?;
                    let reports = report::pack(&ctx, &month, language).await?;
                    report::xlsx::write_pack(&out, &month, &reports, language)?;
                    eprintln!("\rwrote {} reports to {}", reports.len(), out.display());
                    return Ok(());
                };
                let query = ReportQuery {
                    from,
                    to,
                    compare,
                    grain,
                    measure,
                    as_of,
                    limit,
                    language: Some(language),
                    ..Default::default()
                };
                let r = report::run(&ctx, which, &query).await?;
                if let Some(out) = &out {
                    report::xlsx::write_report(out, &r, language)?;
                    eprintln!("wrote {} to {}", r.title, out.display());
                }
                if json {
                    println!(
                        "{}",
                        serde_json::to_string(&r).expect("a report serializes")
                    );
                } else if out.is_none() {
                    print_report(&r);
                }
                Ok::<(), CoreError>(())
            }
            .await;
            store.close().await;
            result?;
        }
        Command::RecoveryKey => {
            let (store, _) = open(&dir).await?;
            println!("{}", store.recovery_key());
            store.close().await;
        }
    }
    Ok(())
}

/// A report as plain text: its figures, then each table.
fn print_report(r: &crm_core::report::Report) {
    use crm_core::report::Cell;
    let show = |c: &Cell| match c {
        Cell::Int(v) => v.to_string(),
        Cell::Float(v) => format!("{v:.4}"),
        Cell::Text(t) => t.clone(),
        Cell::Empty => "—".into(),
    };
    println!("{} ({})", r.title, r.as_of);
    for p in &r.parameters {
        println!("  {}: {}", p.label, p.value);
    }
    for n in &r.notes {
        println!("  * {n}");
    }
    for k in &r.kpis {
        println!(
            "  {:<24} {:>16} {:>16} {:>8}",
            k.label,
            show(&k.value),
            show(&k.previous),
            show(&k.change)
        );
    }
    for s in &r.sections {
        println!("\n{}", s.title);
        println!(
            "  {}",
            s.columns
                .iter()
                .map(|c| c.label.clone())
                .collect::<Vec<_>>()
                .join(" | ")
        );
        for row in &s.rows {
            println!(
                "  {}",
                row.cells.iter().map(show).collect::<Vec<_>>().join(" | ")
            );
        }
        if let Some(t) = &s.totals {
            println!("  {}", t.iter().map(show).collect::<Vec<_>>().join(" | "));
        }
        if let Some(n) = s.total_rows {
            println!("  … {n} rows in all");
        }
    }
}

fn export_request(
    entity: &str,
    out: &Path,
    format: Option<&str>,
    language: &str,
) -> Result<crm_core::export::ExportRequest> {
    use crm_core::export::ExportFormat;
    let entity = match entity {
        "book" => None,
        e => Some(
            crm_core::record::RecordKind::parse(e)
                .ok_or(CoreError::invalid("entity", "unknown"))?,
        ),
    };
    let ext = out.extension().and_then(|e| e.to_str()).unwrap_or_default();
    let format = match format.unwrap_or(ext).to_ascii_lowercase().as_str() {
        "xlsx" => ExportFormat::Xlsx,
        "csv" => ExportFormat::Csv,
        _ => return Err(CoreError::invalid("format", "unknown")),
    };
    let language = serde_json::from_value(serde_json::Value::String(language.into()))
        .map_err(|_| CoreError::invalid("language", "unknown"))?;
    Ok(crm_core::export::ExportRequest {
        entity,
        query: None,
        contracts: None,
        format,
        path: out.to_string_lossy().into_owned(),
        language,
    })
}

#[tokio::main]
async fn main() {
    if let Err(e) = run(Cli::parse()).await {
        eprintln!("crmctl: {e}");
        std::process::exit(2);
    }
}
