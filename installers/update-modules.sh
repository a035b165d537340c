#!/usr/bin/env bash
# Recomputes installers/runtime-modules.txt: the JDK and JavaFX modules jdeps finds in the app's jars. Run it after
# adding a dependency or using a new part of the JDK; the installer builds fail while the list is out of date.
# Modules jdeps cannot see (loaded by name or as services) belong in runtime-modules-extra.txt instead.
PLATFORM=modules KEEP_NATIVES=. NATIVE_LIB_DIR=lib
source "$(dirname "$0")/common.sh"

build_app
stage_input
{
  echo "# The modules jdeps finds in the app's jars (installers/update-modules.sh writes this file; do not edit)."
  echo "# The installer builds check it, then jlink these and runtime-modules-extra.txt into the bundled runtime."
  jdeps_modules | tr ',' '\n'
} > "$INSTALLERS/runtime-modules.txt"
say "Wrote installers/runtime-modules.txt"
cat "$INSTALLERS/runtime-modules.txt"
