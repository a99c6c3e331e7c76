# Two commands set everything up on a fresh machine: `make play` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: play test lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the packaging changes; the stamp keeps repeat runs fast.
$(STAMP): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# `make play` opens the main menu (the tutorial comes first); `make play LEVEL=levels/x.json` starts x at once.
play: $(STAMP)
	$(BIN)/alliances play $(if $(LEVEL),"$(LEVEL)")

test: $(STAMP)
	$(BIN)/python -m pytest
	$(BIN)/ruff check game tests
	$(BIN)/mypy game/core

lint: $(STAMP)
	$(BIN)/ruff check game tests

typecheck: $(STAMP)
	$(BIN)/mypy game/core

bench: $(STAMP)
	$(BIN)/alliances bench engine

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
