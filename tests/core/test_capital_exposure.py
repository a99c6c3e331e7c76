"""Whether an order leaves a capital exposed is the core's judgement, asked by the orders dialogs."""

from __future__ import annotations

from game.core import Match, new_match
from game.core import world as w
from tests.ui.test_match_screen import fixture_level


def berlin(ready: int, spent: int = 0, warsaw: int = 9) -> Match:
    """Berlin with ``ready`` German troops and ``spent`` that have acted, at war with Russia's Warsaw stack."""
    match = new_match(fixture_level(), seed=3)
    match.forces["berlin"]["germany"] = ready + spent
    match.spent["berlin"]["germany"] = spent
    match.forces["warsaw"] = {"russia": warsaw}
    match.wars.add(frozenset(("germany", "russia")))
    return match


def test_nine_troops_staying_against_two_next_door_keep_the_capital_held_though_none_is_ready() -> None:
    assert w.capital_exposure(berlin(16, spent=9, warsaw=2), "germany", "berlin", "brussels", 16, attack=True) is None


def test_emptying_a_capital_next_to_an_enemy_stack_exposes_it_with_the_threat_named() -> None:
    seen = w.capital_exposure(berlin(16), "germany", "berlin", "brussels", 16, attack=True)
    assert seen is not None
    assert (seen.capital, seen.owner, seen.staying, seen.threat, seen.threat_at) == (
        "berlin",
        "germany",
        0,
        9,
        "warsaw",
    )


def test_fewer_staying_than_the_enemy_keeps_next_door_is_exposed_and_as_many_is_not() -> None:
    match = berlin(16)
    assert w.capital_exposure(match, "germany", "berlin", "munich", 8, attack=False) is not None  # 8 < 9
    assert w.capital_exposure(match, "germany", "berlin", "munich", 7, attack=False) is None  # 9 stay


def test_a_territory_that_is_no_capital_is_never_exposed() -> None:
    match = berlin(16)
    source = next(
        t for t in w.neighbours(match, "berlin") if w.capital_owner(match, t) is None and match.owner[t] == "germany"
    )
    match.forces[source] = {"germany": 3}
    assert w.capital_exposure(match, "germany", source, "berlin", 3, attack=False) is None
