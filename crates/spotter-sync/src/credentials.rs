//! Studio passwords in the OS keychain (Secret Service, macOS Keychain, Windows Credential
//! Manager), like the AI keys: never in SQLite, config, logs, errors or IPC. The account is
//! `login@host:port/db`, so two studios (or two logins) never share an entry.

use spotter_store::{AppError, ErrorCode, Result};

const SERVICE: &str = "Spotter studio server";

/// A password typed in or read from the keychain. Not Display; Debug is redacted.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    pub fn new(p: impl Into<String>) -> Self {
        Self(p.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password([redacted])")
    }
}

fn entry(account: &str) -> Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, account).map_err(keychain_error)
}

fn keychain_error(e: keyring::Error) -> AppError {
    // The keyring's messages name the backend, never the secret.
    AppError::new(
        ErrorCode::Keychain,
        format!("the system keychain, where Spotter keeps the studio password, could not be used ({e}); unlock or install a keychain (on Debian/Ubuntu: gnome-keyring) and try again"),
    )
}

pub fn store(account: &str, password: &Password) -> Result<()> {
    entry(account)?
        .set_password(password.expose())
        .map_err(keychain_error)
}

pub fn load(account: &str) -> Result<Password> {
    match entry(account)?.get_password() {
        Ok(p) => Ok(Password(p)),
        Err(keyring::Error::NoEntry) => Err(AppError::new(
            ErrorCode::Studio,
            "the studio password is not in this computer's keychain; join the studio again (spotter-cli studio join)",
        )),
        Err(e) => Err(keychain_error(e)),
    }
}

pub fn forget(account: &str) -> Result<()> {
    match entry(account)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(keychain_error(e)),
    }
}

/// A password for a new member: 24 characters from an unambiguous alphabet (~140 bits).
pub fn generate_password() -> Result<Password> {
    const ALPHABET: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes)
        .map_err(|e| AppError::internal(format!("no random numbers from the OS: {e}")))?;
    Ok(Password(
        bytes
            .iter()
            .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
            .collect(),
    ))
}
