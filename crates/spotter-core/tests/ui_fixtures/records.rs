//! The client-record fixture: two clients and the answers to the client page's calls (the
//! PAR-Q+ questions and intakes, the clearance warning's wording, measurements with their
//! unit conversions, notes, pausing and archiving), bad input included.

use serde_json::{json, Value};
use spotter_core::clients::record::{self, MeasurementInput, Metric, ParqInput};
use spotter_core::clients::{self, clearance, ClientInput, ClientListQuery, ClientStatusFilter};
use spotter_store::Database;

use super::recorder::Recorder;

pub async fn record(db: &Database, rec: &mut Recorder) -> Value {
    let mut made = Vec::new();
    for (alias, input) in [
        (
            "c1",
            ClientInput {
                name: "Anna Berg".into(),
                email: Some("anna@example.com".into()),
                tags: vec!["morning".into(), "strength".into()],
                ..Default::default()
            },
        ),
        (
            "c2",
            ClientInput {
                name: "Ben Stone".into(),
                ..Default::default()
            },
        ),
    ] {
        let c = clients::create(db, &input).await.unwrap();
        rec.alias(&c.id, alias);
        made.push(c);
    }
    let data = json!({ "clients": made, "parqQuestions": record::PARQ_QUESTIONS });
    let (anna, ben) = (made[0].id.clone(), made[1].id.clone());

    let answer: spotter_store::Result<Vec<String>> = Ok(record::PARQ_QUESTIONS
        .iter()
        .map(|q| q.to_string())
        .collect());
    rec.call("intake_questions", json!({}), &answer);
    for query in [
        ClientListQuery {
            search: None,
            status: ClientStatusFilter::Active,
            limit: None,
        },
        ClientListQuery {
            search: Some("strength".into()),
            status: ClientStatusFilter::All,
            limit: None,
        },
        ClientListQuery {
            search: Some("ben".into()),
            status: ClientStatusFilter::All,
            limit: None,
        },
    ] {
        let answer = clients::list(db, &query).await;
        rec.call("clients_list", json!({ "query": query }), &answer);
    }

    // The PAR-Q+: a "yes" asks for clearance, and the warning says which question.
    let parq = |on: &str, answers: Vec<Option<bool>>| ParqInput {
        answered_on: on.into(),
        answers,
        notes: " ".into(),
    };
    let no = || vec![Some(false); 7];
    let mut one_unanswered = no();
    one_unanswered[3] = None;
    let mut one_yes = no();
    one_yes[1] = Some(true);
    let mut two_yes = one_yes.clone();
    two_yes[4] = Some(true);
    for (client, input) in [
        (&anna, parq("3 March", no())),
        (&anna, parq("2025-03-03", vec![Some(false); 6])),
        (&anna, parq("2025-03-03", one_unanswered)),
        (&anna, parq("2025-03-03", one_yes)),
        (&ben, parq("2025-03-04", two_yes)),
    ] {
        let answer = record::record_intake(db, client, &input).await;
        if let Ok(i) = &answer {
            let n = rec_count(rec, "intake-");
            rec.alias(&i.id, &format!("intake-{n}"));
        }
        rec.call(
            "intake_record",
            json!({ "client": client, "input": input }),
            &answer,
        );
    }
    let answer = record::intakes(db, &anna).await;
    rec.call("intakes_list", json!({ "client": anna }), &answer);
    let ids = vec![anna.clone(), ben.clone()];
    let answer = clearance::warnings(db, &ids).await;
    rec.call("clearance_warnings", json!({ "clients": ids }), &answer);
    for date in [Some("next week"), Some("2025-03-05")] {
        let answer = record::set_clearance(db, &anna, date).await;
        rec.call(
            "client_set_clearance",
            json!({ "id": anna, "date": date }),
            &answer,
        );
    }
    let answer = clearance::warnings(db, &ids).await;
    rec.call("clearance_warnings", json!({ "clients": ids }), &answer);

    // Measurements: stored in SI units, whatever the trainer typed.
    let m = |on: &str, metric: Option<Metric>, custom: Option<&str>, value: f64, unit: &str| {
        MeasurementInput {
            measured_on: on.into(),
            metric,
            custom_name: custom.map(str::to_owned),
            value,
            unit: unit.into(),
        }
    };
    for input in [
        m("yesterday", Some(Metric::BodyWeight), None, 70.0, "kg"),
        m("2025-03-01", None, None, 70.0, "kg"),
        m("2025-03-01", Some(Metric::Custom), Some(" "), 3.0, "cm"),
        m("2025-03-01", Some(Metric::BodyWeight), None, 70.0, "stone"),
        m("2025-03-01", Some(Metric::BodyWeight), None, 154.0, "lb"),
        m("2025-03-02", Some(Metric::Waist), None, 32.0, "in"),
        m("2025-03-03", Some(Metric::BodyFat), None, 18.5, "%"),
    ] {
        let answer = record::add_measurement(db, &anna, &input).await;
        if let Ok(x) = &answer {
            let n = rec_count(rec, "m-");
            rec.alias(&x.id, &format!("m-{n}"));
        }
        rec.call(
            "measurement_add",
            json!({ "client": anna, "input": input }),
            &answer,
        );
    }
    let answer = record::measurements(db, &anna).await;
    rec.call("measurements_list", json!({ "client": anna }), &answer);

    // Notes.
    for body in ["   ", "  Prefers mornings.  "] {
        let answer = record::add_note(db, &anna, body).await;
        if let Ok(n) = &answer {
            rec.alias(&n.id, "note-1");
        }
        rec.call("note_add", json!({ "client": anna, "body": body }), &answer);
    }
    let note = record::notes(db, &anna).await.unwrap()[0].id.clone();
    for body in [" ", "Prefers mornings, not Mondays."] {
        let answer = record::update_note(db, &note, body).await;
        rec.call("note_update", json!({ "id": note, "body": body }), &answer);
    }
    let answer = record::notes(db, &anna).await;
    rec.call("notes_list", json!({ "client": anna }), &answer);

    // Pausing and archiving set the status the list filters on.
    let answer = record::set_paused(db, &ben, true).await;
    rec.call(
        "client_set_paused",
        json!({ "id": ben, "paused": true }),
        &answer,
    );
    let answer = clients::set_archived(db, &anna, true).await;
    rec.call(
        "client_set_archived",
        json!({ "id": anna, "archived": true }),
        &answer,
    );
    for status in [
        ClientStatusFilter::Active,
        ClientStatusFilter::Paused,
        ClientStatusFilter::Archived,
    ] {
        let query = ClientListQuery {
            search: None,
            status,
            limit: None,
        };
        let answer = clients::list(db, &query).await;
        rec.call("clients_list", json!({ "query": query }), &answer);
    }
    data
}

/// The next number for an alias with this prefix (1 for the first).
fn rec_count(rec: &Recorder, prefix: &str) -> usize {
    rec.count_aliases(prefix) + 1
}
