//! With no keychain reachable, Spotter says so plainly and how to fix it, and stores
//! nothing anywhere else. (Its own process: the D-Bus address is pointed at nothing.)

use spotter_ai::Keychain;
use spotter_store::ErrorCode;

#[tokio::test]
async fn without_a_keychain_the_trainer_is_told_how_to_fix_it_and_nothing_is_stored() {
    // Nothing listens here, so Secret Service cannot be reached.
    std::env::set_var(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/spotter-no-bus",
    );
    let k = Keychain::with_service("Spotter no keychain test");
    let err = k.set("provider-1", "sk-never-stored").await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Keychain);
    assert!(err.message.contains("gnome-keyring"), "{}", err.message);
    assert!(!err.message.contains("sk-never"), "{}", err.message);
    assert_eq!(k.check().await.unwrap_err().code, ErrorCode::Keychain);
}
