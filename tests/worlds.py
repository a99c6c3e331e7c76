"""Tiny hand-built levels for doctrine and bot tests: say who stands where, get a level dict.

The usual stage is a single row of hexes, West's seat on the left, East's on the right
and a nation nobody plays in the middle::

    W1 W2 N1 N2 [sea x gap] E2 E1

>>> level = crossroads("bandwagoner", east=9)
>>> [t["id"] for t in level["territories"]]
['w1', 'w2', 'n1', 'n2', 'e2', 'e1']
"""

from __future__ import annotations

from typing import Any

Garrisons = dict[str, dict[str, int]]


def nation(nid: str, name: str, **fields: Any) -> dict[str, Any]:
    colours = {"west": "#3050c0", "east": "#c03030"}
    return {"id": nid, "name": name, "colour": colours.get(nid, "#30a050"), **fields}


def level(
    rows: list[str],
    territories: dict[str, tuple[str, int, str]],
    nations: list[dict[str, Any]],
    garrisons: Garrisons,
    seats: tuple[list[str], list[str]] = (["west"], ["east"]),
    alliances: list[dict[str, Any]] | None = None,
    guarantees: list[tuple[str, str]] | None = None,
    pacts: list[tuple[str, str]] | None = None,
    round_limit: int = 12,
) -> dict[str, Any]:
    """A level dict. ``territories`` maps a map code to (owner, value, terrain); ids are the codes in lower case."""
    width = max(len(r.split()) for r in rows)
    return {
        "format_version": 1,
        "title": "Test world",
        "briefing": "Built by tests/worlds.py.",
        "round_limit": round_limit,
        "map": {"width": width, "height": len(rows), "rows": rows},
        "nations": nations,
        "seats": [{"name": "West", "nations": seats[0]}, {"name": "East", "nations": seats[1]}],
        "territories": [
            {"id": code.lower(), "name": code, "code": code, "owner": owner, "value": value, "terrain": terrain}
            for code, (owner, value, terrain) in territories.items()
        ],
        "treaties": {
            "alliances": alliances or [],
            "guarantees": [{"guarantor": g, "guaranteed": h} for g, h in guarantees or []],
            "pacts": [{"members": list(p)} for p in pacts or []],
        },
        "wars": [],
        "garrisons": [
            {"territory": t, "nation": n, "strength": s}
            for t, forces in garrisons.items()
            for n, s in forces.items()
            if s > 0
        ],
    }


def crossroads(
    doctrine: str,
    *,
    west: int = 3,
    east: int = 3,
    middle: int = 2,
    ideology: str = "non_aligned",
    stability: int = 60,
    gap: int = 0,
    alliances: list[dict[str, Any]] | None = None,
    guarantees: list[tuple[str, str]] | None = None,
    wessex: int | None = None,
    wessex_ideology: str = "liberal",
) -> dict[str, Any]:
    """West (liberal) and East (authoritarian) with a nation of the rules, ``middle``, between them.

    ``west``, ``east`` and ``middle`` are the troops in each nation's capital; ``gap`` sea
    cells part the middle nation from East (0: they are neighbours). With ``wessex`` (its
    troops), a second nation of the rules, Wessex (a balancer), sits beyond West at the far
    left (X1, value 2): an ally for either side, or an aggressor of no side, as ``alliances`` say::

        X1 W1 W2 N1 N2 E2 E1
    """
    far_west = ["X1"] if wessex is not None else []
    rows = [" ".join([*far_west, "W1", "W2", "N1", "N2", *["."] * gap, "E2", "E1"])]
    territories = {
        "W1": ("west", 3, "plains"),
        "W2": ("west", 2, "plains"),
        "N1": ("middle", 2, "plains"),
        "N2": ("middle", 1, "plains"),
        "E2": ("east", 2, "plains"),
        "E1": ("east", 3, "plains"),
    }
    nations = [
        nation("west", "West", ideology="liberal", capital="w1"),
        nation("east", "East", ideology="authoritarian", capital="e1"),
        nation("middle", "Middle", ideology=ideology, doctrine=doctrine, capital="n1", stability=stability),
    ]
    garrisons: Garrisons = {"w1": {"west": west}, "e1": {"east": east}, "n1": {"middle": middle}}
    if wessex is not None:
        territories = {"X1": ("wessex", 2, "plains"), **territories}
        nations.append(nation("wessex", "Wessex", ideology=wessex_ideology, doctrine="balancer", capital="x1"))
        garrisons["x1"] = {"wessex": wessex}
    return level(rows, territories, nations, garrisons, alliances=alliances, guarantees=guarantees)
