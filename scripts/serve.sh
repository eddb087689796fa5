#!/usr/bin/env bash
# `make run`'s last step: a task worker and the periodic-job scheduler in the background, gunicorn in the
# foreground. When gunicorn stops (Ctrl+C, or it cannot start), the other two are stopped too.
set -uo pipefail
bin="$(dirname "$0")/../.venv/bin"
"$bin/civica" worker &
worker=$!
"$bin/civica" periodic &
scheduler=$!
trap 'kill "$worker" "$scheduler" 2>/dev/null; wait "$worker" "$scheduler" 2>/dev/null' EXIT
"$bin/gunicorn" civica.config.wsgi --bind "${CIVICA_BIND:-127.0.0.1:8000}" --workers "${CIVICA_WEB_WORKERS:-2}" \
  --access-logfile -
