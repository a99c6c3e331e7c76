"""Level files: JSON on disk, validated into :class:`~game.core.level.Level`.

Every problem is reported at once with its location, never as a traceback: the
people who read these messages are map designers, not Python programmers.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.core.level import Level, Problem, level_problems
from game.io.atomic import write_atomic
from game.io.paths import maps_dir, shipped_levels_dir
from game.io.textfile import UnreadableFile, json_trouble, read_text_file, strict_json

MAX_FILE_BYTES = 5 * 1024 * 1024


class LevelError(ValueError):
    """A level that cannot be used; ``problems`` lists every reason with its location."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{source}: {len(problems)} problem(s)\n{lines}")


def format_location(loc: tuple[int | str, ...]) -> str:
    """``('territories', 3, 'owner')`` -> ``territories[3].owner``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _pydantic_problems(error: ValidationError) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        # Discriminated unions add the tag to the location; it means nothing to a designer.
        loc = tuple(p for p in item["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        message = item["msg"]
        if item["type"] == "extra_forbidden":
            message = "unknown field (check the spelling; `alliances schema` lists the fields)"
        elif item["type"] == "missing":
            message = "required field is missing"
        problems.append(Problem(format_location(loc), _lowercase_first(message)))
    return problems


def _lowercase_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def parse_level(text: str, source: str = "<level>") -> Level:
    """Parse and fully validate a level from JSON text; raise LevelError listing every problem."""
    try:
        raw: Any = strict_json(text)
    except json.JSONDecodeError as err:
        raise LevelError(source, [Problem(f"line {err.lineno}, column {err.colno}", f"bad JSON: {err.msg}")]) from None
    except (RecursionError, ValueError) as err:
        raise LevelError(source, [Problem("", f"bad JSON: {json_trouble(err)}")]) from None
    return level_from_data(raw, source)


def level_from_data(raw: Any, source: str = "<level>") -> Level:
    """Validate already-decoded JSON data (used by saves, which embed their level)."""
    if not isinstance(raw, dict):
        raise LevelError(source, [Problem("", "a level must be a JSON object")])
    try:
        level = Level.model_validate(raw)
    except ValidationError as err:
        raise LevelError(source, _pydantic_problems(err)) from None
    problems = level_problems(level)
    if problems:
        raise LevelError(source, problems)
    return level


def load_level(path: str | os.PathLike[str]) -> Level:
    """Read a level file; LevelError for anything wrong with it, including a missing file."""
    try:
        text = read_text_file(path, MAX_FILE_BYTES, "level")
    except UnreadableFile as err:
        raise LevelError(str(path), [Problem(err.where, err.reason)]) from None
    return parse_level(text, str(path))


# A name that matches nothing lists what there is, but a folder of thousands of maps is not a message.
MAX_NAMES_LISTED = 20


def find_level(name: str) -> str:
    """The file a level argument means, as every command takes it: a path to a level file (returned
    as written), or the name of a shipped level or of one of the player's maps (``tutorial`` or
    ``tutorial.json``).

    LevelError if a bare name is none of these, listing the shipped levels and the player's maps.
    """
    path = Path(name)
    # A path into a folder, or anything already there (a broken link too), is the file meant, as
    # written: what is wrong with it is said when it is read.
    if path.name != name or path.exists() or path.is_symlink():
        return name
    stem = name.removesuffix(".json")
    for folder in (shipped_levels_dir(), maps_dir()):
        candidate = folder / f"{stem}.json"
        if candidate.is_file():
            return str(candidate)
    raise LevelError(name, [Problem("", _no_level_called())])


def level_names(folder: Path) -> list[str]:
    """The names of the levels in ``folder`` (drafts left out: they cannot be played yet)."""
    try:
        return sorted(p.stem for p in folder.glob("*.json") if not p.name.endswith(".draft.json"))
    except OSError:
        return []


def _no_level_called() -> str:
    def listed(names: list[str]) -> str:
        more = len(names) - MAX_NAMES_LISTED
        return ", ".join(names[:MAX_NAMES_LISTED]) + (f" and {more} more" if more > 0 else "")

    shipped, mine = level_names(shipped_levels_dir()), level_names(maps_dir())
    message = "no such file here, and no shipped level or map of yours is called that"
    if shipped:
        message += f"; shipped levels: {listed(shipped)}"
    if mine:
        message += f"; your maps: {listed(mine)}"
    return message


def load_named_level(name: str) -> Level:
    """:func:`find_level`, then :func:`load_level`: the LevelError's ``source`` is the file read."""
    return load_level(find_level(name))


# A level file stays pleasant to read and edit by hand: a small object (a territory, a seat,
# a garrison) or a list of plain values sits on one line when the line fits in this width;
# anything bigger opens up, one entry per line. Shipped levels are written this way, so
# opening one in the editor and saving it changes nothing.
LINE_WIDTH = 140


def dump_level(level: Level) -> str:
    """The level as pleasant JSON: two-space indent, small objects on one line, map rows one
    per line, defaults kept. The same level always gives the same text."""
    data = level.model_dump(mode="json")
    for nation in data["nations"]:
        if not nation["claims"]:  # most nations claim nothing: a file written before claims stays as it was
            del nation["claims"]
    return _dump(data, 0, "", "") + "\n"


def _dump(value: Any, depth: int, lead: str, tail: str, key: str = "") -> str:
    """``value`` (under ``key``) as JSON on a line that starts with ``lead`` and ends with ``tail``."""
    flat = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, dict | list):
        return flat
    one_line = key != "rows" and _may_share_a_line(value)
    if one_line and len(lead) + len(flat) + len(tail) <= LINE_WIDTH:
        return flat
    pad = "  " * (depth + 1)
    lines = []
    if isinstance(value, list):
        for index, item in enumerate(value):
            comma = "," if index < len(value) - 1 else ""
            lines.append(pad + _dump(item, depth + 1, pad, comma) + comma)
        return "[\n" + "\n".join(lines) + "\n" + "  " * depth + "]"
    for index, (name, item) in enumerate(value.items()):
        comma = "," if index < len(value) - 1 else ""
        head = pad + json.dumps(name, ensure_ascii=False) + ": "
        lines.append(head + _dump(item, depth + 1, head, comma, name) + comma)
    return "{\n" + "\n".join(lines) + "\n" + "  " * depth + "}"


def _may_share_a_line(value: Any) -> bool:
    """Whether ``value`` may be written on one line if it fits: not the map (its rows, one per
    line, are the map as the designer sees it), nor a list of several objects (they read best
    one per line, however short), nor anything holding either."""
    if isinstance(value, dict):
        return "rows" not in value and all(_may_share_a_line(v) for v in value.values())
    if isinstance(value, list):
        nested = [v for v in value if isinstance(v, dict | list)]
        return not nested or (len(value) == 1 and _may_share_a_line(nested[0]))
    return True


def save_level(level: Level, path: str | os.PathLike[str]) -> None:
    """Write a level atomically."""
    write_atomic(path, dump_level(level))


def level_schema() -> dict[str, Any]:
    """The JSON Schema of a level file, for editors' completion and checking."""
    schema = Level.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Alliances level"
    return schema
