#!/usr/bin/env bash
# `make bench`: core and app benchmarks. Figures go into docs/BENCHMARKS.md by hand,
# each with the command that produced it. Not part of `make test`: speed goals are
# measured here, never asserted in timed tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
out=bench-out
mkdir -p "$out"

echo "== client search over 50,000 clients (core, release build)"
cargo build --release --locked -p spotter-bench
rm -rf "$out/search-db"
./target/release/spotter-bench search --clients 50000 --rounds 20 --data-dir "$out/search-db" | tee "$out/search.json"

echo "== app cold start and idle memory (bundled debug build, demo data)"
cargo build --locked -p spotter --features custom-protocol --bin spotter-bare-window
rm -rf "$out/app-db"
./target/debug/spotter-cli --data-dir "$out/app-db" seed --demo >/dev/null
NO_AT_BRIDGE=1 dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24" \
  node tests/bench/app-bench.mjs "$PWD/$out/app-db" 5 | tee "$out/app.json"
