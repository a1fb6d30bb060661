"""Open a file for reading only if it is, at that moment, a regular file.

Between discovery and reading, a path can become a FIFO (opening it would wait forever for a
writer), a device (``/dev/zero`` never ends) or a directory. ``O_NONBLOCK`` makes opening a FIFO
return at once; the type is then checked on the open descriptor, so a file swapped after the
check is never the one read.
"""

from __future__ import annotations

import errno
import io
import os
import stat

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


class NotRegularFileError(OSError):
    """The path is not (or no longer) a regular file; the message says what it is."""


def special_kind(mode: int) -> str:
    """What a non-regular file is, in words ("a named pipe (FIFO)", ...)."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def open_regular(path: str | os.PathLike[str]) -> io.BufferedReader:
    """``path`` opened for binary reading; NotRegularFileError unless it is a regular file
    (IsADirectoryError for a directory), the usual OSErrors otherwise."""
    flags = os.O_RDONLY
    for extra in ("O_NONBLOCK", "O_BINARY", "O_NOCTTY"):  # each where the platform has it
        flags |= getattr(os, extra, 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", os.fspath(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(errno.EINVAL, f"not a regular file: {special_kind(mode)}")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
