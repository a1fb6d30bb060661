"""Never the last copy: may this file be acted on now, with a real copy of it left behind?

:class:`Guard` answers for one file at a time, right before it is acted on (the caller holds the
action lock, see :mod:`.lock`, so another process cannot act in between). A file may go only if

- it is not in a protected folder, where it really lives (symbolic links resolved);
- it belongs to a group given by the caller (no group: nothing proves a copy survives), unless the
  caller explicitly allows ungrouped files;
- it is still the scanned file (:func:`.identity.check_unchanged`), and where ctime cannot vouch
  for it, its bytes still hash to the scanned digest;
- each of its groups keeps a *survivor*: a member not acted on in this batch that is, checked now,
  a regular file itself (not a symbolic link) with its scanned identity, not the same physical
  file (device, inode) as any file acted on, not reached through a path that leads to one, and,
  when it is a byte-identical copy of this file (equal digests), whose bytes still hash to it.

The last survivor found for a group is checked first next time, so a batch costs one stat (and a
path resolution) per file and group; a survivor's hash is computed at most once per batch for an
unchanged stat identity, so content checks cost about one read of each byte-identical kept copy,
plus one read of each file acted on whose ctime cannot vouch for it (Windows, or unknown).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from ..files.records import ImageRecord
from ..messages import message
from .identity import (
    Target,
    check_unchanged,
    content_problem,
    identity_problem,
    in_folders,
    lexical_key,
    physical_key,
    real_key,
)

NO_GROUP = "no group given: cannot check that a copy survives"
EVERY_COPY = message("act_every_copy")
NO_SURVIVOR = "no file kept in its group is still on disk unchanged"
PROTECTED = message("act_protected")


class Guard:
    """Decides, file by file, whether acting on a target leaves each of its groups a real copy."""

    def __init__(
        self,
        items: Sequence[Target],
        groups: Sequence[Sequence[ImageRecord | Target]],
        *,
        protected: Sequence[str] = (),
        allow_ungrouped: bool = False,
    ) -> None:
        self.protected = tuple(os.fspath(p) for p in protected)
        self.allow_ungrouped = allow_ungrouped
        # Every way of naming a file acted on: as written, where it really is, its physical file
        # (as scanned, and as it is now, for callers that did not record inodes).
        self.acting_paths = {lexical_key(t.path) for t in items}
        self.acting_real = {real_key(t.path) for t in items}
        self.acting_keys = {k for t in items for k in (t.key, physical_key(t.path)) if k is not None}
        self.groups = [[Target.of(m) for m in g] for g in groups]
        self.groups_of: dict[str, list[int]] = {}
        self.stayers: list[list[Target]] = []
        for n, members in enumerate(self.groups):
            for m in members:
                self.groups_of.setdefault(lexical_key(m.path), []).append(n)
            self.stayers.append([m for m in members if not self._acting(m)])
        self._last_good: dict[int, Target] = {}
        self._hashed: dict[tuple[object, ...], str | None] = {}

    def _acting(self, m: Target) -> bool:
        return (
            lexical_key(m.path) in self.acting_paths
            or (m.key is not None and m.key in self.acting_keys)
            or real_key(m.path) in self.acting_real
        )

    def problem(self, t: Target) -> str | None:
        """None when ``t`` may be acted on now; otherwise why not."""
        if self.protected and in_folders(t.path, self.protected):
            return PROTECTED
        groups = self.groups_of.get(lexical_key(t.path), [])
        if not groups:
            return None if self.allow_ungrouped else NO_GROUP
        if any(not self.stayers[n] for n in groups):
            return EVERY_COPY
        reason = check_unchanged(t)
        if reason is not None:
            return reason
        # The path may lead elsewhere than when the batch began (a folder swapped for a link).
        self.acting_real.add(real_key(t.path))
        now = physical_key(t.path)
        if now is not None:
            self.acting_keys.add(now)
        for n in groups:
            reason = self._survivor_problem(n, t)
            if reason is not None:
                return reason
        if t.digest is not None and not t.ctime_vouches:
            return content_problem(t.path, t.digest)
        return None

    def _survivor_problem(self, n: int, t: Target) -> str | None:
        stayers = self.stayers[n]
        last = self._last_good.get(n)
        ordered = [last, *(m for m in stayers if m is not last)] if last is not None else stayers
        first: tuple[str, str] | None = None
        for m in ordered:
            why = self._not_a_copy(m, t)
            if why is None:
                self._last_good[n] = m
                return None
            first = first or (os.path.basename(m.path), why)
        name, reason = first or ("", "")
        return message("act_no_survivor", name=name, reason=reason)

    def _not_a_copy(self, m: Target, t: Target) -> str | None:
        """None when ``m`` is, now, a real copy that survives ``t``; otherwise why not."""
        try:
            st = os.lstat(m.path)
        except FileNotFoundError:
            return message("act_gone")
        except OSError as exc:
            return message("act_uncheckable", detail=exc.strerror or str(exc))
        why = identity_problem(m, st)
        if why is not None:
            return why
        if st.st_ino and (st.st_dev, st.st_ino) in self.acting_keys:
            return message("act_hard_link")
        if real_key(m.path) in self.acting_real:
            return message("act_through_link")
        if t.digest is not None and m.digest == t.digest:
            # A byte-identical copy: its bytes are what survives, so they are checked, once per
            # batch for as long as its stat identity does not move.
            key = (m.path, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
            if key not in self._hashed:
                self._hashed[key] = content_problem(m.path, m.digest)
            return self._hashed[key]
        return None
