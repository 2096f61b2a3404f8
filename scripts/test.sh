#!/usr/bin/env bash
# `npm test`: everything the tests need (test profile: its own ports, database and state), then
# vitest. Arguments go to vitest: npm test -- tests/infra
# The manager and agent are started by the tests' global setup (tests/setup/global.ts).
set -euo pipefail

export BERTH_PROFILE=test
# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
cd "$ROOT"

step() { printf '\n== %s\n' "$*"; }

# Packages and node_modules.
step "install"
bash scripts/install.sh

# Postgres, dockerd, registry, and the test profile's Redis and nginx.
step "services"
bash scripts/services.sh start --profile test

# Generated Prisma client, then the build the tests run against.
step "prisma generate"
npm run --silent prisma:generate
step "build"
npm run --silent build

# The tiny session image the tests launch.
step "tiny image"
bash images/tiny/build.sh

# The tests; this script exits with vitest's code.
step "vitest"
# Node trusts the stack's self-signed certificate, as a browser would once it is accepted.
export NODE_EXTRA_CA_CERTS="$BERTH_TLS_CERT"
set +e
npx vitest run "$@"
rc=$?
set -e
exit "$rc"
