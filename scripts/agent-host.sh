#!/usr/bin/env bash
# Turns this machine into a Berth agent host in one command (run from a clone of Berth, as root):
#
#   bash scripts/agent-host.sh --manager https://berth.example.com/graphql --token bz_…
#
# Installs Docker and Node's packages if missing, starts a Docker engine (unless DOCKER_HOST already
# answers), builds the agent and starts it. It enrolls in the zone the token belongs to, keeps its
# identity in /var/lib/berth/agent/state.json and restarts cleanly when run again.
# Options:
#   --manager URL[,URL…]   manager GraphQL URL(s) (the front door's https://host/graphql works)
#   --token TOKEN          the zone's enrollment token (only needed the first time)
#   --publish-host IP      address the proxy reaches this host's session ports on (default 127.0.0.1)
#   --ca FILE              trust this certificate for an https manager (e.g. a self-signed one)
#   --docker-host URL      use this engine (default: a private one at unix:///run/berth/docker.sock)
#   --name NAME            host name shown to administrators (default: hostname)
#   --state-dir DIR        where the agent keeps its identity, pid and log (default /var/lib/berth/agent)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

managers="" token="" publish_host="127.0.0.1" ca="" docker_host="" name="" state_dir="/var/lib/berth/agent"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --manager) managers="$2"; shift 2 ;;
    --token) token="$2"; shift 2 ;;
    --publish-host) publish_host="$2"; shift 2 ;;
    --ca) ca="$2"; shift 2 ;;
    --docker-host) docker_host="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --state-dir) state_dir="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "agent-host: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -n "$managers" ]] || { echo "agent-host: --manager is required (see --help)" >&2; exit 2; }
if [[ -z "$token" && ! -s "$state_dir/state.json" ]]; then
  echo "agent-host: --token is required the first time (an administrator creates one under Zones)" >&2
  exit 2
fi

# Packages: Docker and (for the Docker CLI checks) curl; node_modules from the lock file.
BERTH_APT_PACKAGES="docker.io curl ca-certificates" bash scripts/install.sh

# The engine: use the given one, else the private one the rest of Berth's scripts use.
export BERTH_PROFILE=dev
# shellcheck source=scripts/lib/env.sh
source scripts/lib/env.sh
if [[ -n "$docker_host" ]]; then
  export DOCKER_HOST="$docker_host"
else
  bash scripts/services.sh start-docker
fi

echo "agent-host: building the agent"
npx tsc -p tsconfig.json

export BERTH_STATE_DIR="$state_dir"
# shellcheck source=scripts/lib/procs.sh
source scripts/lib/procs.sh
mkdir -p "$state_dir"
berth_proc_stop agent
env_args=(
  "BERTH_AGENT_MANAGER_URLS=$managers"
  "BERTH_AGENT_STATE_FILE=$state_dir/state.json"
  "BERTH_AGENT_PUBLISH_HOST=$publish_host"
  "DOCKER_HOST=$DOCKER_HOST"
)
[[ -n "$token" ]] && env_args+=("BERTH_AGENT_ENROLLMENT_TOKEN=$token")
[[ -n "$ca" ]] && env_args+=("NODE_EXTRA_CA_CERTS=$ca")
[[ -n "$name" ]] && env_args+=("BERTH_AGENT_HOSTNAME=$name")
berth_proc_start agent dist/agent/src/main.js "${env_args[@]}"

# Enrolled means the state file exists; a refused token makes the agent exit with the reason.
for ((i = 0; i < 100; i++)); do
  [[ -s "$state_dir/state.json" ]] && break
  if ! berth_proc_pid agent >/dev/null; then
    echo "agent-host: the agent stopped. Last lines of $state_dir/agent.log:" >&2
    tail -n 20 "$state_dir/agent.log" >&2
    exit 1
  fi
  sleep 0.2
done
[[ -s "$state_dir/state.json" ]] || { echo "agent-host: not enrolled after 20 s; see $state_dir/agent.log" >&2; exit 1; }
echo "agent-host: enrolled and running (log: $state_dir/agent.log; stop: kill \$(cat $state_dir/agent.pid))"
