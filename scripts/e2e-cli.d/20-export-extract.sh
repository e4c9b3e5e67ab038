# Sourced by e2e-cli.sh: export and the database-free extract command.
check "export json to file" 0 "$cli" export --format json -o "$tmp/events.json" &&
  contains "export file holds events" "$tmp/events.json" '"cameo": "041"'
check "export csv" 0 "$cli" export --format csv &&
  contains "csv header" "$tmp/out" 'id,date,enddate'
check "export timelinejs" 0 "$cli" export --format timelinejs -o "$tmp/tl.json" &&
  contains "timelinejs events" "$tmp/tl.json" '"start_date"'
check "export to unwritable path fails" 1 "$cli" export --format json -o /nonexistent-dir/x.json
check "export bad format" 2 "$cli" export --format xml

printf '%s\n' '{"id":"a","text":"Canada and the EU on Monday signed a defense and security pact.","published":"2025-06-24"}' >"$tmp/in.jsonl"
check "extract" 0 "$cli" extract <"$tmp/in.jsonl" &&
  contains "extract codes the agreement 057" "$tmp/out" '"cameo":"057"' &&
  contains "extract dates it 2025-06-23" "$tmp/out" '"date":"2025-06-23"'
