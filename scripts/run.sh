#!/usr/bin/env bash
# Sets up, builds, and serves the app with the reference backend and demo data on
# http://127.0.0.1:8080 (override with RATHAUS_ADDR), with the test identity provider
# (scripts/test-idp, clearly labelled, never for production) on 127.0.0.1:8090 for
# logging in. Data lives in ./data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
addr="${RATHAUS_ADDR:-127.0.0.1:8080}"
idp_port="${IDP_PORT:-8090}"
IDP_PORT="$idp_port" \
  IDP_REDIRECT_URIS="http://$addr/api/v1/auth/callback" \
  IDP_POST_LOGOUT_REDIRECT_URIS="http://$addr/" \
  node scripts/test-idp/server.mjs &
idp=$!
trap 'kill "$idp" 2>/dev/null || true' EXIT
RATHAUS_OIDC_CLIENT_SECRET="${RATHAUS_OIDC_CLIENT_SECRET:-rathaus-dev-secret}" \
  "${CARGO_TARGET_DIR:-target}/release/rathaus-server" --demo --addr "$addr" \
  --oidc-issuer "http://127.0.0.1:$idp_port" --oidc-client-id rathaus-dev "$@"
