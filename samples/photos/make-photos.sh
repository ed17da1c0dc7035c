#!/bin/sh
# Draws the project's own sample pictures, so nobody else's photo is needed.
# Needs ImageMagick 6 (Debian: imagemagick) and exiftool (libimage-exiftool-perl).
# The committed files are the reference; running this again on another
# ImageMagick version may give slightly different bytes.
set -eu
cd "$(dirname "$0")"
IM=/usr/bin/convert
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# garden.jpg: a community garden with a bench, flower beds, a tree and the sun.
# Drawn upright, then the pixels are turned a quarter turn anticlockwise and the
# EXIF Orientation tag is set to 6. A viewer that honours the tag shows it
# upright (sky at the top); one that ignores it shows the sky on the left.
"$IM" -size 800x600 gradient:'#8ec9f0-#d9eefa' \
  \( -size 800x260 gradient:'#7cbf5a-#4f8f35' \) -geometry +0+340 -composite \
  -fill '#fff3a8' -stroke '#ffd84a' -strokewidth 6 -draw 'circle 660,110 660,160' \
  -stroke none -fill 'rgba(255,255,255,0.85)' \
    -draw 'ellipse 170,90 70,26 0,360' -draw 'ellipse 230,80 60,30 0,360' \
    -draw 'ellipse 420,140 55,20 0,360' \
  -fill '#6b4a2b' -draw 'rectangle 95,220 125,400' \
  -fill '#3f7f2e' -draw 'circle 110,190 110,110' \
  -fill '#4e9a38' -draw 'circle 70,230 70,180' -draw 'circle 155,225 155,175' \
  -fill '#b88a5a' -stroke '#7a5532' -strokewidth 3 \
    -draw 'rectangle 0,300 800,310' -draw 'rectangle 0,330 800,338' \
  -draw "$(i=20; s=''; while [ $i -lt 800 ]; do s="$s rectangle $i,285 $((i+10)),350"; i=$((i+60)); done; echo "$s")" \
  -stroke none -fill '#8a5a2b' -draw 'rectangle 250,420 560,470' \
  -fill '#5b3a1c' -draw 'rectangle 250,466 560,476' \
  -fill '#d2443b' -draw 'circle 280,410 280,396' -draw 'circle 400,404 400,390' -draw 'circle 520,410 520,396' \
  -fill '#f2c14e' -draw 'circle 340,406 340,392' -draw 'circle 460,408 460,394' \
  -fill '#9b59b6' -draw 'circle 310,398 310,386' -draw 'circle 430,396 430,384' -draw 'circle 490,398 490,386' \
  -fill '#2e7d32' -draw 'rectangle 278,412 282,422' -draw 'rectangle 398,406 402,422' \
  -fill '#a0703f' -stroke '#6e4825' -strokewidth 3 \
    -draw 'rectangle 600,470 760,484' -draw 'rectangle 600,440 760,452' \
    -draw 'rectangle 612,484 622,540' -draw 'rectangle 738,484 748,540' \
  -stroke none -fill '#c9b08a' -draw 'polygon 330,600 470,600 430,480 370,480' \
  -attenuate 0.35 +noise Gaussian -blur 0x0.8 \
  "$work/garden-upright.png"
"$IM" "$work/garden-upright.png" -rotate -90 -strip -sampling-factor 2x2 -quality 78 garden.jpg
exiftool -q -overwrite_original -n -Orientation=6 garden.jpg

# tea.png: a mug of tea with steam, on a transparent background (soft edges
# give partial transparency, so the alpha channel matters).
"$IM" -size 400x400 xc:none \
  -fill none -stroke 'rgba(140,140,140,0.7)' -strokewidth 10 \
    -draw 'bezier 160,120 130,90 190,70 160,40' -draw 'bezier 230,120 200,90 260,70 230,40' \
  -stroke '#2f5d8a' -strokewidth 22 -draw 'ellipse 300,235 40,50 -90,90' \
  -stroke '#1f3f5f' -strokewidth 6 -fill '#3c78b4' -draw 'roundrectangle 90,140 300,340 30,30' \
  -stroke none -fill '#8a5a33' -draw 'ellipse 195,150 100,14 0,360' \
  -fill 'rgba(255,255,255,0.35)' -draw 'roundrectangle 115,170 135,310 8,8' \
  -fill 'rgba(0,0,0,0.18)' -draw 'ellipse 200,360 130,16 0,360' \
  -blur 0x0.6 -depth 8 -strip -define png:color-type=6 tea.png

ls -l garden.jpg tea.png
