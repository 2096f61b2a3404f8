# shellcheck shell=bash
# Start/stop/status of the services Berth runs on: PostgreSQL, a private dockerd, a registry, and
# per-profile Redis + nginx. Source after scripts/lib/env.sh. Every function prints one short line
# ("redis: running") and returns non-zero, after saying what to do, when something is wrong.

berth_say() { printf '%s\n' "$*"; }
berth_err() { printf '%s\n' "$*" >&2; }

# berth_pid_alive PIDFILE [COMM]: the pid in PIDFILE is a live process (whose name starts with COMM).
berth_pid_alive() {
  local pid comm
  [[ -r "$1" ]] || return 1
  pid="$(tr -dc '0-9' <"$1")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  if [[ -n "${2:-}" ]]; then
    comm="$(cat "/proc/$pid/comm" 2>/dev/null || true)"
    [[ "$comm" == "$2"* ]] || return 1
  fi
  return 0
}

# berth_wait SECONDS CMD...: retry CMD every 0.2 s until it succeeds or SECONDS have passed.
berth_wait() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# berth_stop_pid NAME PIDFILE COMM [SECONDS]: SIGTERM the process, wait for it, SIGKILL as a last resort.
berth_stop_pid() {
  local name=$1 pidfile=$2 comm=$3 secs=${4:-15} pid
  if ! berth_pid_alive "$pidfile" "$comm"; then
    rm -f "$pidfile"
    berth_say "$name: stopped"
    return 0
  fi
  pid="$(tr -dc '0-9' <"$pidfile")"
  kill -TERM "$pid" 2>/dev/null || true
  if ! berth_wait "$secs" eval "! kill -0 $pid 2>/dev/null"; then
    berth_err "$name: still running after ${secs}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    berth_wait 5 eval "! kill -0 $pid 2>/dev/null" || true
  fi
  rm -f "$pidfile"
  berth_say "$name: stopped"
}

berth_log_tail() {
  [[ -r "$1" ]] || return 0
  berth_err "--- last lines of $1 ---"
  tail -n "${2:-25}" "$1" >&2 || true
  berth_err "---"
}

berth_need() {
  local cmd=$1 what=$2
  command -v "$cmd" >/dev/null 2>&1 && return 0
  berth_err "$what: '$cmd' is not installed (run: bash scripts/install.sh)"
  return 1
}

# ---------------------------------------------------------------- PostgreSQL (machine-level)

_pg_psql() { (cd / && runuser -u postgres -- psql -p "$BERTH_PG_PORT" -X -q -v ON_ERROR_STOP=1 -tA "$@"); }
_pg_ready() { pg_isready -q -h 127.0.0.1 -p "$BERTH_PG_PORT" >/dev/null 2>&1; }
_pg_running() { pg_ctlcluster "$BERTH_PG_VERSION" "$BERTH_PG_CLUSTER" status >/dev/null 2>&1; }

postgres_start() {
  local v=$BERTH_PG_VERSION c=$BERTH_PG_CLUSTER
  berth_need pg_ctlcluster postgres || return 1
  # A fresh install normally creates the cluster; create it if something removed it.
  if [[ ! -d "/etc/postgresql/$v/$c" ]]; then
    if [[ ! -x "/usr/lib/postgresql/$v/bin/postgres" ]]; then
      berth_err "postgres: PostgreSQL $v is not installed (run: bash scripts/install.sh)"
      return 1
    fi
    pg_createcluster --port "$BERTH_PG_PORT" "$v" "$c" >/dev/null
  fi
  # Start the cluster only if it isn't running already.
  if ! _pg_running; then
    if ! pg_ctlcluster "$v" "$c" start; then
      berth_err "postgres: could not start cluster $v/$c; see /var/log/postgresql/postgresql-$v-$c.log"
      return 1
    fi
  fi
  if ! berth_wait 30 _pg_ready; then
    berth_err "postgres: cluster $v/$c does not accept connections on 127.0.0.1:$BERTH_PG_PORT" \
      "(check its port in /etc/postgresql/$v/$c/postgresql.conf and /var/log/postgresql/)"
    return 1
  fi
  # The berth role (password login, may create databases) and this profile's database.
  if [[ "$(_pg_psql -c "SELECT 1 FROM pg_roles WHERE rolname = 'berth'")" != 1 ]]; then
    _pg_psql -c "CREATE ROLE berth LOGIN CREATEDB PASSWORD 'berth'"
  else
    _pg_psql -c "ALTER ROLE berth LOGIN CREATEDB PASSWORD 'berth'"
  fi
  if [[ "$(_pg_psql -c "SELECT 1 FROM pg_database WHERE datname = '$BERTH_DB_NAME'")" != 1 ]]; then
    _pg_psql -c "CREATE DATABASE \"$BERTH_DB_NAME\" OWNER berth"
  fi
  berth_say "postgres: running (127.0.0.1:$BERTH_PG_PORT, database $BERTH_DB_NAME)"
}

postgres_stop() {
  if _pg_running; then
    pg_ctlcluster "$BERTH_PG_VERSION" "$BERTH_PG_CLUSTER" stop
  fi
  berth_say "postgres: stopped"
}

postgres_status() {
  if _pg_running && _pg_ready; then
    berth_say "postgres: running (127.0.0.1:$BERTH_PG_PORT)"
  else
    berth_say "postgres: stopped"
    return 1
  fi
}

# ---------------------------------------------------------------- dockerd (machine-level)

_docker_ping() { curl -sf --max-time 2 --unix-socket "$BERTH_DOCKER_SOCK" http://docker/_ping >/dev/null 2>&1; }

dockerd_start() {
  berth_need dockerd dockerd || return 1
  berth_need curl dockerd || return 1
  if ! _docker_ping; then
    # Not answering: start it, unless a previous start is still coming up.
    if ! berth_pid_alive "$BERTH_DOCKER_PIDFILE" dockerd; then
      mkdir -p "$(dirname "$BERTH_DOCKER_SOCK")" "$BERTH_DOCKER_DATA_ROOT" "$BERTH_DOCKER_EXEC_ROOT" \
        "$(dirname "$BERTH_DOCKER_PIDFILE")" "$(dirname "$BERTH_DOCKER_LOG")"
      rm -f "$BERTH_DOCKER_PIDFILE"
      # Own containerd namespaces too, so a system containerd (if one runs) keeps its containers apart.
      # --live-restore: sessions keep running while dockerd restarts (an upgrade, a crash).
      setsid nohup dockerd \
        --live-restore \
        --host "unix://$BERTH_DOCKER_SOCK" \
        --data-root "$BERTH_DOCKER_DATA_ROOT" \
        --exec-root "$BERTH_DOCKER_EXEC_ROOT" \
        --pidfile "$BERTH_DOCKER_PIDFILE" \
        --containerd-namespace berth \
        --containerd-plugins-namespace berth-plugins \
        >>"$BERTH_DOCKER_LOG" 2>&1 </dev/null &
    fi
  fi
  # Ready means the CLI itself works against it (info exercises the whole API).
  if ! berth_wait 30 eval 'berth_docker info >/dev/null 2>&1'; then
    berth_err "dockerd: did not answer on $BERTH_DOCKER_SOCK within 30 s."
    berth_log_tail "$BERTH_DOCKER_LOG" 30
    berth_err "dockerd: fix the cause above, then run: bash scripts/services.sh start"
    return 1
  fi
  berth_say "dockerd: running ($DOCKER_HOST)"
}

dockerd_stop() {
  # dockerd stops its containers on SIGTERM (15 s each at most), so give it time.
  berth_stop_pid dockerd "$BERTH_DOCKER_PIDFILE" dockerd 40
}

dockerd_status() {
  if _docker_ping; then
    berth_say "dockerd: running ($DOCKER_HOST)"
  else
    berth_say "dockerd: stopped"
    return 1
  fi
}

# ---------------------------------------------------------------- registry (machine-level)

_registry_ping() { curl -sf --max-time 2 "http://$BERTH_REGISTRY/v2/" >/dev/null 2>&1; }

registry_start() {
  berth_need docker-registry registry || return 1
  if _registry_ping; then
    berth_say "registry: running ($BERTH_REGISTRY)"
    return 0
  fi
  if ! berth_pid_alive "$BERTH_REGISTRY_PIDFILE" docker-registry; then
    mkdir -p "$BERTH_REGISTRY_STORAGE" "$(dirname "$BERTH_REGISTRY_CONFIG")" \
      "$(dirname "$BERTH_REGISTRY_PIDFILE")" "$(dirname "$BERTH_REGISTRY_LOG")"
    # Our own config: loopback only, no auth (loopback registries need no TLS for docker push).
    cat >"$BERTH_REGISTRY_CONFIG" <<EOF
version: 0.1
log:
  level: warn
  fields:
    service: berth-registry
storage:
  filesystem:
    rootdirectory: $BERTH_REGISTRY_STORAGE
  delete:
    enabled: true
http:
  addr: $BERTH_REGISTRY
  headers:
    X-Content-Type-Options: [nosniff]
EOF
    setsid nohup /usr/bin/docker-registry serve "$BERTH_REGISTRY_CONFIG" \
      >>"$BERTH_REGISTRY_LOG" 2>&1 </dev/null &
    echo $! >"$BERTH_REGISTRY_PIDFILE"
  fi
  if ! berth_wait 15 _registry_ping; then
    berth_err "registry: did not answer on http://$BERTH_REGISTRY/v2/ within 15 s" \
      "(is the port taken? try: ss -ltnp | grep ${BERTH_REGISTRY##*:})"
    berth_log_tail "$BERTH_REGISTRY_LOG"
    return 1
  fi
  berth_say "registry: running ($BERTH_REGISTRY)"
}

registry_stop() { berth_stop_pid registry "$BERTH_REGISTRY_PIDFILE" docker-registry 10; }

registry_status() {
  if _registry_ping; then
    berth_say "registry: running ($BERTH_REGISTRY)"
  else
    berth_say "registry: stopped"
    return 1
  fi
}

# ---------------------------------------------------------------- Redis (per profile)

_redis_dir() { echo "$BERTH_STATE_DIR/redis"; }
_redis_ping() { [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }

redis_start() {
  local dir
  dir="$(_redis_dir)"
  berth_need redis-server redis || return 1
  if _redis_ping; then
    berth_say "redis: running ($REDIS_URL)"
    return 0
  fi
  mkdir -p "$dir"
  # Cache and pub/sub only: nothing is persisted.
  if ! redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --daemonize yes --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"; then
    berth_err "redis: redis-server failed to start"
    berth_log_tail "$dir/redis.log"
    return 1
  fi
  if ! berth_wait 10 _redis_ping; then
    berth_err "redis: no answer on 127.0.0.1:$REDIS_PORT (is the port taken? try: ss -ltnp | grep $REDIS_PORT)"
    berth_log_tail "$dir/redis.log"
    return 1
  fi
  berth_say "redis: running ($REDIS_URL)"
}

redis_stop() { berth_stop_pid redis "$(_redis_dir)/redis.pid" redis-server 10; }

redis_status() {
  if _redis_ping; then
    berth_say "redis: running ($REDIS_URL)"
  else
    berth_say "redis: stopped"
    return 1
  fi
}

# ---------------------------------------------------------------- TLS (per profile)

tls_ensure() {
  # Generated once; kept across restarts so browsers' exceptions stay valid.
  if [[ -s "$BERTH_TLS_CERT" && -s "$BERTH_TLS_KEY" ]]; then
    return 0
  fi
  berth_need openssl tls || return 1
  mkdir -p "$(dirname "$BERTH_TLS_CERT")" "$(dirname "$BERTH_TLS_KEY")"
  (
    umask 077
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 \
      -keyout "$BERTH_TLS_KEY" -out "$BERTH_TLS_CERT" \
      -subj "/CN=localhost" \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
  ) || { berth_err "tls: openssl could not create $BERTH_TLS_CERT"; return 1; }
  chmod 644 "$BERTH_TLS_CERT"
  berth_say "tls: created self-signed certificate $BERTH_TLS_CERT"
}

# ---------------------------------------------------------------- nginx (per profile)

# Placeholders the template may use; anything else that looks like ${UPPER} is an error.
BERTH_NGINX_VARS=(BERTH_NGINX_USER BERTH_NGINX_PREFIX BERTH_HTTPS_PORT BERTH_HTTP_PORT
  BERTH_MANAGER_PORT BERTH_TLS_CERT BERTH_TLS_KEY CLIENT_DIST BERTH_STATE_DIR)

_nginx_conf() { echo "$BERTH_NGINX_PREFIX/nginx.conf"; }
_nginx() { nginx -p "$BERTH_NGINX_PREFIX" -c "$(_nginx_conf)" -e "$BERTH_NGINX_PREFIX/logs/error.log" "$@"; }
_nginx_healthy() { curl -ksf --max-time 2 "https://127.0.0.1:$BERTH_HTTPS_PORT/healthz" >/dev/null 2>&1; }

# nginx_render TEMPLATE OUT: replace the known ${VAR} placeholders, leave nginx's $vars alone.
nginx_render() {
  local template=$1 out=$2 text var left
  text="$(<"$template")"
  for var in "${BERTH_NGINX_VARS[@]}"; do
    text="${text//"\${$var}"/"${!var}"}"
  done
  left="$(grep -v '^[[:space:]]*#' <<<"$text" | grep -oE '\$\{[A-Za-z_][A-Za-z0-9_]*\}' | sort -u | tr '\n' ' ' || true)"
  if [[ -n "$left" ]]; then
    berth_err "nginx: unknown placeholders in $template: $left(known: ${BERTH_NGINX_VARS[*]})"
    return 1
  fi
  printf '%s\n' "$text" >"$out.tmp"
  mv -f "$out.tmp" "$out"
}

# nginx_session_upstreams OUT: one named upstream per session port (BERTH_SESSION_PORTS) on each
# address in BERTH_NGINX_SESSION_HOSTS, with kept connections, and the map from the manager's
# "host:port" answer to its name. nginx keeps connections only to named upstreams; a session
# elsewhere (another port or host) is still reached, with a new connection per request.
nginx_session_upstreams() {
  local out=$1 ports=${BERTH_SESSION_PORTS:-any} hosts lo hi host p
  IFS=', ' read -r -a hosts <<<"${BERTH_NGINX_SESSION_HOSTS:-127.0.0.1}"
  if [[ $ports != any && ! $ports =~ ^[0-9]+-[0-9]+$ ]]; then
    berth_err "nginx: BERTH_SESSION_PORTS must be FIRST-LAST (e.g. 30000-30999) or any, not '$ports'"
    return 1
  fi
  {
    echo "# Generated from BERTH_SESSION_PORTS=$ports and BERTH_NGINX_SESSION_HOSTS=${hosts[*]}; do not edit."
    echo 'map $berth_upstream $berth_session_upstream {'
    echo '    default $berth_upstream;'
    if [[ $ports != any ]]; then
      lo=${ports%-*} hi=${ports#*-}
      for host in "${hosts[@]}"; do
        for ((p = lo; p <= hi; p++)); do printf '    %s:%d berth_s_%s_%d;\n' "$host" "$p" "${host//[.:]/_}" "$p"; done
      done
    fi
    echo '}'
    if [[ $ports != any ]]; then
      for host in "${hosts[@]}"; do
        for ((p = lo; p <= hi; p++)); do
          printf 'upstream berth_s_%s_%d { server %s:%d max_fails=0; keepalive 16; keepalive_timeout 30s; }\n' "${host//[.:]/_}" "$p" "$host" "$p"
        done
      done
    fi
  } >"$out.tmp" && mv -f "$out.tmp" "$out"
}

_nginx_prepare() {
  berth_need nginx nginx || return 1
  berth_need curl nginx || return 1
  tls_ensure || return 1
  mkdir -p "$BERTH_NGINX_PREFIX"/{logs,tmp}
  # nginx must start before the client is built: serve a placeholder page until then.
  if [[ ! -d "$CLIENT_DIST" ]]; then
    mkdir -p "$CLIENT_DIST"
    cat >"$CLIENT_DIST/index.html" <<'EOF'
<!doctype html>
<html><head><meta charset="utf-8"><title>Berth</title></head>
<body><p>client not built yet (run: npm run build)</p></body></html>
EOF
  fi
  # Workers run as nobody when nobody can read the client and the prefix (a checkout under a
  # private home directory can't be read by nobody: then they run as root).
  if [[ -z "${BERTH_NGINX_USER:-}" ]]; then
    if [[ $EUID -ne 0 ]]; then
      BERTH_NGINX_USER="$(id -un)"
    elif id nobody >/dev/null 2>&1 && getent group nogroup >/dev/null 2>&1 &&
      runuser -u nobody -- test -r "$CLIENT_DIST/index.html" -a -x "$BERTH_NGINX_PREFIX/tmp" 2>/dev/null; then
      BERTH_NGINX_USER="nobody nogroup"
    else
      BERTH_NGINX_USER="root root"
    fi
  fi
  nginx_session_upstreams "$BERTH_NGINX_PREFIX/session-upstreams.conf" || return 1
  nginx_render "$ROOT/nginx.conf" "$(_nginx_conf)" || return 1
  local out
  if ! out="$(_nginx -t 2>&1)"; then
    berth_err "$out"
    berth_err "nginx: the rendered config $(_nginx_conf) is invalid (template: $ROOT/nginx.conf)"
    return 1
  fi
}

nginx_start() {
  _nginx_prepare || return 1
  local what=started out
  # Running already: reload the freshly rendered config; otherwise start it.
  if berth_pid_alive "$BERTH_NGINX_PREFIX/nginx.pid" nginx; then
    out="$(_nginx -s reload 2>&1)" || {
      berth_err "$out"
      berth_err "nginx: reload failed"
      return 1
    }
    what=reloaded
  elif ! out="$(_nginx 2>&1)"; then
    berth_err "$out"
    berth_err "nginx: failed to start (ports $BERTH_HTTPS_PORT/$BERTH_HTTP_PORT taken? try: ss -ltnp | grep -E ':($BERTH_HTTPS_PORT|$BERTH_HTTP_PORT) ')"
    return 1
  fi
  if ! berth_wait 10 _nginx_healthy; then
    berth_err "nginx: $BERTH_PUBLIC_URL/healthz does not answer"
    berth_log_tail "$BERTH_NGINX_PREFIX/logs/error.log" 10
    return 1
  fi
  berth_say "nginx: running, $what ($BERTH_PUBLIC_URL, http :$BERTH_HTTP_PORT redirects)"
}

nginx_stop() {
  # Fast shutdown: a graceful one would wait for every open session WebSocket.
  berth_stop_pid nginx "$BERTH_NGINX_PREFIX/nginx.pid" nginx 10
}

nginx_status() {
  if berth_pid_alive "$BERTH_NGINX_PREFIX/nginx.pid" nginx && _nginx_healthy; then
    berth_say "nginx: running ($BERTH_PUBLIC_URL)"
  else
    berth_say "nginx: stopped"
    return 1
  fi
}
