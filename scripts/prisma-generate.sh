#!/usr/bin/env bash
# Generates the Prisma client (server/src/generated/prisma) offline.  `npm run prisma:generate`
#
# Prisma's CLI tries to download its Rust engines before any command unless
# PRISMA_SCHEMA_ENGINE_BINARY names an existing file; `generate` never runs that engine (the client
# uses @prisma/adapter-pg at run time and needs no binary), so /bin/true stands in for it.
# Skips the work when nothing that affects the output changed since the last run; pass --force
# (or BERTH_PRISMA_FORCE=1) to regenerate anyway.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

out="server/src/generated/prisma"
stamp="$out/.berth-generate-stamp"
force="${BERTH_PRISMA_FORCE:-0}"
for arg in "$@"; do
  case "$arg" in
    --force|-f) force=1 ;;
    *) echo "usage: $0 [--force]" >&2; exit 2 ;;
  esac
done

if [ ! -x node_modules/.bin/prisma ]; then
  echo "prisma-generate: node_modules/.bin/prisma is missing; run npm ci first" >&2
  exit 1
fi

# Everything the generated output depends on.
inputs_hash="$(
  {
    cat prisma/schema.prisma prisma.config.ts "${BASH_SOURCE[0]}"
    node -p 'require("prisma/package.json").version + " " + require("@prisma/client/package.json").version'
  } | sha256sum | cut -d' ' -f1
)"

if [ "$force" != "1" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$inputs_hash" ] && [ -f "$out/client.ts" ]; then
  echo "prisma-generate: $out is up to date"
  exit 0
fi

export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/true}"
export PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING=1
export CHECKPOINT_DISABLE=1          # no version check-in
export PRISMA_HIDE_UPDATE_MESSAGE=1
# prisma.config.ts falls back to a local URL, but keep any CLI path that insists on one happy.
export DATABASE_URL="${DATABASE_URL:-postgresql://berth:berth@127.0.0.1:5432/berth}"

rm -f "$stamp"
node_modules/.bin/prisma generate --schema prisma/schema.prisma
echo "$inputs_hash" > "$stamp"
