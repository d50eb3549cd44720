#!/usr/bin/env bash
# Derives the app icons in packaging/ from icons/sql-managed-instance.svg (white glyph on a blue tile).
# Needs ImageMagick and, for macOS, png2icns (Debian: apt-get install -y imagemagick icnsutils).
set -euo pipefail
cd "$(dirname "$0")/.."
t=$(mktemp -d)
convert -background none -density 384 icons/sql-managed-instance.svg -resize 200x200 -fill white -colorize 100 "$t/glyph.png"
convert -size 256x256 xc:none -fill '#0b5cab' -draw "roundrectangle 8,8 247,247 40,40" "$t/tile.png"
convert "$t/tile.png" "$t/glyph.png" -gravity center -composite packaging/linux/minet.png
cp packaging/linux/minet.png src/main/resources/minet/ui/app-icon.png   # the window's own icon
convert packaging/linux/minet.png -define icon:auto-resize=256,128,64,48,32,16 packaging/windows/minet.ico
for s in 16 32 128 256; do convert packaging/linux/minet.png -resize ${s}x${s} "$t/icon_$s.png"; done
png2icns packaging/macos/minet.icns "$t"/icon_16.png "$t"/icon_32.png "$t"/icon_128.png "$t"/icon_256.png >/dev/null
rm -rf "$t"
