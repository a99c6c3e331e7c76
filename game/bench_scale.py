"""``alliances bench scale``: every stage of a match, on generated maps from 100 to 4,000 territories.

One question per column: does this stage grow with the map the way it should? Loading,
checking, starting, listing and saving should grow with the map's size at most; an NPC phase,
one step and a whole random match should stay near flat or grow linearly; an AI turn should
stay well inside the 100 ms a click may take. Every figure is a median of ``runs`` repetitions
(the AI's a p50 / p95 over its turns), each timed with ``time.perf_counter``.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.ai import make_bot
from game.ai.random_bot import RandomBot
from game.core import Match, apply, current_seat, legal_actions, level_problems, new_match
from game.core.legal import random_action
from game.core.level import _GEOGRAPHIES
from game.core.state import _INDEXES
from game.editor.generate import generate_level
from game.io.levels import dump_level, parse_level
from game.io.saves import load_match, save_match

# Map sizes (columns x rows) that the generator turns into about 100 ... 4,000 territories.
SIZES: tuple[tuple[int, int], ...] = ((32, 32), (72, 72), (104, 100), (148, 142), (208, 204))
NATIONS = 16
AI_ROUNDS = 4  # rounds of bandwagoner:hard against random whose turns are timed
SAVE_ROUNDS = 10  # a save is timed after this many rounds of random play


@dataclass
class ScaleRow:
    territories: int
    nations: int
    figures: dict[str, float]  # column -> milliseconds


COLUMNS = (
    ("load", "parse the level file"),
    ("validate", "level_problems"),
    ("new match", "new_match, its geography and index built (as for the first match on a level)"),
    ("step", "one random action applied"),
    ("listing", "list every legal action"),
    ("NPC phase", "the NPC phase of round 1"),
    ("random match", "a whole random-vs-random match"),
    ("save", "save after 10 rounds"),
    ("load save", "load that save"),
    ("AI p50", "bandwagoner:hard turn, median"),
    ("AI p95", "bandwagoner:hard turn, 95th percentile"),
)


def _median(runs: int, work: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _play_random(m: Match, rng: random.Random, until_round: int | None = None) -> None:
    bot = RandomBot()
    while (seat := current_seat(m)) is not None and (until_round is None or m.round <= until_round):
        apply(m, bot.choose(m, seat, rng))


def _npc_phase(level: Any, seed: int) -> float:
    """How long the end of turn that closes round 1 takes: the NPC phase and the round's end."""
    m = new_match(level, seed)
    rng = random.Random(seed)
    bot = RandomBot()
    while (seat := current_seat(m)) is not None:
        action = bot.choose(m, seat, rng)
        started = time.perf_counter()
        apply(m, action)
        if m.round > 1:
            return (time.perf_counter() - started) * 1000
    return 0.0


def _ai_turns(level: Any, seed: int) -> list[float]:
    m = new_match(level, seed, controllers=("bandwagoner:hard", "random"))
    bots = (make_bot("bandwagoner:hard"), RandomBot())
    rngs = (random.Random(seed), random.Random(seed + 1))
    turns: list[float] = []
    while (seat := current_seat(m)) is not None and m.round <= AI_ROUNDS:
        turn, spent = m.turn, 0.0
        while current_seat(m) == seat and m.turn == turn:
            started = time.perf_counter()
            action = bots[seat].choose(m, seat, rngs[seat])
            spent += time.perf_counter() - started
            apply(m, action)
        if seat == 0:
            turns.append(spent * 1000)
    return turns


def measure(width: int, height: int, runs: int, seed: int = 0) -> ScaleRow:
    """Every column for one generated map."""
    level = generate_level(seed, width, height, NATIONS)
    text = dump_level(level)
    figures: dict[str, float] = {}
    figures["load"] = _median(runs, lambda: parse_level(text))
    figures["validate"] = _median(runs, lambda: level_problems(level))

    def cold_start() -> None:
        _INDEXES.clear()  # as the first match of a level a player opens
        _GEOGRAPHIES.clear()
        new_match(level, seed)

    figures["new match"] = _median(runs, cold_start)
    m = new_match(level, seed)
    seat = current_seat(m)
    assert seat is not None
    rng = random.Random(seed)
    figures["step"] = _median(runs, lambda: apply(m.clone(), random_action(m, seat, rng)))
    figures["listing"] = _median(runs, lambda: list(legal_actions(m, seat)))
    figures["NPC phase"] = statistics.median(_npc_phase(level, seed + r) for r in range(runs))
    figures["random match"] = _median(runs, lambda: _play_random(new_match(level, seed), random.Random(seed)))
    played = new_match(level, seed)
    _play_random(played, random.Random(seed), until_round=SAVE_ROUNDS)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "bench.save.json")
        figures["save"] = _median(runs, lambda: save_match(played, path))
        figures["load save"] = _median(runs, lambda: load_match(path))
    turns = sorted(t for r in range(max(1, runs // 2)) for t in _ai_turns(level, seed + r))
    figures["AI p50"] = statistics.median(turns)
    figures["AI p95"] = turns[min(len(turns) - 1, round(0.95 * (len(turns) - 1)))]
    return ScaleRow(len(level.territories), len(level.nations), figures)


def bench_scale(
    runs: int, sizes: tuple[tuple[int, int], ...] = SIZES, progress: Callable[[int, int], None] | None = None
) -> str:
    """The table: one row per map size, one column per stage, in milliseconds."""
    rows = []
    for i, (width, height) in enumerate(sizes):
        rows.append(measure(width, height, runs))
        if progress is not None:
            progress(i + 1, len(sizes))
    head = "| territories | " + " | ".join(name for name, _ in COLUMNS) + " |"
    lines = [f"scale benchmark, ms, median of {runs} runs (generated maps, {NATIONS} nations)", head]
    lines.append("|" + "---|" * (len(COLUMNS) + 1))
    for row in rows:
        cells = [f"{row.figures[name]:.1f}" for name, _ in COLUMNS]
        lines.append(f"| {row.territories} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.extend(f"- {name}: {what}" for name, what in COLUMNS)
    return "\n".join(lines)
