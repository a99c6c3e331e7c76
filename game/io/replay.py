"""Action scripts: JSON lines of actions, played headless. The engine's scriptable face."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from game.core import Event, IllegalAction, Level, action_problem, apply, new_match, parse_action
from game.io.textfile import UnreadableFile, json_trouble, read_text_file, strict_json

# A script is one action per line; a million lines is far past any real match.
MAX_SCRIPT_BYTES = 100 * 1024 * 1024


class ScriptError(ValueError):
    """A script that cannot be played: the message names the file and line."""


def run_script(level: Level, path: str | os.PathLike[str], seed: int = 0) -> Iterator[Event]:
    """Yield every event: the opening ones, then those of each scripted action in order.

    Blank lines and lines starting with ``#`` are skipped, so scripts can carry notes.
    """
    p = Path(path)
    try:
        lines = read_text_file(p, MAX_SCRIPT_BYTES, "script").splitlines()
    except UnreadableFile as err:
        raise ScriptError(f"{p}: {err}") from None
    match = new_match(level, seed)
    yield from match.events
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        where = f"{p}:{number}"
        try:
            raw = strict_json(text)
        except json.JSONDecodeError as err:
            raise ScriptError(f"{where}: bad JSON at column {err.colno}: {err.msg}") from None
        except (RecursionError, ValueError) as err:
            raise ScriptError(f"{where}: bad JSON: {json_trouble(err)}") from None
        if not isinstance(raw, dict):
            raise ScriptError(f'{where}: each line must be one JSON object, such as {{"kind": "end_turn"}}')
        if "kind" not in raw:
            raise ScriptError(f'{where}: the action has no "kind" (recruit, move, attack, end_turn, ...)')
        try:
            action = parse_action(raw)
        except ValidationError as err:
            raise ScriptError(f"{where}: not a valid action: {action_problem(err)}") from None
        try:
            yield from apply(match, action)
        except IllegalAction as err:
            raise ScriptError(f"{where}: illegal {action.kind}: {err}") from None
