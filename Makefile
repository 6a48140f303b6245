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
SCORER_CORPORA = ../shared/corpus/logchunks ../shared/corpus/gha-logs ../shared/corpus/gha-bugswarm
# The tests' Python tools (pytest, prometheus_client, check-jsonschema, actionlint, zizmor) live in the
# project's own venv, made by scripts/test-deps from requirements-test.txt. The worker mounts
# $VIRTUAL_ENV (and the interpreter it was made from) read-only in the test sandbox.
export VIRTUAL_ENV := $(CURDIR)/.venv
export PATH := $(CURDIR)/.venv/bin:$(PATH)

.PHONY: help build release test scorer test-fast lint format run demo bench eval figures install migrations clean

help: ## This list.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 22

build: ## Debug build.
	$(SWIFT) build

release: ## Release build of autofix, autofix-net and autofix-bench.
	$(SWIFT) build $(RELEASE) --product autofix
	$(SWIFT) build $(RELEASE) --product autofix-net
	$(SWIFT) build $(RELEASE) --product autofix-bench

# Installs what the tests need beside Swift (bubblewrap, the Python venv, ...), starts a throwaway
# PostgreSQL server for the second store's tests (scripts/with-test-postgres), checks that modules import only
# those below them and the workflow templates with actionlint and zizmor, then runs every test.
test: ## Every test, after installing what they need and the import and workflow checks.
	scripts/test-deps
	scripts/check-imports
	scripts/lint-workflows
	$(SWIFT) build --build-tests
	evals/scripts/ci-log --check
	scripts/check-scorer $(BIN)
	scripts/with-test-postgres $(SWIFT) test --skip-build --skip 'AutofixProcessTests|EvalTests'
	@# The process tests kill and restart real workers on timed holds: run them alone, not starved by the
	@# sandboxed end-to-end suites running beside them on a small machine. The evals build and test real
	@# projects in the sandbox, one case at a time.
	scripts/with-test-postgres $(SWIFT) test --skip-build --filter AutofixProcessTests
	$(SWIFT) test --skip-build --filter EvalTests

# Every test target but the end-to-end pipeline and the process tests: quick feedback after a build.
test-fast: ## Every test but the end-to-end and process suites, quick after a build.
	$(SWIFT) build --build-tests
	scripts/with-test-postgres $(SWIFT) test --skip-build --skip 'PipelineTests\.|AutofixProcessTests\.|EvalTests\.'

# swift-format from the toolchain with the project's .swift-format (4 spaces, 160 columns; test names
# keep their underscores). `make format` rewrites the files in place.
lint: ## swift-format lint of Sources and Tests (fails on any finding).
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift

format: ## Rewrite Sources and Tests with swift-format.
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Package.swift

# The quick start: record a failed run and a no-op job, drain the queue, show what happened.
run: build ## The bare queue with noop jobs on ./var/autofix.sqlite.
	$(BIN) enqueue --repo octo/hello --run-id 1001 --branch main --run-url https://github.com/octo/hello/actions/runs/1001
	$(BIN) enqueue --kind noop
	$(BIN) worker --exit-when-idle
	$(BIN) jobs
	$(BIN) stats

# The product end to end: a repository with a failing test, GitHub and the model emulated on
# 127.0.0.1, the worker over ./var/demo/autofix.sqlite; prints the draft PR and the tests on its branch.
demo: build ## A failing repository turned into a draft PR, against local emulators.
	scripts/test-deps
	$(BIN) demo

# Extraction accuracy on the shared corpora (the metric in ../shared/corpus/README.md).
eval: release ## Extraction accuracy on ../shared/corpus, then the oracle fix-quality eval on evals/.
	.build/release/autofix eval-extract ../shared/corpus/logchunks
	.build/release/autofix eval-extract ../shared/corpus/logchunks --folds 5
	.build/release/autofix eval-extract ../shared/corpus/gha-logs
	.build/release/autofix eval-extract ../shared/corpus/gha-logs --folds 5
	.build/release/autofix eval-extract ../shared/corpus/gha-bugswarm
	.build/release/autofix eval-extract ../shared/corpus/gha-bugswarm --folds 5
	@echo "The same folds ranked by the rules alone (without the learned ordering):"
	for c in logchunks gha-logs gha-bugswarm; do .build/release/autofix eval-extract ../shared/corpus/$$c --folds 5 --scorer rules | tail -2 | head -1; done
	$(SWIFT) build $(RELEASE) --product autofix-demo
	.build/release/autofix eval --model oracle

# The learned block ordering: retrain on the shared corpora and write the committed weights (`make test` checks them).
scorer: release ## Retrain the extractor's block scorer on ../shared/corpus into Sources/LogAnalysis.
	.build/release/autofix train-scorer $(SCORER_CORPORA) --out Sources/LogAnalysis/BlockScorer+Trained.swift

bench: release ## Every performance figure beside its baseline.
	scripts/with-test-postgres .build/release/autofix-bench --autofix $(RELBIN) $(BENCH_FLAGS)

# The figures in docs/figures.md: every benchmark and the extraction accuracy, saved as JSON and rendered.
figures: release ## Run bench and eval with --json into var/figures and render docs/figures.md.
	mkdir -p var/figures
	for c in logchunks gha-logs gha-bugswarm; do \
	  .build/release/autofix eval-extract ../shared/corpus/$$c --json > var/figures/eval-$$c.json; \
	  .build/release/autofix eval-extract ../shared/corpus/$$c --folds 5 --json > var/figures/eval-$$c-folds.json; \
	  .build/release/autofix eval-extract ../shared/corpus/$$c --folds 5 --scorer rules --json > var/figures/eval-$$c-folds-rules.json; \
	done
	.build/release/autofix eval-extract ../shared/corpus/gha-logs --with-passing --json > var/figures/eval-gha-logs-passing.json
	scripts/with-test-postgres .build/release/autofix-bench --autofix $(RELBIN) --json $(BENCH_FLAGS) > var/figures/bench.json
	$(SWIFT) build $(RELEASE) --product autofix-demo
	.build/release/autofix eval --model oracle --json > var/figures/fixes-oracle.json
	scripts/render-figures

install: release ## Binaries, the systemd units and /etc/autofix.
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)/etc/systemd/system $(DESTDIR)/etc/autofix
	install -m 0755 $(RELBIN) $(DESTDIR)$(PREFIX)/bin/autofix
	install -m 0755 .build/release/autofix-net $(DESTDIR)$(PREFIX)/bin/autofix-net
	install -m 0644 deploy/systemd/autofix-worker.service deploy/systemd/autofix-serve.service $(DESTDIR)/etc/systemd/system/
	install -d -m 0700 $(DESTDIR)/etc/autofix/credentials
	test -e $(DESTDIR)/etc/autofix/config.yml || install -m 0640 deploy/config/config.example.yml $(DESTDIR)/etc/autofix/config.yml

# Regenerate the migrations compiled into the binary after adding a file to migrations/sqlite.
migrations: ## Regenerate the embedded migrations and prompts.
	scripts/embed-prompts
	scripts/embed-migrations

clean: ## Remove .build and var.
	rm -rf .build var
