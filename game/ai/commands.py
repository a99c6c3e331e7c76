"""The AI's command-line faces: ``alliances simulate`` and ``alliances bench ai``.

game/cli.py only parses the flags and calls these, so the command stays a thin shell.
"""

from __future__ import annotations

import json
import platform
import sys
from typing import TextIO

from game.ai.arena import ArenaReport, percentile, play_match, run_arena
from game.ai.politics import ROWS as POLITICS_ROWS
from game.ai.politics import table as politics_table
from game.ai.registry import BOT_NAMES, UnknownBot, make_bot
from game.core import Level
from game.terminal import Update, progress_bar, table


def simulate(
    level: Level,
    level_name: str,
    seat1: str,
    seat2: str,
    games: int,
    seed: int,
    alternate: bool,
    as_json: bool,
    split: bool = False,
    out: TextIO | None = None,
    politics: bool = False,
    err: TextIO | None = None,
) -> int:
    """Play the games and print the table (or JSON), with a progress bar on ``err`` when it is a
    terminal and the output is a table (JSON is read by programs: nothing extra then).

    Exit code 2 for a bad bot name or game count.
    """
    out = out or sys.stdout  # looked up now, not at import: tests and pipes swap the streams
    err = err or sys.stderr
    if games < 1:
        print("alliances simulate: --games must be at least 1", file=err)
        return 2
    try:  # by their own names from here on: " Greedy " and "greedy" are one bot in the table
        seat1, seat2 = make_bot(seat1).name, make_bot(seat2).name
    except UnknownBot as problem:
        print(f"alliances simulate: {problem}", file=err)
        return 2
    with progress_bar(f"{seat1} vs {seat2}", games, show=not as_json, stream=err) as progress:
        report = run_arena(
            level, seat1, seat2, games, seed=seed, alternate=alternate, level_name=level_name, progress=progress
        )
    return _print(report, as_json, split, out, politics)


def _print(report: ArenaReport, as_json: bool, split: bool, out: TextIO, politics: bool = False) -> int:
    per_game = [r.politics for r in report.records]
    if as_json:
        data = report.to_json()
        if split:
            data["points_by_source"] = report.split_json()
        if politics:
            data["politics"] = {key: sum(c[key] for c in per_game) for key, _ in POLITICS_ROWS}
        print(json.dumps(data, indent=2), file=out)
    else:
        print(report.table(), file=out)
        if split:
            print(report.split_table(), file=out)
        if politics:
            print(politics_table(per_game), file=out)
    return 0


def bench_ai(
    levels: list[tuple[str, Level]], games: int, bots: tuple[str, ...] = (), progress: Update | None = None
) -> str:
    """Per-turn time of each bandwagoner difficulty, p50 and p95, in mirror matches on each level.

    A mirror match runs to the end (often the round limit), so late turns with big armies count.
    ``progress(done, total)`` is told after each match.
    """
    bots = bots or tuple(name for name in BOT_NAMES if name.startswith("bandwagoner:"))
    machine = f"{platform.machine()}, Python {platform.python_version()}"
    rows = []
    total, done = len(levels) * len(bots) * games, 0
    for path, level in levels:
        for name in bots:
            times: list[float] = []
            for seed in range(games):
                _, (first, second) = play_match(level, (make_bot(name), make_bot(name)), seed)
                times.extend(first)
                times.extend(second)
                done += 1
                if progress is not None:
                    progress(done, total)
            rows.append(
                (
                    path,
                    name,
                    str(len(times)),
                    f"{percentile(times, 0.5) * 1000:.1f}",
                    f"{percentile(times, 0.95) * 1000:.1f}",
                    f"{max(times) * 1000:.1f}",
                )
            )
    heading = f"AI turn time: {games} mirror matches per bot and level, seeds 0..{games - 1} ({machine})"
    return heading + "\n" + table(("level", "bot", "turns", "p50 ms", "p95 ms", "max ms"), rows, names=2)
