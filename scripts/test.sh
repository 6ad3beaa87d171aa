#!/usr/bin/env bash
# `npm test`: unit and e2e tests against the local PostgreSQL and Redis (each run makes and
# drops its own databases and Redis keys). Installs first on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
exec npx jest "$@"
