#!/usr/bin/env sh
# Regenerates ../sui-tx-vectors.json with the @mysten/sui SDK pinned in package-lock.json (offline after npm ci).
# Needs Node 20 or later and npm. Usage, from anywhere:  sh walrus-client/src/test/resources/sui-tx/regenerate.sh
# Pass --check to compare instead of overwrite (exit status 1 on any difference).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/txvectors.mjs" "$here/package.json" "$here/package-lock.json" "$tmp/"
(cd "$tmp" && npm ci --no-audit --no-fund >/dev/null)
node "$tmp/txvectors.mjs" > "$tmp/sui-tx-vectors.json"
if [ "${1:-}" = "--check" ]; then
  cmp "$tmp/sui-tx-vectors.json" "$here/../sui-tx-vectors.json" && echo "sui-tx-vectors.json is up to date"
else
  cp "$tmp/sui-tx-vectors.json" "$here/../sui-tx-vectors.json"
  echo "wrote $here/../sui-tx-vectors.json"
fi
