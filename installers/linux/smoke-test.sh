#!/usr/bin/env bash
# Smoke test of the Linux installer: installs the .deb the way a user would and checks that the installed app works.
#
#   1. As root: a fresh Debian (debootstrap, minbase) in installers/target/linux/smoke/root, and apt installs the .deb
#      there with the dependencies it declares. Not as root: dpkg-deb unpacks it into that folder instead, and the
#      app runs on this machine's libraries (the dependencies go unchecked; the script says so).
#   2. Every native library of the installed app finds the libraries it links to (ldd).
#   3. `walrus-sync --version` prints the version and the build.
#   4. As an ordinary user: `walrus-sync init` creates a backup on the embedded local Walrus network, `folders add`
#      picks a folder; then the GUI starts under Xvfb, the passphrase is typed into its window (xdotool), and the
#      app backs the folder up by itself. The script waits for the snapshot through the running app, takes a
#      screenshot (installers/target/linux/smoke/gui.png), checks the window is there and not blank, quits the app,
#      and restores the snapshot to compare it with the folder.
#   5. The data went to the per-user folder (~/.local/share/walrus-sync), none to the install folder.
#
# Usage: installers/linux/smoke-test.sh [path/to/walrus-sync_*.deb]   (default: the one build.sh made)
# Needs Xvfb, xdotool, xprop and ImageMagick (apt-get install xvfb xdotool x11-utils imagemagick), and as root
# debootstrap.
# DEBIAN_SUITE (default bookworm) and DEBIAN_MIRROR choose the Debian installed into.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
TARGET="$HERE/../target/linux"
SMOKE="$TARGET/smoke"
ROOTFS="$SMOKE/root"
SUITE="${DEBIAN_SUITE:-bookworm}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
PASSPHRASE="smoke test passphrase $$"
USER_NAME=walrus
USER_UID=4242

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'SMOKE TEST FAILED: %s\n' "$*" >&2; exit 1; }

DEB="${1:-}"
if [ -z "$DEB" ]; then
  DEB=$(ls "$TARGET"/walrus-sync_*.deb 2>/dev/null | head -n1 || true)
fi
[ -f "$DEB" ] || fail "no .deb to test (build one with installers/linux/build.sh deb)"
DEB="$(cd "$(dirname "$DEB")" && pwd)/$(basename "$DEB")"

AS_ROOT=0
[ "$(id -u)" = 0 ] && AS_ROOT=1
needed=(Xvfb xdotool xprop import identify dpkg-deb)
[ $AS_ROOT = 1 ] && needed+=(debootstrap chroot mount)
for tool in "${needed[@]}"; do
  command -v "$tool" >/dev/null || fail "needs $tool (apt-get install xvfb xdotool x11-utils imagemagick debootstrap)"
done

MOUNTS=()
XVFB_PID=""
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  local i
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do umount -l "${MOUNTS[$i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bind() { mkdir -p "$ROOTFS$1"; mount --bind "$1" "$ROOTFS$1"; MOUNTS+=("$ROOTFS$1"); }

# ---- 1. install ----
for m in $(awk -v r="$ROOTFS" 'index($2, r) == 1 {print $2}' /proc/mounts 2>/dev/null | sort -r); do umount -l "$m"; done
rm -rf "$SMOKE"
mkdir -p "$SMOKE"
if [ $AS_ROOT = 1 ]; then
  say "A fresh Debian $SUITE (debootstrap)"
  debootstrap --variant=minbase "$SUITE" "$ROOTFS" "$MIRROR" > "$SMOKE/debootstrap.log" 2>&1 \
    || { tail -n 20 "$SMOKE/debootstrap.log" >&2; fail "debootstrap failed"; }
  mkdir -p "$ROOTFS/proc"
  mount -t proc proc "$ROOTFS/proc"; MOUNTS+=("$ROOTFS/proc")
  # debootstrap made the device nodes; only /proc and, later, the X server's socket come from outside.
  cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
  cp "$DEB" "$ROOTFS/tmp/"
  say "apt installs $(basename "$DEB") and its dependencies"
  chroot "$ROOTFS" /usr/bin/env DEBIAN_FRONTEND=noninteractive sh -c \
    "apt-get update -qq && apt-get install -y -qq --no-install-recommends /tmp/$(basename "$DEB")" \
    > "$SMOKE/apt.log" 2>&1 || { tail -n 30 "$SMOKE/apt.log" >&2; fail "apt could not install the package"; }
  grep -E "^(Setting up|Unpacking) walrus-sync" "$SMOKE/apt.log" | head -n1
  printf '  %s packages installed with it\n' "$(grep -c '^Setting up' "$SMOKE/apt.log")"
  chroot "$ROOTFS" useradd --create-home --uid "$USER_UID" --shell /bin/sh "$USER_NAME"
  HOME_DIR="/home/$USER_NAME"
  # The user's commands: in the fresh Debian, as that user, with the environment a login would give.
  as_user() {
    chroot --userspec="$USER_UID:$USER_UID" "$ROOTFS" /usr/bin/env -i HOME="$HOME_DIR" USER="$USER_NAME" \
      PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 DISPLAY="${DISPLAY_NAME:-}" "$@"
  }
  INSTALLED=/opt/walrus-sync
  CLI=/usr/bin/walrus-sync
  [ -L "$ROOTFS$CLI" ] || fail "the package did not put walrus-sync on the PATH ($CLI)"
  [ -f "$ROOTFS/usr/share/applications/walrus-sync-walrus-sync.desktop" ] \
    || fail "the package did not install its menu entry"
  grep -q '^Name=Walrus Sync$' "$ROOTFS/usr/share/applications/walrus-sync-walrus-sync.desktop" \
    || fail "the menu entry is not named Walrus Sync"
else
  say "Not root: unpacking the .deb into a folder; the app runs on this machine's libraries"
  dpkg-deb -x "$DEB" "$ROOTFS"
  HOME_DIR="$SMOKE/home"
  mkdir -p "$HOME_DIR"
  as_user() { env -i HOME="$HOME_DIR" USER="$(id -un)" PATH=/usr/bin:/bin LANG=C.UTF-8 DISPLAY="${DISPLAY_NAME:-}" "$@"; }
  INSTALLED="$ROOTFS/opt/walrus-sync"
  CLI="$INSTALLED/bin/walrus-sync"
  ROOTFS=""   # paths below are real paths in this mode
fi
HOST_HOME="$ROOTFS$HOME_DIR"

# ---- 2. native libraries ----
say "Every native library finds what it links to (ldd)"
missing=$(as_user /bin/sh -c "cd $INSTALLED && for f in bin/walrus-sync lib/*.so lib/runtime/lib/*.so lib/runtime/lib/server/*.so; do
    LD_LIBRARY_PATH=$INSTALLED/lib/runtime/lib:$INSTALLED/lib/runtime/lib/server ldd \$f | sed -n \"s|^[[:space:]]*\\(.*not found\\)|\$f: \\1|p\"; done")
[ -z "$missing" ] || fail "libraries not found:"$'\n'"$missing"
echo "  $(as_user /bin/sh -c "ls $INSTALLED/lib/*.so $INSTALLED/lib/runtime/lib/*.so $INSTALLED/lib/runtime/lib/server/*.so | wc -l") libraries, none missing"

# ---- 3. --version ----
say "walrus-sync --version"
version=$(as_user "$CLI" --version)
echo "$version" | sed 's/^/  /'
echo "$version" | head -n1 | grep -Eq '^walrus-sync [0-9]+\.[0-9]+\.[0-9]+.* \(build [0-9a-f]{7,}' \
  || fail "--version did not print the version and build"

# ---- 4. the GUI backs up a folder ----
say "A backup on the embedded local Walrus network, and a folder to back up"
mkdir -p "$HOST_HOME/Documents/letters"
echo "Dear Walrus, please keep this safe." > "$HOST_HOME/Documents/letters/first.txt"
head -c 3000000 /dev/urandom > "$HOST_HOME/Documents/photo.raw"
printf '%s' "$PASSPHRASE" > "$HOST_HOME/.passphrase"
chmod 600 "$HOST_HOME/.passphrase"
[ $AS_ROOT = 1 ] && chown -R "$USER_UID:$USER_UID" "$HOST_HOME/Documents" "$HOST_HOME/.passphrase"
as_user "$CLI" --password-file "$HOME_DIR/.passphrase" init > "$SMOKE/init.log" 2>&1 \
  || { cat "$SMOKE/init.log" >&2; fail "walrus-sync init failed"; }
as_user "$CLI" folders add "$HOME_DIR/Documents" | sed 's/^/  /'

say "The GUI starts under Xvfb"
exec 3< <(Xvfb -displayfd 1 -screen 0 1280x860x24 -nolisten tcp 2> "$SMOKE/xvfb.log")
XVFB_PID=$!
read -r -t 30 display_number <&3 || fail "Xvfb did not start"
DISPLAY_NAME=":$display_number"
[ $AS_ROOT = 1 ] && bind /tmp/.X11-unix
export DISPLAY="$DISPLAY_NAME"
as_user "$CLI" > "$SMOKE/gui.log" 2>&1 &
APP_PID=$!
window=$(timeout 120 xdotool search --sync --onlyvisible --name '^Walrus Sync$' | head -n1) \
  || { tail -n 30 "$SMOKE/gui.log" >&2; fail "no Walrus Sync window appeared within 2 minutes"; }
echo "  window $window: $(xdotool getwindowgeometry "$window" | sed -n 's/ *Geometry: //p') pixels"

say "Unlocking it: the passphrase typed into the window"
sleep 2   # the window is mapped before the unlock screen has its focus
xdotool windowfocus --sync "$window"
xdotool type --delay 15 "$PASSPHRASE"
xdotool key Return

say "Waiting for the app to back up the folder"
deadline=$((SECONDS + 180))
while :; do
  status=$(as_user "$CLI" --json status 2>/dev/null || true)
  taken=$(echo "$status" | grep -Eo '"snapshotsTaken" *: *[0-9]+' | grep -Eo '[0-9]+$' || true)
  if [ "${taken:-0}" -ge 1 ] && ! echo "$status" | grep -Eq '"state" *: *"(SCANNING|UPLOADING|PENDING)"'; then
    break
  fi
  [ $SECONDS -lt $deadline ] || { tail -n 30 "$SMOKE/gui.log" >&2; fail "the app made no snapshot within 3 minutes"; }
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$SMOKE/gui.log" >&2; fail "the app quit"; }
  sleep 2
done
echo "  the running app reports $taken snapshot(s)"
sleep 3   # the dashboard shows the new snapshot at its next refresh

say "Screenshot"
import -display "$DISPLAY_NAME" -window root "$SMOKE/gui.png"
colours=$(identify -format '%k' "$SMOKE/gui.png")
echo "  $SMOKE/gui.png: $(identify -format '%wx%h' "$SMOKE/gui.png"), $colours colours"
[ "$colours" -ge 64 ] || fail "the screenshot is nearly blank ($colours colours)"
# (Searched again: unlocking may have the toolkit map the stage afresh, as a new X window.)
window=$(xdotool search --onlyvisible --name '^Walrus Sync$' | head -n1)
[ -n "$window" ] || fail "the window is gone"

say "Quitting the app"
as_user "$CLI" watch stop | sed 's/^/  /'
for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
kill -0 "$APP_PID" 2>/dev/null && fail "the app did not quit when asked"
wait "$APP_PID" || fail "the app exited with status $?"
APP_PID=""

say "The snapshot the GUI made restores the folder"
as_user "$CLI" --password-file "$HOME_DIR/.passphrase" snapshots | sed 's/^/  /'
as_user mkdir "$HOME_DIR/restored"
as_user "$CLI" --password-file "$HOME_DIR/.passphrase" restore latest --target "$HOME_DIR/restored" > "$SMOKE/restore.log" 2>&1 \
  || { cat "$SMOKE/restore.log" >&2; fail "restore failed"; }
restored=$(find "$HOST_HOME/restored" -name first.txt -path '*letters*' | head -n1)
[ -n "$restored" ] || fail "the restored snapshot has no letters/first.txt"
diff -r "$HOST_HOME/Documents" "$(dirname "$(dirname "$restored")")" || fail "the restored folder differs"
echo "  identical: $(find "$HOST_HOME/Documents" -type f | wc -l) files"

# ---- 5. where the data went ----
say "The app's data is in the user's folder"
data="$HOST_HOME/.local/share/walrus-sync"
[ -d "$data" ] || fail "no data in ~/.local/share/walrus-sync"
echo "  ~/.local/share/walrus-sync: $(du -sh "$data" | cut -f1)"
changed=$(find "$ROOTFS${INSTALLED}" -newer "$DEB" -type f | head -n5)
[ $AS_ROOT = 0 ] || [ -z "$changed" ] || fail "the app wrote into its install folder: $changed"

# ---- 6. the .rpm, where build.sh made one ----
RPM_FILE=$(ls "$TARGET"/walrus-sync-*.rpm 2>/dev/null | head -n1 || true)
if [ -n "$RPM_FILE" ] && command -v rpm >/dev/null; then
  say "The .rpm: its files, what it requires, and its launcher"
  # (Whole listings are read before grep: grep -q would stop early and fail the pipe under pipefail.)
  rpm_files=$(rpm -qpl "$RPM_FILE" 2>/dev/null)
  rpm_requires=$(rpm -qpR "$RPM_FILE" 2>/dev/null)
  grep -qx /usr/bin/walrus-sync <<< "$rpm_files" || fail "the .rpm does not put walrus-sync on the PATH"
  grep -q 'libgtk-3.so.0' <<< "$rpm_requires" || fail "the .rpm does not require GTK 3"
  # Into an empty root (this is no RPM system, so without its dependencies), to run the launcher it installed.
  rpm_root="$SMOKE/rpm-root"
  if [ $AS_ROOT = 1 ]; then
    rpm -i --root "$rpm_root" --nodeps --noscripts "$RPM_FILE" 2>/dev/null || fail "the .rpm does not install"
  else
    mkdir -p "$rpm_root" && (cd "$rpm_root" && rpm2cpio "$RPM_FILE" | cpio -idm --quiet)
  fi
  rpm_version=$("$rpm_root/opt/walrus-sync/bin/walrus-sync" --version | head -n1)
  [ "$rpm_version" = "$(echo "$version" | head -n1)" ] || fail "the .rpm's app says '$rpm_version'"
  echo "  $(rpm -qp "$RPM_FILE" 2>/dev/null): $(grep -vc rpmlib <<< "$rpm_requires") requirements; $rpm_version"
fi

say "Smoke test passed"
