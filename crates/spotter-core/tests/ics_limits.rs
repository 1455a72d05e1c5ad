//! An .ics file is bounded by what it makes, not only by its bytes: a small file of repeating
//! events that would make tens of thousands of sessions is refused whole, with the fix.

use spotter_core::ics::import;
use spotter_core::schedule::trainers;
use spotter_store::paths::DataDir;
use spotter_store::{Database, ErrorCode};

fn daily_events(n: usize) -> String {
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
    let today = chrono::Utc::now().date_naive();
    for i in 0..n {
        text.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:daily-{i}@test\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:{}T{:02}0000Z\r\nDURATION:PT30M\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Block {i}\r\nEND:VEVENT\r\n",
            today.format("%Y%m%d"),
            6 + i % 12
        ));
    }
    text.push_str("END:VCALENDAR\r\n");
    text
}

#[tokio::test]
async fn an_import_that_would_make_too_many_sessions_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    let me = trainers::me(&db).await.unwrap();
    // 40 events of a few hundred bytes, each repeating daily for two years ahead.
    let text = daily_events(40);
    assert!(text.len() < 20_000);
    let err = import::preview(&db, text.as_bytes(), &me.id)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidFile);
    assert!(
        err.message
            .contains(&format!("more than {}", import::MAX_SESSIONS))
            && err.message.contains("shorter period"),
        "{}",
        err.message
    );
    let err = import::import(&db, text.as_bytes(), &me.id)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidFile);
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(count, 0, "nothing imported");

    // A few of them are fine.
    let fine = import::preview(&db, daily_events(3).as_bytes(), &me.id)
        .await
        .unwrap();
    assert!(fine.sessions_to_import > 1000);
}
