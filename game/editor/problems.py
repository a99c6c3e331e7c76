"""A draft's problems in the editor's words: the names the player gave, where the level file has ids.

:func:`game.core.level_problems` speaks the file's language (``nations[0]: nation 'nation_1'
owns no territory``), right for a modder reading JSON. The editor's player never sees an id,
so each problem is said again with names: "Nation 1 owns no territory".
"""

from __future__ import annotations

import re

from game.core.level import Level, Problem

_INDEXED = re.compile(r"^(nations|territories|garrisons|seats|wars|map\.rows|treaties\.(\w+))\[(\d+)\](.*)$")
_QUOTED = re.compile(r"(\b\w+ )?'([^']*)'")
#: The words before a quoted id that say it names a territory, even where a nation has the same id.
_TERRITORY_WORDS = {"territory ", "capital ", "claims "}
#: What a treaty's list in the level file is called in a sentence.
_TREATY_WORDS = {"alliances": "Alliance", "guarantees": "Guarantee", "pacts": "Pact"}


def problem_line(level: Level, problem: Problem) -> str:
    """``problem`` as one sentence with names: "Cape [C]: capital of North, but owned by South"."""
    where = _place(level, problem.location)
    message = _named(level, problem.message)
    subject = where.split(" [")[0]
    for kind in ("nation ", "territory ", "seat "):
        if message.startswith(kind + subject + " ") or message.startswith(kind + where + " "):
            return message[len(kind) :]  # "nation Nation 1 owns no territory" says its own place
    if not where:
        return message[:1].upper() + message[1:]
    return f"{where}: {message}"


def _place(level: Level, location: str) -> str:
    found = _INDEXED.match(location)
    if found is None:
        return {"map.rows": "Map", "map": "Map"}.get(location, location)
    family, treaty_list, index, rest = found.group(1), found.group(2), int(found.group(3)), found.group(4)
    field = rest.lstrip(".").split("[")[0]
    detail = f" ({field})" if field and field not in ("id",) else ""
    if family == "nations" and index < len(level.nations):
        return level.nations[index].name + detail
    if family == "territories" and index < len(level.territories):
        territory = level.territories[index]
        return f"{territory.name} [{territory.code}]" + detail
    if family == "garrisons" and index < len(level.garrisons):
        return f"Troops in {_territory_name(level, level.garrisons[index].territory)}"
    if family == "seats" and index < len(level.seats):
        return level.seats[index].name
    if family == "map.rows":
        return f"Map row {index + 1}"
    if family == "wars":
        return f"War {index + 1}"
    if treaty_list is not None:
        alliances = level.treaties.alliances
        if treaty_list == "alliances" and index < len(alliances):
            return alliances[index].name
        return f"{_TREATY_WORDS.get(treaty_list, treaty_list.capitalize())} {index + 1}"
    return location


def _named(level: Level, message: str) -> str:
    nations = {n.id: n.name for n in level.nations}
    territories = {t.id: t.name for t in level.territories}
    seats = {s.name for s in level.seats}

    def name(found: re.Match[str]) -> str:
        before, token = found.group(1) or "", found.group(2)
        if before in _TERRITORY_WORDS and token in territories:
            return before + territories[token]
        if token in nations:
            return before + nations[token]
        if token in territories:
            return before + territories[token]
        if token in seats:
            return before + token
        return found.group(0)

    return _QUOTED.sub(name, message)


def _territory_name(level: Level, territory: str) -> str:
    return next((t.name for t in level.territories if t.id == territory), territory)
