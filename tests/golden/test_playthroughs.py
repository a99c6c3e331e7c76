"""Every golden playthrough replays exactly: the same level, seed and bots give the same match.

When one fails, the rules (or a bot) changed what happens. A refactor must never do that: find
the change. A deliberate rule change re-records the files (``python -m tests.golden.playthrough``)
and says why in its commit message.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden.playthrough import GOLDEN_DIR, LEVELS, MATCHES, file_name, record, render

FILES = sorted(GOLDEN_DIR.glob("*.json"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_the_match_plays_as_recorded(path: Path) -> None:
    golden = json.loads(path.read_text(encoding="utf-8"))
    replayed = record(golden["level"], tuple(golden["bots"]), golden["seed"])
    # Compared as rendered text, so a failure shows the first round (or count) that differs.
    assert render(replayed) == path.read_text(encoding="utf-8")


def test_every_level_and_match_has_a_golden_file() -> None:
    expected = {file_name(level, (a, b), seed) for level in LEVELS for a, b, seed in MATCHES}
    assert expected == {p.name for p in FILES}


def test_the_playthroughs_cover_every_shipped_and_fixture_level() -> None:
    root = GOLDEN_DIR.parents[1]
    on_disk = {str(p.relative_to(root)) for p in (root / "levels").glob("*.json")}
    on_disk |= {str(p.relative_to(root)) for p in (root / "tests" / "fixtures").glob("*.json")}
    assert on_disk == set(LEVELS)
