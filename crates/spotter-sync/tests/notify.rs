//! A watching device pulls another device's push because of NOTIFY, not a timer: its safety
//! timer is set far beyond the test's patience, so only the notification can wake it.

mod support;

use std::time::Duration;

use spotter_core::clients;
use spotter_sync::engine;
use support::*;

#[tokio::test]
async fn a_watching_device_pulls_another_devices_push_when_notified() {
    let (studio, owner) = Studio::start(|_| async {}).await;
    let ben = studio.member(&owner, "Ben Okafor", "trainer").await;
    let (rounds_tx, mut rounds) = tokio::sync::mpsc::unbounded_channel();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let watcher = async {
        let mut on_round = |r: spotter_store::Result<engine::SyncReport>| {
            let _ = rounds_tx.send(r.map(|r| r.pulled).unwrap_or(0));
        };
        engine::watch(
            &ben.db,
            &ben.server,
            Duration::from_secs(3600),
            async {
                let _ = stop_rx.await;
            },
            &mut on_round,
        )
        .await
        .unwrap();
    };
    let writer = async {
        // The watcher's first round runs at once; wait for it so the next one is the notified one.
        rounds.recv().await.unwrap();
        add_client(&owner.db, "Anna Schmidt").await;
        owner.sync().await;
        let pulled = tokio::time::timeout(Duration::from_secs(30), async {
            loop {
                let n = rounds.recv().await.unwrap();
                if n > 0 {
                    return n;
                }
            }
        })
        .await
        .expect("the watcher was woken by the push (its timer is an hour)");
        assert_eq!(pulled, 1);
        let _ = stop_tx.send(());
    };
    tokio::join!(watcher, writer);
    let names: Vec<String> = clients::list(&ben.db, &Default::default())
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["Anna Schmidt"]);
}
