#!/usr/bin/env bash
# `npm test`: everything the tests need (test profile: its own ports, database and state), then
# vitest. Arguments go to vitest: npm test -- tests/infra
# The manager and agent are started by the tests' global setup (tests/setup/global.ts).
set -euo pipefail

export BERTH_PROFILE=test
# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
# shellcheck source=scripts/lib/prepare.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/prepare.sh"
cd "$ROOT"

prepare_test_stack npm run --silent build

# The tests; this script exits with vitest's code.
step "vitest"
set +e
npx vitest run "$@"
rc=$?
set -e
exit "$rc"
