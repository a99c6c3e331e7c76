"""Reading a text file a user hands us (a level, a script, a save): one clear sentence for anything wrong.

Every loader needs the same guards, so they live here once: a folder, a device or a pipe is
refused before it is opened (``/dev/zero`` would otherwise be read until memory runs out, and a
pipe would block for ever), the size is capped while reading (``stat`` says 0 for special
files), and a UTF-8 byte-order mark, which Windows editors like to add, is accepted.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


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
