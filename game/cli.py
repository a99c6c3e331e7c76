"""The ``alliances`` command. Each subcommand is a thin shell over game.core / game.io / game.ui.

Errors a user can cause (a bad file, a wrong flag) end in one clear message and a
non-zero exit code; a traceback here is a bug.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from game.core import Level
from game.io.levels import LevelError, level_schema, load_level
from game.io.paths import shipped_levels_dir

Handler = Callable[[argparse.Namespace], int]


def _cmd_validate(args: argparse.Namespace) -> int:
    failed = 0
    for path in args.files:
        try:
            load_level(path)
        except LevelError as err:
            failed += 1
            for problem in err.problems:
                print(f"{path}: {problem}", file=sys.stderr)
        else:
            if not args.quiet:
                print(f"{path}: ok")
    return 1 if failed else 0


def _cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(level_schema(), indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="alliances",
        description="Alliances: a strategy game of treaties, Article 5 duties and the wars they start.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("validate", help="check level files and list every problem")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    p.set_defaults(handler=_cmd_validate)

    p = sub.add_parser("schema", help="print the JSON Schema of level files")
    p.set_defaults(handler=_cmd_schema)

    p = sub.add_parser("run", help="play a script of actions headless and print the events as JSON lines")
    p.add_argument("level", metavar="LEVEL")
    p.add_argument("--script", required=True, metavar="ACTIONS.jsonl", help="one JSON action per line")
    p.add_argument("--seed", type=int, default=0, help="the match's random seed (default 0)")
    p.set_defaults(handler=_cmd_run)

    p = sub.add_parser("bench", help="measure the engine (and later the AI and the renderer)")
    p.add_argument("target", choices=["engine"], help="what to measure")
    p.add_argument("--runs", type=int, default=5, help="repetitions; the median is reported")
    p.add_argument("--games", type=int, default=10, help="random-vs-random matches per run")
    p.add_argument("--level", action="append", metavar="LEVEL", help="a level file (default: every shipped level)")
    p.set_defaults(handler=_cmd_bench)
    return parser


def _load_or_report(path: str) -> Level | None:
    try:
        return load_level(path)
    except LevelError as err:
        for problem in err.problems:
            print(f"{path}: {problem}", file=sys.stderr)
        return None


def _cmd_run(args: argparse.Namespace) -> int:
    from game.io.replay import ScriptError, run_script

    level = _load_or_report(args.level)
    if level is None:
        return 1
    try:
        for event in run_script(level, args.script, args.seed):
            print(event.model_dump_json())
    except ScriptError as err:
        print(str(err), file=sys.stderr)
        return 2
    return 0


def _cmd_bench(args: argparse.Namespace) -> int:
    from game.bench import bench_engine

    paths = args.level or sorted(str(p) for p in shipped_levels_dir().glob("*.json"))
    levels = []
    for path in paths:
        level = _load_or_report(path)
        if level is None:
            return 1
        levels.append((path, level))
    if args.runs < 1 or args.games < 1:
        print("alliances bench: --runs and --games must be at least 1", file=sys.stderr)
        return 2
    if args.target == "engine":
        print(bench_engine(levels, runs=args.runs, games=args.games))
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
