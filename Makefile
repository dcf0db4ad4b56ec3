# dna-api: `make run` serves with demo data, `make test` runs every test.
# Both install what they need from Debian's and npm's registries first.

# One job per CPU unless the command line says otherwise (make -j1); sub-makes
# (make asan) share the top level's job slots; `make clean all` stays in order.
ifeq ($(MAKELEVEL)$(filter clean,$(MAKECMDGOALS)),0)
MAKEFLAGS += -j$(shell nproc)
endif

CC      ?= cc
# libcrypto (ChaCha20-Poly1305 and HKDF for cursors) and liborcania (base64url)
# are no new runtime dependencies: libjwt and Ulfius already link them.
PKGS    := libulfius jansson libpq libjwt libargon2 libcrypto liborcania
CSTD    := -std=c17 -D_GNU_SOURCE
WARN    := -Wall -Wextra -Werror -Wshadow
OPT     ?= -O2 -g
SAN     :=
CFLAGS_LIB = $(CSTD) $(WARN) $(OPT) $(SAN) $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -I/usr/include/postgresql
# Layers point down only: src/ is compiled without -Iapi, so an include of an
# api/ header from src/ is a build error (and `layers` refuses Ulfius there).
CFLAGS_SRC = $(CFLAGS_LIB) -Isrc
CFLAGS_ALL = $(CFLAGS_LIB) -Isrc -Iapi
LDLIBS_ALL = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lmicrohttpd -lpthread -lm

BUILD   ?= build
SRC     := $(wildcard src/*.c) $(wildcard api/*.c)
LIBSRC  := $(filter-out api/main.c,$(SRC))
LIBOBJ  := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIBSRC)) $(BUILD)/obj/gen/embedded.o $(BUILD)/obj/gen/version.o
MAINOBJ := $(BUILD)/obj/api/main.o
UNITSRC := $(wildcard tests/unit/test_*.c)
UNITBIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNITSRC))

DEB_BUILD := gcc make pkg-config clang-format libulfius-dev libcurl4-gnutls-dev libjansson-dev libpq-dev \
             libjwt-dev libargon2-dev libmicrohttpd-dev libssl-dev liborcania-dev postgresql-15 postgresql-client-15 curl \
             python3-icalendar docker-compose systemd chromium
STAMP_DEB := var/.deb-installed

.PHONY: all deps run stop test unit api-test asan bench soak export-check fuzz format format-check clean layers FORCE
all: $(BUILD)/dna-api $(BUILD)/docs/index.html $(BUILD)/intranet/index.html

# --- system packages, installed only when something is missing -------------
# Checked again when the Makefile changes, so a machine that installed an
# older DEB_BUILD gets what was added since (the stamp is order-only for
# everything else, so nothing is rebuilt for it).
deps: $(STAMP_DEB)
$(STAMP_DEB): Makefile
	@./scripts/install-deps.sh $(DEB_BUILD)
	@command -v npm >/dev/null 2>&1 || ./scripts/install-deps.sh nodejs npm
	@mkdir -p var && touch $@

# --- build ------------------------------------------------------------------
$(BUILD)/obj/src/%.o: src/%.c $(wildcard src/*.h) | $(STAMP_DEB) layers
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_SRC) -c $< -o $@

$(BUILD)/obj/api/%.o: api/%.c $(wildcard src/*.h api/*.h) | $(STAMP_DEB)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -c $< -o $@

# Below HTTP means below HTTP: no Ulfius or microhttpd type in src/.
layers:
	@if grep -lE '#include *[<"](ulfius|microhttpd)\.h[>"]' src/*.c src/*.h; then \
	  echo "layers: the files above include an HTTP library in src/; that belongs in api/"; exit 1; fi

# Migrations and the OpenAPI contract are compiled into the binary.
$(BUILD)/gen/embedded.c: $(wildcard db/migrations/*.sql) openapi.yaml scripts/embed.sh
	@mkdir -p $(dir $@)
	@./scripts/embed.sh $@

$(BUILD)/obj/gen/embedded.o: $(BUILD)/gen/embedded.c src/embedded.h | $(STAMP_DEB)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_SRC) -c $< -o $@

# The version (openapi.yaml's info.version) and the git commit, baked in:
# `dna-api --version`. Checked on every build; the file changes (and the
# binary relinks) only when they do. DNA_COMMIT=... names the commit where
# there is no .git (the Docker build).
$(BUILD)/gen/version.c: FORCE
	@mkdir -p $(dir $@)
	@DNA_COMMIT="$(DNA_COMMIT)" ./scripts/version.sh $@
FORCE:

$(BUILD)/obj/gen/version.o: $(BUILD)/gen/version.c src/version.h | $(STAMP_DEB)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_SRC) -c $< -o $@

$(BUILD)/dna-api: $(LIBOBJ) $(MAINOBJ)
	@echo "  LINK    $@"
	@$(CC) $(OPT) $(SAN) -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/tests/%: tests/unit/%.c $(LIBOBJ) tests/unit/harness.h
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	@$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(LIBOBJ) $(LDLIBS_ALL)

# --- the API reference at /docs ----------------------------------------------
# Swagger UI from the npm registry (docs/ui/package.json, versions locked;
# no install scripts: its dependency's only script is install telemetry),
# copied with our page and its script into $(BUILD)/docs, where the binary
# finds them (DNA_DOCS_DIR's default: docs/ beside the binary). Not committed.
DOCS_UI_STAMP := docs/ui/node_modules/.installed
DOCS_VENDOR   := swagger-ui-bundle.js swagger-ui.css favicon-32x32.png LICENSE NOTICE \
                 swagger-ui-bundle.js.LICENSE.txt
$(DOCS_UI_STAMP): docs/ui/package.json docs/ui/package-lock.json | $(STAMP_DEB)
	cd docs/ui && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

$(BUILD)/docs/index.html: docs/ui/index.html docs/ui/dna-docs.js $(DOCS_UI_STAMP)
	@mkdir -p $(dir $@)
	@echo "  DOCS    $(dir $@)"
	@cp $(addprefix docs/ui/node_modules/swagger-ui-dist/,$(DOCS_VENDOR)) docs/ui/dna-docs.js $(dir $@)
	@cp docs/ui/index.html $@

# --- the intranet example (examples/intranet) --------------------------------
# A page served from another origin that calls the API over CORS. Its
# JavaScript runs as written; Chart.js comes from the npm registry (versions
# locked in examples/intranet/package-lock.json, with openapi-typescript and
# typescript, which `make test` uses to generate the API's types and check the
# page against them) and is copied here with the page. Not committed.
INTRANET_STAMP := examples/intranet/node_modules/.installed
INTRANET_FILES := index.html style.css app.js api.js charts.js
$(INTRANET_STAMP): examples/intranet/package.json examples/intranet/package-lock.json | $(STAMP_DEB)
	cd examples/intranet && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

$(BUILD)/intranet/index.html: $(addprefix examples/intranet/,$(INTRANET_FILES)) $(INTRANET_STAMP)
	@mkdir -p $(dir $@)vendor
	@echo "  PAGE    $(dir $@)"
	@cp examples/intranet/node_modules/chart.js/dist/chart.umd.js $(dir $@)vendor/
	@cp examples/intranet/node_modules/chart.js/LICENSE.md $(dir $@)vendor/chart.js-LICENSE.md
	@cp $(addprefix examples/intranet/,$(filter-out index.html,$(INTRANET_FILES))) $(dir $@)
	@cp examples/intranet/index.html $@

# --- run --------------------------------------------------------------------
run: $(BUILD)/dna-api $(BUILD)/docs/index.html $(BUILD)/intranet/index.html
	@./scripts/run.sh

stop:
	@./scripts/pg.sh stop var/pg

# --- tests ------------------------------------------------------------------
# Redocly CLI lints openapi.yaml (redocly.yaml: the recommended rules, strict);
# pinned in tests/openapi's lock file, no install scripts (it has none to run).
LINT_STAMP := tests/openapi/node_modules/.installed
$(LINT_STAMP): tests/openapi/package.json tests/openapi/package-lock.json | $(STAMP_DEB)
	cd tests/openapi && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# playwright-core drives Debian's chromium (DEB_BUILD) in tests/browser; it
# downloads no browser of its own.
BROWSER_STAMP := tests/browser/node_modules/.installed
$(BROWSER_STAMP): tests/browser/package.json tests/browser/package-lock.json | $(STAMP_DEB)
	cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

NODE_STAMP := tests/api/node_modules/.installed
$(NODE_STAMP): tests/api/package.json | $(STAMP_DEB)
	cd tests/api && npm install --no-audit --no-fund --loglevel=error
	@touch $@

test: $(BUILD)/dna-api $(BUILD)/docs/index.html $(BUILD)/intranet/index.html $(UNITBIN) $(NODE_STAMP) \
      $(LINT_STAMP) $(BROWSER_STAMP)
	@./scripts/test.sh $(BUILD)

asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined" test

$(BUILD)/bench/sql_of: bench/sql_of.c $(LIBOBJ)
	@mkdir -p $(dir $@)
	@$(CC) $(CFLAGS_ALL) -o $@ $< $(LIBOBJ) $(LDLIBS_ALL)

# SOAK_SECONDS (60) of mixed load: no 5xx, no socket error, flat memory.
soak: $(BUILD)/dna-api
	@./scripts/soak.sh $(BUILD)

# Exports of EXPORT_CHECK_REPORTS (200,000) reports: time, rows/s next to
# the SQL alone, the server's RSS before and during (a minute; not in test).
export-check: $(BUILD)/dna-api $(BUILD)/bench/sql_of
	@./scripts/export-check.sh $(BUILD)

bench: $(BUILD)/dna-api $(BUILD)/bench/sql_of
	@./bench/run.sh $(BUILD)

# libFuzzer targets (clang): the token parser, request bodies, cursors (also
# sealed ones, to reach the parser behind the seal) and listing queries. The
# committed seeds are read; what the fuzzer finds goes to build/fuzz/corpus-*.
FUZZ_SECONDS ?= 60
FUZZ_DIR    := build/fuzz
FUZZ_CFLAGS  = -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer-no-link,address,undefined -Isrc \
               $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -I/usr/include/postgresql
FUZZ_LIBS    = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
FUZZ_OBJ    := $(patsubst src/%.c,$(FUZZ_DIR)/obj/%.o,$(wildcard src/*.c)) $(FUZZ_DIR)/obj/embedded.o \
               $(FUZZ_DIR)/obj/version.o
FUZZ_STAMP  := var/.fuzz-deps-installed
FUZZ_TARGETS := token body cursor
.SECONDARY: $(FUZZ_OBJ)

$(FUZZ_STAMP): | $(STAMP_DEB)
	@./scripts/install-deps.sh clang libclang-rt-14-dev
	@mkdir -p var && touch $@

$(FUZZ_DIR)/obj/%.o: src/%.c $(wildcard src/*.h) | $(FUZZ_STAMP)
	@mkdir -p $(dir $@)
	@clang $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_DIR)/obj/embedded.o: $(BUILD)/gen/embedded.c | $(FUZZ_STAMP)
	@mkdir -p $(dir $@)
	@clang $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_DIR)/obj/version.o: $(BUILD)/gen/version.c | $(FUZZ_STAMP)
	@mkdir -p $(dir $@)
	@clang $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_DIR)/%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	@echo "  FUZZ    $@"
	@clang $(subst fuzzer-no-link,fuzzer,$(FUZZ_CFLAGS)) -o $@ $< $(FUZZ_OBJ) $(FUZZ_LIBS)

fuzz: $(addprefix $(FUZZ_DIR)/,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_DIR)/corpus-$$t; \
	  echo "== fuzz $$t ($(FUZZ_SECONDS) s)"; \
	  if ! $(FUZZ_DIR)/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=10000 -print_final_stats=1 \
	       -artifact_prefix=$(FUZZ_DIR)/ $(FUZZ_DIR)/corpus-$$t tests/fuzz/seeds/$$t > $(FUZZ_DIR)/$$t.log 2>&1; then \
	    tail -40 $(FUZZ_DIR)/$$t.log; echo "fuzz $$t: FAILED (the input is in $(FUZZ_DIR)/crash-*)"; exit 1; fi; \
	  grep -E "^#[0-9]+.*(DONE|pulse)" $(FUZZ_DIR)/$$t.log | tail -1; \
	  grep -E "stat::number_of_executed_units" $(FUZZ_DIR)/$$t.log; \
	done

FORMAT_FILES = src/*.c src/*.h api/*.c api/*.h tests/unit/*.c tests/unit/*.h tests/fuzz/*.c bench/*.c
format:
	clang-format -i $(FORMAT_FILES)

format-check:
	clang-format --dry-run --Werror $(FORMAT_FILES)

clean:
	rm -rf build build-asan
