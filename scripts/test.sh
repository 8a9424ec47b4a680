#!/usr/bin/env bash
# Every test, in the order that fails fastest: the module boundary (and the stylesheets'
# split along it), formatting and lints, native tests of the
# core, the server and the app's logic, component tests in headless Chromium, the
# release build (which enforces the size budget), schemathesis against the running
# server, then Playwright journeys with axe.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "module boundary and bridge rule (docs/architecture.md, 'Wasm modules')"
node scripts/check-modules.mjs --self-test
node scripts/check-modules.mjs
node scripts/build/bundle-css.mjs --check
step "format"
cargo fmt --all -- --check
step "lints"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p rathaus --target wasm32-unknown-unknown --all-targets -- -D warnings
step "native tests (core, server, app logic)"
cargo test --workspace
step "component tests in headless Chromium"
cargo test -p rathaus --target wasm32-unknown-unknown --test components
step "release build"
scripts/build.sh
step "the API against docs/openapi.json (schemathesis, a running server)"
api-tests/run.py
step "end-to-end journeys in Chromium, with axe"
npx playwright test --config e2e/playwright.config.ts
