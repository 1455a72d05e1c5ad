// tauri.conf.json lives at the repository root; src-tauri/tauri.conf.json is a
// symlink to it, so tauri-build (reading the crate directory) and the Tauri CLI
// (TAURI_APP_PATH=src-tauri) read the same file, with paths relative to src-tauri/.

/// The command names of the table (src/contract.rs, the one place a command is declared).
/// Each gets an `allow-…` permission that a capability must grant explicitly (least privilege:
/// nothing is callable by default). The table's other readers are src/commands.rs and
/// crates/spotter-core/tests/contract.rs; the grammar below is theirs, names only.
macro_rules! spotter_contract {
    (commands { $(
        $(#[doc = $doc:literal])*
        $kind:ident $name:ident ($($arg:ident : $ty:ty $(= $def:expr)?),*) $(~ [$chan:ident : $ev:ty])? -> $ret:ty, |$ctx:ident| $body:expr;
    )* }
     events { $(
        $(#[doc = $edoc:literal])*
        $event:ident : $payload:ty;
    )* }) => {
        &[$(stringify!($name)),*]
    };
}

const COMMANDS: &[&str] = include!("src/contract.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/contract.rs");
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {e:#}");
    }
}
