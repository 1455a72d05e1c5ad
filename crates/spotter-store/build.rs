// sqlx::migrate! embeds migrations/sqlite at compile time; rebuild when a file there changes
// or is added (sqlx's own advice: the macro cannot watch a folder on stable Rust).
fn main() {
    println!("cargo:rerun-if-changed=../../migrations/sqlite");
}
