//! The review queue: items accepted with edits or dismissed with a reason, once.

use crate::common::*;
use crate::{progress, runtime};
use spotter_core::ai::review::{self, ReviewKind, ReviewQuery, ReviewStatus};
use spotter_core::clients;

#[tokio::test]
async fn review_items_are_accepted_with_edits_or_dismissed_with_a_reason_once() {
    let setup = demo().await;
    let rt = runtime(&setup.db);
    let zoe = client_id(&setup.db, "Zoë Łukasiewicz").await;
    let items = rt.run(&progress(&zoe)).await.unwrap().items;
    assert!(items.len() >= 2);
    let accepted = review::accept(&setup.db, &items[0].id, Some("Tell her on Friday."))
        .await
        .unwrap();
    assert_eq!(
        (accepted.status, accepted.edited_body.as_deref()),
        (ReviewStatus::Accepted, Some("Tell her on Friday."))
    );
    // Accepting leads somewhere visible: a note on the client's record, with the evidence.
    assert_eq!(
        accepted.result.as_deref(),
        Some("noted in Zoë Łukasiewicz's notes")
    );
    let notes = clients::record::notes(&setup.db, &zoe).await.unwrap();
    let note = &notes[0].body;
    assert!(
        note.starts_with(&format!(
            "{} accepted: {}\nTell her on Friday.",
            if items[0].kind == ReviewKind::Insight {
                "Insight"
            } else {
                "Suggestion"
            },
            items[0].title
        )),
        "{note}"
    );
    assert!(
        note.contains(&format!("· {}: ", items[0].evidence[0].label)),
        "{note}"
    );
    let err = review::dismiss(&setup.db, &items[1].id, "  ")
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("reason"));
    let dismissed = review::dismiss(&setup.db, &items[1].id, "already discussed")
        .await
        .unwrap();
    assert_eq!(dismissed.status, ReviewStatus::Dismissed);
    let again = review::accept(&setup.db, &items[1].id, None)
        .await
        .unwrap_err();
    assert!(
        again.message.contains("already dismissed"),
        "{}",
        again.message
    );
    let open = review::list(
        &setup.db,
        &ReviewQuery {
            status: Some(ReviewStatus::Open),
            client_id: Some(zoe),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(open.len(), items.len() - 2);
}
