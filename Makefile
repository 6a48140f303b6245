# ci-autofix. `make demo` runs the pipeline end to end on the embedded SQLite default; `make test` runs every test.
SWIFT   ?= swift
PREFIX  ?= /usr/local
DESTDIR ?=
BIN      = .build/debug/autofix
# Static stdlib halves process start time; a non-PIE link drops ~90k relative relocations, each a
# dirtied page at every start; without $ORIGIN in the rpath the loader goes straight to the system
# libsqlite3. All of it matters because `autofix enqueue` is one process per CI failure.
RELEASE  = -c release --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie --disable-local-rpath
RELBIN   = .build/release/autofix

.PHONY: build release test run demo bench eval install migrations clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build $(RELEASE) --product autofix
	$(SWIFT) build $(RELEASE) --product autofix-net
	$(SWIFT) build $(RELEASE) --product autofix-bench

# Installs what the tests need beside Swift (bubblewrap, pytest, ...), checks that modules import only
# those below them and the workflow templates with actionlint and zizmor, then runs every test.
test:
	scripts/test-deps
	scripts/check-imports
	scripts/lint-workflows
	$(SWIFT) build --build-tests
	$(SWIFT) test

# The quick start: record a failed run and a no-op job, drain the queue, show what happened.
run: build
	$(BIN) enqueue --repo octo/hello --run-id 1001 --branch main --run-url https://github.com/octo/hello/actions/runs/1001
	$(BIN) enqueue --kind noop
	$(BIN) worker --exit-when-idle
	$(BIN) jobs
	$(BIN) stats

# The product end to end: a repository with a failing test, GitHub and the model emulated on
# 127.0.0.1, the worker over ./var/demo/autofix.sqlite; prints the draft PR and the tests on its branch.
demo: build
	scripts/test-deps
	$(BIN) demo

# Extraction accuracy on the shared corpora (the metric in ../shared/corpus/README.md).
eval: release
	.build/release/autofix eval-extract ../shared/corpus/logchunks
	.build/release/autofix eval-extract ../shared/corpus/gha-logs

bench: release
	.build/release/autofix-bench --autofix $(RELBIN) $(BENCH_FLAGS)

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)/etc/systemd/system $(DESTDIR)/etc/autofix
	install -m 0755 $(RELBIN) $(DESTDIR)$(PREFIX)/bin/autofix
	install -m 0755 .build/release/autofix-net $(DESTDIR)$(PREFIX)/bin/autofix-net
	install -m 0644 deploy/systemd/autofix-worker.service deploy/systemd/autofix-serve.service $(DESTDIR)/etc/systemd/system/
	install -d -m 0700 $(DESTDIR)/etc/autofix/credentials
	test -e $(DESTDIR)/etc/autofix/config.yml || install -m 0640 deploy/config/config.example.yml $(DESTDIR)/etc/autofix/config.yml

# Regenerate the migrations compiled into the binary after adding a file to migrations/sqlite.
migrations:
	scripts/embed-prompts
	scripts/embed-migrations

clean:
	rm -rf .build var
