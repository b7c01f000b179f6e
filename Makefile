# varscope (the library) and scopecheck (the linter).
#
#   make            libvarscope.a, libvarscope.so, scopecheck
#   make check      every test, under AddressSanitizer and UBSan (+ valgrind)
#   make demo       install missing Debian packages (as root), build, run the
#                   seed examples and lint the bundled examples
#   make install    PREFIX=/usr/local DESTDIR= (header, libraries, pkg-config,
#                   binary, man page);  make uninstall  removes exactly those
#   make bench      speed and memory against clang -fsyntax-only
#   make fuzz-diff  N=1000 random programs run and linted; disagreements
#                   minimised into tests/regressions/

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
LIBDIR  ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR  ?= $(PREFIX)/share/man
# the library's version, written once: VS_VERSION in include/varscope.h
VERSION := $(shell sed -n 's/^\#define VS_VERSION "\(.*\)"/\1/p' include/varscope.h)
SOVERSION = $(firstword $(subst ., ,$(VERSION)))
SONAME  = libvarscope.so.$(SOVERSION)
CC      ?= cc
LLVM_CONFIG ?= $(shell command -v llvm-config 2>/dev/null || ls /usr/bin/llvm-config-* 2>/dev/null | sort -V | tail -n 1)

WARN     = -Wall -Wextra -pedantic
CSTD     = -std=c11 -D_POSIX_C_SOURCE=200809L
OPT     ?= -O2 -g
CFLAGS  ?= $(OPT)
# the build directory stays out of the binaries (debug info, __FILE__); the
# release build leaves the assertions out; the sanitizer build, which
# `make check` tests, keeps them (and the linter's test hooks: SC_TEST_HOOKS)
ALL_CFLAGS = $(CSTD) $(WARN) $(CFLAGS) -DNDEBUG -Iinclude -ffile-prefix-map=$(CURDIR)=.

SAN      = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
SAN_CFLAGS = $(CSTD) $(WARN) -O1 -g $(SAN) -Iinclude

# (none yet on a fresh machine: `make demo` and `make check` ask again once
# scripts/deps.sh has installed it)
LLVM_INC := $(if $(LLVM_CONFIG),$(shell $(LLVM_CONFIG) --includedir 2>/dev/null))
LLVM_LIB := $(if $(LLVM_CONFIG),$(shell $(LLVM_CONFIG) --libdir 2>/dev/null))
CLANG_CFLAGS = $(if $(LLVM_INC),-I$(LLVM_INC))
# libclang is loaded with dlopen when a file must be parsed (see
# src/scopecheck/frontend/clang_api.h), not linked
CLANG_LIBS   = -ldl
CJSON_CFLAGS := $(shell pkg-config --cflags libcjson 2>/dev/null)
CJSON_LIBS   := $(shell pkg-config --libs libcjson 2>/dev/null || echo -lcjson)
CMOCKA_LIBS  := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

B = build

# ---- the library ----------------------------------------------------------
# src/common/: the vocabulary and TF's rules on known values, compiled into
# the library and the linter both
COMMON_SRC = $(wildcard src/common/*.c)
LIB_SRC = $(wildcard src/varscope/*.c) $(COMMON_SRC)
LIB_OBJ = $(LIB_SRC:%.c=$(B)/rel/%.o)
LIB_PIC = $(LIB_SRC:%.c=$(B)/pic/%.o)
LIB_SAN = $(LIB_SRC:%.c=$(B)/san/%.o)

all: libvarscope.a libvarscope.so scopecheck

libvarscope.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# libvarscope.so.X.Y.Z with SONAME libvarscope.so.X, and the two links a
# system install has (the runtime's libvarscope.so.X, the linker's
# libvarscope.so)
libvarscope.so.$(VERSION): $(LIB_PIC)
	$(CC) -shared -Wl,-soname,$(SONAME) -o $@ $^

libvarscope.so: libvarscope.so.$(VERSION)
	ln -sf libvarscope.so.$(VERSION) $(SONAME)
	ln -sf $(SONAME) $@

$(B)/rel/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(B)/pic/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fPIC -MMD -MP -c $< -o $@

$(B)/san/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(SAN_CFLAGS) -MMD -MP -c $< -o $@

$(B)/libvarscope-san.a: $(LIB_SAN)
	@rm -f $@
	ar rcs $@ $^

# ---- the linter -----------------------------------------------------------
# src/scopecheck/cli/main.c is the program; everything else is the linter's
# library, shared with the test drivers.
SC_SRC  = $(filter-out src/scopecheck/cli/main.c,$(shell find src/scopecheck -name '*.c' | sort)) \
          $(COMMON_SRC)
RULE_IDS = $(sort $(basename $(notdir $(wildcard rules/*.json))))
SC_OBJ  = $(SC_SRC:%.c=$(B)/sc/%.o) $(B)/sc/rules_data.o
SC_SANOBJ = $(SC_SRC:%.c=$(B)/scsan/%.o) $(B)/scsan/rules_data.o
# Nothing of the build tree is compiled in (the binary is relocatable):
# rule pages and tags are generated into it (tools/genrules.c), and
# varscope.h is found beside the binary at run time (cli/map.c).
SC_FLAGS = $(CLANG_CFLAGS) $(CJSON_CFLAGS) \
           -DSC_LIBCLANG='"$(LLVM_LIB)/libclang.so"'
SC_LIBS  = $(CLANG_LIBS) $(CJSON_LIBS) -lpthread

# the rule registry, metadata and docs, compiled in (see tools/genrules.c);
# rule_table.h lists the rules for the test tools
$(B)/genrules: tools/genrules.c src/common/vocab.h src/scopecheck/engine/event.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CJSON_CFLAGS) $< $(CJSON_LIBS) -o $@

$(B)/gen/rules_data.c: $(B)/genrules $(wildcard rules/*.json rules/*.md)
	@mkdir -p $(dir $@)
	$(B)/genrules $@ $(B)/gen/rule_table.h rules $(RULE_IDS)
$(B)/gen/rule_table.h: $(B)/gen/rules_data.c ;

$(B)/sc/rules_data.o: $(B)/gen/rules_data.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SC_FLAGS) -Isrc/scopecheck -c $< -o $@

$(B)/scsan/rules_data.o: $(B)/gen/rules_data.c
	@mkdir -p $(dir $@)
	$(CC) $(SAN_CFLAGS) $(SC_FLAGS) -DSC_TEST_HOOKS -Isrc/scopecheck -c $< -o $@

$(B)/sc/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SC_FLAGS) -MMD -MP -c $< -o $@

$(B)/scsan/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(SAN_CFLAGS) $(SC_FLAGS) -DSC_TEST_HOOKS -MMD -MP -c $< -o $@

scopecheck: $(SC_OBJ) $(B)/sc/src/scopecheck/cli/main.o
	$(CC) $(ALL_CFLAGS) $^ $(SC_LIBS) -o $@

$(B)/scopecheck-san: $(SC_SANOBJ) $(B)/scsan/src/scopecheck/cli/main.o
	$(CC) $(SAN_CFLAGS) $^ $(SC_LIBS) -o $@

$(B)/irdump: tests/frontend/irdump.c $(SC_SANOBJ)
	$(CC) $(SAN_CFLAGS) $(SC_FLAGS) -Isrc/scopecheck $^ $(SC_LIBS) -o $@

# the fuzz targets without libFuzzer: a main() replaying files under
# ASan/UBSan (tests/suites/fuzz_regressions.sh); `make fuzz` fuzzes them
FUZZ_NAMES = config baseline compdb suppress
FUZZ_REPLAY = $(FUZZ_NAMES:%=$(B)/fuzz-replay/fuzz_%)
$(B)/fuzz-replay/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(SC_SANOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(SAN_CFLAGS) $(SC_FLAGS) -Isrc/scopecheck $^ $(SC_LIBS) -o $@
tests: $(if $(wildcard tests/fuzz/replay.c),$(FUZZ_REPLAY))

# ---- tests -----------------------------------------------------------------
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

$(B)/tests/%: tests/unit/%.c $(B)/libvarscope-san.a
	@mkdir -p $(dir $@)
	$(CC) $(SAN_CFLAGS) -Isrc/varscope -Itests/unit $< $(B)/libvarscope-san.a $(CMOCKA_LIBS) -o $@

# the linter's own unit tests (tests/unit/scopecheck/test_*.c) and the
# engine's (cmocka, tests/unit/engine/test_*.c), linked with its objects
SC_UNIT_SRC = $(wildcard tests/unit/scopecheck/test_*.c)
SC_UNIT_BIN = $(SC_UNIT_SRC:tests/unit/scopecheck/%.c=$(B)/tests/%)
ENGINE_UNIT_SRC = $(wildcard tests/unit/engine/test_*.c)
ENGINE_UNIT_BIN = $(ENGINE_UNIT_SRC:tests/unit/engine/%.c=$(B)/tests/%)

$(SC_UNIT_BIN): $(B)/tests/%: tests/unit/scopecheck/%.c $(SC_SANOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(SAN_CFLAGS) $(SC_FLAGS) -Isrc/scopecheck $^ $(SC_LIBS) $(CMOCKA_LIBS) -o $@
$(ENGINE_UNIT_BIN): $(B)/tests/%: tests/unit/engine/%.c $(SC_SANOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(SAN_CFLAGS) $(SC_FLAGS) -Isrc/scopecheck $^ $(SC_LIBS) $(CMOCKA_LIBS) -o $@
tests: $(SC_UNIT_BIN) $(ENGINE_UNIT_BIN)

TEST_TOOLS = $(B)/scopecheck-san scopecheck $(B)/irdump $(B)/fixturetest $(B)/summarytest

$(B)/summarytest: tests/tools/summarytest.c $(SC_SANOBJ)
	$(CC) $(SAN_CFLAGS) $(SC_FLAGS) -Isrc/scopecheck $^ $(SC_LIBS) -o $@

$(B)/fixturetest: tests/tools/fixturetest.c $(B)/gen/rule_table.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CJSON_CFLAGS) -I$(B)/gen $< $(CJSON_LIBS) -o $@
tests: $(UNIT_BIN) $(B)/libvarscope-san.a $(TEST_TOOLS)

# `make demo` and `make check` on a fresh machine: scripts/deps.sh installs
# the missing packages first, and only then does a second make read this
# file, so that the flags asked of pkg-config and llvm-config above are
# those of the installed packages (this make read them before).  Without
# -j, the second make builds on every core.
JOBS = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(shell nproc 2>/dev/null || echo 1))

check: deps
	@$(MAKE) --no-print-directory $(JOBS) tests
	@bash tests/run.sh

deps:
	@bash scripts/deps.sh

demo: deps
	@$(MAKE) --no-print-directory $(JOBS) all
	@bash scripts/demo.sh

bench: all
	@python3 scripts/bench.py

# the random differential oracle (tests/gen/): `make fuzz-diff N=2000` runs N
# generated programs from a random seed, each compiled, run and linted; every
# disagreement is minimised and saved under tests/regressions/, which
# tests/suites/regressions.sh replays (at most MAXSAVE per signature, that is
# per class, kind and rule of the disagreement; MAXSAVE=0: all)
N ?= 1000
MAXSAVE ?= 3
ORACLE_TOOLS = $(B)/oracle-gen $(B)/oracle-reduce $(B)/fixturetest \
               $(B)/scopecheck-san $(B)/libvarscope-san.a
$(B)/oracle-%: tests/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $< -o $@
tests: $(B)/oracle-gen $(B)/oracle-reduce

fuzz-diff: $(ORACLE_TOOLS)
	@bash tests/gen/oracle.sh --save tests/regressions --max-per-signature $(MAXSAVE) \
	    $$(( $$(od -An -N4 -tu4 /dev/urandom) + 1000 )) $(N)

.PHONY: fuzz-diff

# the adversarial corpus (tests/corpus/README.md): realistic programs aimed
# at the engine's edges, run with the library and linted plain and with
# --strict, one TAP line each and a table per class (issue 12; not in
# `make check` until the engine passes it)
corpus: $(B)/fixturetest $(B)/scopecheck-san $(B)/libvarscope-san.a
	@bash tests/corpus/run.sh

.PHONY: corpus

# libFuzzer (clang): builds build/fuzz/fuzz_<name> and runs each for
# FUZZ_SECONDS, from tests/fuzz/corpus/<name>/ with tests/fuzz/<name>.dict
# (new inputs are kept in build/fuzz/corpus/<name>/, crashes in
# build/fuzz/crashes/<name>/: copy a fixed one to tests/fuzz/regressions/)
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_CFLAGS = $(CSTD) $(WARN) -g -O1 -fno-omit-frame-pointer -Iinclude \
              -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
FUZZ_OBJ = $(SC_SRC:%.c=$(B)/fuzz/obj/%.o) $(B)/fuzz/obj/rules_data.o

$(B)/fuzz/obj/rules_data.o: $(B)/gen/rules_data.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(SC_FLAGS) -Isrc/scopecheck -c $< -o $@

$(B)/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(SC_FLAGS) -MMD -MP -c $< -o $@

$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(SC_FLAGS) -Isrc/scopecheck $^ $(SC_LIBS) -o $@

fuzz: $(FUZZ_NAMES:%=$(B)/fuzz/fuzz_%)
	@set -e; for n in $(FUZZ_NAMES); do \
	    mkdir -p $(B)/fuzz/corpus/$$n $(B)/fuzz/crashes/$$n; \
	    echo "fuzz_$$n: $(FUZZ_SECONDS) s"; \
	    $(B)/fuzz/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	        -rss_limit_mb=4096 -print_final_stats=1 \
	        -artifact_prefix=$(B)/fuzz/crashes/$$n/ -dict=tests/fuzz/$$n.dict \
	        $(B)/fuzz/corpus/$$n tests/fuzz/corpus/$$n; \
	done

.PHONY: fuzz

# ---- install ---------------------------------------------------------------
# DESTDIR stages the install (packaging); PREFIX is where it will live.  The
# installed scopecheck finds $(INCLUDEDIR)/varscope.h from its own location
# (BINDIR/../include), so the whole tree can be moved.  varscope.pc locates
# itself the same way (${pcfiledir}).
# with the default layout, varscope.pc finds the prefix from its own place
# (LIBDIR/pkgconfig); with another LIBDIR or INCLUDEDIR, they are written out
DEFAULT_LAYOUT = $(and $(filter $(PREFIX)/lib,$(LIBDIR)),$(filter $(PREFIX)/include,$(INCLUDEDIR)))
PC_PREFIX = $(if $(DEFAULT_LAYOUT),$${pcfiledir}/../..,$(PREFIX))
PC_INCLUDEDIR = $(if $(DEFAULT_LAYOUT),$${prefix}/include,$(INCLUDEDIR))
PC_LIBDIR = $(if $(DEFAULT_LAYOUT),$${prefix}/lib,$(LIBDIR))
INSTALLED = $(INCLUDEDIR)/varscope.h $(LIBDIR)/libvarscope.a \
            $(LIBDIR)/libvarscope.so.$(VERSION) $(LIBDIR)/$(SONAME) \
            $(LIBDIR)/libvarscope.so $(LIBDIR)/pkgconfig/varscope.pc \
            $(BINDIR)/scopecheck $(MANDIR)/man1/scopecheck.1

install: all
	install -d $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
	    $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 644 include/varscope.h $(DESTDIR)$(INCLUDEDIR)/
	install -m 644 libvarscope.a $(DESTDIR)$(LIBDIR)/
	install -m 755 libvarscope.so.$(VERSION) $(DESTDIR)$(LIBDIR)/
	ln -sf libvarscope.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libvarscope.so
	install -m 755 scopecheck $(DESTDIR)$(BINDIR)/
	install -m 644 man/scopecheck.1 $(DESTDIR)$(MANDIR)/man1/
	sed -e 's|@PC_PREFIX@|$(PC_PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' \
	    -e 's|@PC_INCLUDEDIR@|$(PC_INCLUDEDIR)|g' -e 's|@PC_LIBDIR@|$(PC_LIBDIR)|g' \
	    varscope.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/varscope.pc

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))

clean:
	rm -rf $(B) libvarscope.a libvarscope.so libvarscope.so.* scopecheck

.PHONY: all check tests deps demo bench install uninstall clean

-include $(shell find $(B) -name '*.d' 2>/dev/null)
