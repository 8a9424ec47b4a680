#!/usr/bin/env bash
# Release build: the app into dist/ (with precompressed files and the size report in
# target/size-report.md) and the reference backend.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# The wizard goes into a wasm module of its own, loaded when a service is started
# (src/app.rs, scripts/build/wasm.mjs): `rathaus_split` turns on the split point, the
# relocations let wasm_split_cli move code. Only for the app's target, not the server.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --cfg rathaus_split -Clink-args=--emit-relocs" \
  trunk build --release
cargo build --release -p rathaus-server
