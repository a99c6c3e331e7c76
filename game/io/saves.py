"""Saves: the level, the seed and the action log, plus a snapshot hash to prove the replay.

A save is its own replay: loading plays the log again on the embedded level and
checks that the result hashes to the snapshot taken when it was written. So a
save never depends on pickled objects, and a damaged one is caught, not trusted.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from game.core import IllegalAction, Match, apply, new_match, parse_action, snapshot, state_hash
from game.io.atomic import write_atomic
from game.io.levels import LevelError, format_location, level_from_data
from game.io.textfile import UnreadableFile, json_trouble, read_text_file

# A save replays its actions under the rules, so a change to the rules is a new format:
# 2 = NPCs answer offers at the round's end, alternating first seat, levies, NPC army caps.
# 3 = a seat never fights itself (no duty against a seat-mate, no attack on one or on its ally);
#     a truce after peace.
SAVE_FORMAT = 3
MAX_SAVE_BYTES = 50 * 1024 * 1024


class SaveError(ValueError):
    """A save that cannot be loaded; the message says what is wrong and where."""


class SaveSummary(BaseModel):
    """What a load dialog shows without replaying the match."""

    title: str
    round: int
    seat: int
    phase: str
    saved_at: str


class SaveFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format_version: Literal[3]
    summary: SaveSummary
    level: dict[str, Any]
    seed: int
    controllers: tuple[str, str]
    actions: list[dict[str, Any]]
    snapshot_hash: str
    snapshot: dict[str, Any]


def save_to_text(m: Match) -> str:
    data = SaveFile(
        format_version=SAVE_FORMAT,
        summary=SaveSummary(
            title=m.level.title,
            round=m.round,
            seat=m.seat,
            phase=m.phase,
            saved_at=datetime.now(UTC).isoformat(timespec="seconds"),
        ),
        level=m.level.model_dump(mode="json"),
        seed=m.seed,
        controllers=m.controllers,
        actions=list(m.log),
        snapshot_hash=state_hash(m),
        snapshot=snapshot(m),
    )
    return data.model_dump_json(indent=1) + "\n"


def save_match(m: Match, path: str | os.PathLike[str]) -> None:
    """Write atomically: a crash mid-save leaves the previous save as it was."""
    write_atomic(path, save_to_text(m))


def load_match(path: str | os.PathLike[str]) -> Match:
    """Replay a save into a match, or raise SaveError with one clear sentence."""
    return match_from_text(_read(path), str(path))


def read_summary(path: str | os.PathLike[str]) -> SaveSummary:
    """The summary of a save, for a load menu; SaveError if it is damaged."""
    data = _parse(_read(path), str(path))
    return data.summary


def _read(path: str | os.PathLike[str]) -> str:
    try:
        return read_text_file(path, MAX_SAVE_BYTES, "save")
    except UnreadableFile as err:
        raise SaveError(f"{path}: {err}") from None


def _parse(text: str, source: str) -> SaveFile:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as err:
        raise SaveError(f"{source}: damaged save (bad JSON at line {err.lineno}, column {err.colno})") from None
    except (RecursionError, ValueError) as err:
        raise SaveError(f"{source}: damaged save (bad JSON: {json_trouble(err)})") from None
    version = raw.get("format_version") if isinstance(raw, dict) else None
    if isinstance(version, int) and version > SAVE_FORMAT:
        raise SaveError(f"{source}: save format {version} is newer than this game understands ({SAVE_FORMAT})")
    if isinstance(version, int) and 1 <= version < SAVE_FORMAT:
        raise SaveError(
            f"{source}: this save was made under older rules (save format {version}) and cannot be replayed by "
            f"this version of the game (format {SAVE_FORMAT}); the file is left as it is"
        )
    if version is not None and version != SAVE_FORMAT:
        raise SaveError(f"{source}: save format {version!r} is not one this game can read (it reads {SAVE_FORMAT})")
    try:
        return SaveFile.model_validate(raw)
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        raise SaveError(f"{source}: damaged save: {format_location(tuple(first['loc']))}: {first['msg']}") from None


def match_from_text(text: str, source: str = "<save>") -> Match:
    data = _parse(text, source)
    try:
        level = level_from_data(data.level, f"{source}: level")
    except LevelError as err:
        raise SaveError(f"{source}: the level inside the save is broken: {err.problems[0]}") from None
    m = new_match(level, data.seed, data.controllers)
    for number, entry in enumerate(data.actions, start=1):
        try:
            apply(m, parse_action(entry))
        except ValidationError:
            raise SaveError(f"{source}: damaged save: action {number} is not a valid action") from None
        except IllegalAction as err:
            raise SaveError(f"{source}: damaged save: action {number} does not replay ({err})") from None
    if state_hash(m) != data.snapshot_hash:
        raise SaveError(f"{source}: damaged save: replaying the actions does not reach the saved position")
    return m
