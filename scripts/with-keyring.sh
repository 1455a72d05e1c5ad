#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own unlocked gnome-keyring, so
# tests use the real Secret Service (as the app does) without touching anyone's keyring.
#   scripts/with-keyring.sh cargo test
set -euo pipefail
if [[ -z "${SPOTTER_KEYRING_SESSION:-}" ]]; then
  export SPOTTER_KEYRING_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi
# The keyring files go to a throwaway directory, removed when the command ends.
XDG_DATA_HOME=$(mktemp -d)
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
# A new "login" keyring, unlocked with a throwaway password, becomes the default collection.
eval "$(printf 'spotter-test' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
