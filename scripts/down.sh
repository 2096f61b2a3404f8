#!/usr/bin/env bash
# `npm run down`: stop the agent and the manager, then the per-profile services (Redis, nginx).
#   npm run down -- --all    also stops the machine-level ones (dockerd, registry, PostgreSQL)
#   npm run down -- --profile test    stops the test profile's processes instead
set -euo pipefail

# The profile decides which pid files and services; take it from the arguments first.
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --profile) export BERTH_PROFILE="${args[i + 1]:-}" ;;
    --profile=*) export BERTH_PROFILE="${args[i]#*=}" ;;
  esac
done
export BERTH_PROFILE="${BERTH_PROFILE:-dev}"

# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
# shellcheck source=scripts/lib/procs.sh
source "$ROOT/scripts/lib/procs.sh"

# The agent first, so it doesn't report the manager as gone; then the manager.
berth_proc_stop agent
berth_proc_stop manager

# Services (passes --all and --profile through).
bash "$ROOT/scripts/services.sh" stop "$@"
