#!/usr/bin/env bash
# `npm run up`: install, start services, build, set up, and run Berth (dev profile) on this machine.
# Idempotent: running it again rebuilds what changed and restarts the manager and the agent.
set -euo pipefail

export BERTH_PROFILE="${BERTH_PROFILE:-dev}"
# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
# shellcheck source=scripts/lib/procs.sh
source "$ROOT/scripts/lib/procs.sh"
cd "$ROOT"

step() { printf '\n== %s\n' "$*"; }

# Packages and node_modules.
step "install"
bash scripts/install.sh

# Postgres, dockerd, registry, Redis, nginx.
step "services"
bash scripts/services.sh start --profile "$BERTH_PROFILE"

# The Prisma client is generated code the build needs.
step "prisma generate"
npm run --silent prisma:generate

# Server, agent and web client.
step "build"
npm run --silent build

# The test/demo session image, pushed to the local registry for the agent to pull.
step "tiny image"
bash images/tiny/build.sh

# The default workspaces (desktop, desktop-deluxe, firefox), built from Debian packages. The first
# build takes several minutes; later runs rebuild only what changed. BERTH_SKIP_DEFAULT_IMAGES=1 skips it.
if [[ "${BERTH_SKIP_DEFAULT_IMAGES:-0}" != 1 ]]; then
  step "default images"
  bash images/build.sh all
fi

# Database migrations and seed; prints the admin credentials the first time; writes the local
# agent's enrollment token.
step "setup"
node dist/server/src/cli.js setup

# (Re)start the manager; the agent follows once the manager answers.
step "manager and agent"
berth_proc_stop agent
berth_proc_stop manager
berth_proc_start manager dist/server/src/main.js

# Ready when GraphQL answers through nginx (TLS, proxy and manager all work).
echo "waiting for $BERTH_PUBLIC_URL/graphql"
ready=false
for ((i = 0; i < 150; i++)); do
  if curl -ksf --max-time 2 "$BERTH_PUBLIC_URL/graphql" -H 'content-type: application/json' \
    -d '{"query":"{__typename}"}' >/dev/null 2>&1; then
    ready=true
    break
  fi
  # No point waiting for a manager that has exited.
  berth_proc_pid manager >/dev/null || break
  sleep 0.2
done
if ! $ready; then
  echo "manager: not answering at $BERTH_PUBLIC_URL/graphql. Last lines of $BERTH_STATE_DIR/manager.log:" >&2
  tail -n 40 "$BERTH_STATE_DIR/manager.log" >&2 || true
  exit 1
fi
echo "manager: answering"

# The agent enrolls with the token the setup wrote (not needed once it has enrolled).
token_file="$BERTH_STATE_DIR/enrollment-token"
agent_env=()
if [[ -s "$token_file" ]]; then
  agent_env=("BERTH_AGENT_ENROLLMENT_TOKEN=$(<"$token_file")")
else
  echo "agent: no enrollment token at $token_file (fine if the agent enrolled before: $BERTH_AGENT_STATE_FILE)"
fi
mkdir -p "$(dirname "$BERTH_AGENT_STATE_FILE")"
berth_proc_start agent dist/agent/src/main.js "${agent_env[@]}"
sleep 1
if ! berth_proc_pid agent >/dev/null; then
  echo "agent: exited right after starting. Last lines of $BERTH_STATE_DIR/agent.log:" >&2
  tail -n 40 "$BERTH_STATE_DIR/agent.log" >&2 || true
  exit 1
fi

cat <<EOF

Berth is up: $BERTH_PUBLIC_URL
  logs:     $BERTH_STATE_DIR/manager.log, $BERTH_STATE_DIR/agent.log,
            $BERTH_NGINX_PREFIX/logs/, $BERTH_DOCKER_LOG
  status:   bash scripts/services.sh status
  stop:     npm run down   (npm run down -- --all also stops dockerd, the registry and PostgreSQL)
EOF
