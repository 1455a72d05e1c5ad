//! TLS to the studio server: `sslmode=verify-full` with the studio's CA file connects and syncs;
//! a server certificate from another CA is refused with a message that says what to check.

mod support;

use spotter_sync::credentials::Password;
use spotter_sync::server::{Server, ServerAddress};
use support::*;

#[tokio::test]
async fn verify_full_with_the_studios_ca_connects_and_another_ca_is_refused() {
    let (studio, owner) = Studio::start(|db| async move {
        add_client(&db, "Anna Schmidt").await;
    })
    .await;
    let ca = studio.pg.enable_tls();
    let url = format!(
        "postgres://owner@127.0.0.1:{}/studio?sslmode=verify-full&sslrootcert={}",
        studio.pg.port(),
        ca.display()
    );
    let (address, _) = ServerAddress::parse(&url, None).unwrap();
    assert_eq!(address.sslmode.as_deref(), Some("verify-full"));
    assert!(
        address.url().contains("sslmode=verify-full"),
        "the stored address keeps its TLS settings"
    );
    let server = Server::connect(&address, &Password::new(OWNER_PASSWORD))
        .await
        .expect("TLS connection");
    let on_tls: bool =
        sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            .fetch_one(server.pool())
            .await
            .unwrap();
    assert!(on_tls, "the connection is encrypted");
    let owner = Device { server, ..owner };
    add_client(&owner.db, "Carla Diaz").await;
    assert_eq!(owner.sync().await.pushed, 1);

    // Another CA: the certificate is not trusted, and the message says where to look.
    let other = studio.pg.unrelated_ca();
    let (bad, _) = ServerAddress::parse(
        &format!(
            "postgres://owner@127.0.0.1:{}/studio?sslmode=verify-full&sslrootcert={}",
            studio.pg.port(),
            other.display()
        ),
        None,
    )
    .unwrap();
    let err = Server::connect(&bad, &Password::new(OWNER_PASSWORD))
        .await
        .err()
        .expect("refused");
    assert_eq!(err.code, spotter_store::ErrorCode::Studio);
    assert!(
        err.message.contains("sslrootcert") || err.message.contains("secure connection"),
        "{}",
        err.message
    );
}
