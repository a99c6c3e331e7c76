"""Nation operations: create, change, delete, and which seat (if any) plays each one.

Each returns a new Level and raises :class:`EditError` (changing nothing) for an unknown
or duplicate id or a value out of range.
"""

from __future__ import annotations

from game.core.level import Doctrine, Ideology, Level, Nation, Pact, Seat, War
from game.editor import checks
from game.editor.errors import EditError
from game.editor.territories import update_territory
from game.editor.treaties import dropped_from_scopes, renamed_in_scopes

# Distinct on a map and in a legend; a new nation takes the first one nobody uses yet.
PALETTE: tuple[str, ...] = (
    "#3050c0", "#c03030", "#30a050", "#c8b040", "#8040a0", "#40a0a0", "#e07020", "#505050",
    "#d070b0", "#806040", "#90c040", "#2080e0", "#a02060", "#60d0c0", "#b0a0f0", "#f0c080",
)  # fmt: skip


def create_nation(
    level: Level,
    nation_id: str,
    name: str,
    colour: str | None = None,
    ideology: Ideology = "non_aligned",
    doctrine: Doctrine = "neutral",
    stability: int = 60,
    credibility: int = 60,
    treasury: int = 0,
) -> Level:
    """A new nation, run by the rules (NPC) until :func:`assign_seat` gives it to a seat."""
    checks.new_id((n.id for n in level.nations), nation_id, "nation")
    fields = {
        "id": nation_id,
        "name": name,
        "colour": colour or unused_colour(level),
        "ideology": ideology,
        "doctrine": doctrine,
        "stability": stability,
        "credibility": credibility,
        "treasury": treasury,
    }
    nation = checks.validated(Nation, fields, "nation")
    return level.model_copy(update={"nations": [*level.nations, nation]})


def update_nation(
    level: Level,
    nation_id: str,
    *,
    new_id: str | None = None,
    name: str | None = None,
    colour: str | None = None,
    ideology: Ideology | None = None,
    doctrine: Doctrine | None = None,
    stability: int | None = None,
    credibility: int | None = None,
    treasury: int | None = None,
) -> Level:
    """Change a nation's fields (None leaves one alone). A new id is followed everywhere the
    nation is named: territory owners, seats, treaties, wars and garrisons."""
    index = checks.nation_index(level, nation_id)
    old = level.nations[index]
    if new_id is not None and new_id != old.id:
        checks.new_id((n.id for n in level.nations), new_id, "nation")
    new = checks.changed(
        old,
        "nation",
        id=new_id,
        name=name,
        colour=colour,
        ideology=ideology,
        doctrine=doctrine,
        stability=stability,
        credibility=credibility,
        treasury=treasury,
    )
    if new == old:
        return level
    level = level.model_copy(update={"nations": checks.replaced(level.nations, index, new)})
    return _renamed(level, old.id, new.id) if new.id != old.id else level


def delete_nation(level: Level, nation_id: str, heir: str | None = None) -> Level:
    """Remove a nation and every mention of it.

    - Its territories: refused while it owns any, unless ``heir`` is named; then each passes to
      the heir with the troops standing in it (the heir keeps its own capital).
    - Its troops elsewhere (as an ally abroad) are removed.
    - Seats: it leaves its seat. Treaties: it leaves its alliances, and an alliance left with
      fewer than two members is dissolved; its guarantees, pacts and wars end; a treaty scope
      that named it forgets it (one that named only it then binds against anyone).
    """
    checks.nation_index(level, nation_id)
    owned = [t.id for t in level.territories if t.owner == nation_id]
    if heir is not None:
        if heir == nation_id:
            raise EditError(f"'{nation_id}' cannot be its own heir")
        checks.nation_index(level, heir)
    elif owned:
        raise EditError(
            f"'{nation_id}' still owns {len(owned)} territor{'y' if len(owned) == 1 else 'ies'}: "
            "name an heir to receive them, or delete them first"
        )
    for tid in owned:
        level = update_territory(level, tid, owner=heir)
    treaties = level.treaties
    alliances = []
    for alliance in treaties.alliances:
        members = [n for n in alliance.members if n != nation_id]
        if len(members) == len(alliance.members):
            alliances.append(alliance)
        elif len(set(members)) >= 2:
            alliances.append(alliance.model_copy(update={"members": members}))
    level = level.model_copy(
        update={
            "nations": [n for n in level.nations if n.id != nation_id],
            "seats": [s.model_copy(update={"nations": [n for n in s.nations if n != nation_id]}) for s in level.seats],
            "treaties": treaties.model_copy(
                update={
                    "alliances": alliances,
                    "guarantees": [g for g in treaties.guarantees if nation_id not in (g.guarantor, g.guaranteed)],
                    "pacts": [p for p in treaties.pacts if nation_id not in p.members],
                }
            ),
            "wars": [w for w in level.wars if nation_id not in (w.aggressor, w.target)],
            "garrisons": [g for g in level.garrisons if g.nation != nation_id],
        }
    )
    return dropped_from_scopes(level, nation=nation_id)


def assign_seat(level: Level, nation: str, seat: int | None) -> Level:
    """Play ``nation`` from seat 0 or 1, or hand it to the rules (None: an NPC)."""
    checks.nation_index(level, nation)
    if seat is not None and (isinstance(seat, bool) or seat not in (0, 1)):
        raise EditError(f"a seat is 0, 1 or None (run by the rules), not {seat!r}")
    seats: list[Seat] = []
    for index, s in enumerate(level.seats):
        members = [n for n in s.nations if n != nation]
        if index == seat:
            # Keep its place if it already sits here: the order of a seat's nations is the designer's.
            members = list(s.nations) if nation in s.nations else [*members, nation]
        seats.append(s if members == s.nations else s.model_copy(update={"nations": members}))
    return level.model_copy(update={"seats": seats})


def unused_colour(level: Level) -> str:
    """The first palette colour no nation uses yet (the palette repeats past sixteen nations)."""
    used = {n.colour.lower() for n in level.nations}
    for colour in PALETTE:
        if colour not in used:
            return colour
    return PALETTE[len(level.nations) % len(PALETTE)]


def _renamed(level: Level, old: str, new: str) -> Level:
    def swap(nid: str) -> str:
        return new if nid == old else nid

    treaties = level.treaties
    level = level.model_copy(
        update={
            "territories": [t.model_copy(update={"owner": new}) if t.owner == old else t for t in level.territories],
            "seats": [s.model_copy(update={"nations": [swap(n) for n in s.nations]}) for s in level.seats],
            "treaties": treaties.model_copy(
                update={
                    "alliances": [
                        a.model_copy(update={"members": [swap(n) for n in a.members]}) for a in treaties.alliances
                    ],
                    "guarantees": [
                        g.model_copy(update={"guarantor": swap(g.guarantor), "guaranteed": swap(g.guaranteed)})
                        for g in treaties.guarantees
                    ],
                    "pacts": [Pact(members=[swap(n) for n in p.members]) for p in treaties.pacts],
                }
            ),
            "wars": [War(aggressor=swap(w.aggressor), target=swap(w.target)) for w in level.wars],
            "garrisons": [g.model_copy(update={"nation": new}) if g.nation == old else g for g in level.garrisons],
        }
    )
    return renamed_in_scopes(level, nation=(old, new))
