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
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

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
	$(BIN)/sync-intents build-models
	APP_ENV=development $(BIN)/flask --app webhook run --host 127.0.0.1 --port 8080

.PHONY: lint
lint: $(STAMP) ## ruff check and ruff format --check
	$(BIN)/ruff check webhook tests bench
	$(BIN)/ruff format --check webhook tests bench

.PHONY: validate
validate: $(STAMP) ## Validate the intent library and council overlays (strict)
	$(BIN)/sync-intents validate --strict

.PHONY: test
test: lint validate $(NODE_STAMP) chromium postgresql redis ## Run every test (after lint and validate)
	$(BIN)/pytest

# The browser tests drive Debian's Chromium (Playwright's own browser download cannot work offline).
.PHONY: chromium
chromium: ## Install Chromium for the browser tests if it is missing (as root; otherwise say how)
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq chromium; \
	else \
	  echo "The browser tests need Chromium, which is not installed. Install it, then run make test again:" >&2; \
	  echo "    sudo apt-get install chromium" >&2; \
	  exit 1; \
	fi

# The shared rate-limit tests run against a real Redis server, which they start themselves from Debian's
# redis-server (tests/redis_server.py).
.PHONY: redis
redis: ## Install Redis's server for the tests if it is missing (as root; otherwise say how)
	@command -v redis-server >/dev/null || \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq redis-server; \
	else \
	  echo "The rate-limit tests need Redis, which is not installed. Install it, then run make test again:" >&2; \
	  echo "    sudo apt-get install redis-server" >&2; \
	  exit 1; \
	fi

# The database tests run on SQLite and on a real PostgreSQL server, which they start themselves from
# Debian's server programs (tests/postgres_server.py).
.PHONY: postgresql
postgresql: ## Install PostgreSQL's server programs for the tests if they are missing (as root; otherwise say how)
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq postgresql; \
	else \
	  echo "The database tests need PostgreSQL, which is not installed. Install it, then run make test again:" >&2; \
	  echo "    sudo apt-get install postgresql" >&2; \
	  exit 1; \
	fi

.PHONY: bench
bench: $(STAMP) ## Run the benchmarks under bench/ and print their figures (installs wrk if missing)
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python bench/run_all.py

IMAGE ?= council-chatbot
IMAGE_PORT ?= 8088

.PHONY: image
image: ## Build the Docker image (needs Docker)
	@docker info >/dev/null 2>&1 || { echo "make image needs Docker, with its daemon running (docker info fails here)." >&2; exit 1; }
	docker build --tag $(IMAGE) .

# The checks tests/test_packaging.py makes of the installed wheel, made of the running image (CI runs this).
.PHONY: image-check
image-check: image ## Build the image, run it, and check its pages, chat and webhook (needs Docker)
	@tokens=(); for folder in councils/*/; do \
	  slug=$$(basename "$$folder" | tr 'a-z-' 'A-Z_'); tokens+=(--env "WEBHOOK_$${slug}_TOKEN=image-check"); \
	done; \
	container=$$(docker run --detach --rm --publish 127.0.0.1:$(IMAGE_PORT):8080 \
	  --env SECRET_KEY=image-check "$${tokens[@]}" $(IMAGE)) || exit 1; \
	$(PYTHON) tests/check_server.py http://127.0.0.1:$(IMAGE_PORT) --token image-check --wait 60; \
	status=$$?; [ $$status = 0 ] || docker logs $$container; \
	docker stop $$container >/dev/null; exit $$status

.PHONY: format
format: $(STAMP) ## Format the code with ruff
	$(BIN)/ruff format webhook tests bench
	$(BIN)/ruff check --fix webhook tests bench

.PHONY: clean
clean: ## Remove .venv and caches
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache .cache
