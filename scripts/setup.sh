#!/usr/bin/env bash
# Installs what building and testing Rathaus needs, and nothing that is already there.
# Idempotent: a second run takes seconds. Needs: rustup, Node 20+ with npm, and for
# Chromium either root or sudo (Debian/Ubuntu apt). No download from GitHub.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.2
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)

command -v cargo >/dev/null || { echo "setup: cargo not found; install Rust with rustup first" >&2; exit 1; }
command -v npm >/dev/null || { echo "setup: npm not found; install Node.js 20 or newer first" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt clippy

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  # 0.22 needs a newer rustc than these machines have.
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version in Cargo.lock)"
  # Without --locked: its lock file pins a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Splits the release wasm so that the wizard loads when a service is started
# (scripts/build/wasm.mjs). Must understand what leptos's wasm_split_helpers emit.
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm_split_cli $WASM_SPLIT_VERSION"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Chromium and ChromeDriver from Debian"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# schemathesis (PyPI, pinned with what it needs in api-tests/requirements.txt) in a
# virtual environment of its own: the test command runs it against a running server.
venv=.venv-api
want_api=$(sha256sum api-tests/requirements.txt | cut -d' ' -f1)
if [ ! -x "$venv/bin/st" ] || [ "$(cat "$venv/.rathaus-requirements-hash" 2>/dev/null)" != "$want_api" ]; then
  say "installing schemathesis into $venv"
  command -v python3 >/dev/null || { echo "setup: python3 not found; install Python 3.10 or newer first" >&2; exit 1; }
  if ! python3 -m venv --clear "$venv" >/dev/null 2>&1; then
    say "installing python3-venv from Debian"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv --clear "$venv"
  fi
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r api-tests/requirements.txt
  echo "$want_api" > "$venv/.rathaus-requirements-hash"
fi

# wasm-opt (binaryen 132 from npm: Debian's binaryen 108 produces a broken app),
# Playwright and axe-core. Never a downloaded browser: the tests use /usr/bin/chromium.
stamp=node_modules/.rathaus-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

say "ready (trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, $(node_modules/.bin/wasm-opt --version), $(/usr/bin/chromium --version 2>/dev/null | head -1))"
