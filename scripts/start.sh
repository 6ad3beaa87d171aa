#!/usr/bin/env bash
# `npm start`: everything a newcomer needs on a machine with PostgreSQL and Redis on their
# default local ports — install if needed, build, migrate and seed, then api and worker.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  echo "==> Instalando dependencias (npm ci)"
  npm ci --no-audit --no-fund
fi
echo "==> Compilando"
npm run --silent build
echo "==> Migrando la base de datos y cargando el catálogo"
node dist/apps/api/src/migrate.js --with-redis

echo "==> Iniciando api (puerto ${PORT:-3000}) y worker (salud en ${WORKER_HEALTH_PORT:-3001})"
node dist/apps/api/src/main.js &
api=$!
node dist/apps/worker/src/main.js &
worker=$!
trap 'kill $api $worker 2>/dev/null || true' INT TERM EXIT
# If either process stops, stop the other too and report its exit code.
set +e
wait -n $api $worker
code=$?
exit $code
