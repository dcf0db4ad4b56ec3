# dna-api: `make run` serves with demo data, `make test` runs every test.
# Both install what they need from Debian's and npm's registries first.

# One job per CPU unless the command line says otherwise (make -j1); sub-makes
# (make asan) share the top level's job slots; `make clean all` stays in order.
ifeq ($(MAKELEVEL)$(filter clean,$(MAKECMDGOALS)),0)
MAKEFLAGS += -j$(shell nproc)
endif

CC      ?= cc
PKGS    := libulfius jansson libpq libjwt libargon2
CSTD    := -std=c17 -D_GNU_SOURCE
WARN    := -Wall -Wextra -Werror -Wshadow
OPT     ?= -O2 -g
SAN     :=
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) $(SAN) -Isrc -Iapi $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -I/usr/include/postgresql
LDLIBS_ALL = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lmicrohttpd -lpthread -lm

BUILD   ?= build
SRC     := $(wildcard src/*.c) $(wildcard api/*.c)
LIBSRC  := $(filter-out src/main.c,$(SRC))
LIBOBJ  := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIBSRC)) $(BUILD)/obj/gen/embedded.o
MAINOBJ := $(BUILD)/obj/src/main.o
UNITSRC := $(wildcard tests/unit/test_*.c)
UNITBIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNITSRC))

DEB_BUILD := gcc make pkg-config clang-format libulfius-dev libcurl4-gnutls-dev libjansson-dev libpq-dev \
             libjwt-dev libargon2-dev libmicrohttpd-dev postgresql-15 postgresql-client-15 curl
STAMP_DEB := var/.deb-installed

.PHONY: all deps run stop test unit api-test asan bench fuzz format format-check clean
all: $(BUILD)/dna-api

# --- system packages, installed only when something is missing -------------
deps: $(STAMP_DEB)
$(STAMP_DEB):
	@./scripts/install-deps.sh $(DEB_BUILD)
	@command -v npm >/dev/null 2>&1 || ./scripts/install-deps.sh nodejs npm
	@mkdir -p var && touch $@

# --- build ------------------------------------------------------------------
$(BUILD)/obj/%.o: %.c $(wildcard src/*.h api/*.h) | $(STAMP_DEB)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -c $< -o $@

# Migrations and the OpenAPI contract are compiled into the binary.
$(BUILD)/gen/embedded.c: $(wildcard db/migrations/*.sql) openapi.yaml scripts/embed.sh
	@mkdir -p $(dir $@)
	@./scripts/embed.sh $@

$(BUILD)/obj/gen/embedded.o: $(BUILD)/gen/embedded.c src/embedded.h | $(STAMP_DEB)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/dna-api: $(LIBOBJ) $(MAINOBJ)
	@echo "  LINK    $@"
	@$(CC) $(OPT) $(SAN) -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/tests/%: tests/unit/%.c $(LIBOBJ) tests/unit/harness.h
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	@$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(LIBOBJ) $(LDLIBS_ALL)

# --- run --------------------------------------------------------------------
run: $(BUILD)/dna-api
	@./scripts/run.sh

stop:
	@./scripts/pg.sh stop var/pg

# --- tests ------------------------------------------------------------------
NODE_STAMP := tests/api/node_modules/.installed
$(NODE_STAMP): tests/api/package.json | $(STAMP_DEB)
	cd tests/api && npm install --no-audit --no-fund --loglevel=error
	@touch $@

test: $(BUILD)/dna-api $(UNITBIN) $(NODE_STAMP)
	@./scripts/test.sh $(BUILD)

asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined" test

$(BUILD)/bench/sql_of: bench/sql_of.c $(LIBOBJ)
	@mkdir -p $(dir $@)
	@$(CC) $(CFLAGS_ALL) -o $@ $< $(LIBOBJ) $(LDLIBS_ALL)

bench: $(BUILD)/dna-api $(BUILD)/bench/sql_of
	@./bench/run.sh $(BUILD)

# libFuzzer targets (clang): the token parser, request bodies, cursors and queries.
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS = -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
              $(shell pkg-config --cflags $(PKGS)) -I/usr/include/postgresql
FUZZ_LIBS   = $(shell pkg-config --libs $(PKGS))
fuzz:
	@./scripts/install-deps.sh clang libclang-rt-14-dev
	@mkdir -p build/fuzz/corpus-token build/fuzz/corpus-body build/fuzz/corpus-cursor
	clang $(FUZZ_CFLAGS) -o build/fuzz/token tests/fuzz/fuzz_token.c src/auth.c src/principal.c $(FUZZ_LIBS)
	clang $(FUZZ_CFLAGS) -o build/fuzz/body tests/fuzz/fuzz_body.c src/json_in.c src/params.c src/result.c src/members.c src/audit.c src/db.c src/auth.c src/principal.c $(FUZZ_LIBS)
	clang $(FUZZ_CFLAGS) -o build/fuzz/cursor tests/fuzz/fuzz_cursor.c src/cursor.c src/params.c src/result.c $(FUZZ_LIBS)
	build/fuzz/token -max_total_time=$(FUZZ_SECONDS) -max_len=10000 build/fuzz/corpus-token
	build/fuzz/body -max_total_time=$(FUZZ_SECONDS) -max_len=4096 build/fuzz/corpus-body
	build/fuzz/cursor -max_total_time=$(FUZZ_SECONDS) -max_len=2048 build/fuzz/corpus-cursor

FORMAT_FILES = src/*.c src/*.h api/*.c api/*.h tests/unit/*.c tests/unit/*.h tests/fuzz/*.c bench/*.c
format:
	clang-format -i $(FORMAT_FILES)

format-check:
	clang-format --dry-run --Werror $(FORMAT_FILES)

clean:
	rm -rf build build-asan
