#!/usr/bin/env bash
# `make studio-demo`: a studio to try on one machine. Starts a PostgreSQL in ./studio-demo/pg
# (Debian's postgresql package, initdb + pg_ctl, loopback only), creates the studio from a data
# folder with the demo data (the owner), invites a trainer and joins from a second data folder,
# then shows both syncing. Passwords go to the system keychain; without one (a headless
# machine) the demo runs inside a throwaway keyring and says so.
#   make studio-demo            start (or reuse) and run the walk-through
#   make studio-demo-stop       stop the server (the folder stays; delete it to start over)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD/studio-demo"
cli="$PWD/target/debug/spotter-cli"
port="${STUDIO_DEMO_PORT:-55433}"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
run_pg=()
if [[ $(id -u) -eq 0 ]]; then run_pg=(runuser -u postgres --); fi

if [[ "${1:-}" == "stop" ]]; then
  if [[ -d "$root/pg" ]]; then "${run_pg[@]}" "$bin/pg_ctl" -D "$root/pg" -m fast -w stop || true; fi
  exit 0
fi

if [[ -z "${SPOTTER_KEYRING_SESSION:-}" ]] && ! (command -v secret-tool >/dev/null && secret-tool search --all x x >/dev/null 2>&1); then
  echo "No system keychain here: running the demo inside a throwaway keyring (passwords are gone afterwards)."
  exec scripts/with-keyring.sh "$0" "$@"
fi

[[ -x "$bin/initdb" ]] || { echo "PostgreSQL is missing: sudo apt install postgresql" >&2; exit 1; }
mkdir -p "$root"
if [[ ! -d "$root/pg" ]]; then
  echo "== a PostgreSQL for the studio in $root/pg (port $port)"
  [[ $(id -u) -eq 0 ]] && chown postgres "$root"
  "${run_pg[@]}" "$bin/initdb" -D "$root/pg" -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = '%s'\n" "$port" "$root" >> "$root/pg/postgresql.auto.conf"
fi
"${run_pg[@]}" "$bin/pg_ctl" -D "$root/pg" -l "$root/pg.log" -w status >/dev/null 2>&1 || \
  "${run_pg[@]}" "$bin/pg_ctl" -D "$root/pg" -l "$root/pg.log" -w start >/dev/null
psql=("$bin/psql" -X -q -h "$root" -p "$port" -U postgres)

# What a studio's administrator does once: a login for Spotter with CREATEROLE, and its database.
if ! "${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'studio_owner'" | grep -q 1; then
  "${psql[@]}" -d postgres -c "CREATE ROLE studio_owner LOGIN CREATEROLE PASSWORD 'demo-owner-password'"
  "${psql[@]}" -d postgres -c "CREATE DATABASE studio OWNER studio_owner"
fi

cargo build --locked -p spotter-cli
owner="$root/owner"
trainer="$root/trainer"
if [[ ! -d "$owner" ]]; then
  echo "== the owner's laptop: demo data, then 'studio init'"
  "$cli" --data-dir "$owner" seed --demo
  echo demo-owner-password | "$cli" --data-dir "$owner" studio init "postgres://studio_owner@127.0.0.1:$port/studio" --name "Demo Studio" --password-stdin
  echo "== invite a trainer"
  invitation=$("$cli" --data-dir "$owner" studio invite "Ben Okafor" --role trainer --json)
  login=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["login"])' <<<"$invitation")
  password=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["password"])' <<<"$invitation")
  echo "== the trainer's laptop joins"
  echo "$password" | "$cli" --data-dir "$trainer" studio join "postgres://$login@127.0.0.1:$port/studio" --password-stdin
fi
echo "== a client added on the trainer's laptop reaches the owner's"
printf 'name,email\nDemo Walk-in %s,walkin%s@example.com\n' "$RANDOM" "$RANDOM" > "$root/walkin.csv"
"$cli" --data-dir "$trainer" clients import "$root/walkin.csv"
"$cli" --data-dir "$trainer" studio sync
"$cli" --data-dir "$owner" studio sync
"$cli" --data-dir "$owner" clients list --search "walk-in"
"$cli" --data-dir "$owner" studio status
cat <<MSG

The studio runs on 127.0.0.1:$port (database "studio"). Try:
  $cli --data-dir $trainer studio sync --watch     # pulls within a second of the owner's pushes
  $cli --data-dir $owner studio members
  make run ARGS="--data-dir $owner"                   # the app on the owner's data
Stop the server with: make studio-demo-stop   (delete $root to start over)
MSG
