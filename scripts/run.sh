#!/usr/bin/env bash
# Sets up, builds, and serves the app with the reference backend and demo data on
# http://127.0.0.1:8080 (override with RATHAUS_ADDR). Data lives in ./data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec "${CARGO_TARGET_DIR:-target}/release/rathaus-server" --demo "$@"
