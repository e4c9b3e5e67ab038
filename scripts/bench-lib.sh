# bench-lib.sh: sourced by bench-import.sh and bench-store.sh, which time the
# same load in the sqlite3 shell and in Attaché and compare the two.

# timed OUT CMD...: runs CMD and leaves its user+system CPU seconds in OUT
# (empty when /usr/bin/time is missing).
timed() {
	out=$1
	shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%U %S' -o "$out" "$@"
	else
		: >"$out"
		"$@"
	fi
}

cpu() { awk '{ printf "%.2f", $1 + $2 }' "$1"; }

# compare SHELL_S OURS_S SHELL_CPU OURS_CPU [TARGET]: prints the ratio of the
# wall times (and the target ratio, when given) and, when timed measured both,
# of the CPU times kept in the two files.
compare() {
	printf 'ratio: %.2fx%s\n' "$(echo "$2 / $1" | bc -l)" "${5:+ (target: within ${5}x)}"
	if [ -s "$3" ] && [ -s "$4" ]; then
		printf 'CPU (user+sys): shell %s s, ours %s s, ratio %.2fx (the machine may be shared: CPU is the steadier figure)\n' \
			"$(cpu "$3")" "$(cpu "$4")" "$(echo "$(cpu "$4") / $(cpu "$3")" | bc -l)"
	fi
}
