# Sourced by e2e-cli.sh: import web pages as browsers save them (a page with
# its _files folder, Chrome's .mhtml, Internet Explorer's .mht) into a
# project of their own, and check the articles and their metadata.
saved=$(dirname "$0")/../data/ingest/testdata/saved
web=$tmp/web.attache

check "import saved pages" 0 "$cli" --db "$web" import --no-extract --split none --published 2020-01-01 "$saved" &&
  contains "page saved complete imported once" "$tmp/out" 'Geneva talks resume\.html: imported 1' &&
  contains "Chrome MHTML imported" "$tmp/out" 'pacific-forum\.mhtml: imported 1' &&
  contains "Internet Explorer MHT imported" "$tmp/out" 'caucasus-talks\.mht: imported 1'
if grep -q '_files' "$tmp/out"; then
  echo "cli: FAIL: a saved page's _files folder was imported as files of its own" >&2
  fails=$((fails + 1))
fi
check "saved pages listed" 0 "$cli" --db "$web" articles --json &&
  contains "page title, not the site's" "$tmp/out" '"title": "Geneva talks resume as envoys seek prisoner swap"' &&
  contains "page date beats the --published default" "$tmp/out" '"published": "2025-06-12T09:15:00\+02:00"' &&
  contains "outlet from the page" "$tmp/out" '"publication": "Island Times"' &&
  contains "address noted by the browser" "$tmp/out" '"url": "https://www.alpinecourier.example/ausland/caucasus-talks-zurich.html"'
