"""The ``alliances`` command. Each subcommand is a thin shell over game.core / game.io / game.ui.

Errors a user can cause (a bad file, a wrong flag) end in one clear message and a
non-zero exit code; a traceback here is a bug.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from game.core import Level
from game.io.levels import LevelError, find_level, level_schema, load_level
from game.io.paths import shipped_levels_dir
from game.ui.main import MAP_MODES, PALETTES  # imports no pygame: --help stays instant
from game.ui.main import SCENES as SCREENSHOT_SCENES

Handler = Callable[[argparse.Namespace], int]


def _cmd_validate(args: argparse.Namespace) -> int:
    failed = 0
    for name in args.files:
        found = _load_or_report(name)
        if found is None:
            failed += 1
        elif not args.quiet:
            print(f"{found[0]}: ok")
    return 1 if failed else 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from game.io.saves import SaveError, verify_save

    try:
        verdict = verify_save(args.save)
    except SaveError as err:
        print(str(err), file=sys.stderr)
        return 1
    print(verdict.text)
    return 0 if verdict.ok else 1


def _cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(level_schema(), indent=2))
    return 0


def _cmd_play(args: argparse.Namespace) -> int:
    from game.ui.main import play

    if args.human_seat is not None and args.vs_ai is None:
        print("alliances play: --human-seat only makes sense with --vs-ai", file=sys.stderr)
        return 2
    return play(args.level, args.vs_ai, args.human_seat or 1, args.seed)


def _cmd_edit(args: argparse.Namespace) -> int:
    from game.ui.main import edit

    return edit(args.level)


def _cmd_screenshot(args: argparse.Namespace) -> int:
    from game.ui.main import parse_size, screenshot

    try:
        size = parse_size(args.size)
    except ValueError as err:
        print(f"alliances screenshot: {err}", file=sys.stderr)
        return 2
    return screenshot(args.scene, args.level, args.out, size, args.seed, args.map_mode, args.palette)


class _CommandParser(argparse.ArgumentParser):
    """A subcommand's parser: a flag it does not know is its own error, said under its own usage.

    Left to argparse, ``alliances play --frobnicate`` is passed up to the top-level parser,
    whose usage lists the commands and says nothing of play's flags.
    """

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="alliances",
        description="Alliances: a strategy game of treaties, Article 5 duties and the wars they start.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_CommandParser)
    sub.required = True

    p = sub.add_parser("play", help="open the game: the main menu, or straight into a match")
    p.add_argument("level", nargs="?", metavar="LEVEL", help="a level file or shipped level name: start it at once")
    p.add_argument("--vs-ai", choices=["easy", "normal", "hard"], help="play against the AI at this difficulty")
    p.add_argument("--human-seat", type=int, choices=[1, 2], help="your seat against the AI (default 1)")
    p.add_argument("--seed", type=int, help="the match's random seed (default: a new one)")
    p.set_defaults(handler=_cmd_play)

    p = sub.add_parser("edit", help="open the map editor: a new map, or LEVEL to change")
    p.add_argument("level", nargs="?", metavar="LEVEL", help="a level file, draft or shipped level name")
    p.set_defaults(handler=_cmd_edit)

    p = sub.add_parser("screenshot", help="render one screen headless to a PNG")
    p.add_argument("--scene", required=True, choices=list(SCREENSHOT_SCENES), help="which screen")
    p.add_argument("--level", metavar="LEVEL", help="level file or shipped name (default: the tutorial)")
    p.add_argument("--out", required=True, metavar="FILE.png", help="where to write the picture")
    p.add_argument("--size", default="1280x720", metavar="WxH", help="window size (default 1280x720)")
    p.add_argument("--seed", type=int, default=1, help="random seed of the match shown (default 1)")
    p.add_argument("--map-mode", choices=MAP_MODES, default="political", help="what the match's map shows")
    p.add_argument("--palette", choices=PALETTES, default="standard", help="nation colours (as in Settings)")
    p.set_defaults(handler=_cmd_screenshot)

    p = sub.add_parser("validate", help="check level files and list every problem")
    p.add_argument("files", nargs="+", metavar="LEVEL", help="a level file or shipped level name")
    p.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    p.set_defaults(handler=_cmd_validate)

    p = sub.add_parser(
        "verify",
        help="replay a save's log from its level and seed and check that it reaches the saved snapshot",
        description="Loading trusts a save's snapshot once its hash holds; verify replays every action "
        "to prove the snapshot is where they lead. One line says ok or MISMATCH; the exit code is 1 on a "
        "mismatch or a save that cannot be read.",
    )
    p.add_argument("save", metavar="SAVE", help="a save file (your saves folder holds them)")
    p.set_defaults(handler=_cmd_verify)

    p = sub.add_parser("schema", help="print the JSON Schema of level files")
    p.set_defaults(handler=_cmd_schema)

    p = sub.add_parser("run", help="play a script of actions headless and print the events as JSON lines")
    p.add_argument("level", metavar="LEVEL", help="a level file or shipped level name")
    p.add_argument("--script", required=True, metavar="ACTIONS.jsonl", help="one JSON action per line")
    p.add_argument("--seed", type=int, default=0, help="the match's random seed (default 0)")
    p.set_defaults(handler=_cmd_run)

    p = sub.add_parser("bench", help="measure the engine (and later the AI and the renderer)")
    p.add_argument(
        "target",
        choices=["engine", "render", "ai", "scale", "idle"],
        help="what to measure (scale: every stage of a match on generated maps of 100 to 4,000 territories; "
        "idle: the window's CPU use while nobody touches it)",
    )
    p.add_argument("--runs", type=int, default=5, help="repetitions; the median is reported")
    p.add_argument("--games", type=int, default=10, help="random-vs-random matches per run")
    p.add_argument("--frames", type=int, default=300, help="render: frames measured per level")
    p.add_argument(
        "--level",
        action="append",
        metavar="LEVEL",
        help="a level file or shipped level name (default: every shipped level)",
    )
    p.set_defaults(handler=_cmd_bench)

    p = sub.add_parser("simulate", help="play bots against each other and report win rates and turn times")
    p.add_argument("level", metavar="LEVEL", help="a level file or shipped level name")
    p.add_argument("--seat1", default="bandwagoner", metavar="BOT", help="bot on seat 1 (default bandwagoner)")
    p.add_argument("--seat2", default="greedy", metavar="BOT", help="bot on seat 2 (default greedy)")
    p.add_argument("--games", type=int, default=20, help="matches to play (default 20)")
    p.add_argument("--seed", type=int, default=0, help="seed of the first match (default 0)")
    p.add_argument("--alternate", action="store_true", help="swap the seats every other game")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument(
        "--split",
        action="store_true",
        help="also report each seat's victory points by source (own land, land taken, allies) every 5 rounds",
    )
    p.add_argument(
        "--politics",
        action="store_true",
        help="also count duties raised, honoured, passed and ended, calls to arms, NPC wars and widening wars",
    )
    p.set_defaults(handler=_cmd_simulate)

    p = sub.add_parser("new-map", help="generate a random map, fair to both seats, as a level file")
    p.add_argument("--seed", type=int, default=0, help="the same seed, size and nations give the same map (default 0)")
    p.add_argument("--size", type=_map_size, default=(24, 16), metavar="WxH", help="columns x rows (default 24x16)")
    p.add_argument("--nations", type=_nation_count, default=6, metavar="K", help="nations, 2 to 16 (default 6)")
    p.add_argument("--out", metavar="FILE", help="write the level here (atomically); without it, print it")
    p.set_defaults(handler=_cmd_new_map)
    return parser


def _map_size(text: str) -> tuple[int, int]:
    from game.editor.generate import MAX_SIDE, MIN_SIDE

    width, x, height = text.strip().lower().partition("x")
    if not x or not width.isdigit() or not height.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a size: write columns x rows, e.g. 24x16")
    if not (MIN_SIDE <= int(width) <= MAX_SIDE and MIN_SIDE <= int(height) <= MAX_SIDE):
        raise argparse.ArgumentTypeError(f"'{text}': width and height must each be from {MIN_SIDE} to {MAX_SIDE}")
    return int(width), int(height)


def _nation_count(text: str) -> int:
    from game.editor.generate import MAX_NATIONS, MIN_NATIONS

    if not text.strip().isdigit() or not MIN_NATIONS <= int(text) <= MAX_NATIONS:
        raise argparse.ArgumentTypeError(f"'{text}': a map has from {MIN_NATIONS} to {MAX_NATIONS} nations")
    return int(text)


#: new-map shows a progress bar from this many cells on (100 x 100: about a second).
BIG_MAP_CELLS = 10_000


def _cmd_new_map(args: argparse.Namespace) -> int:
    from game.editor import EditError, generate_level
    from game.editor.generate import STEPS
    from game.io.atomic import write_problem
    from game.io.levels import dump_level, save_level
    from game.terminal import progress_bar

    width, height = args.size
    try:
        # Only a big map takes long enough (a second or more) for a bar to tell anything.
        with progress_bar("drawing the map", STEPS, show=width * height >= BIG_MAP_CELLS) as progress:
            level = generate_level(args.seed, width, height, args.nations, progress)
    except EditError as err:
        print(f"alliances new-map: error: {err}", file=sys.stderr)
        return 2
    if args.out is None:
        sys.stdout.write(dump_level(level))
        return 0
    if not args.out.strip() or Path(args.out).is_dir():
        print(f"alliances new-map: --out '{args.out}': name a .json file to write", file=sys.stderr)
        return 2
    try:
        save_level(level, args.out)
    except OSError as err:
        print(f"{args.out}: cannot write: {write_problem(err)}", file=sys.stderr)
        return 1
    counts = f"{len(level.nations)} nations, {len(level.territories)} territories"
    print(f"{args.out}: {level.title}, {width}x{height}, {counts}")
    return 0


def _load_or_report(name: str) -> tuple[str, Level] | None:
    """The file a level argument (a path, or a shipped level's or the player's map's name) means,
    and its level; None, with every problem printed as ``FILE: location: message``, if it cannot be used."""
    try:
        path = find_level(name)
        return path, load_level(path)
    except LevelError as err:
        for problem in err.problems:
            print(f"{err.source}: {problem}", file=sys.stderr)
        return None


def _cmd_run(args: argparse.Namespace) -> int:
    from game.io.replay import ScriptError, run_script

    found = _load_or_report(args.level)
    if found is None:
        return 1
    try:
        for event in run_script(found[1], args.script, args.seed):
            print(event.model_dump_json())
    except ScriptError as err:
        print(str(err), file=sys.stderr)
        return 2
    return 0


def _cmd_simulate(args: argparse.Namespace) -> int:
    from game.ai.commands import simulate

    found = _load_or_report(args.level)
    if found is None:
        return 1
    return simulate(
        found[1],
        args.level,
        args.seat1,
        args.seat2,
        args.games,
        args.seed,
        args.alternate,
        args.json,
        args.split,
        politics=args.politics,
    )


def _cmd_bench(args: argparse.Namespace) -> int:
    from game.bench import bench_engine
    from game.terminal import progress_bar

    if args.target == "idle":
        from game.ui.bench import idle_cpu_share

        level = (args.level or [str(shipped_levels_dir() / "continent.json")])[0]
        for scene in ("menu", "match"):
            share = idle_cpu_share(scene, level, seconds=10.0)
            where = f" ({Path(level).name})" if scene == "match" else ""
            print(f"idle {scene}{where}: {share:.1%} of one core over 10 s")
        return 0
    if args.target == "scale":
        from game.bench_scale import SIZES, bench_scale

        if args.runs < 1:
            print("alliances bench: --runs must be at least 1", file=sys.stderr)
            return 2
        with progress_bar("scale", len(SIZES)) as progress:
            report = bench_scale(runs=args.runs, progress=progress)
        print(report)
        return 0
    levels = []
    for name in args.level or sorted(str(p) for p in shipped_levels_dir().glob("*.json")):
        found = _load_or_report(name)
        if found is None:
            return 1
        levels.append(found)
    paths = [path for path, _ in levels]
    if args.runs < 1 or args.games < 1:
        print("alliances bench: --runs and --games must be at least 1", file=sys.stderr)
        return 2
    if args.target == "render" and args.frames < 1:
        print("alliances bench: --frames must be at least 1", file=sys.stderr)
        return 2
    if args.target == "engine":
        with progress_bar("engine", len(levels) * args.runs * args.games) as progress:
            report = bench_engine(levels, runs=args.runs, games=args.games, progress=progress)
    elif args.target == "ai":
        from game.ai.commands import bench_ai

        with progress_bar("AI turns", None) as progress:  # bench_ai says how many matches it plays
            report = bench_ai(levels, games=args.games, progress=progress)
    else:
        from game.ui.main import bench_render

        try:
            with progress_bar("render", len(paths)) as progress:
                report = bench_render(paths, frames=args.frames, progress=progress)
        except RuntimeError as err:
            print(f"alliances bench render: {err}", file=sys.stderr)
            return 1
    print(report)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
