# The two commands of the README: `make run` and `make test`.
# uv is bootstrapped from PyPI when missing (python3 -m pip install --user uv).

UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := python3 -m uv
endif
export UV

DEMOI_HOST ?= 127.0.0.1
DEMOI_PORT ?= 8000
DEMO_STORE ?= var/demo-store
# The generated sources the demo lifts, kept so that anyone can lift them by hand.
DEMO_SOURCES ?= var/demo-sources
DEMO_MUNICIPALITIES ?= 4401,7101,0701,4501
# The demo graph's minted IRIs use the server's address, so both steps see the same host/port.
run demo: export DEMOI_HOST := $(DEMOI_HOST)
run demo: export DEMOI_PORT := $(DEMOI_PORT)

.PHONY: run test install uv demo lint typecheck pytest wheel-test-cache clean

uv:
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet --user uv \
		|| python3 -m pip install --quiet --user --break-system-packages uv
	@$(UV) --version

install: uv
	$(UV) sync --frozen

## run: install, build the demo graph, serve it on http://$(DEMOI_HOST):$(DEMOI_PORT)/
run: demo
	$(UV) run --frozen demoi serve --store $(DEMO_STORE)

demo: install
	rm -rf $(DEMO_STORE).new $(DEMO_SOURCES)
	$(UV) run --frozen demoi demo --store $(DEMO_STORE).new \
		--municipalities $(DEMO_MUNICIPALITIES) --sources $(DEMO_SOURCES)
	# The conformance matrix of /conformance; exit 1 (some graph has violations) is a result,
	# not a failure of the build.
	$(UV) run --frozen demoi validate --store $(DEMO_STORE).new || test $$? -eq 1
	rm -rf $(DEMO_STORE) && mv $(DEMO_STORE).new $(DEMO_STORE)

## test: install and run every check and test
test: install lint typecheck pytest

lint:
	$(UV) run --frozen ruff check src tests tools benchmarks
	$(UV) run --frozen ruff format --check src tests tools benchmarks
	# The editors' rules over the standards (docs/vocab-lint.md): exit 1 on any finding.
	$(UV) run --frozen demoi vocab lint

typecheck:
	$(UV) run --frozen mypy

pytest: wheel-test-cache
	$(UV) run --frozen pytest

# tests/test_wheel.py installs the built wheel offline; this fills uv's cache with the index
# pages that install needs (packages are already cached by `uv sync`).
wheel-test-cache:
	$(UV) pip compile pyproject.toml --override overrides.txt --quiet --output-file /dev/null

clean:
	rm -rf var dist .pytest_cache .mypy_cache .ruff_cache
