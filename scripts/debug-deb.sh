#!/usr/bin/env bash
# Packages `make app`'s debug build as a .deb for the install test (tests/install) without
# building anything: `tauri bundle` packages the program `tauri build --debug --no-bundle` left
# in target/debug (`tauri build --bundles deb` would rebuild the UI, and the app crate with it).
# The config asks for signed updater artifacts, so the package is signed with a throwaway key
# made here and deleted afterwards (it is never the release key, and nothing trusts it).
set -euo pipefail
cd "$(dirname "$0")/.."
export TAURI_APP_PATH=src-tauri
key_dir=$(mktemp -d)
trap 'rm -rf "$key_dir"' EXIT
npx tauri signer generate --ci --password "" --write-keys "$key_dir/throwaway.key" >/dev/null
rm -f target/debug/bundle/deb/*.deb
TAURI_SIGNING_PRIVATE_KEY="$(cat "$key_dir/throwaway.key")" TAURI_SIGNING_PRIVATE_KEY_PASSWORD="" \
	npx tauri bundle --debug --bundles deb "$@"
