"""Saves: the level, the seed and the action log, plus the snapshot that loading uses.

Loading copies the snapshot (:func:`game.core.restore.restore`) instead of replaying the
whole log, which took seconds on a big map and grew with every round. Trust comes from one
hash over the whole content (level, seed, controllers, log, snapshot, chronicle): a file
changed by hand, or by a failing disk, is a damaged save, not other rules to play under.
The log stays, so ``alliances verify`` can still replay a save and compare it with its
snapshot, and undo can take back the turn's last actions.

Older formats are upgraded, not refused (:func:`_upgrade`): their snapshots were taken under
older rules and hashed another way, so they are replayed from the log under today's rules,
and written in today's format on the next save. docs/FORMATS.md says what each format held.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from game.core import IllegalAction, Match, apply, new_match, parse_action, snapshot, state_hash
from game.core.engine import HUMAN
from game.core.events import Event
from game.core.restore import BadSnapshot, restore
from game.io.atomic import write_atomic
from game.io.levels import LevelError, format_location, level_from_data
from game.io.textfile import UnreadableFile, json_trouble, read_text_file, strict_json

# The formats, and what each added (docs/FORMATS.md says more):
# 1 = the level, the seed, the controllers, the action log; a hash of the replayed state.
# 2 = NPCs answer offers at the round's end, alternating first seat, levies, NPC army caps.
# 3 = a seat never fights itself (no duty against a seat-mate, no attack on one or on its ally);
#     a truce after peace.
# 4 = loads from its snapshot; one hash over the whole content; a match id (its own autosave);
#     the chronicle, the charts' history and the turn's undo point; the seats in the summary.
SAVE_FORMAT = 4
MAX_SAVE_BYTES = 50 * 1024 * 1024
#: The id of every match the map editor play-tests: they share one autosave, never a real match's.
PLAYTEST_ID = "playtest"
MATCH_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
EVENTS_ADAPTER: TypeAdapter[list[Event]] = TypeAdapter(list[Event])
# An upgrade that has to skip more actions than this is no longer the match that was saved (and a
# hostile file of a million refused actions must not keep the Load screen busy for minutes).
MAX_SKIPPED = 100


class SaveError(ValueError):
    """A save that cannot be loaded; the message says what is wrong and where."""


class SaveSummary(BaseModel):
    """What a load dialog shows without loading the match."""

    title: str
    round: int
    seat: int
    phase: str
    saved_at: str
    seats: list[str] = Field(default_factory=list, description="the seats' names (format 4 on)")
    round_limit: int = Field(0, description="the level's round limit (format 4 on; 0 when not known)")


class UndoPoint(BaseModel):
    """The turn's undo checkpoint: the state before the last ``actions`` of the log.

    Its log, chronicle and history are the first entries of the match's own, so only
    their lengths are kept.
    """

    model_config = ConfigDict(extra="forbid", strict=True)

    actions: int = Field(ge=1)
    snapshot: dict[str, Any]
    events: int = Field(ge=0)
    history: int = Field(ge=0)


class SaveFile(BaseModel):
    """Format 4, as written by :func:`save_to_text`."""

    model_config = ConfigDict(extra="forbid", strict=True)

    format_version: Literal[4]
    match_id: str = Field(pattern=MATCH_ID_PATTERN)
    summary: SaveSummary
    level: dict[str, Any]
    seed: int
    controllers: list[str] = Field(min_length=2, max_length=2)
    actions: list[dict[str, Any]]
    snapshot: dict[str, Any]
    history: list[Any]
    events: list[dict[str, Any]]
    undo: UndoPoint | None
    content_hash: str


class OldSaveFile(BaseModel):
    """Formats 1 to 3: the same fields, the rules they were played under differ."""

    model_config = ConfigDict(extra="forbid")

    format_version: Literal[1, 2, 3]
    summary: SaveSummary
    level: dict[str, Any]
    seed: int
    controllers: tuple[str, str]
    actions: list[dict[str, Any]]
    snapshot_hash: str
    snapshot: dict[str, Any]


@dataclass
class SaveInfo:
    """What the Load screen lists: the summary, who plays each seat, and whether it will be upgraded."""

    summary: SaveSummary
    controllers: tuple[str, str]
    match_id: str
    format_version: int


@dataclass
class LoadedSave:
    """A loaded match; for an upgraded older save, a short sentence for a notice and what was skipped."""

    match: Match
    format_version: int
    note: str | None = None
    skipped: list[str] = field(default_factory=list)


# Writing -------------------------------------------------------------------------


def new_match_id() -> str:
    """An id for a new match: its autosave's name. Random, so two matches never share one."""
    return secrets.token_hex(8)


def ensure_match_id(m: Match) -> str:
    """The match's id, given now if the match was started without one (a test, a tool)."""
    if m.match_id is None:
        m.match_id = new_match_id()
        if m.checkpoint is not None:  # undo restores the checkpoint: it must not forget the id
            m.checkpoint.match_id = m.match_id
    return m.match_id


def save_data(m: Match) -> dict[str, Any]:
    """The save as JSON-ready data, its hash included. Gives the match an id if it has none."""
    ensure_match_id(m)
    content: dict[str, Any] = {
        "format_version": SAVE_FORMAT,
        "match_id": m.match_id,
        "summary": SaveSummary(
            title=m.level.title,
            round=m.round,
            seat=m.seat,
            phase=m.phase,
            saved_at=datetime.now(UTC).isoformat(timespec="microseconds"),
            seats=[seat.name for seat in m.level.seats],
            round_limit=m.level.round_limit,
        ).model_dump(mode="json"),
        "level": m.level.model_dump(mode="json"),
        "seed": m.seed,
        "controllers": list(m.controllers),
        "actions": list(m.log),
        "snapshot": snapshot(m),
        "history": m.history,
        "events": [event.model_dump(mode="json") for event in m.events],
        "undo": _undo_point(m),
    }
    # Through JSON once, so that the hash is taken of exactly what a reader will parse.
    content = json.loads(json.dumps(content))
    content["content_hash"] = content_hash(content)
    return content


def _undo_point(m: Match) -> dict[str, Any] | None:
    if m.checkpoint is None or m.undoable <= 0:
        return None
    return {
        "actions": m.undoable,
        "snapshot": snapshot(m.checkpoint),
        "events": m.checkpoint_events,
        "history": len(m.checkpoint.history),
    }


def content_hash(content: dict[str, Any]) -> str:
    """SHA-256 of everything in the save but the hash itself, as canonical JSON (sorted keys, no spaces)."""
    body = {k: v for k, v in content.items() if k != "content_hash"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def save_to_text(m: Match) -> str:
    return json.dumps(save_data(m), indent=1) + "\n"


def save_match(m: Match, path: str | os.PathLike[str]) -> None:
    """Write atomically: a crash mid-save leaves the previous save as it was."""
    write_atomic(path, save_to_text(m))


# Reading -------------------------------------------------------------------------


def load_match(path: str | os.PathLike[str]) -> Match:
    """The saved match, or SaveError with one clear sentence."""
    return load_save(path).match


def load_save(path: str | os.PathLike[str]) -> LoadedSave:
    """The saved match and how it was loaded (upgraded from an older format?), or SaveError."""
    return loaded_from_text(_read(path), str(path))


def match_from_text(text: str, source: str = "<save>") -> Match:
    return loaded_from_text(text, source).match


def read_summary(path: str | os.PathLike[str]) -> SaveSummary:
    """The summary of a save, for a load menu; SaveError if it is damaged."""
    return read_info(path).summary


def read_info(path: str | os.PathLike[str]) -> SaveInfo:
    """What the Load screen shows of a save, after the checks that need no replay (the hash included)."""
    source = str(path)
    data = _parse(_read(path), source)
    if isinstance(data, SaveFile):
        return SaveInfo(data.summary, _pair(data.controllers), data.match_id, 4)
    summary = data.summary
    summary.seats = summary.seats or _seat_names(data.level)
    limit = data.level.get("round_limit")
    summary.round_limit = summary.round_limit or (limit if type(limit) is int else 0)
    return SaveInfo(summary, data.controllers, _legacy_id(data), data.format_version)


def loaded_from_text(text: str, source: str = "<save>") -> LoadedSave:
    data = _parse(text, source)
    if isinstance(data, OldSaveFile):
        return _upgrade(data, source)
    level = _level(data.level, source)
    controllers = _pair(data.controllers)
    actions = _actions(data.actions, source)
    try:
        m = restore(level, data.seed, controllers, data.snapshot, data.history)
        if data.undo is not None:
            m.checkpoint, m.undoable = _checkpoint(data, level, controllers), data.undo.actions
    except BadSnapshot as err:
        raise SaveError(f"{source}: damaged save: {err}") from None
    m.log = actions
    m.events = _events(data.events, source)
    m.match_id = data.match_id
    if m.checkpoint is not None and data.undo is not None:
        m.checkpoint_events = data.undo.events  # undo keeps the chronicle up to here (see engine.undo)
    return LoadedSave(m, SAVE_FORMAT)


def _checkpoint(data: SaveFile, level: Any, controllers: tuple[str, str]) -> Match:
    undo = data.undo
    assert undo is not None
    if data.snapshot.get("phase") != "seat" or undo.actions > len(data.actions):
        raise BadSnapshot("undo.actions", "more actions to take back than the turn holds")
    if undo.events > len(data.events) or undo.history > len(data.history):
        raise BadSnapshot("undo", "the undo point lies after the saved position")
    point = restore(level, data.seed, controllers, undo.snapshot, data.history[: undo.history], "undo.snapshot")
    point.match_id = data.match_id  # a checkpoint keeps no log or events of its own (Match.clone)
    return point


def _read(path: str | os.PathLike[str]) -> str:
    try:
        return read_text_file(path, MAX_SAVE_BYTES, "save")
    except UnreadableFile as err:
        raise SaveError(f"{path}: {err}") from None


def _parse(text: str, source: str) -> SaveFile | OldSaveFile:
    """The file's fields, checked in the order that gives the clearest message: JSON, format, seats, hash."""
    try:
        raw = strict_json(text)
    except json.JSONDecodeError as err:
        raise SaveError(f"{source}: damaged save (bad JSON at line {err.lineno}, column {err.colno})") from None
    except (RecursionError, ValueError) as err:
        raise SaveError(f"{source}: damaged save (bad JSON: {json_trouble(err)})") from None
    if not isinstance(raw, dict):
        raise SaveError(f"{source}: damaged save (not a JSON object)")
    version = raw.get("format_version")
    if type(version) is int and version > SAVE_FORMAT:
        raise SaveError(f"{source}: save format {version} is newer than this game understands ({SAVE_FORMAT})")
    if type(version) is not int or version < 1:
        raise SaveError(
            f"{source}: save format {version!r} is not one this game can read (it reads 1 to {SAVE_FORMAT})"
        )
    _check_controllers(raw.get("controllers"), source)
    model: type[SaveFile | OldSaveFile] = SaveFile if version == SAVE_FORMAT else OldSaveFile
    try:
        data = model.model_validate(raw)
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        raise SaveError(f"{source}: damaged save: {format_location(tuple(first['loc']))}: {first['msg']}") from None
    if isinstance(data, SaveFile) and content_hash(raw) != data.content_hash:
        raise SaveError(
            f"{source}: damaged save: its content does not match its hash (the file was changed after the game "
            "wrote it, by hand or by a failing disk)"
        )
    return data


def _check_controllers(controllers: Any, source: str) -> None:
    """Each seat is played by a human or by a bot this game has: said before the match opens, not as a crash."""
    from game.ai.registry import BOT_NAMES, UnknownBot, make_bot

    if not isinstance(controllers, list) or len(controllers) != 2:
        raise SaveError(f"{source}: damaged save: controllers: must list who plays each of the two seats")
    for index, spec in enumerate(controllers):
        if spec == HUMAN:
            continue
        known = f"{HUMAN} or a bot: {', '.join(BOT_NAMES)}"
        if not isinstance(spec, str):
            raise SaveError(f"{source}: controllers[{index}]: {str(spec)[:40]!r} is not a player ({known})")
        try:
            make_bot(spec)
        except UnknownBot:
            raise SaveError(
                f"{source}: controllers[{index}]: seat {index + 1} is played by '{spec[:40]}', "
                f"which is no player this game has ({known})"
            ) from None


def _pair(controllers: list[str] | tuple[str, str]) -> tuple[str, str]:
    return (controllers[0], controllers[1])


def _level(raw: dict[str, Any], source: str) -> Any:
    try:
        return level_from_data(raw, f"{source}: level")
    except LevelError as err:
        raise SaveError(f"{source}: the level inside the save is broken: {err.problems[0]}") from None


def _actions(entries: list[dict[str, Any]], source: str) -> list[dict[str, Any]]:
    """The log, each entry checked to be an action: undo and ``alliances verify`` replay it."""
    for number, entry in enumerate(entries, start=1):
        try:
            parse_action(entry)
        except ValidationError:
            raise SaveError(f"{source}: damaged save: action {number} is not a valid action") from None
    return entries


def _events(entries: list[dict[str, Any]], source: str) -> list[Any]:
    """The chronicle, read back in one pass of the validator (one call per event costs twice as much)."""
    try:
        return EVENTS_ADAPTER.validate_python(entries)
    except ValidationError as err:
        where = err.errors(include_url=False)[0]["loc"][:1]
        raise SaveError(f"{source}: damaged save: events{list(where)} is not an event of the chronicle") from None


def _seat_names(level: dict[str, Any]) -> list[str]:
    seats = level.get("seats")
    if not isinstance(seats, list):
        return []
    return [str(s.get("name", "")) if isinstance(s, dict) else "" for s in seats]


# Older formats -------------------------------------------------------------------


def _legacy_id(data: OldSaveFile) -> str:
    """An id for a match saved before matches had one: the same level, seed and seats give the same id,
    so loading one old save twice continues one autosave, not two."""
    key = json.dumps([data.level, data.seed, list(data.controllers)], sort_keys=True, separators=(",", ":"))
    return "old-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _upgrade(data: OldSaveFile, source: str) -> LoadedSave:
    """Replay an older save's log under today's rules.

    Its snapshot and hash cannot be trusted (older rules, and the state hash changed since),
    so the log is what counts. Format 1 was played with seat 1 opening every round: a level
    that does not say otherwise keeps that order, so the old actions stay in their seat's turns.
    An action today's rules refuse (an NPC now answers offers at the round's end, so an alliance
    may not exist yet where the old rules had signed it) is skipped and counted; ending a turn
    is always allowed, so the turns stay where they were and the other actions still land
    in their own turns. The note says how many were skipped and why the first was.
    """
    raw_level = dict(data.level)
    if data.format_version == 1:
        raw_level.setdefault("turn_order", "seat1_first")
    level = _level(raw_level, source)
    m = new_match(level, data.seed, data.controllers)
    m.match_id = _legacy_id(data)
    skipped: list[str] = []
    for number, entry in enumerate(data.actions, start=1):
        try:
            action = parse_action(entry)
        except ValidationError:
            raise SaveError(f"{source}: damaged save: action {number} is not a valid action") from None
        try:
            apply(m, action)
        except IllegalAction as err:
            skipped.append(f"action {number}, {action.kind}: {err}")
            if len(skipped) > MAX_SKIPPED:
                raise SaveError(
                    f"{source}: this save (format {data.format_version}) cannot be brought up to date: more than "
                    f"{MAX_SKIPPED} of its actions no longer stand under today's rules (the first, {skipped[0]})"
                ) from None
    note = f"Brought up to date from save format {data.format_version}: replayed under today's rules"
    if skipped:
        count = len(skipped)
        note += f", {count} of {len(data.actions)} actions no longer stand and were skipped"
    note += f"; round {m.round}."
    return LoadedSave(m, data.format_version, note, skipped)


# A check for players and bug reports ----------------------------------------------


@dataclass
class Verdict:
    """What ``alliances verify`` found: whether replaying the log reaches the saved snapshot."""

    ok: bool
    text: str


def verify_save(path: str | os.PathLike[str]) -> Verdict:
    """Replay the log from the level and the seed and compare the result with what the save holds.

    Loading trusts the snapshot once the hash holds; this is the slower proof that the snapshot
    (and the chronicle, the charts, the undo point) is where the actions lead under today's rules.
    SaveError if the file cannot be loaded at all.
    """
    source = str(path)
    loaded = load_save(path)
    saved = loaded.match
    if loaded.format_version != SAVE_FORMAT:
        skipped = f", {len(loaded.skipped)} skipped" if loaded.skipped else ""
        return Verdict(
            True,
            f"{source}: ok: save format {loaded.format_version} (older than {SAVE_FORMAT}) is upgraded by replaying "
            f"its log under today's rules ({len(saved.log)} actions replay{skipped}, round {saved.round})",
        )
    replay = new_match(saved.level, saved.seed, saved.controllers)
    for number, entry in enumerate(saved.log, start=1):
        try:
            apply(replay, parse_action(entry))
        except IllegalAction as err:
            return Verdict(False, f"{source}: MISMATCH: action {number} of {len(saved.log)} does not replay ({err})")
    difference = _first_difference(replay, saved)
    if difference:
        return Verdict(
            False, f"{source}: MISMATCH: replaying the {len(saved.log)} actions does not reach the saved {difference}"
        )
    return Verdict(True, f"{source}: ok: {len(saved.log)} actions replay to the saved snapshot (round {saved.round})")


def _first_difference(replay: Match, saved: Match) -> str:
    """What the replay and the save disagree on first, in words ('' when they agree)."""
    if state_hash(replay) != state_hash(saved):
        expected = snapshot(saved)
        field_ = next((k for k, v in snapshot(replay).items() if expected.get(k) != v), "state")
        return f"snapshot (first difference: {field_})"
    if replay.history != saved.history:
        return "history of the charts"
    if [e.model_dump() for e in replay.events] != [e.model_dump() for e in saved.events]:
        return "chronicle"
    points = (replay.checkpoint, saved.checkpoint)
    if replay.undoable != saved.undoable or (points[0] is None) != (points[1] is None):
        return "undo point"
    if points[0] is not None and points[1] is not None and state_hash(points[0]) != state_hash(points[1]):
        return "undo point"
    return ""
