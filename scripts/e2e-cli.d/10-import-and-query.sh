# Sourced by e2e-cli.sh: import the seed bundle and query the project.
seed=$(dirname "$0")/../resources/sample/taipei-times-bundle.txt

check "import seed" 0 "$cli" import --published 2025-01-18 --publication "Taipei Times" "$seed" &&
  contains "import reports 5 articles" "$tmp/out" 'imported 5'
check "import seed again" 0 "$cli" import --published 2025-01-18 "$seed" &&
  contains "second import is a duplicate" "$tmp/out" 'duplicate'

: >"$tmp/empty.txt"
printf '\x00\x01\x02binary\x00' >"$tmp/binary.txt"
check "import refuses bad files" 1 "$cli" import "$tmp/empty.txt" "$tmp/binary.txt" &&
  contains "empty file refused with its name" "$tmp/out" 'empty\.txt.*refused' &&
  contains "binary file refused with its name" "$tmp/out" 'binary\.txt.*refused'
check "import without paths is bad usage" 2 "$cli" import

check "articles --json" 0 "$cli" articles --json &&
  contains "five articles listed" "$tmp/out" '"id": 5' &&
  contains "kicker article" "$tmp/out" 'ESPIONAGE'
check "search CJK substring" 0 "$cli" search --json 近平 &&
  contains "近平 finds the phone-call article" "$tmp/out" '"id": 1,'
check "search words" 0 "$cli" search "Cook Islands" &&
  contains "Cook Islands found" "$tmp/out" 'Cook.{0,4}Islands'
check "entities fuzzy xjp" 0 "$cli" entities --json --fuzzy xjp --limit 1 &&
  contains "xjp finds Xi Jinping first" "$tmp/out" '"name": "Xi Jinping"'
check "entities fuzzy 近平" 0 "$cli" entities --json --fuzzy 近平 --limit 1 &&
  contains "近平 finds Xi Jinping" "$tmp/out" '"name": "Xi Jinping"'
check "events --json" 0 "$cli" events --json &&
  contains "phone call coded CONSULT" "$tmp/out" '"event": "CONSULT"' &&
  contains "phone call dated 2025-01-17" "$tmp/out" '"date": "2025-01-17"'
