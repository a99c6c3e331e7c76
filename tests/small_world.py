"""A small valid level for tests to start from: change one thing, get one problem.

The map is 4 columns by 3 rows; odd rows sit half a hex to the right::

    P P B B       P  paris     france's capital  (seat "West")
     P A A B      B  berlin    germany's capital (seat "Central")
    R R A .       A  alsace    germany
                  R  brussels  belgium, played by the rules

France and Belgium are allies (and France guarantees Belgium); Germany and Belgium have a
non-aggression pact; French troops stand in Paris and, as an ally, in Brussels.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def small_world() -> dict[str, Any]:
    """A fresh, valid level as decoded JSON; callers may change it freely."""
    return {
        "format_version": 1,
        "title": "Small world",
        "briefing": "Three nations, four territories.",
        "round_limit": 12,
        "map": {
            "width": 4,
            "height": 3,
            "rows": ["P P B B", "P A A B", "R R A ."],
        },
        "nations": [
            {"id": "france", "name": "France", "colour": "#3050c0", "ideology": "liberal", "capital": "paris"},
            {"id": "germany", "name": "Germany", "colour": "#505050", "ideology": "monarchist", "capital": "berlin"},
            {"id": "belgium", "name": "Belgium", "colour": "#d0b020", "doctrine": "balancer"},
        ],
        "seats": [
            {"name": "West", "nations": ["france"]},
            {"name": "Central", "nations": ["germany"]},
        ],
        "territories": [
            {"id": "paris", "name": "Paris", "code": "P", "owner": "france", "value": 3, "terrain": "urban"},
            {"id": "berlin", "name": "Berlin", "code": "B", "owner": "germany", "value": 3},
            {"id": "alsace", "name": "Alsace", "code": "A", "owner": "germany", "value": 1, "terrain": "hills"},
            {"id": "brussels", "name": "Brussels", "code": "R", "owner": "belgium", "value": 2},
        ],
        "treaties": {
            "alliances": [
                {"id": "entente", "name": "Entente", "members": ["france", "belgium"], "cohesion": 60},
            ],
            "guarantees": [{"guarantor": "france", "guaranteed": "belgium"}],
            "pacts": [{"members": ["germany", "belgium"]}],
        },
        "wars": [],
        "garrisons": [
            {"territory": "paris", "nation": "france", "strength": 3},
            {"territory": "brussels", "nation": "france", "strength": 2},
        ],
    }


def write_level(folder: Path, level: dict[str, Any], name: str = "level.json") -> Path:
    """Write ``level`` into ``folder`` as a designer's JSON file and return its path."""
    path = folder / name
    path.write_text(json.dumps(level, indent=2), encoding="utf-8")
    return path
