"""Atomic file writes: a reader sees the old file or the new one, never half of either.

Every file the game writes (levels, saves, settings, screenshots) goes through
:func:`write_atomic_bytes`, so the rules about where it may write live here once:

- A symbolic link at the path is written through only when it leads to a file inside the
  folder it sits in: a link planted in the maps or saves folder must not make the game
  overwrite a file elsewhere. A link that loops, dangles or leads out is refused.
- Anything that goes wrong becomes a :class:`WriteError`: which file, and what went wrong,
  in a sentence (never a ``RuntimeError`` from a link loop, nor an errno).
- Temp files left behind by a crash (``.NAME.PID-HOST.XXXXXXXX.tmp``) are swept from the
  folder the next time the game writes there (:func:`sweep_stale_temp_files`).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import socket
import stat
import tempfile
import time
from pathlib import Path


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once, at import: os.umask can only be read by setting it, which is not thread-safe later.
_UMASK = _read_umask()

#: A temp file of ours older than this is left from a crash, whoever wrote it: writing even the
#: largest save takes seconds, so nothing still being written is this old, whatever the machine.
STALE_AFTER_SECONDS = 60 * 60

# Our temp files: mkstemp's prefix ".NAME.PID-HOST." (older versions wrote ".NAME."), its eight
# random characters, our suffix. Nothing else is ever deleted: not another program's temp file,
# not a folder or a link, not another user's file.
_TEMP_NAME = re.compile(r"\.(?P<target>.+?)\.(?:(?P<pid>[0-9]{1,10})-(?P<host>[0-9a-f]{6})\.)?[a-z0-9_]{8}\.tmp")

# Which machine wrote a temp file, so that a process id is only ever looked up where it means
# something: a folder may be shared by two machines, or by two containers with their own ids.
HOST_TAG = hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


class WriteError(OSError):
    """A file that could not be written. ``filename`` is the path, ``strerror`` says why in words
    (``it is a symbolic link that loops back on itself``); ``str()`` gives both."""

    def __init__(self, path: str | os.PathLike[str], reason: str, code: int | None = None) -> None:
        super().__init__(code or 0, reason, os.fspath(path))

    def __str__(self) -> str:
        return f"{self.filename}: cannot write: {self.strerror}"


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` through a temp file and a rename.

    A crash mid-write leaves the previous file untouched; that is what keeps a good
    save from being replaced by a damaged one. WriteError (an OSError) if it cannot.
    """
    write_atomic_bytes(path, text.encode("utf-8"))


def write_atomic_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, as a user's own editor would.

    The file keeps its permissions (a new one gets the user's umask, not the private 0600
    of a temp file), and a symbolic link to a file in the same folder is written through,
    not replaced by a plain file. Raises WriteError, saying which file and why, for anything
    that keeps the write from happening; the old file, if any, is then left as it was.
    """
    target = _where_to_write(Path(path))
    sweep_stale_temp_files(target.parent)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_UMASK
    except OSError as err:
        raise WriteError(path, _reason(err), err.errno) from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}-{HOST_TAG}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise WriteError(path, _reason(err, f"the folder '{target.parent}'"), err.errno) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(err, OSError):
            raise WriteError(path, _reason(err), err.errno) from None
        raise


def _where_to_write(path: Path) -> Path:
    """The file a write to ``path`` really replaces, its folder made; WriteError if it must not be written."""
    if path.name in ("", ".", ".."):
        raise WriteError(path, "it names a folder, not a file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        folder = Path(os.path.realpath(path.parent, strict=True))
        info = path.lstat()
    except FileNotFoundError:
        return path
    except OSError as err:
        raise WriteError(path, _reason(err), err.errno) from None
    target = path
    if stat.S_ISLNK(info.st_mode):
        target = _link_inside(path, folder)
        try:
            info = target.stat()
        except OSError as err:
            raise WriteError(path, _reason(err), err.errno) from None
    if stat.S_ISDIR(info.st_mode):
        raise WriteError(path, "it is a folder; name a file")
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(path, "it is not a regular file (a device or a pipe?), so it is left alone")
    return target


def _link_inside(link: Path, folder: Path) -> Path:
    """Where the symbolic link ``link`` leads, if that is an existing file or folder inside ``folder``."""
    try:
        shown = os.readlink(link)
    except OSError as err:  # gone, or no longer a link, since it was looked at
        raise WriteError(link, _reason(err), err.errno) from None
    try:
        real = Path(os.path.realpath(link, strict=True))
    except FileNotFoundError:
        raise WriteError(link, f"it is a symbolic link to '{shown}', which does not exist") from None
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise WriteError(link, "it is a symbolic link that loops back on itself", err.errno) from None
        raise WriteError(link, _reason(err), err.errno) from None
    if folder != real.parent and folder not in real.parents:
        raise WriteError(
            link,
            f"it is a symbolic link to '{shown}', outside its folder; the game follows a link only to a file "
            "in the folder the link is in",
        )
    return real


def sweep_stale_temp_files(folder: Path, now: float | None = None) -> list[str]:
    """Delete the temp files a crashed write of ours left in ``folder``; return their names.

    A temp file is stale when it is older than STALE_AFTER_SECONDS (no write takes that long,
    so this holds for any writer, on any machine sharing the folder), or, sooner, when it was
    written on this machine by a process that is gone (a killed game). The age rule alone
    would let a crash's leftovers wait an hour; the process id alone could not judge files
    from another machine or an older version, which name none. An id may be reused, so a
    live one proves nothing and its file waits for its age. Best effort: a file that cannot
    be looked at or deleted is left, and the write goes on.
    """
    now = time.time() if now is None else now
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        found = _TEMP_NAME.fullmatch(entry.name)
        if found is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
                continue
            old = now - info.st_mtime > STALE_AFTER_SECONDS
            ours_here = found["host"] == HOST_TAG
            if old or (ours_here and not _running(int(found["pid"]))):
                os.unlink(entry.path)
                removed.append(entry.name)
        except OSError:
            continue
    return removed


def _running(pid: int) -> bool:
    """Whether a process with this id runs on this machine; True when that cannot be told."""
    if os.name != "posix" or pid <= 0:
        return True  # on Windows os.kill would end the process: only the age rule applies there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process, or an id no process can have: do not guess
    return True


def _reason(err: OSError, place: str = "") -> str:
    """Why a write failed, in words for a player rather than an errno."""
    code = err.errno
    if isinstance(err, WriteError):
        return str(err.strerror)
    if code == errno.ELOOP:
        return "a symbolic link in the path loops back on itself"
    if isinstance(err, FileExistsError | NotADirectoryError) or code == errno.ENOTDIR:
        return "part of the path is a file, not a folder"
    if isinstance(err, IsADirectoryError):
        return "it is a folder; name a file"
    if isinstance(err, PermissionError):
        return f"permission denied: {place or 'the file or its folder'} cannot be written to"
    if code == errno.EROFS:
        return "the disk is read-only"
    if code in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if code == errno.ENAMETOOLONG:
        return "the name is too long"
    text = err.strerror or str(err) or type(err).__name__
    return text[:1].lower() + text[1:]


def write_problem(err: OSError) -> str:
    """Why a write failed, in words for a player rather than an errno."""
    return _reason(err)
