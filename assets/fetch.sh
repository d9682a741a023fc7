#!/usr/bin/env bash
# Re-create every file in public/textures and public/data from the package registries.
# Needs: npm, node, apt-get + dpkg (Debian/Ubuntu), ImageMagick 6 (`convert`), ffmpeg (the cloud map).
# Not run in CI; the outputs are committed. Run by hand from anywhere:  bash assets/fetch.sh
set -euo pipefail

# Pinned package versions (see assets/README.md)
THREE_GLOBE=three-globe@2.45.2
GLOBE_GL=globe.gl@2.46.2
D3_CELESTIAL=d3-celestial@0.7.35
STELLARIUM_DATA=stellarium-data=0.22.2-1
XPLANET_IMAGES=xplanet-images=1.3.1-3

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TEX="$ROOT/public/textures"
DATA="$ROOT/public/data"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$TEX" "$DATA"

if ! command -v convert >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq imagemagick
  else
    echo "ImageMagick 'convert' is required (sudo apt-get install imagemagick)" >&2
    exit 1
  fi
fi

cd "$WORK"
# --- npm tarballs ---------------------------------------------------------------
for p in "$THREE_GLOBE" "$GLOBE_GL" "$D3_CELESTIAL"; do
  name="${p%@*}"
  npm pack "$p" --silent >/dev/null
  mkdir -p "$name"
  tar xzf "$name"-*.tgz -C "$name"
done
TG="$WORK/three-globe/package"
GG="$WORK/globe.gl/package"
DC="$WORK/d3-celestial/package"

# --- Debian packages (apt-get download needs an up-to-date package list) -------
dl_deb() { # $1 = name=version ; falls back to the candidate version if the pin is gone
  apt-get download "$1" >/dev/null 2>&1 || {
    echo "warning: $1 not available, using candidate ${1%%=*}" >&2
    apt-get download "${1%%=*}" >/dev/null
  }
}
if [ "$(id -u)" = 0 ]; then apt-get update -qq; fi
dl_deb "$STELLARIUM_DATA"
dl_deb "$XPLANET_IMAGES"
dpkg -x stellarium-data_*.deb stel
dpkg -x xplanet-images_*.deb xpl
ST="$WORK/stel/usr/share/stellarium"
XP="$WORK/xpl/usr/share/xplanet/images"

JPG=(-strip -interlace none -sampling-factor 4:2:0)

# 1. Earth day: NASA Blue Marble, 4096x2048, copied byte-for-byte
cp "$TG/example/img/earth-blue-marble.jpg" "$TEX/earth_day.jpg"

# 2. Earth night: NASA Visible Earth city lights (lights on black), 2048x1024, copied byte-for-byte
cp "$XP/night.jpg" "$TEX/earth_night.jpg"

# 3. Earth specular / water mask: white = water, black = land; 1600x800 -> 2048x1024 grayscale
convert "$TG/example/img/earth-water.png" -colorspace Gray -filter Lanczos -resize '2048x1024!' \
  "${JPG[@]}" -quality 90 "$TEX/earth_specular.jpg"

# 3b. Earth clouds: three-globe example clouds.png (alpha = cloud), 4096x2048 -> 2048x1024 grayscale.
#     ffmpeg (not ImageMagick): alphaextract keeps the palette's transparency as the cloud density.
ffmpeg -v error -y -i "$TG/example/clouds/clouds.png" -vf "format=rgba,alphaextract,scale=2048:1024:flags=lanczos,format=gray" \
  -q:v 4 "$TEX/earth_clouds.jpg"

# 4. Moon colour: NASA LRO mosaic (globe.gl example) 11469x5734 -> 4096x2048
convert "$GG/example/moon-landing-sites/lunar_surface.jpg" -filter Lanczos -resize '4096x2048!' \
  "${JPG[@]}" -quality 90 "$TEX/moon.jpg"

# 4b. Moon bump (elevation, white = high): 1024x512, copied byte-for-byte
cp "$GG/example/moon-landing-sites/lunar_bumpmap.jpg" "$TEX/moon_bump.jpg"

# 5b. Milky Way (Axel Mellinger panorama via Stellarium), equatorial J2000.
#     Source mapping: RA = 90deg - 360*u (RA grows leftwards, RA 18h at the centre).
#     Flattened on black, mirrored and rolled so that RA = -180 + 360*u, i.e. exactly
#     like the Earth maps (RA 0h at the centre, RA grows to the right, Dec +90 at the top).
convert "$ST/textures/milkyway.png" -background black -alpha remove -alpha off -flop -roll +1536+0 \
  "${JPG[@]}" -quality 88 "$TEX/milkyway.jpg"

# 5. Stars: XHIP/Hipparcos via d3-celestial stars.8.json, V <= 6.5, Float32 LE records
node "$ROOT/assets/stars-convert.mjs" "$DC/data/stars.8.json" "$DATA/stars.bin" 6.5

echo "done:"
ls -l "$TEX" "$DATA"
