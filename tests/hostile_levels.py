"""Levels built to be expensive: small files whose checks cost the square of their size if done naively.

Each starts from :func:`tests.small_world.small_world` and grows one part of it to thousands of
entries, so a test can ask that checking it takes time in proportion to the file, not its square.
"""

from __future__ import annotations

from typing import Any

from tests.small_world import small_world

_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
WIDTH = 200  # the widest map a level may have


def _code(index: int) -> str:
    """A territory code of three letters or digits, never one small_world uses (P, B, A, R)."""
    return "".join(_ALPHABET[index // 62**k % 62] for k in (2, 1, 0))


def alliance_of_unknown_nations(count: int) -> dict[str, Any]:
    """One alliance naming ``count`` nations that do not exist (about 9 bytes each)."""
    level = small_world()
    members = [f"n{i}" for i in range(count)]
    level["treaties"]["alliances"].append({"id": "crowd", "name": "Crowd", "members": members})
    return level


def crowded_world(count: int, wars: int = 0) -> dict[str, Any]:
    """``count`` nations of the rules, one single-cell territory each, all in one alliance, each with
    a garrison in its neighbour's land (as allies may). Valid, unless ``wars`` pairs of members are
    at war with each other (then each such pair is one problem)."""
    level = small_world()
    cells = [_code(62 * 62 + i) for i in range(count)]  # codes from "BAA" on: none is small_world's
    rows = [cells[r : r + WIDTH] for r in range(0, count, WIDTH)]
    rows[-1] += ["."] * (WIDTH - len(rows[-1]))
    old = [line.split() + ["."] * (WIDTH - 4) for line in level["map"]["rows"]]
    level["map"] = {"width": WIDTH, "height": len(old) + len(rows), "rows": [" ".join(r) for r in old + rows]}
    for i, code in enumerate(cells):
        level["nations"].append({"id": f"n{i}", "name": f"Nation {i}", "colour": "#808080"})
        level["territories"].append({"id": f"t{i}", "name": f"Land {i}", "code": code, "owner": f"n{i}", "value": 1})
        level["garrisons"].append({"territory": f"t{i}", "nation": f"n{(i + 1) % count}", "strength": 1})
    members = [f"n{i}" for i in range(count)]
    level["treaties"]["alliances"].append({"id": "crowd", "name": "Crowd", "members": members})
    level["wars"] = [{"aggressor": f"n{i}", "target": f"n{(i * 7 + 3) % count}"} for i in range(wars)]
    return level


def one_territory_written_many_times(copies: int) -> dict[str, Any]:
    """A full 200 x 200 map of one territory, whose entry is written ``copies`` times."""
    level = small_world()
    height = 200
    level["map"] = {"width": WIDTH, "height": height, "rows": [" ".join(["P"] * WIDTH)] * height}
    level["territories"] = [level["territories"][0]] * copies
    return level
