"""The ``alliances`` command. Each subcommand is a thin shell over game.core / game.io / game.ui.

Errors a user can cause (a bad file, a wrong flag) end in one clear message and a
non-zero exit code; a traceback here is a bug.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from game.io.levels import LevelError, level_schema, load_level

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

    for register in _EXTRA_COMMANDS:
        register(sub)
    return parser


# Later packages (engine runs, the arena, the UI) add their subcommands here so that
# importing the CLI never drags pygame in for a headless command.
_EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = []


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
