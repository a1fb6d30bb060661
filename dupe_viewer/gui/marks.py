"""Which files the user keeps or deletes, with the one rule that cannot be broken.

Marks are per file (record index), not per group, so they survive regrouping when a slider moves.
A file the user has not touched follows the engine's suggestion: keep the group's keeper, delete
the other members, except files in protected folders (always kept) and members that are not
copies: *similar shots* (a burst frame, another exposure or framing) and *look-alikes* (deep
similarity only); the user has to choose those.

The invariant: **no group ever has every member marked for deletion**. A change that would do
that is refused (with the reason), and after a regroup any group that ended up all-deleted gets its
keeper marked "keep" again.

Marks also remember which files the person has *seen* in a group (opened it, changed or accepted
its marks, applied rules): a file action works on those by default (:meth:`Marks.scope`), so a
suggestion nobody looked at is never acted on without saying so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..core import DupGroup
from ..core.files.records import ImageRecord
from ..core.gc_pause import gc_paused
from ..core.group.keep import is_protected
from ..core.group.reasons import relations
from ..core.result import COPY_KINDS

translate = QCoreApplication.translate  # lupdate extracts translate("context", "literal") calls


@dataclass(frozen=True)
class Scope:
    """What a file action would touch among the marked files of the groups shown."""

    seen_files: int = 0
    seen_bytes: int = 0
    #: Marked files of shown groups the person never opened (acted on only when asked for).
    unseen_files: int = 0
    unseen_bytes: int = 0
    unseen_groups: int = 0
    #: Marked files in groups the filter hides (never acted on).
    hidden_files: int = 0


class MarkBook:
    """Keep/delete state for the current groups, with running totals. Plain data, no Qt object:
    a copy is worked out on any thread (see :meth:`staging_copy`) and only its state is handed
    over; :class:`Marks` is the one the window shows, which says what changed."""

    def __init__(self) -> None:
        self._decisions: dict[int, bool] = {}  # record index -> delete? (only what the user set)
        self._records: Sequence[ImageRecord] = ()
        self._groups: list[DupGroup] = []
        self._group_of: dict[int, DupGroup] = {}  # record index -> its group
        self._kind: dict[int, str] = {}  # record index -> its relation to the group's reference
        self._protected_dirs: Sequence[str] = ()
        self._protected: set[int] = set()
        self._seen: set[int] = set()  # record indices the person saw in their group
        # group id -> (files, bytes) to delete, and how many of them (files, bytes) were seen
        self._freed: dict[int, tuple[int, int, int, int]] = {}
        self._live: set[int] = set()  # ids of the current groups
        # The sums of :meth:`scope` over every group, kept up to date group by group: a mark
        # changes one group, and summing all of them is 10-20 ms at 100,000 files.
        self._sums: list[int] = [0] * 7
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
        self._notify([])

    def _set_groups(
        self,
        records: Sequence[ImageRecord],
        groups: list[DupGroup],
        protected_dirs: Sequence[str],
        reset: bool,
    ) -> None:
        if reset:
            self._decisions = {}
            self._seen = set()
        elif records is not self._records and (self._decisions or self._seen):
            where = {r.path: n for n, r in enumerate(records)}
            old = self._records
            self._decisions = {
                where[old[i].path]: d for i, d in self._decisions.items() if old[i].path in where
            }
            self._seen = {where[old[i].path] for i in self._seen if old[i].path in where}
        self._records = records
        self._groups = groups
        self._protected_dirs = tuple(protected_dirs)
        self._group_of = {m.index: g for g in groups for m in g.members}
        # How each member relates to its keeper (core's rule, group.reasons.relations): only
        # copies of the kept picture are pre-marked, never a similar shot or a look-alike.
        self._kind = {}
        for g in groups:
            self._kind.update(relations(g))
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
            self._freed[g.id] = self._tally(dels)
        self._live = {g.id for g in groups}
        self._sums = [0] * 7
        for t in self._freed.values():
            self._add(t, 1)
        self._recount(())

    # -- queries ------------------------------------------------------------------------------
    def suggested_delete(self, group: DupGroup, index: int) -> bool:
        if index == group.keep or index in self._protected:
            return False
        return self._kind.get(index) in COPY_KINDS

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
                d = i != keep and i not in protected and self._kind.get(i) in COPY_KINDS
            if d:
                out.append(i)
        return out

    def freed(self, group: DupGroup) -> tuple[int, int]:
        """(files, bytes) marked for deletion in ``group``."""
        return self._freed.get(group.id, (0, 0, 0, 0))[:2]

    def marked(self, shown: set[int] | None = None, unseen: bool = True) -> list[int]:
        """Record indices marked for deletion, group by group: of the groups whose id is in
        ``shown`` (None: every group), and only those the person saw unless ``unseen``."""
        out = []
        for g in self._groups:
            if shown is None or g.id in shown:
                out.extend(i for i in self.deleted(g) if unseen or i in self._seen)
        return out

    def decided(self, index: int) -> bool | None:
        """The person's own decision for a file (delete?), None when it follows the suggestion."""
        return self._decisions.get(index)

    def is_seen(self, index: int) -> bool:
        return index in self._seen

    def scope(self, shown: set[int] | None = None) -> Scope:
        """Marked files of the shown groups (None: all), split into seen and never seen."""
        if shown is None:
            return Scope(*self._sums[2:])
        sf = sb = uf = ub = ug = hidden = 0
        for gid, (files, size, seen_files, seen_size) in self._freed.items():
            if shown is not None and gid not in shown:
                hidden += files
                continue
            sf += seen_files
            sb += seen_size
            if files > seen_files:
                uf += files - seen_files
                ub += size - seen_size
                ug += 1
        return Scope(sf, sb, uf, ub, ug, hidden)

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
        self._see_members([group])
        self._recount([group])
        self._notify([group.id])
        return None

    def toggle(self, group: DupGroup, index: int) -> str | None:
        return self.set_delete(group, index, not self.is_delete(group, index))

    def keep_only(self, group: DupGroup, index: int) -> None:
        """Keep ``index`` and delete every other (unprotected) member of its group."""
        for m in group.members:
            self._decisions[m.index] = m.index != index and m.index not in self._protected
        self._see_members([group])
        self._recount([group])
        self._notify([group.id])

    def accept_suggestion(self, groups: Iterable[DupGroup]) -> None:
        groups = list(groups)
        for g in groups:
            for m in g.members:
                self._decisions.pop(m.index, None)
        self._see_members(groups)
        self._recount(groups)
        self._notify([g.id for g in groups] if len(groups) < len(self._groups) else [])

    def keep_all(self, groups: Iterable[DupGroup]) -> None:
        self.set_marks(groups, lambda _g, _i: False)

    def set_marks(self, groups: Iterable[DupGroup], delete: Callable[[DupGroup, int], bool]) -> None:
        """Mark each member of ``groups`` as ``delete(group, index)`` says (mark all, invert...),
        within the rules: files in protected folders stay kept, and a group that would have every
        member marked keeps its keeper."""
        groups = list(groups)
        with gc_paused():  # a dict per group: a burst of small objects (see gc_pause)
            # One pass, with each group's figures from what it decides: "mark all" walks every
            # member of every group shown (72,000 at 100,000 files) on the GUI thread.
            decisions, protected, seen, records = self._decisions, self._protected, self._seen, self._records
            live, freed = self._live, self._freed
            for g in groups:
                want = {m.index: m.index not in protected and bool(delete(g, m.index)) for m in g.members}
                if all(want.values()):
                    want[g.keep] = False
                decisions.update(want)
                seen.update(want)  # every member is seen now: all its deletions count as seen
                if g.id in live:
                    old = freed.get(g.id)
                    if old is not None:
                        self._add(old, -1)
                    dels = [i for i, d in want.items() if d]
                    size = sum(records[i].size for i in dels)
                    new = freed[g.id] = (len(dels), size, len(dels), size)
                    self._add(new, 1)
        self.total_files, self.total_bytes = self._sums[0], self._sums[1]
        self._notify([g.id for g in groups] if len(groups) < len(self._groups) else [])

    def hold(self, groups: Iterable[DupGroup], gone: set[int]) -> None:
        """After a file action on ``groups``: every member still there keeps its current mark as
        the person's decision. What is left of a group is regrouped around another reference,
        and a file the person left kept (a frame of a burst, a look-alike) must not come back
        pre-marked behind their back."""
        groups = list(groups)
        for g in groups:
            for m in g.members:
                if m.index not in gone:
                    self._decisions[m.index] = self.is_delete(g, m.index)
        self._see_members(groups)

    def see(self, groups: Iterable[DupGroup]) -> None:
        """The person opened these groups (or decided them with a rule): their marks count."""
        groups = [g for g in groups if any(m.index not in self._seen for m in g.members)]
        if groups:
            self._see_members(groups)
            self._recount(groups)
            self._notify([g.id for g in groups] if len(groups) < len(self._groups) else [])

    def see_all(self) -> None:
        self.see(self._groups)

    def _see_members(self, groups: Iterable[DupGroup]) -> None:
        self._seen.update(m.index for g in groups for m in g.members)

    def reset(self) -> None:
        """Forget every user decision: all groups follow the suggestion again."""
        self._decisions = {}
        self._recount(self._groups)
        self._notify([])

    def _notify(self, group_ids: list[int]) -> None:
        """Group ids whose marks changed (an empty list: all of them); a copy tells no one."""

    # -- new groups prepared off the GUI thread ------------------------------------------------
    def staging_copy(self, full: bool = False) -> MarkBook:
        """A parentless copy of the person's decisions and what they saw, for :meth:`stage` on a
        worker thread while this object stays in use; :meth:`adopt` takes the result back.
        (:meth:`set_groups` walks every member: 0.1 s at 10,000 files, 0.7 s at 100,000.)
        ``full``: with the current groups too, for :meth:`set_marks` on it (see .mass_marks)."""
        copy = MarkBook()  # no QObject: made and dropped on whichever thread, owned by none
        if full:  # the maps of the groups are shared: they are replaced, never changed in place
            for k in ("_groups", "_group_of", "_kind", "_protected_dirs", "_protected", "_live"):
                setattr(copy, k, getattr(self, k))
            copy._freed, copy._sums = dict(self._freed), list(self._sums)
        # One read of each (atomic under the GIL, so a scan thread may call this too, through
        # :meth:`staged_for`); the basis is a copy of exactly what the copy starts from.
        records, decisions, seen = self._records, dict(self._decisions), set(self._seen)
        copy._records, copy._decisions, copy._seen = records, decisions, seen
        copy._basis = (records, dict(decisions), set(seen), self._groups if full else None)
        return copy

    def staged_for(
        self, records: Sequence[ImageRecord], groups: list[DupGroup], protected_dirs: Sequence[str]
    ) -> MarkBook:
        """:meth:`staging_copy` and :meth:`stage` in one, on the scan's thread for the early and
        the final groups (the GUI thread only adopts them). Plain data: moving a QObject made
        there to the GUI thread could deadlock against its event loop (a scan hung in CI)."""
        copy = self.staging_copy()
        copy.stage(records, groups, protected_dirs)
        return copy

    def stage(
        self, records: Sequence[ImageRecord], groups: list[DupGroup], protected_dirs: Sequence[str]
    ) -> None:
        """:meth:`set_groups` on a :meth:`staging_copy`, without the signal (any thread)."""
        with gc_paused():
            self._set_groups(records, groups, protected_dirs, False)

    def adopt(self, staged: MarkBook, protected_dirs: Sequence[str] | None = None) -> bool:
        """Take the groups ``staged`` holds when no mark changed since its copy was made, nor the
        protected folders (when given) since it was staged (else False: the caller sets the
        groups here instead)."""
        basis = staged.__dict__.get("_basis")
        if basis is None or basis[0] is not self._records:
            return False
        if basis[3] is not None and basis[3] is not self._groups:
            return False
        if protected_dirs is not None and tuple(protected_dirs) != staged._protected_dirs:
            return False
        if (basis[1], basis[2]) != (self._decisions, self._seen):
            return False
        # Plain attributes only: PySide keeps each signal's bound instance here too.
        state = {k: v for k, v in staged.__dict__.items() if k.startswith("_") and k != "_basis"}
        self.__dict__.update(state, total_files=staged.total_files, total_bytes=staged.total_bytes)
        self._notify([])
        return True

    def _tally(self, dels: list[int]) -> tuple[int, int, int, int]:
        records, seen = self._records, self._seen
        size = sum(records[i].size for i in dels)
        seen_dels = [i for i in dels if i in seen]
        return len(dels), size, len(seen_dels), sum(records[i].size for i in seen_dels)

    def _add(self, t: tuple[int, int, int, int], sign: int) -> None:
        files, size, seen_files, seen_size = t
        sums = self._sums
        sums[0] += sign * files
        sums[1] += sign * size
        sums[2] += sign * seen_files
        sums[3] += sign * seen_size
        if files > seen_files:
            sums[4] += sign * (files - seen_files)
            sums[5] += sign * (size - seen_size)
            sums[6] += sign

    def _recount(self, groups: Iterable[DupGroup]) -> None:
        """The figures of ``groups`` again; the sums change by their difference only (groups no
        longer shown are not counted)."""
        for g in groups:
            if g.id not in self._live:
                continue
            old = self._freed.get(g.id)
            if old is not None:
                self._add(old, -1)
            new = self._freed[g.id] = self._tally(self.deleted(g))
            self._add(new, 1)
        self.total_files, self.total_bytes = self._sums[0], self._sums[1]


class Marks(QObject, MarkBook):
    """The marks the window shows: a :class:`MarkBook` that says which groups changed."""

    #: Group ids whose marks changed (an empty list: all of them).
    changed = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        QObject.__init__(self, parent)
        MarkBook.__init__(self)

    def _notify(self, group_ids: list[int]) -> None:
        self.changed.emit(group_ids)
