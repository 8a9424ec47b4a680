#!/usr/bin/env bash
# Release build: the app into dist/ (with precompressed files), the reference backend,
# and the size report (target/size-report.md): what a visit transfers, measured in
# Chromium against that backend; the build fails when a first visit is over the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# The wizard goes into a wasm module of its own, loaded when a service is started
# (src/app.rs, scripts/build/wasm.mjs): `rathaus_split` turns on the split point, the
# relocations let wasm_split_cli move code. Only for the app's target, not the server.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --cfg rathaus_split -Clink-args=--emit-relocs" \
  trunk build --release
cargo build --release -p rathaus-server
# Measured on the real server, so it comes after the server (docs/size.md).
node scripts/measure-transfer.mjs
