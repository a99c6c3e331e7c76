"""Nation colours a player can tell apart, on every shipped level and on generated maps.

The measure is CIEDE2000 (see game/ui/palette.py for why): neighbouring nations at least
MIN_NEIGHBOUR_DELTA_E apart, every nation at least MIN_SEA_DELTA_E from the sea, for typical
eyes and, in the colour-blind-safe scheme, as each kind of dichromat sees them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core import Level
from game.editor import generate_level
from game.io.levels import level_from_data, load_level
from game.ui import palette as p
from game.ui.theme import map_palette, nation_fills_of

SEA = tuple(map_palette()["sea"])[:3]


def sea() -> p.RGB:
    return (SEA[0], SEA[1], SEA[2])


def clashes(level: Level, scheme: p.Scheme) -> list[str]:
    """Every pair of neighbours, and every nation against the sea, that fails its threshold."""
    fills = nation_fills_of(level, scheme)
    found = []
    for nation, others in p.nation_neighbours(level).items():
        if p.difference(fills[nation], sea(), scheme) < p.MIN_SEA_DELTA_E:
            found.append(f"{nation} on the sea: {p.difference(fills[nation], sea(), scheme):.1f}")
        for other in others:
            if nation < other and p.difference(fills[nation], fills[other], scheme) < p.MIN_NEIGHBOUR_DELTA_E:
                found.append(f"{nation} beside {other}: {p.difference(fills[nation], fills[other], scheme):.1f}")
    return found


# The measures themselves ------------------------------------------------------------------------
def test_the_wcag_contrast_of_black_on_white_is_21_and_of_a_colour_on_itself_1() -> None:
    assert p.contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert p.contrast_ratio((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert p.contrast_ratio((40, 90, 200), (40, 90, 200)) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("one", "two", "expected"),
    [  # pairs 1, 7, 17 and 25 of Sharma, Wu & Dalal's CIEDE2000 test data
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ],
)
def test_ciede2000_matches_the_published_test_pairs(
    one: tuple[float, float, float], two: tuple[float, float, float], expected: float
) -> None:
    assert p.delta_e_lab(one, two) == pytest.approx(expected, abs=1e-4)


def test_lab_round_trips_to_the_same_srgb_colour() -> None:
    for colour in [(0, 0, 0), (255, 255, 255), (29, 58, 82), (200, 120, 40)]:
        assert p.from_lab(p.to_lab(colour)) == colour


# Every shipped level and generated maps --------------------------------------------------------
@pytest.mark.parametrize("scheme", p.SCHEMES)
def test_every_shipped_level_s_nations_stand_apart_from_the_sea_and_their_neighbours(
    shipped_level: Path, scheme: p.Scheme
) -> None:
    assert clashes(load_level(shipped_level), scheme) == []


@pytest.mark.parametrize("scheme", p.SCHEMES)
@pytest.mark.parametrize(("seed", "size", "nations"), [(0, (24, 16), 6), (3, (32, 24), 12), (4, (32, 24), 16)])
def test_generated_maps_nations_stand_apart_too(
    seed: int, size: tuple[int, int], nations: int, scheme: p.Scheme
) -> None:
    assert clashes(generate_level(seed, size[0], size[1], nations), scheme) == []


def test_the_continent_s_own_colours_fail_so_the_renderer_adjusts_only_those() -> None:
    level = load_level(Path("levels/continent.json"))
    own = {n.id: p.displayed(level, n.id, p.parse_hex(n.colour)) for n in level.nations}
    assert p.difference(own["germany"], sea()) < p.MIN_SEA_DELTA_E, "Germany's grey sits on the grey-blue sea"
    fills = nation_fills_of(level, "standard")
    assert fills["germany"] != own["germany"]
    assert fills["russia"] == own["russia"], "a colour that passes is the level's own"
    kept = sum(fills[n] == own[n] for n in own)
    assert kept >= len(own) * 3 // 4, "only the clashing few change"


def test_two_neighbours_given_the_same_colour_are_told_apart_the_same_way_every_time() -> None:
    data = load_level(Path("levels/continent.json")).model_dump(mode="json")
    for nation in data["nations"]:
        if nation["id"] in ("serbia", "bulgaria"):
            nation["colour"] = "#8b1e1e"
    level = level_from_data(data, "<clash>")
    first = p._build_fills(level, sea(), (), (), "standard")  # no candidate list: its own hue must do
    again = p._build_fills(level_from_data(data, "<clash>"), sea(), (), (), "standard")
    assert first == again
    assert p.difference(first["serbia"], first["bulgaria"]) >= p.MIN_NEIGHBOUR_DELTA_E


def test_a_name_in_a_dark_nation_colour_is_lightened_until_it_reads_on_the_panels() -> None:
    panel = (27, 33, 41)
    for colour in [(30, 30, 80), (74, 85, 99), (139, 30, 30), (255, 200, 0)]:
        text = p.readable_on(colour, [panel])
        assert p.contrast_ratio(text, panel) >= p.MIN_TEXT_CONTRAST
    assert p.readable_on((255, 200, 0), [panel]) == (255, 200, 0), "a light colour stays as it is"
