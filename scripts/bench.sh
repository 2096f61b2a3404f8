#!/usr/bin/env bash
# `npm run bench`: the benchmarks (bench/), on the test profile's ports, database and state.
# Run it under the lock every test run takes, so the two never share the stack:
#   flock /tmp/berth-test.lock npm run bench [-- launch proxy ...]
# Arguments name the benchmarks to run (all by default). The manager and agent are started by
# bench/run.ts itself on a fresh database, and stopped again at the end.
set -euo pipefail

export BERTH_PROFILE=test
# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
# shellcheck source=scripts/lib/prepare.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/prepare.sh"
cd "$ROOT"

# Only what the benchmarks run: the manager and agent (no client build), and the bench itself.
build_bench() {
  npm run --silent build:server
  npx tsc -p bench/tsconfig.json
}
prepare_test_stack build_bench

step "bench"
exec node dist/bench/run.js "$@"
