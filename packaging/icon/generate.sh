#!/usr/bin/env bash
# Renders enroll-notifier.svg into the icon each platform's jpackage wants. Needs ImageMagick and
# Python 3; run it after changing the SVG and commit the results (the build does not render them).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

render() {
  convert -background none -density 384 enroll-notifier.svg -resize "$1x$1" "PNG32:$work/$1.png"
}
for size in 16 24 32 48 64 128 256 512 1024; do
  render "$size"
done

cp "$work/256.png" ../linux/enroll-notifier.png
convert "$work"/{16,24,32,48,64,128,256}.png ../windows/enroll-notifier.ico

# ImageMagick cannot write ICNS; the format is a header followed by typed PNG chunks.
python3 - "$work" ../macos/enroll-notifier.icns <<'PY'
import struct, sys
work, target = sys.argv[1], sys.argv[2]
chunks = b""
for kind, size in ((b"ic07", 128), (b"ic08", 256), (b"ic09", 512), (b"ic10", 1024)):
    png = open(f"{work}/{size}.png", "rb").read()
    chunks += kind + struct.pack(">I", len(png) + 8) + png
open(target, "wb").write(b"icns" + struct.pack(">I", len(chunks) + 8) + chunks)
PY
