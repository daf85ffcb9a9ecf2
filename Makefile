# errdocs: the two commands a newcomer needs are `make site` and `make test`.
# Both install what is missing (Debian packages with apt-get, Python tools with pip).

SWIFT ?= swift
BUILD_FLAGS ?=
# The binary to install and to benchmark (make release, make bench).
RELEASE_FLAGS = -c release --static-swift-stdlib
ERRDOCS = .build/debug/errdocs
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTHON ?= python3
VENV = .build/venv
CHECK_JSONSCHEMA = $(VENV)/bin/check-jsonschema

.PHONY: all site docs test lint bench deps test-deps build release release-deps clean site-test site-test-deps test-sdks

all: site

## Build the tool and render the default catalog (Content/) into Site/.
site: build
	$(ERRDOCS) build Content --output Site

## Run every test: Swift unit, golden and end-to-end tests; the registry, authoring schemas and
## lint output against their JSON Schemas; theme contrast; the generated SDKs with their real
## compilers; the built site with the Nu HTML Checker, a link checker and headless Chromium
## (the default and the hostile catalog); and a 60-second fuzzing run (make fuzz-smoke).
test: build test-deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build $(BUILD_FLAGS)
	scripts/check-registry.sh $(ERRDOCS) $(CHECK_JSONSCHEMA)
	scripts/check-authoring-schemas.sh $(CHECK_JSONSCHEMA)
	$(CHECK_JSONSCHEMA) --builtin-schema vendor.github-workflows docs/examples/errdocs-lint.yml
	scripts/check-lint-formats.sh $(ERRDOCS) $(VENV)
	scripts/check-openapi.sh $(ERRDOCS) $(VENV)
	python3 scripts/check-contrast.py Templates/assets/style.css
	scripts/check-sdks.sh $(ERRDOCS)
	$(MAKE) site-test
	$(MAKE) fuzz-smoke

## Regenerate docs/rules.md and docs/schemas/ from the code.
docs: build
	$(ERRDOCS) rules --markdown > docs/rules.md
	$(ERRDOCS) schema catalog > docs/schemas/catalog.schema.json
	$(ERRDOCS) schema error > docs/schemas/error.schema.json

## Benchmarks on synthetic catalogs (release build); figures go to bench/results.md.
bench: deps release-deps
	RELEASE_FLAGS="$(RELEASE_FLAGS)" scripts/bench.sh

## The binary to install: .build/release/errdocs, optimized, with Swift's runtime and Foundation
## linked in. It loads no Swift library when it starts (`errdocs --version`: 10-20 ms against
## 20-50 ms), which a one-edit rebuild of 10,000 errors feels (median 0.735 s against 0.82 s over
## twelve alternating runs), and it runs where Swift is not installed: it needs only Debian's
## libcmark, libcurl and libstdc++ (ldd).
release: deps release-deps
	$(SWIFT) build $(RELEASE_FLAGS) --product errdocs

## Foundation linked in statically needs libcurl's development files (Debian's libcurl4-openssl-dev).
release-deps:
	@if ! pkg-config --exists libcurl 2>/dev/null; then \
	  echo "Installing libcurl4-openssl-dev (Debian package)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcurl4-openssl-dev; \
	fi

## Lint the default catalog.
lint: build
	$(ERRDOCS) lint Content

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

## libcmark-dev and pkg-config, from Debian, when missing.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
	  echo "Installing libcmark-dev and pkg-config (Debian packages)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev pkg-config; \
	fi

## Python test tools (scripts/test-requirements.txt) in a virtual environment under .build/;
## reinstalled when the requirements change.
test-deps: $(VENV)/.installed

$(VENV)/.installed: scripts/test-requirements.txt
	@echo "Installing Python test tools (PyPI) into $(VENV)"
	@rm -rf $(VENV)
	@if ! $(PYTHON) -m venv $(VENV) 2>/dev/null; then \
	  echo "Installing python3 and python3-venv (Debian packages)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3 python3-venv && \
	  rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); \
	fi
	$(VENV)/bin/pip install -q -r scripts/test-requirements.txt
	@touch $@

## Test the built site in Site/ (SITE=...): Nu HTML Checker, internal links (LinkChecker, never the
## network), then headless Chromium: JS errors, search, filters, tabs, copy buttons, keyboard, page
## weight, and screenshots in $(SCREENSHOTS).
SITE ?= Site
SCREENSHOTS ?= .build/screenshots
site-test: test-deps site-test-deps
	scripts/site-tests/check-html.sh $(SITE) $(VENV)
	scripts/site-tests/check-links.sh $(SITE) $(VENV)
	$(VENV)/bin/python scripts/site-tests/browser_test.py $(SITE) $(SCREENSHOTS)
	rm -rf .build/hostile-site && $(ERRDOCS) build Tests/Fixtures/hostile --output .build/hostile-site
	$(VENV)/bin/python scripts/site-tests/hostile_test.py .build/hostile-site

## Generate the SDK error modules for Content/ and check them with swiftc, python3, tsc and go.
test-sdks: build
	scripts/check-sdks.sh $(ERRDOCS)

## Chromium, its WebDriver and a Java runtime (for the HTML checker), from Debian, when missing.
site-test-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v java >/dev/null; then \
	  echo "Installing chromium, chromium-driver and default-jre-headless (Debian packages)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium chromium-driver default-jre-headless; \
	fi

clean:
	rm -rf .build

## Fuzz one error file through load, lint and render with libFuzzer and AddressSanitizer
## (docs/fuzzing.md): a long run, FUZZ_SECONDS (default 1800); crashes go to .build/fuzz-artifacts/.
FUZZ_SECONDS ?= 1800
.PHONY: fuzz fuzz-smoke
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

## A 60-second fuzzing run that fails on any crash, timeout or OOM.
fuzz-smoke: deps
	scripts/fuzz.sh 60
