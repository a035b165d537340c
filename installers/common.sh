# Walrus Sync installers: the steps every platform's build shares. Sourced by linux/build.sh and macos/build.sh
# (windows/build.ps1 does the same steps in PowerShell):
#   1. build the app with the Maven wrapper (app/target/walrus-sync.jar and app/target/lib/);
#   2. stage jpackage's input: the app's jars without JavaFX, and without other platforms' native libraries;
#   3. check the runtime's module list (runtime-modules.txt) against what jdeps finds in those jars;
#   4. jlink a trimmed runtime that holds those modules and JavaFX, with JavaFX's native libraries beside the JVM's.
# The caller sets PLATFORM (linux, macos), KEEP_NATIVES (a regex of the native library paths to keep, e.g.
# "linux-x86-64/" for JNA) and NATIVE_LIB_DIR (where JavaFX's libraries go in the runtime: lib or bin).
set -euo pipefail

INSTALLERS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$INSTALLERS/.." && pwd)"
OUT="$ROOT/installers/target/${PLATFORM:?}"
APP_TARGET="$ROOT/app/target"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'installers: %s\n' "$*" >&2; exit 1; }

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1; }

# A JDK 21 or newer with jlink and jpackage: JAVA_HOME if it is one, else the newest under the usual folders.
find_jdk() {
  local d v best="" best_v=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jpackage" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return
  fi
  for d in /usr/lib/jvm/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/; do
    d=${d%/}
    [ -x "$d/bin/jpackage" ] && [ -x "$d/bin/jlink" ] || continue
    v=$(java_major "$d") || continue
    if [ "${v:-0}" -ge 21 ] 2>/dev/null && [ "$v" -gt "$best_v" ]; then best=$d; best_v=$v; fi
  done
  [ -n "$best" ] || die "needs a JDK 21 or newer with jlink and jpackage; set JAVA_HOME to one"
  echo "$best"
}

export JAVA_HOME="$(find_jdk)"
JDK_BIN="$JAVA_HOME/bin"

# The version jpackage and the packages take: the project's version without -SNAPSHOT (package managers want digits).
project_version() {
  sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -n1
}
APP_VERSION="$(project_version)"
PACKAGE_VERSION="${APP_VERSION%-SNAPSHOT}"

build_app() {
  if [ "${SKIP_MAVEN:-0}" = 1 ] && [ -f "$APP_TARGET/walrus-sync.jar" ]; then
    say "Using the app already built in app/target (SKIP_MAVEN=1)"
    return
  fi
  say "Building the app (Maven, tests skipped: ./mvnw verify runs them)"
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests -DskipITs -pl app -am)
}

# jpackage's input: walrus-sync.jar and lib/, less JavaFX (it goes into the runtime as modules) and less the native
# libraries of other platforms. JavaFX's platform jars (javafx-*-<version>-<platform>.jar) go to $OUT/javafx.
stage_input() {
  say "Staging the app's jars"
  rm -rf "$OUT"
  mkdir -p "$OUT/input/lib" "$OUT/javafx"
  cp "$APP_TARGET/walrus-sync.jar" "$OUT/input/"
  local jar name
  for jar in "$APP_TARGET"/lib/*.jar; do
    name=$(basename "$jar")
    case "$name" in
      javafx-*-*-*.jar) cp "$jar" "$OUT/javafx/" ;;   # the platform's JavaFX module
      javafx-*.jar) ;;                                 # the empty jar that only names the platform's
      *)
        if unzip -Z1 "$jar" | grep -E '\.(so|dll|dylib|jnilib)$' >/dev/null; then
          "$JDK_BIN/java" "$INSTALLERS/TrimNatives.java" "$jar" "$OUT/input/lib/$name" "${KEEP_NATIVES:?}"
        else
          cp "$jar" "$OUT/input/lib/"
        fi
        ;;
    esac
  done
  ls "$OUT"/javafx/*.jar >/dev/null 2>&1 || die "no JavaFX platform jars in app/target/lib"
}

# The JDK modules jdeps finds in the app's jars, as one comma-separated line.
jdeps_modules() {
  "$JDK_BIN/jdeps" --module-path "$OUT/javafx" --print-module-deps --ignore-missing-deps --multi-release 21 \
    "$OUT/input/walrus-sync.jar" "$OUT"/input/lib/*.jar 2>/dev/null | tail -n1
}

# runtime-modules.txt, one module per line, comments dropped.
listed_modules() { sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$INSTALLERS/$1"; }

check_modules() {
  say "Checking the runtime's modules against jdeps"
  local found listed
  found=$(jdeps_modules | tr ',' '\n' | sort)
  listed=$(listed_modules runtime-modules.txt | sort)
  if [ "$found" != "$listed" ]; then
    printf 'jdeps finds: %s\nlisted:      %s\n' "$(echo $found)" "$(echo $listed)" >&2
    die "installers/runtime-modules.txt is out of date; run installers/update-modules.sh and commit it"
  fi
}

link_runtime() {
  say "Linking the runtime (jlink)"
  local modules
  modules=$( (listed_modules runtime-modules.txt; listed_modules runtime-modules-extra.txt) | sort -u | paste -sd, -)
  # Not linked: the JDK's sound library (it would pull in ALSA, and the app makes no sound). JavaFX's native
  # libraries are left out of the module image and put beside the JVM's, where the loader finds them without
  # unpacking copies into the user's home.
  "$JDK_BIN/jlink" --module-path "$OUT/javafx" --add-modules "$modules" --output "$OUT/runtime" \
    --strip-debug --no-header-files --no-man-pages --compress zip-0 \
    --exclude-files '**libjsound.so,**jsound.dll,**libjsound.dylib' \
    --exclude-resources '/javafx.graphics/*.so,/javafx.graphics/*.dll,/javafx.graphics/*.dylib,/javafx.graphics/*.sha1'
  local jar
  for jar in "$OUT"/javafx/*.jar; do
    (cd "$OUT/runtime/${NATIVE_LIB_DIR:?}" && unzip -q -o "$jar" '*.so' '*.dll' '*.dylib' 2>/dev/null || true)
  done
}

# The Java options every launcher gets: JavaFX and the SQLite and zstd bindings load native code, and JavaFX 21's
# renderer allocates memory through sun.misc.Unsafe, which Java 24 and later warn about unless it is allowed.
JAVA_OPTIONS=(--java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED")
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then
  JAVA_OPTIONS+=(--java-options "--sun-misc-unsafe-memory-access=allow")
fi
