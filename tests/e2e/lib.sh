# lib.sh -- a small TAP harness for lede's end-to-end tests.  Source it.
# SPDX-License-Identifier: MIT
#
#   t NAME STATUS STDIN EXPECTED CMD...    exact stdout and status; stderr
#                                          must be empty when STATUS is 0
#   t_err NAME STATUS STDIN STDERR CMD...  exact stderr and status
#   t_cmp NAME STATUS INFILE OUTFILE CMD... stdin from a file, stdout vs a file
#   ok NAME SHELL-CONDITION                 any check, run with sh -c
#
# STDIN, EXPECTED and STDERR go through printf '%b' (\t, \n, \0NNN).
# Every case runs under LC_ALL=C and LC_ALL=C.UTF-8 and must give the same
# bytes.  The tools are run through $LEDE_WRAP (valgrind, say) by wrapper
# scripts first on PATH, so pipelines in `ok` checks are wrapped too.

set -u
: "${LEDE_BIN:?LEDE_BIN must name the directory of the built tools}"
: "${LEDE_ROOT:=$(cd "${0%/*}/../.." && pwd)}"
LEDE_WRAP=${LEDE_WRAP-}
TEST_NAME=${0##*/}
T=$(mktemp -d "${TMPDIR:-/tmp}/lede-test.XXXXXX") || exit 1
if [ -z "${KEEP-}" ]; then
	trap 'rm -rf "$T"' EXIT
	trap 'exit 1' HUP INT TERM
fi
mkdir "$T/bin"
for _tool in "$LEDE_BIN"/lede-*; do
	[ -x "$_tool" ] || continue
	printf '#!/bin/sh\nexec %s %s "$@"\n' "$LEDE_WRAP" "$_tool" > "$T/bin/${_tool##*/}"
	chmod +x "$T/bin/${_tool##*/}"
done
PATH=$T/bin:$PATH
DATA=$LEDE_ROOT/tests/e2e/data
export PATH LEDE_ROOT DATA
_n=0
_fail=0

_report() {	# result name [details-file]
	_n=$((_n + 1))
	if [ "$1" = ok ]; then
		echo "ok $_n - $2"
	else
		_fail=$((_fail + 1))
		echo "not ok $_n - $2"
		[ -n "${3-}" ] && [ -s "$3" ] && sed 's/^/#   /' "$3"
	fi
	return 0
}

# _run LOCALE STDIN-FILE CMD...: stdout in $T/out.LOCALE, stderr in $T/err.LOCALE
_run() {
	_loc=$1 _in=$2
	shift 2
	LC_ALL=$_loc "$@" < "$_in" > "$T/out.$_loc" 2> "$T/err.$_loc"
	echo $? > "$T/st.$_loc"
}

# _both STDIN-FILE CMD...: runs under both locales, checks they agree.
_both() {
	_in=$1
	shift
	_run C "$_in" "$@"
	_run C.UTF-8 "$_in" "$@"
	_st=$(cat "$T/st.C.UTF-8")
	: > "$T/why"
	if [ "$_st" -gt 128 ]; then
		echo "killed by signal $((_st - 128))" >> "$T/why"
		cat "$T/err.C.UTF-8" >> "$T/why"
	fi
	if ! cmp -s "$T/out.C" "$T/out.C.UTF-8" || [ "$(cat "$T/st.C")" != "$_st" ]; then
		echo "output differs between LC_ALL=C and LC_ALL=C.UTF-8" >> "$T/why"
	fi
}

_expect_status() {
	if [ "$_st" != "$1" ]; then
		echo "exit status $_st, expected $1" >> "$T/why"
		sed 's/^/stderr: /' "$T/err.C.UTF-8" >> "$T/why"
	fi
}

t() {
	_name=$1 _want=$2
	printf '%b' "$3" > "$T/in"
	printf '%b' "$4" > "$T/exp"
	shift 4
	_both "$T/in" "$@"
	_expect_status "$_want"
	if ! cmp -s "$T/exp" "$T/out.C.UTF-8"; then
		diff -u "$T/exp" "$T/out.C.UTF-8" >> "$T/why"
		echo "expected:" >> "$T/why"; od -c "$T/exp" | head -20 >> "$T/why"
		echo "got:" >> "$T/why"; od -c "$T/out.C.UTF-8" | head -20 >> "$T/why"
	fi
	if [ "$_want" = 0 ] && [ -s "$T/err.C.UTF-8" ]; then
		echo "unexpected stderr:" >> "$T/why"
		cat "$T/err.C.UTF-8" >> "$T/why"
	fi
	if [ -s "$T/why" ]; then _report "not ok" "$_name" "$T/why"; else _report ok "$_name"; fi
}

t_err() {
	_name=$1 _want=$2
	printf '%b' "$3" > "$T/in"
	printf '%b' "$4" > "$T/exp"
	shift 4
	_both "$T/in" "$@"
	_expect_status "$_want"
	if ! cmp -s "$T/exp" "$T/err.C.UTF-8"; then
		diff -u "$T/exp" "$T/err.C.UTF-8" >> "$T/why"
	fi
	if [ -s "$T/why" ]; then _report "not ok" "$_name" "$T/why"; else _report ok "$_name"; fi
}

t_cmp() {
	_name=$1 _want=$2 _infile=$3 _expfile=$4
	shift 4
	_both "$_infile" "$@"
	_expect_status "$_want"
	if ! cmp -s "$_expfile" "$T/out.C.UTF-8"; then
		diff -u "$_expfile" "$T/out.C.UTF-8" | head -40 >> "$T/why"
	fi
	if [ "$_want" = 0 ] && [ -s "$T/err.C.UTF-8" ]; then
		echo "unexpected stderr:" >> "$T/why"
		cat "$T/err.C.UTF-8" >> "$T/why"
	fi
	if [ -s "$T/why" ]; then _report "not ok" "$_name" "$T/why"; else _report ok "$_name"; fi
}

ok() {
	_name=$1
	shift
	if (cd "$T" && sh -c "$1") > "$T/why" 2>&1; then
		_report ok "$_name"
	else
		_report "not ok" "$_name" "$T/why"
	fi
}

# junk N: N bytes of deterministic binary junk on stdout.
junk() {
	LC_ALL=C awk -v n="$1" 'BEGIN { srand(7); for (i = 0; i < n; i++) printf "%c", int(rand() * 256) }'
}

done_testing() {
	echo "1..$_n"
	[ "$_fail" = 0 ]
}
