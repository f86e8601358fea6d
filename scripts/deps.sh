#!/bin/sh
# deps.sh -- install what lede needs to build and test (Debian/Ubuntu).
# SPDX-License-Identifier: MIT
# Works as root (no sudo needed) or as a user with sudo.  Elsewhere it
# names the packages and stops.
set -eu

PKGS="make gcc libc6-dev pkg-config libpcre2-dev libutf8proc-dev libjansson-dev
check libsubunit-dev mandoc parallel valgrind clang"

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
	for p in $PKGS; do
		if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
			missing="$missing $p"
		fi
	done
fi

if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: not a Debian/Ubuntu system; install with your package manager:" >&2
	echo "  a C11 compiler, GNU make, pkg-config, PCRE2 (8-bit, with JIT), utf8proc," >&2
	echo "  jansson, Check, mandoc; optional: GNU parallel, valgrind, clang" >&2
	exit 1
fi

if [ -z "$missing" ]; then
	echo "deps: everything is installed"
	exit 0
fi

if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "deps: need root or sudo to install:$missing" >&2
	exit 1
fi

echo "deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
