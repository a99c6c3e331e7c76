"""How long a save takes to load: ``python -m game.io.save_bench LEVEL [--rounds N]``.

Plays LEVEL with seeded random bots for N rounds, saves the match, then times loading it
(which copies the snapshot) against replaying its log from the level and the seed (what
loading did before save format 4, and what ``alliances verify`` still does). The figures
in docs/PERFORMANCE.md come from here; it uses only save_match and load_match, so the same
script also times an older build of the game.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence

from game.core import apply, current_seat, new_match, parse_action
from game.io.levels import LevelError, load_level
from game.io.saves import load_match, save_match


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.io.save_bench", description=__doc__.splitlines()[0])
    parser.add_argument("level", metavar="LEVEL", help="a level file, e.g. one made by `alliances new-map`")
    parser.add_argument("--rounds", type=int, default=20, help="rounds the bots play before saving (default 20)")
    parser.add_argument("--seed", type=int, default=7, help="the match's seed and the bots' (default 7)")
    parser.add_argument("--runs", type=int, default=5, help="loads timed; the median is reported (default 5)")
    args = parser.parse_args(argv)
    try:
        level = load_level(args.level)
    except LevelError as err:
        print(err, file=sys.stderr)
        return 1
    from game.ai.random_bot import RandomBot

    match = new_match(level, args.seed)
    bot, rng = RandomBot(), random.Random(args.seed)
    while current_seat(match) is not None and match.round <= args.rounds:
        apply(match, bot.choose(match, match.seat, rng))
    with tempfile.TemporaryDirectory(prefix="alliances-save-bench-") as scratch:
        path = os.path.join(scratch, "save.json")
        save_match(match, path)
        size = os.path.getsize(path)
        loads = []
        for _ in range(max(1, args.runs)):
            started = time.perf_counter()
            load_match(path)
            loads.append(time.perf_counter() - started)
    started = time.perf_counter()
    replay = new_match(level, args.seed)
    for entry in match.log:
        apply(replay, parse_action(entry))
    replayed = time.perf_counter() - started
    print(
        f"{args.level}: {len(level.territories)} territories, {len(match.log)} actions up to round {match.round}, "
        f"save {size / 1e6:.2f} MB\n"
        f"load: median {statistics.median(loads):.3f} s of {len(loads)} (min {min(loads):.3f} s)\n"
        f"replay of the log alone: {replayed:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
