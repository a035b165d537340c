#!/usr/bin/env bash
# Builds the macOS installer of Walrus Sync into installers/target/macos/: "Walrus Sync.app" and
# "Walrus Sync-<version>.dmg". Runs on macOS only: jpackage builds for the system it runs on, so this cannot be
# built on Linux (see installers/README.md). Needs a JDK 21+ with jpackage and the Xcode command line tools.
# Usage: installers/macos/build.sh [app-image|dmg ...]   (default: both)
# To sign and notarize, pass jpackage's options through MAC_SIGN_OPTIONS, e.g.
#   MAC_SIGN_OPTIONS='--mac-sign --mac-signing-key-user-name "Developer ID Application: ..."'
PLATFORM=macos
NATIVE_LIB_DIR=lib
case "$(uname -m)" in
  arm64) KEEP_NATIVES='(Mac/aarch64|darwin/aarch64|darwin-aarch64)/[^/]+$' ;;
  x86_64) KEEP_NATIVES='(Mac/x86_64|darwin/x86_64|darwin-x86-64)/[^/]+$' ;;
  *) echo "installers: no installer for $(uname -m)" >&2; exit 1 ;;
esac
[ "$(uname -s)" = Darwin ] || { echo "installers: the .dmg is built on macOS (jpackage builds for its own system)" >&2; exit 1; }
source "$(dirname "$0")/../common.sh"

TYPES=("$@")
[ ${#TYPES[@]} -gt 0 ] || TYPES=(app-image dmg)
# macOS refuses bundle versions that start with 0: a 0.x build is 1.0.0 to the Finder, and still tells its real
# version with walrus-sync --version.
MAC_VERSION="$PACKAGE_VERSION"
[ "${MAC_VERSION%%.*}" = 0 ] && MAC_VERSION=1.0.0
COMMON=(--name "Walrus Sync" --app-version "$MAC_VERSION" --vendor "Walrus Sync"
  --copyright "Walrus Sync contributors" --description "Encrypted, deduplicated backups of your folders on Walrus")
# shellcheck disable=SC2206
SIGN=(${MAC_SIGN_OPTIONS:-})

build_app
stage_input
check_modules
link_runtime

say "Packaging Walrus Sync.app (jpackage)"
# The app's own launcher starts the window; walrus-sync beside it in Contents/MacOS is the command line
# (installers/README.md shows how to put it on the PATH).
"$JDK_BIN/jpackage" --type app-image --dest "$OUT" "${COMMON[@]}" \
  --input "$OUT/input" --main-jar walrus-sync.jar --main-class dev.walrussync.app.Main \
  --runtime-image "$OUT/runtime" --icon "$INSTALLERS/icons/walrus-sync.icns" \
  --mac-package-identifier dev.walrussync.app --mac-package-name "Walrus Sync" --mac-app-category public.app-category.utilities \
  --add-launcher walrus-sync="$INSTALLERS/macos/walrus-sync-cli.properties" \
  "${JAVA_OPTIONS[@]}" "${SIGN[@]}"
rm -rf "$OUT/runtime"

for t in "${TYPES[@]}"; do
  if [ "$t" = dmg ]; then
    say "Packaging the .dmg (jpackage)"
    "$JDK_BIN/jpackage" --type dmg --dest "$OUT" "${COMMON[@]}" --app-image "$OUT/Walrus Sync.app" \
      --license-file "$ROOT/LICENSE" "${SIGN[@]}"
  fi
done
say "Built:"
ls -l "$OUT"/*.dmg 2>/dev/null || true
