#!/usr/bin/env bash
# Installs what Spotter needs on Debian/Ubuntu, only what is missing.
#   scripts/setup-debian.sh          build and run the app
#   scripts/setup-debian.sh --test   also what the tests need (Xvfb, WebKitWebDriver, tauri-driver, PDF tools)
set -euo pipefail

want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

packages=(
  build-essential pkg-config file curl
  libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  librsvg2-dev libssl-dev libayatana-appindicator3-dev libxdo-dev libdbus-1-dev
  nodejs npm
)
if (( want_test )); then
  # postgresql: the studio-sync tests start their own throwaway server with it (initdb + pg_ctl).
  packages+=(python3 python3-venv xvfb xauth dbus dbus-x11 webkit2gtk-driver gnome-keyring libsecret-tools poppler-utils qpdf postgresql)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A machine with Node.js from elsewhere (nvm, NodeSource) needs no Debian nodejs/npm.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi

if (( ${#missing[@]} )); then
  echo "Installing system packages: ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "Rust is missing: install it from https://rustup.rs and run this again." >&2
  exit 1
fi

if (( want_test )) && ! command -v tauri-driver >/dev/null; then
  echo "Installing tauri-driver"
  cargo install tauri-driver --locked --version '^2'
fi
