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
cd "$ROOT"

step() { printf '\n== %s\n' "$*"; }

step "install"
bash scripts/install.sh

step "services"
bash scripts/services.sh start --profile test

# Only what the benchmarks run: the manager and agent (no client build), and the bench itself.
step "prisma generate"
npm run --silent prisma:generate
step "build"
npm run --silent build:server
npx tsc -p bench/tsconfig.json

step "tiny image"
bash images/tiny/build.sh

step "bench"
# Node trusts the stack's self-signed certificate, as a browser would once it is accepted.
export NODE_EXTRA_CA_CERTS="$BERTH_TLS_CERT"
exec node dist/bench/run.js "$@"
