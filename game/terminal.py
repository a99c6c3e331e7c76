"""What the long commands print besides their results: tables laid out by rich, and progress bars.

``simulate``, ``bench`` and ``new-map`` share these, so their output looks alike and no command
pads columns by hand. A table is plain text, the same on a terminal and in a pipe (scripts and
docs read it; no colour, no box lines, columns apart by a space), with the numbers formatted by
the caller exactly as before. A progress bar is drawn on standard error only when it is a
terminal and the command prints no JSON: piped or machine-read output gets nothing extra.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

#: ``update(done, total)``: how far a long job has come.
Update = Callable[[int, int], None]


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], names: int = 1, texts: Sequence[int] = ()) -> str:
    """``rows`` of text under ``headers``: the first ``names`` columns, and those numbered in ``texts``,
    left-aligned (names); the others right-aligned (numbers)."""
    grid = Table(box=None, pad_edge=False, show_edge=False, collapse_padding=True, highlight=False)
    for index, header in enumerate(headers):
        left = index < names or index in texts
        grid.add_column(header, justify="left" if left else "right", no_wrap=True)
    for row in rows:
        grid.add_row(*row)
    return _text(grid)


def _text(renderable: Table) -> str:
    """As it prints, without colour or markup (a level called "[bold]" is shown as written)."""
    buffer = io.StringIO()
    # Wide enough never to wrap: a table is as wide as its columns, whatever the terminal.
    console = Console(
        file=buffer, width=100_000, color_system=None, markup=False, emoji=False, highlight=False, legacy_windows=False
    )
    console.print(renderable)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())


@contextmanager
def progress_bar(label: str, total: int | None, show: bool = True, stream: TextIO | None = None) -> Iterator[Update]:
    """A bar for a job of ``total`` steps (None: the first update says) on ``stream`` (standard error),
    if it is a terminal and ``show``.

    Yields ``update(done, total)``; where no bar is drawn it does nothing, so callers need not ask.
    """
    stream = stream or sys.stderr  # looked up now, not at import: tests and pipes swap the streams
    if not show or not stream.isatty():
        yield _ignore
        return
    columns = (TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(file=stream, markup=False, emoji=False, highlight=False)) as bar:
        task = bar.add_task(label, total=total)

        def update(done: int, of: int) -> None:
            bar.update(task, completed=done, total=of)

        yield update


def _ignore(done: int, total: int) -> None:
    pass
