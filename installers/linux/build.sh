#!/usr/bin/env bash
# Builds the Linux installers of Walrus Sync into installers/target/linux/:
#   walrus-sync/                      the app-image (a folder that runs in place: bin/walrus-sync)
#   walrus-sync_<version>_amd64.deb   for Debian and Ubuntu
#   walrus-sync-<version>-1.x86_64.rpm for Fedora, RHEL and openSUSE
# Usage: installers/linux/build.sh [app-image|deb|rpm ...]   (default: all three)
# Needs a JDK 21+ with jpackage (JAVA_HOME, or the newest under /usr/lib/jvm), and for the packages the Debian
# packages fakeroot (deb) and rpm (rpm). SKIP_MAVEN=1 reuses the app already built in app/target.
PLATFORM=linux
NATIVE_LIB_DIR=lib
case "$(uname -m)" in
  x86_64) KEEP_NATIVES='(Linux/x86_64|linux/amd64|linux-x86-64)/[^/]+$' ;;
  aarch64) KEEP_NATIVES='(Linux/aarch64|linux/aarch64|linux-aarch64)/[^/]+$' ;;
  *) echo "installers: no installer for $(uname -m)" >&2; exit 1 ;;
esac
source "$(dirname "$0")/../common.sh"

TYPES=("$@")
[ ${#TYPES[@]} -gt 0 ] || TYPES=(app-image deb rpm)
for t in "${TYPES[@]}"; do
  case "$t" in
    app-image) ;;
    deb) command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null \
           || die "building the .deb needs dpkg-deb and fakeroot (apt-get install fakeroot)" ;;
    rpm) command -v rpmbuild >/dev/null || die "building the .rpm needs rpmbuild (apt-get install rpm)" ;;
    *) die "unknown installer type '$t' (app-image, deb or rpm)" ;;
  esac
done

RESOURCES="$INSTALLERS/linux/resources"
ICON="$INSTALLERS/icons/png/walrus-sync-256.png"
DESCRIPTION="Encrypted, deduplicated backups of your folders on Walrus"
# What the bundled native libraries link to (objdump -p: NEEDED), JavaFX's GTK 3, OpenGL and XTest among them, and
# xdg-utils for the menu entry. Debian 13 renamed some for the 64-bit time_t move, hence the alternatives. The smoke
# test (smoke-test.sh) installs the .deb into a fresh Debian and fails if ldd finds any of these missing.
# (jpackage puts ", " before this list, so the control template starts the field with libc6.)
DEB_DEPENDS="libx11-6, libxext6, libxi6, libxrender1, libxtst6, libxxf86vm1, libgl1, libfontconfig1,
 libgtk-3-0t64 | libgtk-3-0, libglib2.0-0t64 | libglib2.0-0, libatk1.0-0t64 | libatk1.0-0, libcairo2, libcairo-gobject2,
 libgdk-pixbuf-2.0-0, libpango-1.0-0, libpangocairo-1.0-0, libpangoft2-1.0-0, xdg-utils"
# (jpackage puts ", " before this list too, so the spec template starts the field with xdg-utils.)
RPM_REQUIRES="libgtk-3.so.0()(64bit), libgdk-3.so.0()(64bit), libGL.so.1()(64bit), libXtst.so.6()(64bit),
 libXxf86vm.so.1()(64bit), libXi.so.6()(64bit), libXrender.so.1()(64bit), libXext.so.6()(64bit), libX11.so.6()(64bit),
 libfontconfig.so.1()(64bit), libpangoft2-1.0.so.0()(64bit), libcairo-gobject.so.2()(64bit)"

build_app
stage_input
check_modules
link_runtime

say "Packaging the app-image (jpackage)"
"$JDK_BIN/jpackage" --type app-image --dest "$OUT" \
  --name walrus-sync --app-version "$PACKAGE_VERSION" \
  --vendor "Walrus Sync" --copyright "Walrus Sync contributors" --description "$DESCRIPTION" \
  --input "$OUT/input" --main-jar walrus-sync.jar --main-class dev.walrussync.app.Main \
  --runtime-image "$OUT/runtime" --icon "$ICON" "${JAVA_OPTIONS[@]}"
rm -rf "$OUT/runtime"

package() {
  local type=$1; shift
  say "Packaging the .$type (jpackage)"
  "$JDK_BIN/jpackage" --type "$type" --dest "$OUT" --app-image "$OUT/walrus-sync" \
    --name walrus-sync --app-version "$PACKAGE_VERSION" --linux-package-name walrus-sync \
    --vendor "Walrus Sync" --copyright "Walrus Sync contributors" --description "$DESCRIPTION" \
    --about-url "https://github.com/walrus-sync/walrus-sync" --license-file "$ROOT/LICENSE" \
    --resource-dir "$RESOURCES" --icon "$ICON" \
    --linux-shortcut --linux-menu-group "Utility;Archiving" --linux-app-category utils "$@"
}
for t in "${TYPES[@]}"; do
  case "$t" in
    deb) package deb --linux-deb-maintainer "maintainers@walrus-sync.dev" --linux-package-deps "$(echo $DEB_DEPENDS)" ;;
    rpm) package rpm --linux-rpm-license-type "Apache-2.0" --linux-package-deps "$(echo $RPM_REQUIRES)" ;;
  esac
done

say "Built:"
for f in "$OUT"/*.deb "$OUT"/*.rpm; do
  [ -e "$f" ] && printf '  %-48s %6.1f MB\n' "$(basename "$f")" "$(stat -c %s "$f" | awk '{print $1 / 1e6}')"
done
printf '  %-48s %6.1f MB on disk\n' "walrus-sync/ (app-image)" "$(du -sk "$OUT/walrus-sync" | awk '{print $1/1000}')"
