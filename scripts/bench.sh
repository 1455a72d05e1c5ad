#!/usr/bin/env bash
# `make bench`: core and app benchmarks. Figures go into docs/BENCHMARKS.md by hand,
# each with the command that produced it. Not part of `make test`: speed goals are
# measured here, never asserted in timed tests.
# `scripts/bench.sh core` runs only the core part (release build), `scripts/bench.sh app` only the
# app part (bundled debug build, which `make bench` builds first); no argument runs both.
set -euo pipefail
part="${1:-all}"
case "$part" in all|core|app) ;; *) echo "usage: $0 [core|app]" >&2; exit 2 ;; esac
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
out=bench-out
mkdir -p "$out"

if [ "$part" != app ]; then
echo "== client search over 50,000 clients (core, release build)"
cargo build --release --locked -p spotter-bench
rm -rf "$out/search-db"
./target/release/spotter-bench search --clients 50000 --rounds 20 --data-dir "$out/search-db" | tee "$out/search.json"

echo "== scheduling: 50 trainers, 5,000 clients, 1,000,000 sessions (core, release build)"
# Seeded once (a few minutes) and kept in $out/schedule-db for later runs.
./target/release/spotter-bench schedule --rounds 10 --data-dir "$out/schedule-db" | tee "$out/schedule.json"

echo "== .ics export of 10,000 events (core, release build)"
rm -rf "$out/ics-db"
./target/release/spotter-bench ics --rounds 10 --data-dir "$out/ics-db" | tee "$out/ics.json"

echo "== training: plan PDFs, saving a plan version, progress data over two years (core, release build)"
rm -rf "$out/training-db"
./target/release/spotter-bench training --rounds 20 --data-dir "$out/training-db" | tee "$out/training.json"

echo "== AI: agent overhead without the model, weekly digest with a 500 ms fake model (core, release build)"
rm -rf "$out/ai-db"
./target/release/spotter-bench ai --rounds 30 --data-dir "$out/ai-db" | tee "$out/ai.json"

echo "== studio sync: initial pull of 100,000 rows, push of 10,000, NOTIFY round trip, 50 devices for 60 s (core, release build, throwaway PostgreSQL)"
./target/release/spotter-bench sync --rows 100000 --seconds 60 --devices 50 --data-dir "$out/sync" | tee "$out/sync.json"

echo "== crash safety: a writer killed with SIGKILL 1,000 times, the database checked after each kill (core, release build)"
./target/release/spotter-bench crash --kills 1000 --data-dir "$out/crash" | tee "$out/crash.json"

fi

if [ "$part" != core ]; then
echo "== app cold start and idle memory (bundled debug build, demo data)"
cargo build --locked -p spotter --features custom-protocol,bench-baseline --bin spotter-bare-window
rm -rf "$out/app-db"
./target/debug/spotter-cli --data-dir "$out/app-db" seed --demo >/dev/null
NO_AT_BRIDGE=1 dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24" \
  node tests/bench/app-bench.mjs "$PWD/$out/app-db" 5 | tee "$out/app.json"

echo "== calendar: weeks of ~320 sessions painted (bundled debug build)"
rm -rf "$out/calendar-db"
./target/debug/spotter-cli --data-dir "$out/calendar-db" seed --bench --clients 200 --trainers 4 --sessions 960 >/dev/null
NO_AT_BRIDGE=1 dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24" \
  node tests/bench/calendar-bench.mjs "$PWD/$out/calendar-db" 7 | tee "$out/calendar.json"
fi
