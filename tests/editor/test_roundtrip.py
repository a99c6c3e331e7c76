"""Level files through the editor: opening and saving without edits loses nothing, a file
the editor wrote comes back byte for byte, and a level typed by hand survives editing."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core import level_problems
from game.editor import EditHistory, create_territory, generate_level, paint, set_garrison, update_territory
from game.io.levels import dump_level, load_level, parse_level, save_level

# Fixtures typed by hand in their own compact style (defaults left out): saving them keeps the
# level but not the layout. Every other level file must come back byte for byte.
HAND_FORMATTED_FIXTURES = {"july_1914.json"}


def saved_again(path: Path, folder: Path) -> bytes:
    """The bytes the editor writes after opening ``path`` and saving it with no edit."""
    copy = folder / path.name
    save_level(load_level(path), copy)
    return copy.read_bytes()


def test_a_shipped_level_saved_without_edits_is_the_same_file(shipped_level: Path, tmp_path: Path) -> None:
    assert saved_again(shipped_level, tmp_path) == shipped_level.read_bytes(), (
        f"{shipped_level.name} is not laid out the way the editor saves levels (game.io.levels.dump_level): "
        "opening and saving it would rewrite it"
    )


def test_a_fixture_saved_without_edits_is_the_same_file(fixture_level: Path, tmp_path: Path) -> None:
    if fixture_level.name in HAND_FORMATTED_FIXTURES:
        once = saved_again(fixture_level, tmp_path)
        assert load_level(tmp_path / fixture_level.name) == load_level(fixture_level)
        assert saved_again(tmp_path / fixture_level.name, tmp_path / "again") == once
    else:
        assert saved_again(fixture_level, tmp_path) == fixture_level.read_bytes()


def test_a_saved_level_keeps_small_objects_on_one_line_and_the_map_one_row_per_line() -> None:
    text = dump_level(parse_level(HAND_WRITTEN))

    territory = (
        '{"id": "north_cape", "name": "North Cape", "code": "N", "owner": "north", "value": 3, "terrain": "plains"}'
    )
    assert f"    {territory},\n" in text
    assert '    "rows": [\n      "N  N   .  S S",\n      "  N  Nh . S   S",\n' in text  # as typed, until painted
    assert '    {"name": "N", "nations": ["north"]},\n' in text


@pytest.mark.parametrize("seed", range(5))
def test_a_generated_level_saved_and_loaded_is_the_same_file(seed: int, tmp_path: Path) -> None:
    level = generate_level(seed, 20, 14, 5)
    path = tmp_path / "generated.json"
    save_level(level, path)

    assert load_level(path) == level
    assert dump_level(load_level(path)) == path.read_text(encoding="utf-8")


HAND_WRITTEN = """{
  "title":"Strait",   "round_limit": 10,
  "map": {"width": 5, "height": 3,
          "rows": ["N  N   .  S S",
                   "  N  Nh . S   S",
                   "Nh Nh  .  .  S  "]},
  "nations": [
     {"id": "north", "name": "North", "colour": "#3050C0", "capital": "north_cape"},
     {"id": "south", "name": "South", "colour": "#c03030", "capital": "south_cape"}],
  "seats": [{"name": "N", "nations": ["north"]}, {"name": "S", "nations": ["south"]}],
  "territories": [
     {"id": "north_cape", "name": "North Cape", "code": "N", "owner": "north", "value": 3},
     {"id": "north_hills", "name": "North Hills", "code": "Nh", "owner": "north", "value": 1, "terrain": "hills"},
     {"id": "south_cape", "name": "South Cape", "code": "S", "owner": "south", "value": 3}
  ]
}"""


def test_a_level_written_by_hand_loads_and_survives_an_edit_round(tmp_path: Path) -> None:
    source = tmp_path / "strait.json"
    source.write_text(HAND_WRITTEN, encoding="utf-8")
    edit = EditHistory(load_level(source))

    edit.apply("paint", paint(edit.level, [(2, 1)], "Nh"))  # a land bridge across the strait
    edit.apply("create territory", create_territory(edit.level, "isle", "Isle", "I", "south", cells=[(2, 2), (3, 2)]))
    edit.apply("garrison", set_garrison(edit.level, "south_cape", "south", 2))
    edit.apply("rename", update_territory(edit.level, "north_hills", name="Highlands", code="H"))
    assert level_problems(edit.level) == []
    save_level(edit.level, source)
    edit.mark_saved()

    reloaded = load_level(source)
    assert reloaded == edit.level and not edit.dirty
    assert reloaded.map.rows == ["N N . S S", "N H H S S", "H H I I S"]
    while edit.can_undo:
        edit.undo()
    assert edit.level == parse_level(HAND_WRITTEN)
