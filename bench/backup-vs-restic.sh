#!/usr/bin/env bash
# Benchmark: Walrus Sync against restic on this machine, in the same run, on a real corpus.
#
#   bench/backup-vs-restic.sh [--quick] [--keep] [PATH...]
#
# Corpus: by default a JDK installation plus /usr/share/doc (with --quick: /usr/share/doc alone);
# PATH... replaces it. For each tool it measures, with the page cache warm for both:
#   1. the first backup to a local directory store / repository (throughput = corpus bytes / wall s),
#   2. a second backup with nothing changed (wall s),
#   3. a full restore of the latest snapshot into an empty folder (throughput), checked byte for
#      byte against the corpus with `diff -r --no-dereference`,
#   4. memory: peak RSS of both tools (/usr/bin/time -v) and, for Walrus Sync run with -Xmx256m,
#      the peak Java heap in use, parsed from a -Xlog:gc* log.
# It prints the machine, the corpus, a results table (metric, restic, walrus-sync, ratio, target,
# PASS/FAIL) and the per-run details (wall, user and system CPU, CPU %, RSS).
#
# Needs restic (Debian: apt-get install restic) and GNU time (apt-get install time); installs them
# when missing and run as root. Builds the app once before timing, so build time is not measured.
# Exit status: 0 when every step ran and both restores are byte-identical (whatever the targets
# say), 1 otherwise. Temporary files go to a mktemp folder under $TMPDIR (default /tmp) that is
# removed at exit (--keep keeps it).
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

QUICK=0
KEEP=0
CORPUS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --keep) KEEP=1 ;;
    -h | --help) usage; exit 0 ;;
    --) shift; CORPUS+=("$@"); break ;;
    -*) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    *) CORPUS+=("$1") ;;
  esac
  shift
done

ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
WS="$ROOT/walrus-sync"
DEFAULT_JDK=/usr/lib/jvm/temurin-25-jdk-amd64
if [ -z "${JAVA_HOME:-}" ] && [ -x "$DEFAULT_JDK/bin/java" ]; then export JAVA_HOME="$DEFAULT_JDK"; fi
HEAP_LIMIT_MIB=256

log() { printf '%s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------
# Tools
need_pkg() { # need_pkg CHECK-COMMAND DEBIAN-PACKAGE
  if eval "$1" >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    log "Installing $2 from Debian (apt-get install -y $2)..."
    apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; } \
      || die "could not install $2 with apt-get"
    eval "$1" >/dev/null 2>&1 || die "$2 is still missing after installing it"
  else
    die "$2 is missing. Install it first, e.g. 'sudo apt-get update && sudo apt-get install -y $2' (Debian/Ubuntu), then rerun."
  fi
}
need_pkg 'command -v restic' restic
need_pkg '[ -x /usr/bin/time ] && /usr/bin/time -v true' time
for c in tar diff find awk; do command -v "$c" >/dev/null || die "$c is missing"; done

# ---------------------------------------------------------------------------------------------
# Corpus
if [ ${#CORPUS[@]} -eq 0 ]; then
  if [ "$QUICK" -eq 1 ]; then
    CORPUS=(/usr/share/doc)
  else
    jdk="$DEFAULT_JDK"; [ -d "$jdk" ] || jdk="${JAVA_HOME:-}"
    [ -n "$jdk" ] && [ -d "$jdk" ] || die "no JDK found for the default corpus; pass the corpus paths as arguments"
    CORPUS=("$jdk" /usr/share/doc)
  fi
fi
declare -A seen_base=()
for i in "${!CORPUS[@]}"; do
  [ -e "${CORPUS[$i]}" ] || die "corpus path ${CORPUS[$i]} does not exist"
  CORPUS[$i]="$(readlink -f "${CORPUS[$i]}")"
  b="$(basename "${CORPUS[$i]}")"
  # walrus-sync restores each backed-up path under its last name, so the names must differ.
  [ -z "${seen_base[$b]:-}" ] || die "two corpus paths end in the same name '$b'; pick other paths"
  seen_base[$b]=1
done

T="$(mktemp -d "${TMPDIR:-/tmp}/walrus-bench.XXXXXX")"
cleanup() {
  local rc=$?
  if [ "$KEEP" -eq 1 ]; then log "Kept the temporary folder $T"; else rm -rf "$T"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
# Build the app once (not timed), then describe the machine.
log "Building walrus-sync if needed (not timed)..."
"$WS" --version >"$T/version.txt" 2>"$T/build.log" || { cat "$T/build.log" >&2; die "walrus-sync --version failed"; }
WS_VERSION="$(tail -n1 "$T/version.txt" | sed 's/^walrus-sync //')"
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JDK_VERSION="$("$JAVA_BIN" -version 2>&1 | sed -n 1p)"
RESTIC_VERSION="$(restic version)"

mem_total_mib=$(awk '/^MemTotal:/ {printf "%d", $2/1024}' /proc/meminfo)
cpu_model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
echo "== Walrus Sync vs restic: backup engine benchmark$([ "$QUICK" -eq 1 ] && echo ' (--quick)')"
echo "Date:        $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Machine:     $(nproc) CPUs (${cpu_model:-unknown}), ${mem_total_mib} MiB RAM, $(uname -sr)"
echo "Load avg:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at start"
echo "Temp dir:    $T on $(df -PT "$T" | awk 'NR==2 {print $2 " (" $1 ")"}')"
echo "JDK:         $JDK_VERSION ($JAVA_BIN)"
echo "walrus-sync: $WS_VERSION, run with -Xmx${HEAP_LIMIT_MIB}m"
echo "restic:      $RESTIC_VERSION"

n_files=$(find -P "${CORPUS[@]}" -type f | wc -l)
n_links=$(find -P "${CORPUS[@]}" -type l | wc -l)
n_dirs=$(find -P "${CORPUS[@]}" -type d | wc -l)
BYTES=$(find -P "${CORPUS[@]}" -type f -printf '%s\n' | awk '{s += $1} END {printf "%d", s}')
echo "Corpus:      ${CORPUS[*]}"
printf '             %d files, %d symlinks, %d folders, %d bytes (%.1f MB)\n' \
  "$n_files" "$n_links" "$n_dirs" "$BYTES" "$(awk -v b="$BYTES" 'BEGIN {print b / 1e6}')"
[ "$BYTES" -gt 0 ] || die "the corpus is empty"

# ---------------------------------------------------------------------------------------------
# Repositories (not timed). Settings from the caller's environment must not change the set-up.
unset RESTIC_PASSWORD_FILE RESTIC_PASSWORD_COMMAND RESTIC_REPOSITORY_FILE RESTIC_COMPRESSION RESTIC_KEY_HINT
export RESTIC_REPOSITORY="$T/restic-repo" RESTIC_PASSWORD="bench-password" RESTIC_CACHE_DIR="$T/restic-cache"
export WALRUS_SYNC_HOME="$T/ws-home" WALRUS_SYNC_PASSWORD="bench-password"
restic init >"$T/restic-init.log" 2>&1 || { cat "$T/restic-init.log" >&2; die "restic init failed"; }
restic_repo_version=$(restic cat config 2>/dev/null | awk -F': *' '/"version"/ {gsub(/[ ,]/, "", $2); print $2}')
"$WS" init --store "dir:$T/ws-store" >"$T/ws-init.log" 2>&1 || { cat "$T/ws-init.log" >&2; die "walrus-sync init failed"; }
echo "Repos:       restic: local repo, format v${restic_repo_version:-?}, compression auto (default), cache in temp dir;"
echo "             walrus-sync: init --store dir:PATH (default pack size)"

# Warm the page cache so neither tool gets a cold read (GNU tar skips reading when writing straight
# to /dev/null, hence the cat).
t0=$(date +%s%N)
tar -cPf - "${CORPUS[@]}" 2>/dev/null | cat >/dev/null || true
echo "Warm-up:     read the corpus once in $(awk -v n=$(($(date +%s%N) - t0)) 'BEGIN {printf "%.1f", n / 1e9}') s"
echo

# ---------------------------------------------------------------------------------------------
# Timed runs
declare -A WALL USER SYS CPU RSS FSOUT OTHER
cpu_busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8; exit}' /proc/stat; } # jiffies, all CPUs
run_timed() { # run_timed KEY COMMAND...   (KEY is tool.op)
  local key=$1; shift
  sync # start each run with no dirty pages left by the previous one
  log "  running $key..."
  local t0 t1 b0 b1
  b0=$(cpu_busy)
  t0=$(date +%s%N)
  if ! /usr/bin/time -v -o "$T/$key.time" "$@" >"$T/$key.out" 2>"$T/$key.err"; then
    log "error: $key failed:"; tail -n 30 "$T/$key.out" "$T/$key.err" >&2; exit 1
  fi
  t1=$(date +%s%N)
  b1=$(cpu_busy)
  WALL[$key]=$(awk -v n=$((t1 - t0)) 'BEGIN {printf "%.3f", n / 1e9}')
  USER[$key]=$(awk -F': ' '/User time/ {print $2}' "$T/$key.time")
  SYS[$key]=$(awk -F': ' '/System time/ {print $2}' "$T/$key.time")
  CPU[$key]=$(awk -F': ' '/Percent of CPU/ {print $2}' "$T/$key.time")
  RSS[$key]=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$T/$key.time")
  FSOUT[$key]=$(awk -F': ' '/File system outputs/ {printf "%.0f", $2 * 512 / 1e6}' "$T/$key.time")
  # CPU used by everything else on the machine meanwhile (other builds), in cores.
  OTHER[$key]=$(awk -v b=$((b1 - b0)) -v hz="$(getconf CLK_TCK)" -v u="${USER[$key]}" -v s="${SYS[$key]}" \
    -v w="${WALL[$key]}" 'BEGIN {o = (b / hz - u - s) / w; printf "%.2f", o < 0 ? 0 : o}')
}
ws_timed() { # ws_timed OP ARGS...   runs walrus-sync with -Xmx256m and a GC log
  local op=$1; shift
  WALRUS_SYNC_JAVA_OPTS="-Xmx${HEAP_LIMIT_MIB}m -Xlog:gc*:file=$T/gc-$op.log" run_timed "walrus.$op" "$WS" "$@"
}

log "Timed runs (restic and walrus-sync alternate):"
run_timed restic.backup1 restic backup "${CORPUS[@]}"
ws_timed backup1 backup "${CORPUS[@]}"
run_timed restic.backup2 restic backup "${CORPUS[@]}"
ws_timed backup2 backup "${CORPUS[@]}"
mkdir "$T/restic-restore" "$T/ws-restore"
run_timed restic.restore restic restore latest --target "$T/restic-restore"
ws_timed restore restore latest --target "$T/ws-restore"

# ---------------------------------------------------------------------------------------------
# Checks: both restores must be byte-identical to the corpus, with nothing missing or extra.
declare -A IDENTICAL
verify() { # verify TOOL RESTORE-ROOT
  local tool=$1 root=$2 p dst ok=yes
  : >"$T/diff-$tool.txt"
  for p in "${CORPUS[@]}"; do
    if [ "$tool" = restic ]; then dst="$root$p"; else dst="$root/$(basename "$p")"; fi
    diff -r --no-dereference "$p" "$dst" >>"$T/diff-$tool.txt" 2>&1 || ok=no
  done
  local rf rl
  rf=$(find -P "$root" -type f | wc -l)
  rl=$(find -P "$root" -type l | wc -l)
  if [ "$rf" -ne "$n_files" ] || [ "$rl" -ne "$n_links" ]; then
    echo "restored $rf files and $rl symlinks; the corpus has $n_files and $n_links" >>"$T/diff-$tool.txt"
    ok=no
  fi
  IDENTICAL[$tool]=$ok
  if [ "$ok" = no ]; then
    log "warning: the $tool restore differs from the corpus:"; head -n 20 "$T/diff-$tool.txt" >&2
  fi
}
log "Verifying the restores (diff -r)..."
verify restic "$T/restic-restore"
verify walrus "$T/ws-restore"

# Peak heap from the GC logs: heap occupancy only grows between collections, so its maximum is the
# largest "before" figure of a pause (NNM->..M(..M)) or the occupancy printed at exit.
declare -A HEAP_PEAK HEAP_LIVE GC_COUNT GC_FULL
for op in backup1 backup2 restore; do
  f="$T/gc-$op.log"
  [ -s "$f" ] || die "no GC log at $f"
  read -r before after n < <(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$f" | sed 's/M->/ /; s/M(.*//' \
    | awk 'BEGIN {b = 0; a = 0} {if ($1 > b) b = $1; if ($2 > a) a = $2; n++} END {print b, a, n + 0}')
  at_exit=$(grep 'gc,exit' "$f" | grep ' total ' | grep -vE 'Metaspace|class space' \
    | grep -oE 'used [0-9]+K' | awk '{s += $2} END {printf "%.0f", s / 1024}')
  HEAP_PEAK[$op]=$(( before > at_exit ? before : at_exit ))
  HEAP_LIVE[$op]=$after
  GC_COUNT[$op]=$n
  GC_FULL[$op]=$(grep -c 'Pause Full' "$f" || true)
done
heap_peak=0
for op in backup1 backup2 restore; do
  if (( HEAP_PEAK[$op] > heap_peak )); then heap_peak=${HEAP_PEAK[$op]}; fi
done

size_mb() { du -sb "$@" | awk '{s += $1} END {printf "%.1f", s / 1e6}'; }
restic_repo_mb=$(size_mb "$T/restic-repo")
ws_repo_mb=$(size_mb "$T/ws-store")

# ---------------------------------------------------------------------------------------------
# Report
fmt() { awk -v x="$1" -v d="${2:-2}" 'BEGIN {printf "%.*f", d, x}'; }
mbps() { awk -v b="$BYTES" -v s="$1" 'BEGIN {printf "%.1f", b / 1e6 / s}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b == 0) print "n/a"; else printf "%.2fx", a / b}'; }
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {ok = (op == ">=") ? v + 0 >= t : v + 0 <= t; print ok ? "PASS" : "FAIL"}'; }

r_b1=$(mbps "${WALL[restic.backup1]}"); w_b1=$(mbps "${WALL[walrus.backup1]}")
r_b2=$(fmt "${WALL[restic.backup2]}"); w_b2=$(fmt "${WALL[walrus.backup2]}")
r_rs=$(mbps "${WALL[restic.restore]}"); w_rs=$(mbps "${WALL[walrus.restore]}")
q_b1=$(ratio "$w_b1" "$r_b1"); q_b2=$(ratio "${WALL[walrus.backup2]}" "${WALL[restic.backup2]}")
q_rs=$(ratio "$w_rs" "$r_rs")

row() { printf '| %-40s | %11s | %11s | %7s | %12s | %-6s |\n' "$@"; }
echo "Results (MB = 10^6 bytes, MiB = 2^20 bytes; ratio = walrus-sync / restic)"
echo
row "metric" "restic" "walrus-sync" "ratio" "target" "result"
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..42})" "$(printf -- '-%.0s' {1..13})" \
  "$(printf -- '-%.0s' {1..13})" "$(printf -- '-%.0s' {1..9})" "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..8})"
row "1. first backup, MB/s" "$r_b1" "$w_b1" "$q_b1" ">= 1.50x" "$(verdict "${q_b1%x}" '>=' 1.5)"
row "2. unchanged backup, s" "$r_b2" "$w_b2" "$q_b2" "<= 1.00x" "$(verdict "${q_b2%x}" '<=' 1.0)"
row "3. full restore, MB/s" "$r_rs" "$w_rs" "$q_rs" ">= 1.00x" "$(verdict "${q_rs%x}" '>=' 1.0)"
row "3. restore byte-identical (diff -r)" "${IDENTICAL[restic]}" "${IDENTICAL[walrus]}" "" "identical" \
  "$([ "${IDENTICAL[walrus]}" = yes ] && echo PASS || echo FAIL)"
row "4. peak Java heap in use, MiB" "n/a" "$heap_peak" "" "<= $HEAP_LIMIT_MIB MiB" "$(verdict "$heap_peak" '<=' "$HEAP_LIMIT_MIB")"
row "4. peak RSS, first backup, MiB" "${RSS[restic.backup1]}" "${RSS[walrus.backup1]}" \
  "$(ratio "${RSS[walrus.backup1]}" "${RSS[restic.backup1]}")" "-" "info"
row "4. peak RSS, unchanged backup, MiB" "${RSS[restic.backup2]}" "${RSS[walrus.backup2]}" \
  "$(ratio "${RSS[walrus.backup2]}" "${RSS[restic.backup2]}")" "-" "info"
row "4. peak RSS, restore, MiB" "${RSS[restic.restore]}" "${RSS[walrus.restore]}" \
  "$(ratio "${RSS[walrus.restore]}" "${RSS[restic.restore]}")" "-" "info"
cpus() { awk -v u="${USER[$1]}" -v s="${SYS[$1]}" 'BEGIN {printf "%.2f", u + s}'; }
for op in backup1 backup2 restore; do
  case $op in backup1) name="first backup" ;; backup2) name="unchanged backup" ;; restore) name="full restore" ;; esac
  row "CPU time (user+sys), $name, s" "$(cpus "restic.$op")" "$(cpus "walrus.$op")" \
    "$(ratio "$(cpus "walrus.$op")" "$(cpus "restic.$op")")" "-" "info"
done
row "repository size after 2 backups, MB" "$restic_repo_mb" "$ws_repo_mb" "$(ratio "$ws_repo_mb" "$restic_repo_mb")" "-" "info"
echo
echo "Details per run (wall from the script; user/sys CPU, CPU % and max RSS from /usr/bin/time -v;"
echo "written = file system outputs; other = cores busy with other processes meanwhile, from /proc/stat;"
echo "heap = walrus-sync's GC log: peak in use / max left after a GC / GC pauses (of which full GCs))"
echo
drow() { printf '| %-11s | %-16s | %7s | %7s | %6s | %5s | %7s | %10s | %5s | %-19s |\n' "$@"; }
drow "tool" "run" "wall s" "user s" "sys s" "CPU" "RSS MiB" "written MB" "other" "heap MiB"
drow "-----------" "----------------" "-------" "-------" "------" "-----" "-------" "----------" "-----" "-------------------"
for op in backup1 backup2 restore; do
  case $op in backup1) name="first backup" ;; backup2) name="unchanged backup" ;; restore) name="full restore" ;; esac
  for tool in restic walrus; do
    k="$tool.$op"
    heap="-"; [ "$tool" = walrus ] && heap="${HEAP_PEAK[$op]} / ${HEAP_LIVE[$op]} / ${GC_COUNT[$op]} (${GC_FULL[$op]})"
    drow "$([ "$tool" = walrus ] && echo walrus-sync || echo restic)" "$name" "$(fmt "${WALL[$k]}")" "${USER[$k]}" \
      "${SYS[$k]}" "${CPU[$k]}" "${RSS[$k]}" "${FSOUT[$k]}" "${OTHER[$k]}" "$heap"
  done
done
echo
echo "CPU above 100% means more than one core was busy; with $(nproc) CPUs the ceiling is $(( $(nproc) * 100 ))%."
max_other=$(printf '%s\n' "${OTHER[@]}" | sort -g | tail -n1)
if awk -v o="$max_other" 'BEGIN {exit !(o >= 0.25)}'; then
  echo "Note: other processes kept up to $max_other cores busy during the timed runs; the figures are noisy."
fi

# The same corpus through the engine in one warm process (the tray app's and daemon's steady state),
# next to restic's figures above: `walrus-sync bench` warms the JIT up with a throwaway backup first.
echo
echo "Walrus Sync engine in a warm process (walrus-sync bench, -Xmx${HEAP_LIMIT_MIB}m):"
mkdir -p "$T/warm"
WALRUS_SYNC_JAVA_OPTS="-Xmx${HEAP_LIMIT_MIB}m" "$WS" bench --work "$T/warm" "${CORPUS[@]}" | sed 's/^/  /'
rm -rf "$T/warm"

[ "${IDENTICAL[restic]}" = yes ] && [ "${IDENTICAL[walrus]}" = yes ] || exit 1
