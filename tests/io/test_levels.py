"""Level files: a designer's mistake gets a place and a reason, never a traceback."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytest_mock import MockerFixture

from game.io.levels import LevelError, dump_level, load_level, parse_level, save_level
from tests.small_world import small_world, write_level

MB = 1024 * 1024

# A broken level is a function that writes a file into a folder and returns its path.
MakeFile = Callable[[Path], Path]
Change = Callable[[dict[str, Any]], object]


def _walk(level: dict[str, Any], path: str) -> tuple[Any, str | int]:
    """The container and key that ``path`` (written like a problem location) points into."""
    keys: list[str | int] = []
    for part in path.split("."):
        name, *indexes = re.split(r"\[(\d+)\]", part)
        keys.append(name)
        keys.extend(int(i) for i in indexes if i)
    node: Any = level
    for key in keys[:-1]:
        node = node[key]
    return node, keys[-1]


def setting(path: str, value: Any) -> Change:
    def change(level: dict[str, Any]) -> None:
        node, key = _walk(level, path)
        node[key] = value

    return change


def deleting(path: str) -> Change:
    def change(level: dict[str, Any]) -> None:
        node, key = _walk(level, path)
        del node[key]

    return change


def appending(path: str, item: Any) -> Change:
    def change(level: dict[str, Any]) -> None:
        node, key = _walk(level, path)
        node[key].append(item)

    return change


def edited(*changes: Change) -> MakeFile:
    """The small world with ``changes`` applied, written as a level file."""

    def make(folder: Path) -> Path:
        level = small_world()
        for change in changes:
            change(level)
        return write_level(folder, level)

    return make


def text_file(text: str) -> MakeFile:
    def make(folder: Path) -> Path:
        path = folder / "level.json"
        path.write_text(text, encoding="utf-8")
        return path

    return make


def padded_to(size: int) -> MakeFile:
    """The valid small world, padded with trailing spaces to exactly ``size`` bytes."""

    def make(folder: Path) -> Path:
        text = json.dumps(small_world())
        path = folder / "level.json"
        path.write_bytes((text + " " * (size - len(text))).encode("utf-8"))
        return path

    return make


def missing_file(folder: Path) -> Path:
    return folder / "no-such-level.json"


def problems_loading(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(LevelError) as caught:
        load_level(path)
    return [(problem.location, str(problem)) for problem in caught.value.problems]


BAD_JSON = '{\n  "title": "Small world",\n  "round_limit": 12,\n}\n'

BROKEN_LEVELS = [
    # The file itself.
    pytest.param(text_file(BAD_JSON), "line 4, column 1", "bad JSON", id="bad JSON"),
    pytest.param(text_file("[1, 2]"), "", "must be a JSON object", id="JSON that is not an object"),
    pytest.param(padded_to(5 * MB + 1), "", "at most 5 MB", id="file over 5 MB"),
    pytest.param(missing_file, "", "no such file", id="missing file"),
    pytest.param(lambda folder: Path("/dev/zero"), "", "is not a regular file", id="a device, never read"),
    pytest.param(text_file('{"title": "A", "title": "B"}'), "", "the key 'title' appears twice", id="a key twice"),
    pytest.param(text_file('{"hegemony_share": NaN}'), "", "NaN is not a number JSON allows", id="NaN"),
    # Types, ranges and spelling.
    pytest.param(
        edited(setting("territories[1].value", "three")),
        "territories[1].value",
        "valid integer",
        id="value written as a word",
    ),
    pytest.param(
        edited(setting("territories[1].value", 9)),
        "territories[1].value",
        "less than or equal to 5",
        id="value above 5",
    ),
    pytest.param(
        edited(setting("turn_order", "entente_first")),
        "turn_order",
        "'alternate', 'seat1_first' or 'seat2_first'",
        id="unknown turn order",
    ),
    pytest.param(
        edited(setting("treaties.alliances[0].cohesion", 101)),
        "treaties.alliances[0].cohesion",
        "less than or equal to 100",
        id="cohesion above 100",
    ),
    pytest.param(
        edited(setting("nations[2].stability", -1)),
        "nations[2].stability",
        "greater than or equal to 0",
        id="stability below 0",
    ),
    pytest.param(
        edited(setting("nations[0].credibility", 150)),
        "nations[0].credibility",
        "less than or equal to 100",
        id="credibility above 100",
    ),
    pytest.param(
        edited(setting("territories[0].valu", 3)),
        "territories[0].valu",
        "unknown field",
        id="misspelt field",
    ),
    pytest.param(
        edited(deleting("title")),
        "title",
        "required field is missing",
        id="missing title",
    ),
    pytest.param(
        edited(setting("territories[2].terrain", "swamp")),
        "territories[2].terrain",
        "'plains'",
        id="unknown terrain",
    ),
    pytest.param(
        edited(setting("nations[1].colour", "grey")),
        "nations[1].colour",
        "pattern",
        id="colour that is not #rrggbb",
    ),
    pytest.param(
        edited(appending("seats", {"name": "Third", "nations": ["belgium"]})),
        "seats",
        "at most 2",
        id="three seats",
    ),
    # Names that must be unique, and names that must exist.
    pytest.param(
        edited(setting("territories[1].owner", "prussia")),
        "territories[1].owner",
        "territories[1].owner: unknown nation 'prussia'",
        id="territory owned by an unknown nation",
    ),
    pytest.param(
        edited(setting("nations[2].id", "france")),
        "nations[2].id",
        "duplicate nation id 'france'",
        id="duplicate nation id",
    ),
    pytest.param(
        edited(setting("territories[3].id", "paris")),
        "territories[3].id",
        "duplicate territory id 'paris'",
        id="duplicate territory id",
    ),
    pytest.param(
        edited(setting("territories[3].code", "P")),
        "territories[3].code",
        "code 'P' is already used",
        id="duplicate territory code",
    ),
    pytest.param(
        edited(
            appending(
                "treaties.alliances",
                {
                    "id": "entente",
                    "name": "Second Entente",
                    "members": ["germany", "belgium"],
                },
            )
        ),
        "treaties.alliances[1].id",
        "duplicate alliance id 'entente'",
        id="duplicate alliance id",
    ),
    pytest.param(
        edited(appending("treaties.pacts", {"members": ["france", "austria"]})),
        "treaties.pacts[1].members[1]",
        "unknown nation 'austria'",
        id="pact with an unknown nation",
    ),
    pytest.param(
        edited(setting("garrisons[0].territory", "lyon")),
        "garrisons[0].territory",
        "unknown territory 'lyon'",
        id="garrison in an unknown territory",
    ),
    # The map.
    pytest.param(
        edited(
            appending(
                "territories",
                {
                    "id": "luxembourg",
                    "name": "Luxembourg",
                    "code": "X",
                    "owner": "belgium",
                    "value": 1,
                },
            )
        ),
        "territories[4]",
        "has no cells on the map",
        id="territory with no cells",
    ),
    pytest.param(
        edited(setting("map.rows[2]", "R R A Q")),
        "map.rows[2]",
        "cell (3, 2) names unknown territory code 'Q'",
        id="unknown code on the map",
    ),
    pytest.param(
        edited(setting("map.rows[0]", "P P B B B")),
        "map.rows[0]",
        "cell (4, 0) lies outside the 4x3 grid",
        id="row with too many cells",
    ),
    pytest.param(
        edited(setting("map.rows[1]", "P A A")),
        "map.rows[1]",
        "has 3 cells but map.width is 4",
        id="row with too few cells",
    ),
    pytest.param(
        edited(setting("map.height", 4)),
        "map.rows",
        "has 3 rows but map.height is 4",
        id="wrong number of rows",
    ),
    pytest.param(
        edited(setting("map.rows[2]", "R R A P")),
        "territories[0]",
        "'paris' is split into pieces",
        id="territory in two pieces",
    ),
    # Nations and seats.
    pytest.param(
        edited(appending("nations", {"id": "italy", "name": "Italy", "colour": "#40a0a0"})),
        "nations[3]",
        "nation 'italy' owns no territory",
        id="nation without territory",
    ),
    pytest.param(
        edited(setting("seats[1].nations", [])),
        "seats[1].nations",
        "seat 'Central' plays no nation",
        id="seat without a nation",
    ),
    pytest.param(
        edited(appending("seats[1].nations", "france")),
        "seats[1].nations[1]",
        "nation 'france' is on both seats",
        id="nation on both seats",
    ),
    pytest.param(
        edited(deleting("nations[1].capital")),
        "seats[1].nations[0]",
        "seat nation 'germany' needs a capital",
        id="seat nation without capital",
    ),
    pytest.param(
        edited(setting("nations[0].capital", "berlin")),
        "nations[0].capital",
        "capital 'berlin' is owned by 'germany', not by 'france'",
        id="capital owned by another nation",
    ),
    # Treaties, wars and garrisons.
    pytest.param(
        edited(setting("treaties.alliances[0].members", ["france"])),
        "treaties.alliances[0].members",
        "needs at least two members",
        id="alliance of one",
    ),
    pytest.param(
        edited(setting("wars", [{"aggressor": "france", "target": "belgium"}])),
        "treaties.alliances[0].members",
        "'belgium' and 'france' are at war",
        id="allies at war with each other",
    ),
    pytest.param(
        edited(
            setting("nations[2].capital", "brussels"),
            setting("seats[0].nations", ["france", "belgium"]),
            setting("treaties.alliances", []),
            setting("wars", [{"aggressor": "france", "target": "belgium"}]),
        ),
        "wars[0]",
        "'france' and 'belgium' are played by the same seat",
        id="seat at war with itself",
    ),
    pytest.param(
        edited(setting("wars", [{"aggressor": "germany", "target": "germany"}])),
        "wars[0]",
        "cannot be at war with itself",
        id="nation at war with itself",
    ),
    pytest.param(
        edited(setting("treaties.alliances[0].members", ["france", "belgium", "france"])),
        "treaties.alliances[0].members[2]",
        "names nation 'france' twice",
        id="alliance naming a member twice",
    ),
    pytest.param(
        edited(setting("treaties.pacts[0].members", ["germany", "germany"])),
        "treaties.pacts[0].members",
        "names nation 'germany' twice",
        id="pact with itself",
    ),
    pytest.param(
        edited(setting("treaties.guarantees[0].guaranteed", "france")),
        "treaties.guarantees[0]",
        "names nation 'france' twice",
        id="guarantee of itself",
    ),
    pytest.param(
        edited(
            setting(
                "wars", [{"aggressor": "germany", "target": "france"}, {"aggressor": "france", "target": "germany"}]
            )
        ),
        "wars[1]",
        "the same war as wars[0]",
        id="one war written twice",
    ),
    pytest.param(
        edited(appending("treaties.pacts", {"members": ["belgium", "germany"]})),
        "treaties.pacts[1].members",
        "the same pact as treaties.pacts[0]",
        id="one pact written twice",
    ),
    pytest.param(
        edited(appending("treaties.guarantees", {"guarantor": "france", "guaranteed": "belgium"})),
        "treaties.guarantees[1]",
        "the same guarantee as treaties.guarantees[0]",
        id="one guarantee written twice",
    ),
    # A treaty's scope names what exists, once, and only what the treaty can cover.
    pytest.param(
        edited(setting("treaties.alliances[0].against", ["germany", "xx"])),
        "treaties.alliances[0].against[1]",
        "unknown nation 'xx'",
        id="scope against an unknown nation",
    ),
    pytest.param(
        edited(setting("treaties.guarantees[0].territories", ["atlantis"])),
        "treaties.guarantees[0].territories[0]",
        "unknown territory 'atlantis'",
        id="scope over an unknown territory",
    ),
    pytest.param(
        edited(setting("treaties.alliances[0].against", ["belgium"])),
        "treaties.alliances[0].against[0]",
        "'belgium' is party to this treaty, which never binds against its own",
        id="scope against a member",
    ),
    pytest.param(
        edited(setting("treaties.guarantees[0].territories", ["paris"])),
        "treaties.guarantees[0].territories[0]",
        "'paris' belongs to 'france', which this treaty does not protect",
        id="scope over land the guarantee does not protect",
    ),
    pytest.param(
        edited(setting("treaties.alliances[0].territories", ["paris", "paris"])),
        "treaties.alliances[0].territories[1]",
        "names territory 'paris' twice",
        id="scope naming a territory twice",
    ),
    pytest.param(
        edited(setting("treaties.alliances[0].against", "germany")),
        "treaties.alliances[0].against",
        "valid list",
        id="scope written as a word, not a list",
    ),
    pytest.param(
        edited(appending("garrisons", {"territory": "paris", "nation": "germany", "strength": 1})),
        "garrisons[2].nation",
        "'germany' may only garrison 'paris' as an ally of its owner 'france'",
        id="garrison of a non-ally abroad",
    ),
]


def test_the_small_world_used_to_build_broken_levels_is_itself_valid(tmp_path: Path) -> None:
    assert load_level(write_level(tmp_path, small_world())).title == "Small world"


@pytest.mark.parametrize(("make_file", "location", "fragment"), BROKEN_LEVELS)
def test_a_broken_level_is_refused_saying_where_and_why(
    tmp_path: Path, make_file: MakeFile, location: str, fragment: str
) -> None:
    problems = problems_loading(make_file(tmp_path))
    assert any(where == location and fragment in text for where, text in problems), problems


def test_a_level_error_is_a_value_error_naming_the_file_and_each_problem(tmp_path: Path) -> None:
    path = edited(setting("territories[2].owner", "prussia"), setting("map.rows[2]", "R R A Q"))(tmp_path)
    with pytest.raises(ValueError) as caught:
        load_level(path)
    assert str(caught.value).splitlines() == [
        f"{path}: 2 problem(s)",
        "  map.rows[2]: cell (3, 2) names unknown territory code 'Q'",
        "  territories[2].owner: unknown nation 'prussia'",
    ]


def test_every_problem_in_a_file_is_reported_at_once_not_just_the_first(tmp_path: Path) -> None:
    path = edited(
        setting("territories[1].owner", "prussia"),
        setting("nations[2].id", "france"),
        setting("map.rows[2]", "R R A Q"),
        appending("garrisons", {"territory": "paris", "nation": "germany", "strength": 1}),
    )(tmp_path)
    locations = {where for where, _ in problems_loading(path)}
    expected = {"territories[1].owner", "nations[2].id", "map.rows[2]", "garrisons[2].nation"}
    assert expected <= locations


def test_every_type_and_range_mistake_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    path = edited(
        setting("territories[1].value", "three"),
        setting("nations[0].credibility", 150),
        setting("territories[0].valu", 3),
    )(tmp_path)
    locations = {where for where, _ in problems_loading(path)}
    assert {"territories[1].value", "nations[0].credibility", "territories[0].valu"} <= locations


def test_a_level_of_exactly_5_mb_is_still_accepted(tmp_path: Path) -> None:
    assert load_level(padded_to(5 * MB)(tmp_path)).title == "Small world"


def test_a_folder_is_refused_as_a_level(tmp_path: Path) -> None:
    assert problems_loading(tmp_path) == [("", "is a folder, not a level file")]


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "level.json"
    path.write_bytes(b'{"title": "Caf\xe9"}')
    assert problems_loading(path) == [("byte 14", "byte 14: file is not UTF-8 text")]


def test_deeply_nested_json_is_refused_as_a_level_error(tmp_path: Path) -> None:
    problems_loading(text_file("[" * 100_000)(tmp_path))


def test_a_number_too_long_to_read_is_refused_as_a_level_error(tmp_path: Path) -> None:
    problems_loading(text_file('{"round_limit": ' + "9" * 5000 + "}")(tmp_path))


# Round trips over every level a player can pick and every level the tests ship.


def _roundtrip(path: Path, tmp_path: Path) -> None:
    level = load_level(path)
    copy = tmp_path / path.name
    save_level(level, copy)
    assert load_level(copy) == level


def test_a_shipped_level_loads_and_survives_a_save(shipped_level: Path, tmp_path: Path) -> None:
    _roundtrip(shipped_level, tmp_path)


def test_a_fixture_level_loads_and_survives_a_save(fixture_level: Path, tmp_path: Path) -> None:
    _roundtrip(fixture_level, tmp_path)


def _assert_dump_is_stable(path: Path) -> None:
    first = dump_level(load_level(path))
    again = dump_level(parse_level(first))
    assert again == first


def test_saving_a_shipped_level_twice_writes_the_same_text(shipped_level: Path) -> None:
    _assert_dump_is_stable(shipped_level)


def test_saving_a_fixture_level_twice_writes_the_same_text(fixture_level: Path) -> None:
    _assert_dump_is_stable(fixture_level)


def test_a_saved_level_keeps_defaults_written_out_for_the_designer(tmp_path: Path) -> None:
    path = tmp_path / "saved.json"
    save_level(load_level(write_level(tmp_path, small_world())), path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format_version"] == 1
    assert saved["nations"][2]["stability"] == 60  # written out although the source omitted it
    assert saved["map"]["rows"] == small_world()["map"]["rows"]


def test_a_treaty_scope_is_saved_as_written_and_a_treaty_without_one_gains_no_empty_fields(tmp_path: Path) -> None:
    level = small_world()
    level["treaties"]["guarantees"][0] |= {"against": ["germany"], "territories": ["brussels"]}
    path = tmp_path / "saved.json"
    save_level(load_level(write_level(tmp_path, level)), path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["treaties"]["guarantees"][0] == {
        "guarantor": "france",
        "guaranteed": "belgium",
        "against": ["germany"],
        "territories": ["brussels"],
    }
    assert "against" not in saved["treaties"]["alliances"][0] and "territories" not in saved["treaties"]["alliances"][0]


# Saving is atomic: a crash part-way leaves the old file as it was.


@pytest.mark.parametrize("failing_call", ["os.replace", "os.fsync"])
def test_a_save_that_fails_part_way_leaves_the_old_file_untouched(
    tmp_path: Path, mocker: MockerFixture, failing_call: str
) -> None:
    target = tmp_path / "level.json"
    target.write_text("the good old level", encoding="utf-8")
    level = load_level(write_level(tmp_path, small_world(), name="source.json"))
    mocker.patch(failing_call, side_effect=OSError("disk full"))

    with pytest.raises(OSError, match="disk full"):
        save_level(level, target)

    assert target.read_text(encoding="utf-8") == "the good old level"
    assert sorted(os.listdir(tmp_path)) == ["level.json", "source.json"]


def test_a_save_replaces_the_old_file_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "level.json"
    target.write_text("the old level", encoding="utf-8")
    level = load_level(write_level(tmp_path, small_world(), name="source.json"))
    save_level(level, target)
    assert load_level(target) == level
    assert sorted(os.listdir(tmp_path)) == ["level.json", "source.json"]


def test_a_file_over_the_limit_is_one_problem_said_once(tmp_path: Path) -> None:
    assert problems_loading(padded_to(5 * MB + 1)(tmp_path)) == [
        ("", "file is 5.2 MB; a level file may be at most 5 MB (5,242,880 bytes)")
    ]


def test_a_level_saved_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(small_world()).encode("utf-8"))
    assert load_level(path).title == small_world()["title"]
