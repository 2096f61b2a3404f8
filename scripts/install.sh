#!/usr/bin/env bash
# Install what Berth needs on this machine: Debian packages and node_modules. Idempotent and quick
# when everything is there already (no apt-get update, no npm ci).
set -euo pipefail

# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
cd "$ROOT"

# Debian packages: the engine and registry for sessions, the services, the browser for end-to-end
# tests, image-building tools (debootstrap, busybox-static, gcc for the tiny image), and curl for
# health checks.
# An agent host needs only a few of them: scripts/agent-host.sh sets BERTH_APT_PACKAGES.
if [[ -n "${BERTH_APT_PACKAGES:-}" ]]; then
  read -r -a packages <<<"$BERTH_APT_PACKAGES"
else
  packages=(
    docker.io docker-registry redis-server nginx postgresql
    chromium openssl ca-certificates curl iproute2
    debootstrap busybox-static gcc libc6-dev
  )
fi

# The node toolchain comes with the machine; Debian's own node is too old to stand in for it.
if ! command -v node >/dev/null || ! node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)'; then
  echo "install: Node.js 20 or newer is required (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

installed() { [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == installed ]]; }

# Which packages are missing? (PostgreSQL 15 itself counts for the postgresql metapackage.)
missing=()
for p in "${packages[@]}"; do
  if [[ "$p" == postgresql ]] && installed "postgresql-$BERTH_PG_VERSION"; then continue; fi
  installed "$p" || missing+=("$p")
done

if ((${#missing[@]})); then
  if [[ $EUID -ne 0 ]]; then
    echo "install: missing packages: ${missing[*]}; run this script as root (or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "install: apt packages missing: ${missing[*]}"
  # Keep package scripts from starting the system's own nginx/postgres/docker services: Berth
  # starts its own instances (a system nginx would take port 80, a system dockerd the docker0 bridge).
  policy=/usr/sbin/policy-rc.d
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt_opts=(-o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  echo "install: apt-get update"
  apt-get "${apt_opts[@]}" update -qq
  echo "install: apt-get install ${missing[*]}"
  apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/tmp/berth-apt-install.log 2>&1 || {
    tail -n 40 /tmp/berth-apt-install.log >&2
    echo "install: apt-get install failed (full log: /tmp/berth-apt-install.log)" >&2
    exit 1
  }
  echo "install: apt packages installed"
else
  echo "install: apt packages present"
fi

# node_modules: (re)install from the lock file when missing or older than the lock file.
if [[ -f package-lock.json ]]; then
  if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "install: npm ci"
    ci_log="$(mktemp)"
    if ! npm ci --no-audit --no-fund >"$ci_log" 2>&1; then
      cat "$ci_log" >&2
      echo "install: npm ci failed; package-lock.json must match package.json (run npm install and commit the lock file)" >&2
      rm -f "$ci_log"
      exit 1
    fi
    grep -vE 'EBADENGINE|^npm warn (  |\})' "$ci_log" || true
    rm -f "$ci_log"
  else
    echo "install: node_modules up to date"
  fi
elif [[ ! -d node_modules ]]; then
  echo "install: npm install (no package-lock.json yet)"
  npm install --no-audit --no-fund
else
  echo "install: node_modules present (no package-lock.json)"
fi
