"""The ``>>>`` examples in the rules core are true: each module's doctests run here."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import game.core

MODULES = sorted(["game.core"] + [info.name for info in pkgutil.walk_packages(game.core.__path__, "game.core.")])


@pytest.mark.parametrize("name", MODULES)
def test_the_examples_in_the_module_hold(name: str) -> None:
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0


def test_the_core_has_examples_to_run() -> None:
    finder = doctest.DocTestFinder()
    found = sum(len(t.examples) for name in MODULES for t in finder.find(importlib.import_module(name)))
    assert found >= 10
