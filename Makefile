# newscast: build, demo, check, bench, install.
CC ?= cc
PREFIX ?= /usr/local
DATADIR ?= $(PREFIX)/share/newscast
PKGS = espeak-ng sndfile soxr libebur128 icu-uc icu-i18n libcjson libxml-2.0 nettle libcmark libcurl
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libcurl is not linked: read/fetch.c opens it when a feed is first fetched, since loading it and the
# thirty libraries it needs (TLS, Kerberos, LDAP, SSH) cost every run about 10 ms of CPU.
PKG_LIBS := $(shell pkg-config --libs $(filter-out libcurl,$(PKGS)) 2>/dev/null) -lmp3lame -lm -pthread
CFLAGS ?= -O2 -g
WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-missing-field-initializers
ALL_CFLAGS = -std=c11 -pthread -D_GNU_SOURCE $(WARN) $(CFLAGS) $(INCLUDES) $(PKG_CFLAGS) -DDATADIR='"$(DATADIR)"' -MMD -MP
SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

# builder/STAGE/*.c: one folder a stage of the pipeline (see ARCHITECTURE.md); headers are
# included by name, so every folder is on the include path.
SRC_DIRS := $(sort $(dir $(wildcard builder/*/*.c)))
INCLUDES := $(patsubst %/,-I%,$(SRC_DIRS))
SRCS := $(wildcard builder/*/*.c)
LIB_SRCS := $(filter-out builder/cli/main.c,$(SRCS))
OBJS := $(SRCS:builder/%.c=build/obj/%.o)
LIB_OBJS := $(LIB_SRCS:builder/%.c=build/obj/%.o)
SAN_OBJS := $(LIB_SRCS:builder/%.c=build/san/%.o)
TEST_SRCS := $(wildcard tests/unit/*.c)
TEST_OBJS := $(TEST_SRCS:tests/unit/%.c=build/test/%.o)
SAN_TEST_OBJS := $(TEST_SRCS:tests/unit/%.c=build/santest/%.o)
CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null)

.PHONY: all deps demo check unit cli bench install clean fuzz fuzz-build

all: build/newscast

deps:
	@scripts/install-deps

build/newscast: $(OBJS)
	$(CC) $(CFLAGS) -o $@ $(OBJS) $(PKG_LIBS)

build/obj/%.o: builder/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/san/%.o: builder/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

build/test/%.o: tests/unit/%.c | build/test
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -c -o $@ $<

build/santest/%.o: tests/unit/%.c | build/santest
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) $(CHECK_CFLAGS) -c -o $@ $<

build/unit-tests: $(TEST_OBJS) $(LIB_OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS) $(CHECK_LIBS)

build/unit-tests-san: $(SAN_TEST_OBJS) $(SAN_OBJS)
	$(CC) $(SAN_FLAGS) -o $@ $^ $(PKG_LIBS) $(CHECK_LIBS)

build/test build/santest build/fuzz:
	@mkdir -p $@

# libFuzzer harnesses (tests/fuzz/fuzz_TARGET.c), one for each reader of untrusted bytes, built
# with clang against the builder's objects instrumented for coverage, ASan and UBSan, from an
# archive, so each harness links only the modules it calls.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS := $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
FUZZ_OBJS := $(LIB_SRCS:builder/%.c=build/fuzz/%.o)
FUZZ_SAN = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined

build/fuzz/%.o: builder/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/libnewscast.a: $(FUZZ_OBJS)
	rm -f $@ && ar rcs $@ $^

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h build/fuzz/libnewscast.a
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $< build/fuzz/libnewscast.a $(PKG_LIBS)

build/fuzz/data: | build/fuzz
	mkdir -p $@ && ln -sfn ../../../builder/rules $@/rules && ln -sfn ../../../voices $@/voices

fuzz-build: $(FUZZ_BINS) build/fuzz/data

# Each harness for FUZZ_SECONDS on a copy of its corpus: new inputs go to build/fuzz/corpus-TARGET,
# crashes to build/fuzz/crash-TARGET-*; tests/fuzz/corpus/ is only read.
fuzz: fuzz-build
	@tests/fuzz/run fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The samples, spoken: each article on its own (.txt as NAME.mp3; .md, .html and an RSS feed's
# first item as NAME-EXT.mp3), then the sample show built into a digest episode.
demo: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p build/demo
	@for a in samples/articles/*.txt samples/articles/*.md samples/articles/*.html samples/articles/*.rss; do \
		base=$$(basename "$$a"); out=build/demo/$${base%.*}-$${base##*.}.mp3; \
		case $$base in EXPECTED.md) continue ;; *.txt) out=build/demo/$${base%.txt}.mp3 ;; esac; \
		build/newscast speak "$$a" -o "$$out" --album "newscast demo" || exit 1; \
		echo "demo: $$out"; \
	done
	@rm -rf build/demo/show && cp -r samples/show build/demo/show && rm -rf build/demo/show/public build/demo/show/.newscast
	@build/newscast build build/demo/show
	@echo "demo: the episode, its transcripts, chapters and sidecar are in build/demo/show/public/episodes/"
	@echo "demo: what one article sounds like as a script: build/newscast script samples/articles/harbour-bridge.txt"

check: deps
	@$(MAKE) --no-print-directory all build/unit-tests build/unit-tests-san fuzz-build
	@tests/run

unit: build/unit-tests
	build/unit-tests

bench: all
	scripts/bench

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/voices $(DESTDIR)$(DATADIR)/rules
	install -m 755 build/newscast $(DESTDIR)$(PREFIX)/bin/newscast
	install -m 644 voices/*.ini $(DESTDIR)$(DATADIR)/voices/
	install -m 644 $$(find builder/rules -maxdepth 1 -type f) $(DESTDIR)$(DATADIR)/rules/
	@# every language's folder: its word lists, its boilerplate rules and its phrases of clutter
	for d in builder/rules/*/; do \
		l=$$(basename "$$d"); install -d $(DESTDIR)$(DATADIR)/rules/$$l && \
		install -m 644 "$$d"* $(DESTDIR)$(DATADIR)/rules/$$l/ || exit 1; \
	done
	install -D -m 755 scripts/nightly $(DESTDIR)$(PREFIX)/lib/newscast/nightly
	install -D -m 755 scripts/publish $(DESTDIR)$(PREFIX)/lib/newscast/publish
	install -d $(DESTDIR)$(PREFIX)/lib/newscast/slurm
	install -m 755 scripts/slurm/build scripts/slurm/nightly $(DESTDIR)$(PREFIX)/lib/newscast/slurm/

clean:
	rm -rf build

-include $(wildcard build/*/*.d build/*/*/*.d)
