#!/usr/bin/env bash
# Start, stop or show the services Berth needs. Idempotent: run it as often as you like.
#   bash scripts/services.sh start|stop|status [--profile dev|test] [--all]
# Machine-level (shared by both profiles): PostgreSQL 15/main, a private dockerd, a registry.
# Per profile: Redis and nginx. `stop` stops the per-profile ones; `stop --all` everything.
set -euo pipefail

usage() {
  echo "usage: bash scripts/services.sh start|start-docker|stop|status [--profile dev|test] [--all]" >&2
  exit 2
}

# Parse arguments before sourcing env.sh: the profile decides every port and path.
action="${1:-}"
[[ -n "$action" ]] || usage
shift
all=false
while (($#)); do
  case "$1" in
    --profile) [[ $# -ge 2 ]] || usage; export BERTH_PROFILE="$2"; shift 2 ;;
    --profile=*) export BERTH_PROFILE="${1#*=}"; shift ;;
    --all) all=true; shift ;;
    -h | --help) usage ;;
    *) echo "services: unknown argument '$1'" >&2; usage ;;
  esac
done

# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
# shellcheck source=scripts/lib/services.sh
source "$ROOT/scripts/lib/services.sh"

case "$action" in
  start)
    echo "services ($BERTH_PROFILE): starting"
    # Order matters only for nginx, which needs the TLS certificate; the rest are independent.
    postgres_start || exit 1
    dockerd_start || exit 1
    registry_start || exit 1
    redis_start || exit 1
    nginx_start || exit 1
    ;;
  start-docker)
    # Only the Docker engine (an agent host needs nothing else).
    dockerd_start || exit 1
    ;;
  stop)
    echo "services ($BERTH_PROFILE): stopping"
    # Per-profile first; machine-level ones only with --all (they serve both profiles).
    nginx_stop || exit 1
    redis_stop || exit 1
    if $all; then
      registry_stop || exit 1
      dockerd_stop || exit 1
      postgres_stop || exit 1
    fi
    ;;
  status)
    # Exit 0 when everything is up, 3 (like LSB init scripts) when something is not.
    rc=0
    postgres_status || rc=3
    dockerd_status || rc=3
    registry_status || rc=3
    redis_status || rc=3
    nginx_status || rc=3
    exit "$rc"
    ;;
  *) usage ;;
esac
