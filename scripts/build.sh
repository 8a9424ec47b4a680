#!/usr/bin/env bash
# Release build: the app into dist/ (with precompressed files and the size report in
# target/size-report.md) and the reference backend.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release
cargo build --release -p rathaus-server
