//! `crmctl report` as a script uses it: the list of reports, a report as one JSON object with the
//! fields scripts read (Pareto's share, RFM's segments, the lifetime-value models), a workbook, and
//! bad arguments refused with the reason on stderr and a non-zero exit.

use std::path::Path;
use std::process::{Command, Output};

fn crmctl(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crmctl"))
        .arg("--dir")
        .arg(dir)
        .args(args)
        // Where no keychain answers, the store is made with this passphrase.
        .env("CRM_PASSPHRASE", "crmctl-report-test")
        .output()
        .expect("crmctl runs")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "crmctl failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn the_list_names_every_report_first_then_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let list = ok(&crmctl(dir.path(), &["report", "list", "--language", "en"]));
    let names: Vec<&str> = list
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "dashboard",
            "sales",
            "receivables",
            "customers",
            "follow-ups",
            "pareto",
            "rfm",
            "loyalty",
            "clv",
            "churn",
            "value-matrix"
        ]
    );
    assert!(list.lines().next().unwrap().ends_with("Business overview"));
}

#[test]
fn bad_arguments_exit_non_zero_with_the_reason_and_touch_no_store() {
    let dir = tempfile::tempdir().unwrap();
    for (args, reason) in [
        (vec!["report", "horoscope"], "name: unknown"),
        (
            vec![
                "report",
                "sales",
                "--from",
                "2026-05-01",
                "--to",
                "2026-04-01",
            ],
            "to: before_from",
        ),
        (
            vec!["report", "sales", "--from", "yesterday"],
            "from: format",
        ),
        (
            vec!["report", "rfm", "--as-of", "2026-02-30"],
            "asOf: format",
        ),
        (
            vec!["report", "sales", "--compare", "sideways"],
            "compare: unknown",
        ),
        (vec!["report", "pack", "--out", "x.xlsx"], "month: required"),
    ] {
        let out = crmctl(dir.path(), &args);
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(reason), "{args:?}: {err}");
    }
}

#[test]
fn a_report_prints_one_json_object_and_writes_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    ok(&crmctl(
        dir.path(),
        &["demo-data", "--customers", "800", "--seed", "4"],
    ));
    let pareto: serde_json::Value = serde_json::from_str(&ok(&crmctl(
        dir.path(),
        &[
            "report",
            "pareto",
            "--from",
            "1900-01-01",
            "--to",
            "2100-12-31",
            "--json",
        ],
    )))
    .unwrap();
    let share = pareto["share_of_customers_for_80_percent"]
        .as_f64()
        .unwrap();
    assert!(
        share > 0.0 && share < 1.0,
        "a fraction, not a percentage: {share}"
    );

    let rfm: serde_json::Value = serde_json::from_str(&ok(&crmctl(
        dir.path(),
        &["report", "rfm", "--json", "--limit", "5"],
    )))
    .unwrap();
    let sizes: i64 = rfm["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["customers"].as_i64().unwrap())
        .sum();
    assert_eq!(rfm["segments"].as_array().unwrap().len(), 8);
    assert!(sizes > 0);

    let clv: serde_json::Value = serde_json::from_str(&ok(&crmctl(
        dir.path(),
        &["report", "clv", "--json", "--limit", "3"],
    )))
    .unwrap();
    assert_eq!(clv["unit"], "day");
    for key in ["r", "alpha", "a", "b"] {
        assert!(
            clv["bgnbd"][key].as_f64().is_some_and(|v| v > 0.0),
            "bgnbd.{key}: {}",
            clv["bgnbd"]
        );
    }
    for key in ["p", "q", "gamma"] {
        assert!(
            clv["gamma_gamma"][key].as_f64().is_some_and(|v| v > 0.0),
            "gamma_gamma.{key}"
        );
    }
    let first = &clv["customers"][0];
    let p = first["p_alive"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&p));
    assert!(
        first["name"].is_string()
            && first["expected_purchases_365"].is_number()
            && first["predicted_value_365"].is_number()
    );

    let out = dir.path().join("月报.xlsx");
    let month = (chrono::Local::now().date_naive() - chrono::Duration::days(31))
        .format("%Y-%m")
        .to_string();
    ok(&crmctl(
        dir.path(),
        &[
            "report",
            "pack",
            "--month",
            &month,
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    assert!(
        std::fs::metadata(&out).unwrap().len() > 10_000,
        "the pack holds every report"
    );
}
