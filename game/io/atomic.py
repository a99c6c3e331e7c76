"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once, at import: os.umask can only be read by setting it, which is not thread-safe later.
_UMASK = _read_umask()


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` through a temp file and a rename.

    A crash mid-write leaves the previous file untouched; that is what keeps a good
    save from being replaced by a damaged one.
    """
    write_atomic_bytes(path, text.encode("utf-8"))


def write_atomic_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, as a user's own editor would.

    The file keeps its permissions (a new one gets the user's umask, not the private 0600
    of a temp file), and a symbolic link is written through, not replaced by a plain file.
    """
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_UMASK
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_problem(err: OSError) -> str:
    """Why a write failed, in words for a player rather than an errno."""
    if isinstance(err, FileExistsError | NotADirectoryError) or err.errno == errno.ENOTDIR:
        return "part of the path is a file, not a folder"
    if isinstance(err, IsADirectoryError):
        return "is a folder; name a file"
    if isinstance(err, PermissionError):
        return "permission denied"
    return err.strerror or str(err)
