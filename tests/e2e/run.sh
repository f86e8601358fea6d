#!/bin/sh
# run.sh -- run TAP test scripts, print a summary, fail if any case failed.
# SPDX-License-Identifier: MIT
total=0 failed=0 bad_scripts=""
for t in "$@"; do
	out=$(sh "$t" 2>&1)
	st=$?
	n=$(printf '%s\n' "$out" | grep -c '^ok ')
	f=$(printf '%s\n' "$out" | grep -c '^not ok ')
	total=$((total + n + f))
	failed=$((failed + f))
	if [ "$f" -gt 0 ] || [ "$st" -ne 0 ] || [ "$((n + f))" -eq 0 ]; then
		bad_scripts="$bad_scripts ${t##*/}"
		printf '%s\n' "$out" | grep -v '^ok '
		echo "FAIL ${t##*/}: $f of $((n + f)) failed (exit $st)"
	else
		echo "PASS ${t##*/}: $n"
	fi
done
echo "e2e: $((total - failed)) of $total passed"
[ -z "$bad_scripts" ]
