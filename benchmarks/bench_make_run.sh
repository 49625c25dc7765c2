#!/usr/bin/env bash
# Times `make run` to the first served page: once from a clean checkout state (no .venv, var/ or node_modules,
# but warm pip/npm caches), then again with everything in place. Budgets: < 180 s and < 20 s.
#   benchmarks/bench_make_run.sh [--keep]   (--keep: skip the clean run)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8765}

time_to_page() {
  local start=$SECONDS
  # Its own session: the Makefile's `trap 'kill 0'` must stop the server and worker, not this script.
  PORT=$PORT setsid make run >/tmp/ecotown-bench-run.log 2>&1 &
  local pid=$!
  until curl -fsS "http://127.0.0.1:$PORT/" -o /dev/null 2>/dev/null; do
    sleep 0.2
    if ! kill -0 $pid 2>/dev/null; then echo "make run failed:"; tail -20 /tmp/ecotown-bench-run.log; exit 1; fi
    if (( SECONDS - start > 600 )); then echo "gave up after 600 s"; kill -- -"$pid"; exit 1; fi
  done
  local took=$(( SECONDS - start ))
  kill -TERM -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$took"
}

if [[ "${1:-}" != "--keep" ]]; then
  rm -rf .venv var node_modules
  echo "clean make run to first page: $(time_to_page) s"
fi
echo "second make run to first page: $(time_to_page) s"
