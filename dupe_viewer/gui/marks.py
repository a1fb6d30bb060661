"""Which files the user keeps or deletes, with the one rule that cannot be broken.

Marks are per file (record index), not per group, so they survive regrouping when a slider moves.
A file the user has not touched follows the engine's suggestion: keep the group's keeper, delete
the other members, except files in protected folders (always kept) and members that are only
*similar* (deep similarity: another shot of a scene, not a copy; the user has to choose those).

The invariant: **no group ever has every member marked for deletion**. A change that would do
that is refused (with the reason), and after a regroup any group that ended up all-deleted gets its
keeper marked "keep" again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..core import DupGroup
from ..core.files.records import ImageRecord
from ..core.gc_pause import gc_paused
from ..core.group.keep import is_protected
from ..core.result import REFERENCE

translate = QCoreApplication.translate  # lupdate extracts translate("context", "literal") calls


class Marks(QObject):
    """Keep/delete state for the current groups, with running totals."""

    #: Group ids whose marks changed (an empty list: all of them).
    changed = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._decisions: dict[int, bool] = {}  # record index -> delete? (only what the user set)
        self._records: Sequence[ImageRecord] = ()
        self._groups: list[DupGroup] = []
        self._group_of: dict[int, DupGroup] = {}  # record index -> its group
        self._kind: dict[int, str] = {}  # record index -> its relation to the group's reference
        self._protected_dirs: Sequence[str] = ()
        self._protected: set[int] = set()
        self._freed: dict[int, tuple[int, int]] = {}  # group id -> (files, bytes) to delete
        self.total_files = 0
        self.total_bytes = 0

    # -- context ----------------------------------------------------------------------------
    def set_groups(
        self,
        records: Sequence[ImageRecord],
        groups: list[DupGroup],
        protected_dirs: Sequence[str] = (),
        reset: bool = False,
    ) -> None:
        """New groups (scan or regroup). User decisions carry over unless ``reset``; from another
        scan's records (a rescan, or the final result after early groups) they follow the path."""
        with gc_paused():  # maps of every grouped file: a burst of small objects (see gc_pause)
            self._set_groups(records, groups, protected_dirs, reset)
        self.changed.emit([])

    def _set_groups(
        self,
        records: Sequence[ImageRecord],
        groups: list[DupGroup],
        protected_dirs: Sequence[str],
        reset: bool,
    ) -> None:
        if reset:
            self._decisions = {}
        elif records is not self._records and self._decisions:
            where = {r.path: n for n, r in enumerate(records)}
            old = self._records
            self._decisions = {
                where[old[i].path]: d for i, d in self._decisions.items() if old[i].path in where
            }
        self._records = records
        self._groups = groups
        self._protected_dirs = tuple(protected_dirs)
        self._group_of = {m.index: g for g in groups for m in g.members}
        # How each member relates to its keeper (the reference, when it is not the keeper, as the
        # keeper relates to it): a look-alike ("similar") is never pre-marked.
        self._kind = {m.index: str(m.kind) for g in groups for m in g.members}
        for g in groups:
            if self._kind.get(g.reference) == REFERENCE and g.reference != g.keep:
                self._kind[g.reference] = self._kind.get(g.keep, REFERENCE)
        self._protected = (
            {i for i in self._group_of if is_protected(records[i].path, self._protected_dirs)}
            if self._protected_dirs
            else set()
        )
        for i in self._protected:
            self._decisions.pop(i, None)
        # One pass: each group's deletions, its keeper kept if they covered the whole group, and
        # its totals (this runs on the GUI thread after every slider step: 100k files).
        self._freed = {}
        for g in groups:
            dels = self.deleted(g)
            if len(dels) == len(g.members):
                self._decisions[g.keep] = False
                dels = self.deleted(g)
            self._freed[g.id] = (len(dels), sum(records[i].size for i in dels))
        self._recount(())

    # -- queries ------------------------------------------------------------------------------
    def suggested_delete(self, group: DupGroup, index: int) -> bool:
        if index == group.keep or index in self._protected:
            return False
        return self._kind.get(index, "similar") != "similar"

    def is_delete(self, group: DupGroup, index: int) -> bool:
        decided = self._decisions.get(index)
        return self.suggested_delete(group, index) if decided is None else decided

    def is_protected(self, index: int) -> bool:
        return index in self._protected

    def group_of(self, index: int) -> DupGroup | None:
        return self._group_of.get(index)

    def deleted(self, group: DupGroup) -> list[int]:
        """Members marked for deletion (:meth:`is_delete` inlined: called for every member of
        every group after each regroup)."""
        decisions, protected, keep = self._decisions, self._protected, group.keep
        out = []
        for m in group.members:
            i = m.index
            d = decisions.get(i)
            if d is None:
                d = i != keep and i not in protected and self._kind.get(i) != "similar"
            if d:
                out.append(i)
        return out

    def freed(self, group: DupGroup) -> tuple[int, int]:
        """(files, bytes) marked for deletion in ``group``."""
        return self._freed.get(group.id, (0, 0))

    def marked(self) -> list[int]:
        """Every record index marked for deletion, group by group."""
        return [i for g in self._groups for i in self.deleted(g)]

    # -- changes ------------------------------------------------------------------------------
    def set_delete(self, group: DupGroup, index: int, delete: bool) -> str | None:
        """Mark one member; returns None, or why the change was refused."""
        if delete:
            if index in self._protected:
                return translate("Marks", "This file is in a protected folder; it is always kept.")
            others = [m.index for m in group.members if m.index != index]
            if all(self.is_delete(group, i) for i in others):
                return translate(
                    "Marks", "At least one file of every group is kept. Keep another file first."
                )
        self._decisions[index] = delete
        self._recount([group])
        self.changed.emit([group.id])
        return None

    def toggle(self, group: DupGroup, index: int) -> str | None:
        return self.set_delete(group, index, not self.is_delete(group, index))

    def keep_only(self, group: DupGroup, index: int) -> None:
        """Keep ``index`` and delete every other (unprotected) member of its group."""
        for m in group.members:
            self._decisions[m.index] = m.index != index and m.index not in self._protected
        self._recount([group])
        self.changed.emit([group.id])

    def accept_suggestion(self, groups: Iterable[DupGroup]) -> None:
        groups = list(groups)
        for g in groups:
            for m in g.members:
                self._decisions.pop(m.index, None)
        self._recount(groups)
        self.changed.emit([g.id for g in groups] if len(groups) < len(self._groups) else [])

    def keep_all(self, groups: Iterable[DupGroup]) -> None:
        groups = list(groups)
        for g in groups:
            for m in g.members:
                self._decisions[m.index] = False
        self._recount(groups)
        self.changed.emit([g.id for g in groups] if len(groups) < len(self._groups) else [])

    def reset(self) -> None:
        """Forget every user decision: all groups follow the suggestion again."""
        self._decisions = {}
        self._recount(self._groups)
        self.changed.emit([])

    def _recount(self, groups: Iterable[DupGroup]) -> None:
        for g in groups:
            dels = self.deleted(g)
            self._freed[g.id] = (len(dels), sum(self._records[i].size for i in dels))
        live = {g.id for g in self._groups}
        for gid in [k for k in self._freed if k not in live]:
            del self._freed[gid]
        self.total_files = sum(f for f, _ in self._freed.values())
        self.total_bytes = sum(b for _, b in self._freed.values())
