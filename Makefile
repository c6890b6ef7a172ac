# Self-documenting: `make help` lists the targets from their `## ` comments.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Re-install only when the project's dependencies change.
STAMP := $(VENV)/.installed

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# axe-core (the accessibility checker the browser tests inject) comes from the npm registry.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $(NODE_STAMP)

.PHONY: install
install: $(STAMP) $(NODE_STAMP) ## Create .venv and node_modules with everything the tests need

.PHONY: run
run: $(STAMP) ## Start the app on http://127.0.0.1:8080 (development, demo council)
	APP_ENV=development $(BIN)/flask --app webhook run --host 127.0.0.1 --port 8080

.PHONY: lint
lint: $(STAMP) ## ruff check and ruff format --check
	$(BIN)/ruff check webhook tests bench
	$(BIN)/ruff format --check webhook tests bench

.PHONY: validate
validate: $(STAMP) ## Validate the intent library and council overlays (strict)
	$(BIN)/sync-intents validate --strict

.PHONY: test
test: lint validate $(NODE_STAMP) ## Run every test (after lint and validate); browser tests need chromium
	$(BIN)/pytest

.PHONY: bench
bench: $(STAMP) ## Run the benchmarks under bench/ and print their figures (installs wrk if missing)
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python bench/run_all.py

.PHONY: format
format: $(STAMP) ## Format the code with ruff
	$(BIN)/ruff format webhook tests bench
	$(BIN)/ruff check --fix webhook tests bench

.PHONY: clean
clean: ## Remove .venv and caches
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache .cache
