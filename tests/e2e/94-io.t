#!/bin/sh
# Every tool and the shell: write errors, a closed stdout, SIGPIPE,
# unreadable files, --help, --version and bad usage behave as lede(7) says.
. "${0%/*}/lib.sh"

cd "$T" || exit 1
lede-split "$LEDE_ROOT"/examples/*.txt > rec 2> /dev/null
for i in 1 2 3 4 5 6 7 8; do cat rec rec; done > big.rec
cat "$LEDE_ROOT"/examples/*.txt > raw.txt
for i in 1 2 3 4 5 6 7 8; do cat raw.txt raw.txt > raw2.txt; mv raw2.txt raw.txt; done

for tool in lede-split lede-sentences lede-strip lede-quotes lede-entities lede-text; do
	[ -x "$LEDE_BIN/$tool" ] || continue
	if [ $tool = lede-split ]; then in=raw.txt; small=$LEDE_ROOT/examples/dump-briefs.txt; else in=big.rec; small=rec; fi
	ok "$tool: --help on stdout, exit 0" "$tool --help > out 2> err && grep -q '^usage: $tool' out && test ! -s err"
	ok "$tool: --version" "$tool --version | grep -q '^$tool (lede) [0-9]'"
	ok "$tool: unknown option is exit 2" "$tool --no-such-option < /dev/null > out 2> err; test \$? = 2 && test ! -s out && grep -q '^$tool: ' err"
	ok "$tool: /dev/full is exit 1 with a message" \
	  "$tool < $small > /dev/full 2> err; test \$? = 1 && grep -q '^$tool: write error: No space left on device' err"
	ok "$tool: a closed stdout is exit 1 with a message" \
	  "$tool < $small >&- 2> err; test \$? = 1 && grep -q '^$tool: write error' err"
	ok "$tool: quiet when the reader goes away" \
	  "$tool < $in 2> err | head -1 > /dev/null; test ! -s err"
	ok "$tool: unreadable file among several: warn, go on, exit 1" \
	  "$tool no-such-file $small > out 2> err; test \$? = 1 && test -s out && grep -q '^$tool: no-such-file: No such file or directory' err"
	ok "$tool: a directory as input: warn, exit 1" \
	  "$tool . < /dev/null > out 2> err; test \$? = 1 && grep -q '^$tool: ' err"
done
done_testing
