"""Shared fixtures. Runs before any test module, so pygame always starts headless."""

from __future__ import annotations

import os

# Set before anything imports pygame: a window or a sound device must never be needed to test.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from pathlib import Path  # noqa: E402 - the environment above must come first

import pytest  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
LEVELS_DIR = REPO_ROOT / "levels"
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"

# Collected once: every level a player can pick (levels/) and every level the tests ship.
_SHIPPED = sorted(LEVELS_DIR.glob("*.json"))
_FIXTURES = sorted(FIXTURES_DIR.glob("*.json"))


@pytest.fixture
def levels_dir() -> Path:
    """The shipped levels folder, ``levels/`` at the repository root."""
    return LEVELS_DIR


@pytest.fixture
def fixtures_dir() -> Path:
    """``tests/fixtures``: level files written for the tests."""
    return FIXTURES_DIR


_NO_LEVELS_YET = pytest.param(None, marks=pytest.mark.skip(reason="levels/ has no files yet"))


@pytest.fixture(
    params=_SHIPPED or [_NO_LEVELS_YET],
    ids=lambda path: f"levels/{path.name}" if path else "levels/-none-",
)
def shipped_level(request: pytest.FixtureRequest) -> Path:
    """Each file in ``levels/*.json`` in turn."""
    return request.param  # type: ignore[no-any-return]


@pytest.fixture(params=_FIXTURES, ids=lambda path: f"fixtures/{path.name}")
def fixture_level(request: pytest.FixtureRequest) -> Path:
    """Each file in ``tests/fixtures/*.json`` in turn."""
    return request.param  # type: ignore[no-any-return]
