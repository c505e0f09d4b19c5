//! Follow-ups and the Today view on a real encrypted store: the next date becomes the customer's 下次跟进时间,
//! Today sorts it into overdue / today / upcoming, done and snooze take it away, birthdays (02-29 included)
//! and "keep in touch" come up on their day, and quiet customers are listed as dormant.

mod support;

use chrono::{Duration, NaiveDate};
use crm_core::contact::ContactInput;
use crm_core::customer::CustomerInput;
use crm_core::follow_up::{FollowUpInput, FollowUpKind};
use crm_core::record::RecordKind;
use crm_core::reminder::{act, today, ReminderKind, TodayQuery, TodayView};
use crm_core::store::Store;
use support::fresh;

async fn customer(store: &Store, name: &str) -> i64 {
    store
        .customers()
        .create_from(&CustomerInput {
            name: name.into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .id
}

fn note(next: Option<&str>) -> FollowUpInput {
    FollowUpInput {
        kind: FollowUpKind::Call,
        content: "电话沟通报价".into(),
        next_date: next.map(Into::into),
        ..Default::default()
    }
}

async fn view(store: &Store, day: &str) -> TodayView {
    today(store, &TodayQuery::on(day, 480)).await.unwrap()
}

fn names(list: &[crm_core::reminder::Reminder]) -> Vec<&str> {
    list.iter().map(|r| r.name.as_str()).collect()
}

#[tokio::test]
async fn the_latest_follow_ups_next_date_is_the_customers_next_follow_up() {
    let (_d, store) = fresh().await;
    let id = customer(&store, "北京华远科技有限公司").await;
    let first = store
        .follow_ups()
        .create_from(
            id,
            &FollowUpInput {
                happened_at: Some(1_000),
                ..note(Some("2026-12-01"))
            },
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .customers()
            .get(id)
            .await
            .unwrap()
            .next_follow_up
            .as_deref(),
        Some("2026-12-01")
    );
    let second = store
        .follow_ups()
        .create_from(
            id,
            &FollowUpInput {
                happened_at: Some(2_000),
                ..note(Some("2026-12-08"))
            },
        )
        .await
        .unwrap();
    let c = store.customers().get(id).await.unwrap();
    assert_eq!(
        (c.next_follow_up.as_deref(), c.last_follow_up_at),
        (Some("2026-12-08"), Some(2_000))
    );
    store
        .trash()
        .put(RecordKind::FollowUps, second.id)
        .await
        .unwrap();
    assert_eq!(
        store
            .customers()
            .get(id)
            .await
            .unwrap()
            .next_follow_up
            .as_deref(),
        Some("2026-12-01"),
        "the earlier one's date again"
    );
    store
        .trash()
        .restore(RecordKind::FollowUps, second.id)
        .await
        .unwrap();
    let list = store.follow_ups().of_customer(id).await.unwrap();
    assert_eq!(
        list.iter().map(|f| f.id).collect::<Vec<_>>(),
        vec![second.id, first.id],
        "newest first"
    );
    let h = crm_core::history::of(&store, RecordKind::Customers, id)
        .await
        .unwrap();
    assert!(
        h.iter().any(|e| e.field == "nextFollowUp"),
        "the customer's history shows the next date changing"
    );
}

#[tokio::test]
async fn the_contact_spoken_to_must_be_the_customers() {
    let (_d, store) = fresh().await;
    let a = customer(&store, "华远").await;
    let b = customer(&store, "金腾").await;
    let zhang = store
        .contacts()
        .create_from(
            b,
            &ContactInput {
                name: "张三".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let e = store
        .follow_ups()
        .create_from(
            a,
            &FollowUpInput {
                contact_id: Some(zhang.id),
                ..note(None)
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.to_string(), "contactId: not_of_customer");
    let f = store
        .follow_ups()
        .create_from(
            b,
            &FollowUpInput {
                contact_id: Some(zhang.id),
                ..note(None)
            },
        )
        .await
        .unwrap();
    assert_eq!(f.contact_name.as_deref(), Some("张三"));
}

#[tokio::test]
async fn today_sorts_follow_ups_into_overdue_today_and_upcoming_and_done_or_snooze_takes_them_away()
{
    let (_d, store) = fresh().await;
    for (name, next) in [
        ("昨天", "2026-11-22"),
        ("今天", "2026-11-23"),
        ("三天后", "2026-11-26"),
        ("下个月", "2026-12-23"),
    ] {
        let id = customer(&store, name).await;
        store
            .follow_ups()
            .create_from(id, &note(Some(next)))
            .await
            .unwrap();
    }
    let v = view(&store, "2026-11-23").await;
    assert_eq!(names(&v.overdue), vec!["昨天"]);
    assert_eq!(names(&v.today), vec!["今天"]);
    assert_eq!(
        names(&v.upcoming),
        vec!["三天后"],
        "beyond seven days is not shown yet"
    );
    assert_eq!(v.overdue_total, 1);
    let today_one = &v.today[0];
    act(
        &store,
        ReminderKind::FollowUp,
        today_one.entity_id,
        &today_one.due,
        None,
    )
    .await
    .unwrap();
    act(
        &store,
        ReminderKind::FollowUp,
        v.overdue[0].entity_id,
        &v.overdue[0].due,
        Some("2026-11-25"),
    )
    .await
    .unwrap();
    let v = view(&store, "2026-11-23").await;
    assert!(
        v.today.is_empty() && v.overdue.is_empty(),
        "done and snoozed leave Today"
    );
    let later = view(&store, "2026-11-25").await;
    assert_eq!(
        names(&later.overdue),
        vec!["昨天"],
        "a snoozed reminder comes back on its day"
    );
    let e = act(
        &store,
        ReminderKind::FollowUp,
        1,
        "2026-11-23",
        Some("2026-11-23"),
    )
    .await
    .unwrap_err();
    assert_eq!(e.to_string(), "snoozeUntil: not_after_due");
}

#[tokio::test]
async fn birthdays_come_up_on_their_day_and_the_29th_of_february_on_the_28th_in_other_years() {
    let (_d, store) = fresh().await;
    let id = customer(&store, "华远").await;
    for (name, birthday) in [
        ("闰日", "1988-02-29"),
        ("三月", "1990-03-02"),
        ("元旦", "01-01"),
    ] {
        let c = ContactInput {
            name: name.into(),
            birthday: Some(birthday.into()),
            ..Default::default()
        };
        store.contacts().create_from(id, &c).await.unwrap();
    }
    let v = view(&store, "2027-02-28").await;
    assert_eq!(names(&v.today), vec!["闰日"], "2027 has no 29 February");
    assert_eq!(
        v.upcoming
            .iter()
            .map(|r| (r.name.as_str(), r.due.as_str()))
            .collect::<Vec<_>>(),
        vec![("三月", "2027-03-02")]
    );
    assert_eq!(
        v.today[0].detail.as_deref(),
        Some("华远"),
        "a birthday says whose contact it is"
    );
    let leap = view(&store, "2028-02-28").await;
    assert_eq!(
        leap.upcoming
            .iter()
            .map(|r| (r.name.as_str(), r.due.as_str()))
            .collect::<Vec<_>>(),
        vec![("闰日", "2028-02-29"), ("三月", "2028-03-02")]
    );
    let new_year = view(&store, "2026-12-30").await;
    assert_eq!(
        new_year
            .upcoming
            .iter()
            .map(|r| r.due.as_str())
            .collect::<Vec<_>>(),
        vec!["2027-01-01"],
        "across the new year"
    );
}

#[tokio::test]
async fn keeping_in_touch_and_dormant_customers_follow_the_last_follow_up() {
    let (_d, store) = fresh().await;
    let touch = store
        .customers()
        .create_from(&CustomerInput {
            name: "每月联系".into(),
            touch_every_days: Some(30),
            ..Default::default()
        })
        .await
        .unwrap()
        .id;
    let quiet = customer(&store, "很久没联系").await;
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let ms = |d: NaiveDate| d.and_hms_opt(4, 0, 0).unwrap().and_utc().timestamp_millis();
    store
        .follow_ups()
        .create_from(
            touch,
            &FollowUpInput {
                happened_at: Some(ms(day - Duration::days(28))),
                ..note(None)
            },
        )
        .await
        .unwrap();
    store
        .follow_ups()
        .create_from(
            quiet,
            &FollowUpInput {
                happened_at: Some(ms(day - Duration::days(200))),
                ..note(None)
            },
        )
        .await
        .unwrap();
    let v = view(&store, "2026-11-23").await;
    let due: Vec<(&str, &str)> = v
        .upcoming
        .iter()
        .map(|r| (r.name.as_str(), r.due.as_str()))
        .collect();
    assert_eq!(
        due,
        vec![("每月联系", "2026-11-25")],
        "30 days after the last follow-up"
    );
    assert_eq!(names(&v.dormant), vec!["很久没联系"]);
    assert_eq!(v.dormant_total, 1);
    let e = store
        .customers()
        .create_from(&CustomerInput {
            name: "x".into(),
            touch_every_days: Some(0),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(e.to_string(), "touchEveryDays: range");
}

#[tokio::test]
async fn demo_customers_next_follow_up_is_what_their_latest_follow_up_asked_for() {
    let (_d, store) = fresh().await;
    crm_core::demo::Generator::new(5, 1_800_000_000_000)
        .fill(&store, 300, |_| {})
        .await
        .unwrap();
    let mut with_follow_ups = 0;
    let mut with_next = 0;
    for id in 1..=300 {
        let c = store.customers().get(id).await.unwrap();
        let list = store.follow_ups().of_customer(id).await.unwrap();
        if let Some(latest) = list.first() {
            with_follow_ups += 1;
            assert_eq!(c.next_follow_up, latest.next_date, "customer {id}");
            assert_eq!(c.last_follow_up_at, Some(latest.happened_at));
            with_next += c.next_follow_up.is_some() as usize;
        } else {
            assert_eq!((c.next_follow_up, c.last_follow_up_at), (None, None));
        }
    }
    assert!(
        with_follow_ups > 150 && with_next > 40,
        "a realistic share have follow-ups ({with_follow_ups}) and next dates ({with_next})"
    );
}

#[tokio::test]
async fn a_lunar_birthday_comes_up_on_the_solar_day_of_its_lunar_date_this_year() {
    let (_d, store) = fresh().await;
    let id = customer(&store, "华远").await;
    for (name, birthday, lunar) in [
        ("正月初一", "01-01", true),
        ("腊月三十", "1980-12-30", true),
        ("阳历一月一", "01-01", false),
    ] {
        let c = ContactInput {
            name: name.into(),
            birthday: Some(birthday.into()),
            birthday_lunar: lunar,
            ..Default::default()
        };
        store.contacts().create_from(id, &c).await.unwrap();
    }
    // 春节 2026 is 17 February; the twelfth month of 乙巳 has 29 days, so 腊月三十 falls on 除夕, 16 February.
    let v = view(&store, "2026-02-14").await;
    let due: Vec<(&str, &str)> = v
        .upcoming
        .iter()
        .map(|r| (r.name.as_str(), r.due.as_str()))
        .collect();
    assert_eq!(
        due,
        vec![("腊月三十", "2026-02-16"), ("正月初一", "2026-02-17")],
        "lunar birthdays on this year's solar days"
    );
    let v = view(&store, "2026-01-01").await;
    assert_eq!(
        names(&v.today),
        vec!["阳历一月一"],
        "a solar 01-01 is not a lunar one"
    );
}
