# shellcheck shell=bash
# Background Node processes of Berth (manager, agent), tracked by pid files in $BERTH_STATE_DIR:
# $BERTH_STATE_DIR/<name>.pid and <name>.log. Source after scripts/lib/env.sh.

# berth_proc_pid NAME: print the pid of NAME if it is running (and is a node process), else fail.
berth_proc_pid() {
  local pidfile="$BERTH_STATE_DIR/$1.pid" pid
  [[ -r "$pidfile" ]] || return 1
  pid="$(tr -dc '0-9' <"$pidfile")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  # A reused pid belonging to something else is not ours.
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == node* ]] || return 1
  echo "$pid"
}

# berth_proc_stop NAME [SECONDS]: SIGTERM, wait (graceful shutdown), then SIGKILL.
berth_proc_stop() {
  local name=$1 secs=${2:-15} pid i
  if ! pid="$(berth_proc_pid "$name")"; then
    rm -f "$BERTH_STATE_DIR/$name.pid"
    echo "$name: stopped"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < secs * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$name: did not stop within ${secs}s, killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
  fi
  rm -f "$BERTH_STATE_DIR/$name.pid"
  echo "$name: stopped"
}

# berth_proc_start NAME SCRIPT [VAR=VALUE...]: start `node SCRIPT` detached, output to its log.
berth_proc_start() {
  local name=$1 script=$2 log="$BERTH_STATE_DIR/$1.log"
  shift 2
  mkdir -p "$BERTH_STATE_DIR"
  if [[ ! -f "$ROOT/$script" ]]; then
    echo "$name: $ROOT/$script is missing (run: npm run build)" >&2
    return 1
  fi
  # setsid + nohup: it outlives this script and the terminal.
  (
    cd "$ROOT" || exit 1
    printf '\n--- %s: starting %s ---\n' "$(date -Is)" "$script" >>"$log"
    exec setsid nohup env "$@" node "$ROOT/$script" >>"$log" 2>&1 </dev/null
  ) &
  echo $! >"$BERTH_STATE_DIR/$name.pid"
  echo "$name: started (pid $!, log $log)"
}
