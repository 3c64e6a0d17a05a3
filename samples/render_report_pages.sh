#!/usr/bin/env sh
# Regenerates the report page images the README shows: builds the 2021
# samples' report (compared with 2020) and renders two of its pages with
# poppler's pdftoppm. Run from the repository root.
set -eu
out=$(mktemp -d)
cargo run --release -q -- merge samples/2020 -o "$out/kooste_2020.xlsx" --date 2021-02-15 >/dev/null
cargo run --release -q -- report samples/2021 -o "$out/vuosiraportti_2021.pdf" \
  --previous "$out/kooste_2020.xlsx" --date 2022-02-15 >/dev/null
pdftoppm -r 60 -png -f 4 -l 4 "$out/vuosiraportti_2021.pdf" "$out/page"
pdftoppm -r 60 -png -f 5 -l 5 "$out/vuosiraportti_2021.pdf" "$out/page"
cp "$out"/page-*4.png samples/report/departments.png
cp "$out"/page-*5.png samples/report/measures.png
rm -rf "$out"
echo "samples/report/departments.png samples/report/measures.png"
