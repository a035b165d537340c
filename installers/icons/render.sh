#!/bin/sh
# Renders Walrus Sync's icons from their SVG sources, next to this script:
#   png/walrus-sync-<size>.png      the app icon, 16 to 1024 px (walrus-sync-small.svg up to 24 px, walrus-sync.svg above)
#   walrus-sync.ico                 Windows: 16, 24, 32, 48, 64, 128 and 256 px
#   walrus-sync.icns                macOS: 16, 32, 48, 128, 256, 512 and 1024 px
#   tray/png/tray-<state>-<size>.png the tray icon of each state, 16 to 64 px
#
# Needs these Debian/Ubuntu packages:
#   librsvg2-bin  (rsvg-convert)   imagemagick  (convert)   icnsutils  (png2icns)
#
# Deterministic: the same SVGs and tool versions give byte-identical files (no dates are written into them).
# The outputs are committed; CI does not run this. Run it after changing an SVG and commit what it changed.
set -eu

cd "$(dirname "$0")"

for tool in rsvg-convert convert png2icns; do
    command -v "$tool" >/dev/null 2>&1 || { echo "render.sh: $tool is missing (see the header for packages)" >&2; exit 1; }
done

APP_SIZES="16 22 24 32 48 64 128 256 512 1024"
ICO_SIZES="16 24 32 48 64 128 256"
ICNS_SIZES="16 32 48 128 256 512 1024"
TRAY_STATES="idle syncing paused attention offline"
TRAY_SIZES="16 22 24 32 48 64"

render() { # svg size out
    rsvg-convert --format=png --width="$2" --height="$2" --keep-aspect-ratio "$1" --output "$3"
}

mkdir -p png tray/png

for size in $APP_SIZES; do
    if [ "$size" -le 24 ]; then src=walrus-sync-small.svg; else src=walrus-sync.svg; fi
    render "$src" "$size" "png/walrus-sync-$size.png"
done

ico_inputs=""
for size in $ICO_SIZES; do ico_inputs="$ico_inputs png/walrus-sync-$size.png"; done
# shellcheck disable=SC2086 # the list is meant to split into file names
convert $ico_inputs -strip -define png:exclude-chunks=date,time walrus-sync.ico

icns_inputs=""
for size in $ICNS_SIZES; do icns_inputs="$icns_inputs png/walrus-sync-$size.png"; done
# shellcheck disable=SC2086
png2icns walrus-sync.icns $icns_inputs >/dev/null

for state in $TRAY_STATES; do
    for size in $TRAY_SIZES; do
        render "tray/tray-$state.svg" "$size" "tray/png/tray-$state-$size.png"
    done
done

echo "render.sh: rendered $(ls png/*.png tray/png/*.png | wc -l) PNGs, walrus-sync.ico and walrus-sync.icns"
