"""The territory panel: its owner line names nation and side once each; with nothing selected it shows the
seat's forces, their wars and where troops can still act."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core import apply, new_match
from game.core import world as w
from game.core.actions import Attack
from game.core.forces import recruit_cost
from game.io.levels import load_level
from game.ui.panels.territory import defence_facts, owner_line, ready_stacks, war_line
from tests.ui.test_match_hotseat import dismiss_cards
from tests.ui.test_match_screen import Screen, fixture_level, home  # noqa: F401 - home: a fixture

LEVELS = Path(__file__).parents[2] / "levels"


def test_a_seat_named_after_its_only_nation_is_not_named_twice() -> None:
    tutorial = new_match(load_level(LEVELS / "tutorial.json"))
    seat = tutorial.level.seats[0]
    assert owner_line(tutorial, seat.nations[0]) == f"{seat.name} (seat 1)"


def test_a_nation_of_a_coalition_names_its_side() -> None:
    continent = new_match(load_level(LEVELS / "continent.json"))
    assert owner_line(continent, "austria_hungary") == "Austria-Hungary · Central Powers (seat 1)"


def test_the_ready_stacks_are_every_place_the_seats_troops_can_still_act_biggest_first() -> None:
    match = new_match(fixture_level(), seed=3)
    match.forces["berlin"] = {"germany": 12}
    match.forces["vienna"] = {"austria": 5, "germany": 3}  # a seat-mate's soil counts too
    match.forces["munich"] = {"germany": 4}
    match.spent["munich"] = {"germany": 4}  # acted already: not ready
    assert ready_stacks(match, 0)[:2] == [("berlin", 12), ("vienna", 8)]
    assert "munich" not in dict(ready_stacks(match, 0))

    assert war_line(match, "germany") == "At peace"
    assert war_line(match, "austria") == "At war with Serbia"
    apply(match, Attack(nation="germany", source="berlin", target="warsaw", amount=12))
    assert "berlin" not in dict(ready_stacks(match, 0)), "the troops that attacked are spent"
    assert war_line(match, "germany") == "At war with Russian Empire"


def test_the_defence_pills_name_the_terms_the_core_multiplies() -> None:
    match = new_match(fixture_level())
    capital = w.capital_of(match, "germany")
    assert capital is not None
    match.forces[capital]["austria"] = 2  # an ally's troops stand there too: joint defence
    factors = w.defence_factors(match, capital)
    assert defence_facts(match, capital) == [
        f"{factors.terrain.capitalize()} ×{factors.terrain_factor:g}",
        f"Capital of {w.nation_name(match, 'germany')} ×{factors.capital_factor:g}",
        f"Joint defence ×{factors.joint:.2f}",
    ]
    assert factors.terrain_factor * factors.capital_factor * factors.joint == pytest.approx(
        w.defence_factor(match, capital)
    )


@pytest.mark.usefixtures("home")
def test_the_recruit_line_prices_the_amount_chosen_as_the_core_charges_it() -> None:
    match = new_match(fixture_level(), seed=3)
    screen = Screen(match)
    try:
        dismiss_cards(screen)
        capital = w.capital_of(match, "germany")
        assert capital is not None
        screen.click_territory(capital)
        panel = screen.scene.territory_panel
        amount = panel.amount
        assert panel._amount_label.text.endswith(f"{recruit_cost(amount)} gold")
        assert f"for {recruit_cost(1)} gold each" in panel._button.tool_tip_text
        before = match.treasury["germany"]
        screen.press_button(panel._button)
        assert before - match.treasury["germany"] == recruit_cost(amount)
    finally:
        screen.close()
