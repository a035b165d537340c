#!/usr/bin/env bash
# Benchmark of the local Walrus network (issue 3), next to the reference encoder, in one run:
#   1. blob-ID computation (RS2 encoding + Merkle trees) of 32 MiB at n = 1000, and of the largest blob
#      n = 10 allows (1,834,952 bytes: 32 MiB does not fit at 10 shards), ours (`walrus-sync blob-id`)
#      against the official encoder compiled to WASM (`node blobid.mjs`, ../shared/oracles/walrus-encoding);
#   2. a store and a read of a 64 MiB blob through the local publisher and aggregator, at 100 shards
#      (64 MiB cannot be one blob at 10 shards), and of the largest blob at 10 shards.
# Both tools are timed as processes, start-up included. Needs node and npm (installed from Debian when
# missing and run as root).
#   bench/localnet-vs-reference.sh [--keep]
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
WS="$ROOT/walrus-sync"
ORACLE="$ROOT/../shared/oracles/walrus-encoding"
[ -d "$ORACLE" ] || { echo "error: the reference oracle is missing at $ORACLE" >&2; exit 1; }
if ! command -v npm >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "error: install nodejs and npm first" >&2; exit 1; }
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi
T=$(mktemp -d)
[ "${1:-}" = "--keep" ] || trap 'pkill -f "localnet --dir $T/net" 2>/dev/null || true; rm -rf "$T"' EXIT

DEFAULT_JDK=/usr/lib/jvm/temurin-25-jdk-amd64
if [ -z "${JAVA_HOME:-}" ] && [ -x "$DEFAULT_JDK/bin/java" ]; then export JAVA_HOME="$DEFAULT_JDK"; fi
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), node $(node --version), $("${JAVA_HOME:-/usr}/bin/java" -version 2>&1 | head -n1)"
cp -r "$ORACLE/." "$T/oracle" && (cd "$T/oracle" && npm ci --no-audit --no-fund --silent >/dev/null)
"$WS" --version >/dev/null   # build first, so that build time is not measured

head -c $((32 << 20)) /dev/urandom > "$T/32MiB.bin"
head -c 1834952 /dev/urandom > "$T/max10.bin"
head -c 1 /dev/urandom > "$T/1B.bin"
head -c $((64 << 20)) /dev/urandom > "$T/64MiB.bin"

secs() { local s e; s=$(date +%s.%N); "$@" > "$T/last.out"; e=$(date +%s.%N); echo "$e - $s" | bc; }

printf '\n| blob-ID computation | n | reference (WASM) s | walrus-sync s | speed-up | same ID |\n|---|---|---|---|---|---|\n'
for c in "32MiB.bin 1000" "1B.bin 1000" "max10.bin 10"; do
  set -- $c
  ref_s=$(secs node "$T/oracle/blobid.mjs" --file "$T/$1" --shards "$2")
  ref_id=$(python3 -c "import json,sys; d=json.load(open('$T/last.out')); r=d['results'][0] if 'results' in d else d; print(r.get('blob_id') or r.get('blobId'))" 2>/dev/null || echo '?')
  our_s=$(secs "$WS" blob-id "$T/$1" --shards "$2")
  our_id=$(cat "$T/last.out")
  printf '| %s | %s | %.2f | %.2f | %.2fx | %s |\n' "$1" "$2" "$ref_s" "$our_s" "$(echo "$ref_s / $our_s" | bc -l)" \
    "$([ "$ref_id" = "$our_id" ] && echo yes || echo "NO ($ref_id vs $our_id)")"
done

store_read() { # store_read SHARDS FILE
  local dir="$T/net$1"
  "$WS" localnet --dir "$dir" --shards "$1" --port 0 --max-body-size 128MiB > "$T/net$1.log" 2>&1 &
  for _ in $(seq 1 60); do [ -f "$dir/endpoints.json" ] && break; sleep 0.5; done
  local p; p=$(python3 -c "import json; print(json.load(open('$dir/endpoints.json'))['publisher'])")
  local size; size=$(stat -c %s "$2")
  local s e id
  s=$(date +%s.%N); curl -sf -X PUT --data-binary @"$2" "$p/v1/blobs?epochs=5" > "$T/store.json"; e=$(date +%s.%N)
  local store_s; store_s=$(echo "$e - $s" | bc)
  id=$(python3 -c "import json; d=json.load(open('$T/store.json')); print(d['newlyCreated']['blobObject']['blobId'])")
  s=$(date +%s.%N); curl -sf "$p/v1/blobs/$id" -o "$T/read.bin"; e=$(date +%s.%N)
  local read_s; read_s=$(echo "$e - $s" | bc)
  cmp -s "$2" "$T/read.bin" && same=yes || same=NO
  printf '| %s | %d | %.2f | %.1f | %.2f | %.1f | %s |\n' "$(basename "$2")" "$1" "$store_s" \
    "$(echo "$size / 1000000 / $store_s" | bc -l)" "$read_s" "$(echo "$size / 1000000 / $read_s" | bc -l)" "$same"
  pkill -f "localnet --dir $dir" || true
  sleep 1
}
printf '\n| store and read through the local publisher/aggregator | shards | store s | store MB/s | read s | read MB/s | identical |\n|---|---|---|---|---|---|---|\n'
store_read 100 "$T/64MiB.bin"
store_read 10 "$T/max10.bin"
