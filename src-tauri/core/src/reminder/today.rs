//! The Today view: follow-ups due (overdue, today, coming days), contacts' birthdays, customers to keep in
//! touch with, and customers gone quiet. Each list is read from an index in date order, never a scan.

use chrono::{Duration, NaiveDate};

use crate::error::{CoreError, Result};
use crate::field::Day;
use crate::store::Store;

use super::birthday_days::birthday_days;
use super::model::{Reminder, ReminderKind, TodayQuery, TodayView, COUNT_CAP, LIST_LIMIT};

const DAY_MS: i64 = 86_400_000;

/// The Today view for `q.today`.
pub async fn today(store: &Store, q: &TodayQuery) -> Result<TodayView> {
    let today = Day::parse("today", &q.today)?.date();
    let ahead = q.ahead_days.min(60) as i64;
    let end = today + Duration::days(ahead);
    let offset_ms = q.utc_offset_minutes as i64 * 60_000;
    let day_of = |ms: i64| {
        (chrono::DateTime::from_timestamp_millis(ms + offset_ms).unwrap_or_default()).date_naive()
    };
    let start_ms = |d: NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc()
            .timestamp_millis()
            - offset_ms
    };
    let t = text(today);
    let e = text(end);
    let r = store.read();

    // Follow-ups the user asked for: overdue ones most recent first, the rest by date.
    let overdue: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT c.id, c.name, c.next_follow_up FROM customers c WHERE c.deleted_at IS NULL AND c.next_follow_up IS NOT NULL \
         AND c.next_follow_up < ?1 AND NOT EXISTS (SELECT 1 FROM reminder_actions a WHERE a.kind = 'followUp' \
         AND a.entity_id = c.id AND a.due = c.next_follow_up AND (a.done = 1 OR a.snooze_until > ?1)) \
         ORDER BY c.next_follow_up DESC LIMIT ?2",
    )
    .bind(&t)
    .bind(LIST_LIMIT)
    .fetch_all(r)
    .await?;
    let overdue_total: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM (SELECT 1 FROM customers WHERE deleted_at IS NULL AND next_follow_up IS NOT NULL \
         AND next_follow_up < ? LIMIT ?)",
    )
    .bind(&t)
    .bind(COUNT_CAP)
    .fetch_one(r)
    .await?;
    let coming: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT c.id, c.name, c.next_follow_up FROM customers c WHERE c.deleted_at IS NULL AND c.next_follow_up IS NOT NULL \
         AND c.next_follow_up BETWEEN ?1 AND ?2 AND NOT EXISTS (SELECT 1 FROM reminder_actions a WHERE a.kind = 'followUp' \
         AND a.entity_id = c.id AND a.due = c.next_follow_up AND (a.done = 1 OR a.snooze_until > ?1)) \
         ORDER BY c.next_follow_up LIMIT ?3",
    )
    .bind(&t)
    .bind(&e)
    .bind(LIST_LIMIT)
    .fetch_all(r)
    .await?;

    // Birthdays from today to the horizon, solar and lunar, day by day, so the nearest fill the lists first.
    let mut birthdays: Vec<(NaiveDate, (i64, i64, String, String))> = Vec::new();
    for b in birthday_days(today, end) {
        let room = LIST_LIMIT * 2 - birthdays.len() as i64;
        if room <= 0 {
            break;
        }
        // The calendar is written out, not bound, so that SQLite can use the partial index of each.
        let sql = format!(
            "SELECT ct.id, ct.customer_id, ct.name, cu.name FROM contacts ct \
             JOIN customers cu ON cu.id = ct.customer_id \
             WHERE ct.deleted_at IS NULL AND ct.birthday IS NOT NULL AND ct.birthday_lunar = {} \
             AND substr(ct.birthday, -5) = ? AND cu.deleted_at IS NULL LIMIT ?",
            b.lunar as u8
        );
        let rows: Vec<(i64, i64, String, String)> = sqlx::query_as(&sql)
            .bind(&b.month_day)
            .bind(room)
            .fetch_all(r)
            .await?;
        birthdays.extend(rows.into_iter().map(|row| (b.day, row)));
    }

    // Customers to keep in touch with every N days, due by the horizon.
    let touch: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT id, name, coalesce(last_follow_up_at, created_at) + touch_every_days * 86400000 FROM customers \
         WHERE deleted_at IS NULL AND touch_every_days IS NOT NULL \
         AND coalesce(last_follow_up_at, created_at) + touch_every_days * 86400000 < ? ORDER BY 3 LIMIT ?",
    )
    .bind(start_ms(end) + DAY_MS)
    .bind(LIST_LIMIT)
    .fetch_all(r)
    .await?;

    // Customers silent for longer than the rule allows: the most recently silent first.
    let cutoff = start_ms(today) - q.dormant_days as i64 * DAY_MS;
    let dormant_rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT id, name, coalesce(last_follow_up_at, created_at) FROM customers WHERE deleted_at IS NULL \
         AND coalesce(last_follow_up_at, created_at) < ? ORDER BY 3 DESC LIMIT ?",
    )
    .bind(cutoff)
    .bind(LIST_LIMIT)
    .fetch_all(r)
    .await?;
    let dormant_total: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM (SELECT 1 FROM customers WHERE deleted_at IS NULL \
         AND coalesce(last_follow_up_at, created_at) < ? LIMIT ?)",
    )
    .bind(cutoff)
    .bind(COUNT_CAP)
    .fetch_one(r)
    .await?;

    let mut view = TodayView {
        overdue: Vec::new(),
        today: Vec::new(),
        upcoming: Vec::new(),
        dormant: Vec::new(),
        overdue_total,
        dormant_total,
        payments_overdue: Vec::new(),
        payments_overdue_total: 0,
        payments_due: Vec::new(),
        contracts_ending: Vec::new(),
    };
    // A follow-up reminder is the customer's, due on its 下次跟进时间.
    let follow_up = |(id, name, due): (i64, String, String)| Reminder {
        kind: ReminderKind::FollowUp,
        entity_id: id,
        customer_id: id,
        name,
        detail: None,
        due,
        amount: None,
    };
    view.overdue.extend(overdue.into_iter().map(follow_up));
    let mut dated: Vec<Reminder> = coming.into_iter().map(follow_up).collect();
    for (day, (id, customer_id, name, customer)) in birthdays {
        dated.push(Reminder {
            kind: ReminderKind::Birthday,
            entity_id: id,
            customer_id,
            name,
            detail: Some(customer),
            due: text(day),
            amount: None,
        });
    }
    for (id, name, due_ms) in touch {
        let due = day_of(due_ms).max(today);
        let kind = ReminderKind::KeepInTouch;
        dated.push(Reminder {
            kind,
            entity_id: id,
            customer_id: id,
            name,
            detail: None,
            due: text(due),
            amount: None,
        });
    }
    // Birthdays and keeping in touch the user marked done or snoozed for that day (follow-ups were
    // filtered in SQL).
    let acted: std::collections::HashSet<(ReminderKind, i64, String)> = sqlx::query_as::<_, (ReminderKind, i64, String)>(
        "SELECT kind, entity_id, due FROM reminder_actions WHERE kind IN ('birthday', 'keepInTouch') \
         AND due BETWEEN ?1 AND ?2 AND (done = 1 OR snooze_until > ?1)",
    )
    .bind(&t)
    .bind(&e)
    .fetch_all(r)
    .await?
    .into_iter()
    .collect();
    dated.retain(|x| {
        x.kind == ReminderKind::FollowUp || !acted.contains(&(x.kind, x.entity_id, x.due.clone()))
    });
    dated.sort_by(|a, b| a.due.cmp(&b.due).then(a.name.cmp(&b.name)));
    for r in dated {
        if r.due == t {
            view.today.push(r);
        } else {
            view.upcoming.push(r);
        }
    }
    view.today.truncate(LIST_LIMIT as usize);
    view.upcoming.truncate(LIST_LIMIT as usize);
    for (id, name, at) in dormant_rows {
        let due = text(day_of(at));
        view.dormant.push(Reminder {
            kind: ReminderKind::Dormant,
            entity_id: id,
            customer_id: id,
            name,
            detail: None,
            due,
            amount: None,
        });
    }
    super::money::add_to(store, &mut view, today, q).await?;
    Ok(view)
}

fn text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Marks a reminder done, or snoozes it until a later day; it leaves Today either way.
pub async fn act(
    store: &Store,
    kind: ReminderKind,
    entity_id: i64,
    due: &str,
    snooze_until: Option<&str>,
) -> Result<()> {
    let due = Day::parse("due", due)?.to_text();
    let snooze = match snooze_until {
        Some(s) => Some(Day::parse("snoozeUntil", s)?.to_text()),
        None => None,
    };
    if snooze.as_deref().is_some_and(|s| s <= due.as_str()) {
        return Err(CoreError::invalid("snoozeUntil", "not_after_due"));
    }
    let mut tx = store.write().await?;
    sqlx::query(
        "INSERT INTO reminder_actions (kind, entity_id, due, done, snooze_until, acted_at) VALUES (?, ?, ?, ?, ?, ?) \
         ON CONFLICT (kind, entity_id, due) DO UPDATE SET done = excluded.done, snooze_until = excluded.snooze_until, \
         acted_at = excluded.acted_at",
    )
    .bind(kind)
    .bind(entity_id)
    .bind(&due)
    .bind(snooze.is_none())
    .bind(&snooze)
    .bind(crate::time::now_ms())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
