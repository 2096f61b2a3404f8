# shellcheck shell=bash
# Berth's environment contract. Source this file (don't execute it); every script does.
# Each variable keeps a value that is already set, so any of them can be overridden from outside.
# BERTH_PROFILE picks the per-profile values: `dev` (npm run up) or `test` (npm test).

# Derive the repo root from this file's location, so scripts work from any working directory.
_berth_lib_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${ROOT:=$(cd "$_berth_lib_dir/../.." && pwd)}"
export ROOT

: "${BERTH_PROFILE:=dev}"
case "$BERTH_PROFILE" in
  dev | test) ;;
  *)
    echo "env: BERTH_PROFILE must be 'dev' or 'test' (got '$BERTH_PROFILE')" >&2
    # shellcheck disable=SC2317  # exit is for when this file is run instead of sourced
    return 1 2>/dev/null || exit 1
    ;;
esac
export BERTH_PROFILE

# If this shell already holds defaults computed for the other profile (env.sh sourced twice with
# different profiles), forget those defaults; values set explicitly from outside are kept.
if [[ -n "${BERTH_ENV_PROFILE:-}" && "$BERTH_ENV_PROFILE" != "$BERTH_PROFILE" ]]; then
  for _berth_var in ${BERTH_ENV_DEFAULTED:-}; do unset "$_berth_var"; done
fi
BERTH_ENV_DEFAULTED=""

# berth_default VAR VALUE: export VAR=VALUE unless VAR is already set; remember it was a default.
berth_default() {
  if [[ -z "${!1+x}" ]]; then
    printf -v "$1" '%s' "$2"
    BERTH_ENV_DEFAULTED+=" $1"
  fi
  export "${1?}"
}

_berth_is_test() { [[ "$BERTH_PROFILE" == test ]]; }

# --- per-profile state (pids, logs, rendered configs, TLS) lives under the repo, ignored by git ---
berth_default BERTH_STATE_DIR "$ROOT/.berth/$BERTH_PROFILE"

# --- machine-level services, shared by both profiles ---
# PostgreSQL cluster 15/main; one database per profile.
berth_default BERTH_PG_VERSION 15
berth_default BERTH_PG_CLUSTER main
berth_default BERTH_PG_PORT 5432
berth_default BERTH_DB_NAME "$(_berth_is_test && echo berth_test || echo berth)"
berth_default DATABASE_URL "postgres://berth:berth@127.0.0.1:$BERTH_PG_PORT/$BERTH_DB_NAME"

# Private dockerd, kept apart from any other Docker on the machine.
berth_default BERTH_DOCKER_SOCK /run/berth/docker.sock
berth_default BERTH_DOCKER_DATA_ROOT /var/lib/berth/docker
berth_default BERTH_DOCKER_EXEC_ROOT /run/berth/docker-exec
berth_default BERTH_DOCKER_PIDFILE /run/berth/docker.pid
berth_default BERTH_DOCKER_LOG /var/log/berth/dockerd.log
berth_default DOCKER_HOST "unix://$BERTH_DOCKER_SOCK"

# Debian's docker-registry (CNCF distribution) on loopback.
berth_default BERTH_REGISTRY 127.0.0.1:5000
berth_default BERTH_REGISTRY_STORAGE /var/lib/berth/registry
berth_default BERTH_REGISTRY_CONFIG /var/lib/berth/registry-config.yml
berth_default BERTH_REGISTRY_PIDFILE /run/berth/registry.pid
berth_default BERTH_REGISTRY_LOG /var/log/berth/registry.log

# --- per-profile services ---
berth_default REDIS_PORT "$(_berth_is_test && echo 16380 || echo 6380)"
berth_default REDIS_URL "redis://127.0.0.1:$REDIS_PORT"
berth_default BERTH_MANAGER_PORT "$(_berth_is_test && echo 14000 || echo 4000)"
berth_default BERTH_HTTPS_PORT "$(_berth_is_test && echo 18443 || echo 443)"
berth_default BERTH_HTTP_PORT "$(_berth_is_test && echo 18080 || echo 80)"
berth_default BERTH_PUBLIC_URL "https://localhost:$BERTH_HTTPS_PORT"
berth_default BERTH_NGINX_PREFIX "$BERTH_STATE_DIR/nginx"
berth_default BERTH_TLS_CERT "$BERTH_STATE_DIR/tls/cert.pem"
berth_default BERTH_TLS_KEY "$BERTH_STATE_DIR/tls/key.pem"

# --- agent ---
berth_default BERTH_AGENT_MANAGER_URLS "http://127.0.0.1:$BERTH_MANAGER_PORT/graphql"
berth_default BERTH_AGENT_STATE_FILE "$BERTH_STATE_DIR/agent/state.json"
berth_default BERTH_AGENT_PUBLISH_HOST 127.0.0.1
# Host ports sessions are published on. nginx gets a named upstream, with kept connections, for each
# port of this range on each address in BERTH_NGINX_SESSION_HOSTS (agents published there).
berth_default BERTH_SESSION_PORTS 30000-30999
berth_default BERTH_AGENT_SESSION_PORTS "$BERTH_SESSION_PORTS"
berth_default BERTH_NGINX_SESSION_HOSTS "$BERTH_AGENT_PUBLISH_HOST"

# --- web client build output, served by nginx ---
berth_default CLIENT_DIST "$ROOT/client/dist"

BERTH_ENV_PROFILE="$BERTH_PROFILE"
export BERTH_ENV_PROFILE BERTH_ENV_DEFAULTED
unset _berth_var

# berth_docker ARGS...: run the Docker CLI against the private daemon. /usr/local/bin/docker may be a
# newer client than Debian's dockerd; it negotiates the API version. The first client that can talk
# to the daemon wins and is remembered in BERTH_DOCKER.
berth_docker() {
  if [[ -z "${BERTH_DOCKER:-}" ]]; then
    local c
    for c in /usr/local/bin/docker /usr/bin/docker "$(command -v docker 2>/dev/null || true)"; do
      [[ -n "$c" && -x "$c" ]] || continue
      if DOCKER_HOST="$DOCKER_HOST" "$c" version --format '{{.Server.APIVersion}}' >/dev/null 2>&1; then
        BERTH_DOCKER="$c"
        break
      fi
    done
    if [[ -z "${BERTH_DOCKER:-}" ]]; then
      echo "docker: no client can reach $DOCKER_HOST (run: bash scripts/services.sh start)" >&2
      return 1
    fi
    export BERTH_DOCKER
  fi
  DOCKER_HOST="$DOCKER_HOST" "$BERTH_DOCKER" "$@"
}
