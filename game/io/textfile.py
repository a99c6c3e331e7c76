"""Reading a text file a user hands us (a level, a script, a save): one clear sentence for anything wrong.

Every loader needs the same guards, so they live here once: a folder, a device or a pipe is
refused before it is opened (``/dev/zero`` would otherwise be read until memory runs out, and a
pipe would block for ever), the size is capped while reading (``stat`` says 0 for special
files), and a UTF-8 byte-order mark, which Windows editors like to add, is accepted. The JSON
in them is read strictly, with the trouble said for a designer (:func:`strict_json`).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any


class UnreadableFile(ValueError):
    """The file cannot be read as text; the message says why, without the path (callers add it).

    ``where`` is the place in the file, when there is one (the byte that is not UTF-8).
    """

    def __init__(self, reason: str, where: str = "") -> None:
        super().__init__(f"{where}: {reason}" if where else reason)
        self.reason = reason
        self.where = where


def read_text_file(path: str | os.PathLike[str], limit: int, what: str) -> str:
    """The file's text, or UnreadableFile. ``what`` names the kind of file in messages ("level")."""
    p = Path(path)
    try:
        mode = p.stat().st_mode
    except FileNotFoundError:
        raise UnreadableFile("no such file") from None
    except (OSError, ValueError) as err:  # ValueError: a NUL byte in the path, e.g. from a file dialog
        raise UnreadableFile(f"cannot open: {_reason(err)}") from None
    if stat.S_ISDIR(mode):
        raise UnreadableFile(f"is a folder, not a {what} file")
    if not stat.S_ISREG(mode):
        raise UnreadableFile(f"is not a regular file (a device or a pipe?), so it is not a {what} file")
    try:
        with p.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as err:
        raise UnreadableFile(f"cannot read: {_reason(err)}") from None
    if len(data) > limit:
        size = p.stat().st_size
        raise UnreadableFile(
            f"file is {size / 1e6:.1f} MB; a {what} file may be at most {limit / 1024 / 1024:.0f} MB ({limit:,} bytes)"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UnreadableFile("file is not UTF-8 text", where=f"byte {err.start}") from None


def _reason(err: Exception) -> str:
    return err.strerror if isinstance(err, OSError) and err.strerror else str(err)


def strict_json(text: str) -> Any:
    """``json.loads``, refusing what a hand-edited file gets wrong without noticing.

    A key written twice in one object would silently keep the last value, and NaN or
    Infinity are not JSON at all (Python accepts them); both raise ValueError here.
    """

    def no_twins(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise ValueError(f"the key '{key}' appears twice in one object")
            out[key] = value
        return out

    def no_constants(name: str) -> Any:
        raise ValueError(f"{name} is not a number JSON allows")

    return json.loads(text, object_pairs_hook=no_twins, parse_constant=no_constants)


def json_trouble(err: Exception) -> str:
    """Absurd nesting, a 5,000-digit number or a twin key, said for a designer, not a programmer."""
    if isinstance(err, RecursionError):
        return "nested too deeply"
    if "digits" in str(err) and "int" in str(err):
        return "a number is too long (over 4,300 digits)"
    return str(err)
