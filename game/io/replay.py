"""Action scripts: JSON lines of actions, played headless. The engine's scriptable face."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from game.core import Event, IllegalAction, Level, apply, new_match, parse_action


class ScriptError(ValueError):
    """A script that cannot be played: the message names the file and line."""


def run_script(level: Level, path: str | os.PathLike[str], seed: int = 0) -> Iterator[Event]:
    """Yield every event: the opening ones, then those of each scripted action in order.

    Blank lines and lines starting with ``#`` are skipped, so scripts can carry notes.
    """
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ScriptError(f"{p}: no such script") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ScriptError(f"{p}: cannot read the script ({err})") from None
    match = new_match(level, seed)
    yield from match.events
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        where = f"{p}:{number}"
        try:
            action = parse_action(json.loads(text))
        except (json.JSONDecodeError, RecursionError) as err:
            raise ScriptError(f"{where}: not a JSON object ({err})") from None
        except ValidationError as err:
            first = err.errors(include_url=False)[0]
            loc = ".".join(str(x) for x in first["loc"])
            detail = f"{loc}: {first['msg']}" if loc else first["msg"]
            raise ScriptError(f"{where}: not a valid action: {detail}") from None
        try:
            yield from apply(match, action)
        except IllegalAction as err:
            raise ScriptError(f"{where}: illegal {action.kind}: {err}") from None
