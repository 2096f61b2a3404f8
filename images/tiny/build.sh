#!/usr/bin/env bash
# Build the tiny session image (berth/tiny:latest) and push it to the local registry as
# $BERTH_REGISTRY/berth/tiny:latest. Idempotent: when an image built from the same sources is
# already in the registry, nothing is rebuilt. Needs the services (bash scripts/services.sh start).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib/env.sh
source "$here/../../scripts/lib/env.sh"

started=$(date +%s%N)
took() { printf '%d.%01d s' $(((($(date +%s%N) - started) / 1000000) / 1000)) $(((($(date +%s%N) - started) / 100000000) % 10)); }

local_tag=berth/tiny:latest
remote_repo=$BERTH_REGISTRY/berth/tiny
remote_tag=$remote_repo:latest
out="$here/out"

# One build at a time (npm run up and npm test may run side by side).
mkdir -p "$out"
exec 9>"$out/.lock"
flock 9

command -v gcc >/dev/null || { echo "tiny image: gcc is missing (run: bash scripts/install.sh)" >&2; exit 1; }

# The hash of everything that shapes the image; stored as a label on it.
hash="$(cat "$here/../gateway/gateway.c" "$here/Dockerfile" "$here/build.sh" <(gcc --version | head -n1) | sha256sum | cut -c1-16)"

# The registry's digest for the tag ("" if it has none).
registry_digest() {
  curl -sf -I --max-time 5 \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
    "http://$BERTH_REGISTRY/v2/berth/tiny/manifests/latest" 2>/dev/null |
    tr -d '\r' | awk -F': ' 'tolower($1) == "docker-content-digest" { print $2 }' || true
}

# Up to date when the local image carries this hash and the registry serves that very image.
have_hash="$(berth_docker image inspect -f '{{index .Config.Labels "org.berth.tiny.source-hash"}}' "$remote_tag" 2>/dev/null || true)"
if [[ "$have_hash" == "$hash" ]]; then
  digest="$(registry_digest)"
  if [[ -n "$digest" ]] && berth_docker image inspect -f '{{range .RepoDigests}}{{println .}}{{end}}' "$remote_tag" |
    grep -qxF "$remote_repo@$digest"; then
    berth_docker tag "$remote_tag" "$local_tag"
    echo "tiny image: up to date ($remote_tag, source $hash) in $(took)"
    exit 0
  fi
  # Built, but the registry lacks it (its storage was wiped, say): push again.
  berth_docker push "$remote_tag" >"$out/push.log" 2>&1 || {
    cat "$out/push.log" >&2
    echo "tiny image: push to $BERTH_REGISTRY failed (is the registry up? bash scripts/services.sh status)" >&2
    exit 1
  }
  echo "tiny image: pushed $remote_tag (source $hash) in $(took)"
  exit 0
fi

# Compile the session gateway (images/gateway) into one static binary: the image holds nothing else.
# Started without options it serves a test page and echoes WebSocket messages.
gcc -O2 -static -s -Wall -Wextra -o "$out/tiny-server" "$here/../gateway/gateway.c"
cp "$here/Dockerfile" "$out/Dockerfile"

# Build with the classic builder (the context is just the binary), then tag and push.
if ! DOCKER_BUILDKIT=0 berth_docker build --build-arg "BERTH_TINY_SOURCE_HASH=$hash" \
  -t "$local_tag" -t "$remote_tag" "$out" >"$out/build.log" 2>&1; then
  cat "$out/build.log" >&2
  echo "tiny image: docker build failed" >&2
  exit 1
fi
berth_docker push "$remote_tag" >"$out/push.log" 2>&1 || {
  cat "$out/push.log" >&2
  echo "tiny image: push to $BERTH_REGISTRY failed (is the registry up? bash scripts/services.sh status)" >&2
  exit 1
}
# Drop the untagged leftovers of earlier builds of this image.
berth_docker image prune -f --filter label=org.berth.image=tiny >/dev/null 2>&1 || true
echo "tiny image: built and pushed $remote_tag (source $hash) in $(took)"
