# shellcheck shell=bash
# What `npm test` and `npm run bench` both need before they run: the packages, the test profile's
# services, the generated Prisma client, a build and the tiny session image. Source it after
# scripts/lib/env.sh (with BERTH_PROFILE=test), from $ROOT, then call:
#   prepare_test_stack BUILD_COMMAND...   e.g. prepare_test_stack npm run --silent build

step() { printf '\n== %s\n' "$*"; }

prepare_test_stack() {
  # Packages and node_modules.
  step "install"
  bash scripts/install.sh

  # Postgres, dockerd, registry, and the test profile's Redis and nginx.
  step "services"
  bash scripts/services.sh start --profile test

  # Generated Prisma client, then the build that will run.
  step "prisma generate"
  npm run --silent prisma:generate
  step "build"
  "$@"

  # The tiny session image the tests and benchmarks launch.
  step "tiny image"
  bash images/tiny/build.sh

  # Node trusts the stack's self-signed certificate, as a browser would once it is accepted.
  export NODE_EXTRA_CA_CERTS="$BERTH_TLS_CERT"
}
