# lede -- small C filters for scraped news articles.  See README.md.
# Needs GNU make, a C11 compiler, pkg-config, libpcre2-8, libutf8proc,
# jansson and (for tests) check.  `make deps` installs them on Debian.

VERSION	= 0.1.0
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
DESTDIR	?=
PKG_CONFIG ?= pkg-config
# Build directory; sanitizer and fuzz builds use their own.
B	?= build

CC	?= cc
CFLAGS	?= -O2 -g
WARN	= -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	  -Wmissing-prototypes -Wformat=2 -Wvla -Wcast-qual -Wwrite-strings \
	  -Wundef -Wno-unused-parameter
ifneq ($(LEDE_WERROR),)
WARN	+= -Werror
endif
LEDE_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DPCRE2_CODE_UNIT_WIDTH=8 \
	  -DLEDE_VERSION='"$(VERSION)"' -Icommon -I$(B)/gen
DEP_PKGS = libpcre2-8 libutf8proc jansson
DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(DEP_PKGS) 2>/dev/null)
DEP_LIBS   := $(shell $(PKG_CONFIG) --libs $(DEP_PKGS) 2>/dev/null)
CHECK_CFLAGS := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS   := $(shell $(PKG_CONFIG) --libs check 2>/dev/null)

ALL_CFLAGS = $(WARN) $(LEDE_CPPFLAGS) $(DEP_CFLAGS) $(CPPFLAGS) $(CFLAGS)

TOOLS	:= $(basename $(notdir $(wildcard tools/*.c)))
BINS	:= $(addprefix $(B)/bin/,$(TOOLS))
COMMON_SRC := $(wildcard common/*.c)
COMMON_OBJ := $(patsubst %.c,$(B)/%.o,$(COMMON_SRC))
# Every file in data/ is compiled in as a byte array (see common/blob.h).
DATA_SRC := $(wildcard data/*.txt data/*.tsv)
DATA_OBJ := $(patsubst data/%,$(B)/gen/data_%.o,$(DATA_SRC))
UNIT_SRC := $(wildcard tests/unit/check_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(B)/tests/%,$(UNIT_SRC))

all: $(BINS)

# A tool is tools/NAME.c plus, if it has them, the files in tools/NAME/.
tool_extra = $(patsubst %.c,$(B)/%.o,$(wildcard tools/$(1)/*.c))
.SECONDEXPANSION:
$(B)/bin/%: $(B)/tools/%.o $$(call tool_extra,$$*) $(B)/libcommon.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(DEP_LIBS) -lm

$(B)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/libcommon.a: $(COMMON_OBJ) $(DATA_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# The embedder runs on the build machine, so it is built without sanitizers.
$(B)/embed: build-aux/embed.c
	@mkdir -p $(@D)
	$(CC) -O1 -o $@ $<

$(B)/gen/data_%.c: data/% $(B)/embed
	@mkdir -p $(@D)
	$(B)/embed $< > $@.tmp && mv $@.tmp $@

$(B)/gen/data_%.o: $(B)/gen/data_%.c
	$(CC) $(ALL_CFLAGS) -Wno-overlength-strings -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(B)/libcommon.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -MMD -MP -o $@ $< $(B)/libcommon.a $(DEP_LIBS) $(CHECK_LIBS) -lm

check: check-unit check-e2e check-fuzz-replay

check-unit: $(UNIT_BINS)
	@fail=0; for t in $(UNIT_BINS); do \
		echo "== $$t"; $(LEDE_WRAP) $$t || fail=1; done; \
	test $$fail = 0

check-e2e: all
	LEDE_BIN=$(CURDIR)/$(B)/bin LEDE_ROOT=$(CURDIR) sh tests/e2e/run.sh tests/e2e/*.t

demo: all
	@sh scripts/demo.sh $(B)/bin

bench: all
	@sh tests/bench/bench.sh $(B)/bin

deps:
	@sh scripts/deps.sh

asan:
	$(MAKE) B=build/asan CC=$(CC) \
	    CFLAGS='-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all' \
	    LDFLAGS='-fsanitize=address,undefined' check

valgrind: all $(UNIT_BINS)
	CK_FORK=no LEDE_WRAP='valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --suppressions=$(CURDIR)/tests/valgrind.supp' \
	    $(MAKE) check

# libFuzzer targets: tests/fuzz/fuzz_NAME.c for the parsers in common/, and
# fuzz_tool_TOOL for every tool (tests/fuzz/fuzz_tool.c around the tool's
# main(), renamed).  `make fuzz` builds them with clang; `make fuzz-run
# SECONDS=600` runs each, growing and then minimising tests/fuzz/corpus/;
# `make check` replays that corpus through the same code built normally.
FUZZ_PARSERS := $(basename $(notdir $(filter-out tests/fuzz/fuzz_tool.c,$(wildcard tests/fuzz/fuzz_*.c))))
FUZZ_TARGETS := $(FUZZ_PARSERS) $(addprefix fuzz_tool_,$(TOOLS))
SECONDS	?= 60
FUZZ_FLAGS = CC=clang B=build/fuzz \
	    CFLAGS='-O1 -g -fsanitize=fuzzer-no-link,address,undefined' \
	    LDFLAGS='-fsanitize=fuzzer,address,undefined'

fuzz:
	$(MAKE) $(FUZZ_FLAGS) fuzz-bins

fuzz-bins: $(addprefix $(B)/fuzz/,$(FUZZ_TARGETS))

fuzz-run: fuzz
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p tests/fuzz/corpus/$$t build/fuzz/grow/$$t; \
		echo "== $$t, $(SECONDS) s"; \
		build/fuzz/fuzz/$$t -max_total_time=$(SECONDS) -timeout=30 -rss_limit_mb=4096 \
		    -detect_leaks=1 -print_final_stats=1 build/fuzz/grow/$$t tests/fuzz/corpus/$$t \
		    2>&1 | grep -E '^(stat::number_of_executed_units|stat::peak_rss|==|SUMMARY|artifact)' || true; \
		mkdir -p build/fuzz/min/$$t && rm -f build/fuzz/min/$$t/*; \
		build/fuzz/fuzz/$$t -merge=1 build/fuzz/min/$$t tests/fuzz/corpus/$$t build/fuzz/grow/$$t \
		    > /dev/null 2>&1 && rm -f tests/fuzz/corpus/$$t/* && cp build/fuzz/min/$$t/* tests/fuzz/corpus/$$t/; \
	done

$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(B)/libcommon.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libcommon.a $(DEP_LIBS) -lm

# A tool's main() under another name, for the fuzz and replay drivers.
$(B)/toolmain/%.o: tools/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Dmain=lede_tool_main -c -o $@ $<

$(B)/fuzz/fuzz_tool_%: tests/fuzz/fuzz_tool.c $(B)/toolmain/%.o $$(call tool_extra,$$*) $(B)/libcommon.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -DTOOL_NAME='"$*"' $(LDFLAGS) -o $@ $^ $(DEP_LIBS) -lm

$(B)/replay/fuzz_tool_%: tests/fuzz/replay.c tests/fuzz/fuzz_tool.c $(B)/toolmain/%.o $$(call tool_extra,$$*) $(B)/libcommon.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -DTOOL_NAME='"$*"' $(LDFLAGS) -o $@ $^ $(DEP_LIBS) -lm

$(B)/replay/fuzz_%: tests/fuzz/replay.c tests/fuzz/fuzz_%.c $(B)/libcommon.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(DEP_LIBS) -lm

check-fuzz-replay: $(addprefix $(B)/replay/,$(FUZZ_TARGETS))
	@fail=0; for t in $(FUZZ_TARGETS); do \
		[ -d tests/fuzz/corpus/$$t ] || continue; \
		printf '%s: ' "$$t"; \
		$(LEDE_WRAP) $(B)/replay/$$t tests/fuzz/corpus/$$t || fail=1; done; \
	test $$fail = 0

lint-man:
	mandoc -Tlint -Wwarning man/*.1 man/*.7

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	install -m 0755 $(BINS) $(DESTDIR)$(BINDIR)
	install -m 0644 man/*.1 $(DESTDIR)$(MANDIR)/man1
	install -m 0644 man/*.7 $(DESTDIR)$(MANDIR)/man7

uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(BINDIR)/$$t $(DESTDIR)$(MANDIR)/man1/$$t.1; done
	rm -f $(DESTDIR)$(MANDIR)/man7/lede.7

clean:
	rm -rf build

.PHONY: all check check-unit check-e2e check-fuzz-replay demo bench deps asan valgrind \
	fuzz fuzz-bins fuzz-run \
	lint-man install uninstall clean
.SECONDARY:

-include $(shell find $(B) -name '*.d' 2>/dev/null)
