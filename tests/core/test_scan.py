"""End-to-end scans of generated photos: groups, kinds, cache reuse, regrouping, cancel."""

from __future__ import annotations

import io
import shutil
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageOps

from dupe_viewer.core import (
    Cancelled,
    Finished,
    GroupsFound,
    Phase,
    Progress,
    ScanOptions,
    regroup,
    run_scan,
    scan,
)
from tests.library import PhotoLibrary, photo


def _jpeg(img: Image.Image, q: int) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=q)
    return buf.getvalue()


VARIANTS = ("resized", "rot90", "mirror", "gray", "letterbox", "logo")


def _variants(img: Image.Image) -> dict[str, Image.Image]:
    w, h = img.size
    boxed = Image.new("RGB", (w, int(h * 1.3)), (0, 0, 0))
    boxed.paste(img, (0, int(h * 0.15)))
    logo = img.copy()
    ImageDraw.Draw(logo).rectangle((int(w * 0.75), int(h * 0.85), w - 4, h - 4), fill=(255, 255, 255))
    return {
        "resized": img.resize((w // 2, h // 2), Image.Resampling.LANCZOS),
        "rot90": img.transpose(Image.Transpose.ROTATE_90),
        "mirror": ImageOps.mirror(img),
        "gray": img.convert("L"),
        "letterbox": boxed,
        "logo": logo,
    }


@pytest.fixture
def library(tmp_path: Path) -> dict[str, object]:
    """5 photos with variants, 20 unrelated photos, in nested folders."""
    lib = PhotoLibrary(tmp_path / "lib")
    for s in range(5):
        lib.original(
            f"originals/p{s}.jpg",
            photo(100 + s, (360, 270)),
            variants={
                f"edits/{name}/p{s}.png": (lambda img, name=name: _variants(img)[name]) for name in VARIANTS
            },
            copies=[f"backup/deep/p{s}_copy.jpg"],
            quality=92,
        )
    lib.unrelated(20, 500, (300, 220), lambda k: f"other/o{k}.jpg", quality=90)
    return {"root": lib.root, "expected": lib.groups}


def _group_sets(result) -> list[set[str]]:
    return [{result.records[m.index].path for m in g.members} for g in result.groups]


def test_groups_kinds_and_keeper(library) -> None:
    result = run_scan([library["root"]], ScanOptions(workers=2))
    assert result is not None
    got = sorted(_group_sets(result), key=sorted)
    assert got == sorted(library["expected"], key=sorted)
    for g in result.groups:
        kinds = {Path(result.records[m.index].path).parent.name: m.kind for m in g.members}
        sims = {Path(result.records[m.index].path).parent.name: m.similarity for m in g.members}
        # The byte copy relates to the reference exactly as the original does (or is its copy).
        pair = (kinds["originals"], kinds["deep"])
        assert pair in (("reference", "exact"), ("exact", "reference")) or (
            kinds["deep"] == kinds["originals"] and sims["deep"] == sims["originals"]
        )
        # Any faithful copy may be the reference; the others are near copies of it, the edits
        # are edited copies.
        for name in ("resized", "rot90", "mirror"):
            assert kinds[name] in ("near", "reference")
        assert kinds["gray"] == "edited" and kinds["letterbox"] == "edited" and kinds["logo"] == "edited"
        assert g.kind == "edited"  # the loosest relation in the group
        keeper = result.records[g.keep]
        # The best original: the JPEG or its byte copy, not the letterbox (more pixels, but a
        # border), the grayscale copy or the PNG edits (lossless files of edited pictures).
        assert Path(keeper.path).parent.name in ("originals", "deep"), keeper.path
        for m in g.members:
            assert 0.0 <= m.similarity <= 1.0
    assert result.stats.errors == 0
    assert result.stats.copies == 5  # byte copies were not decoded again


def test_warm_rescan_decodes_nothing(library) -> None:
    first = run_scan([library["root"]])
    second = run_scan([library["root"]])
    assert first is not None and second is not None
    assert first.stats.decoded > 0
    assert second.stats.decoded == 0
    assert second.stats.from_cache == second.stats.files
    assert _group_sets(first) == _group_sets(second)


def test_changed_file_is_decoded_again(library) -> None:
    run_scan([library["root"]])
    target = library["root"] / "other/o3.jpg"
    photo(999, (300, 220)).save(target, quality=80)
    again = run_scan([library["root"]])
    assert again is not None and again.stats.decoded == 1


def test_no_cache_option(library, isolated_home: Path) -> None:
    result = run_scan([library["root"]], ScanOptions(use_cache=False))
    assert result is not None and result.stats.decoded > 0
    assert not list(isolated_home.rglob("*.sqlite3"))


def test_regroup_from_cached_pairs(library) -> None:
    result = run_scan([library["root"]])
    assert result is not None
    loose = len(result.groups)

    def at(t: float) -> list:
        return regroup(result, replace(result.grouping, threshold=t))

    strict = at(0.99)
    assert sum(len(g.members) for g in strict) < sum(len(g.members) for g in at(0.65))
    assert len(at(0.65)) == loose
    # At the strictest threshold only perfect matches remain, and byte copies always do.
    strictest = at(1.0)
    assert all(m.similarity >= 1.0 or m.kind == "exact" for g in strictest for m in g.members)
    grouped = {result.records[m.index].path for g in strictest for m in g.members}
    assert all(str(library["root"] / f"backup/deep/p{s}_copy.jpg") in grouped for s in range(5))


def test_independent_of_names_and_order(library, tmp_path: Path) -> None:
    first = run_scan([library["root"]], ScanOptions(use_cache=False))
    # Same files under names that sort in a different order.
    moved = tmp_path / "moved"
    mapping = {}
    for i, p in enumerate(sorted(library["root"].rglob("*"), reverse=True)):
        if p.is_file():
            dst = moved / f"{i:03d}{p.suffix}"
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, dst)
            mapping[str(p)] = str(dst)
    second = run_scan([moved], ScanOptions(use_cache=False))
    assert first is not None and second is not None
    translated = sorted(sorted(mapping[p] for p in g) for g in _group_sets(first))
    assert translated == sorted(sorted(g) for g in _group_sets(second))


def test_events_and_early_exact_groups(library) -> None:
    phases = []
    early = None
    for ev in scan([library["root"]]):
        if isinstance(ev, Progress):
            phases.append(ev.phase)
        elif isinstance(ev, GroupsFound):
            early = ev.result.groups
        elif isinstance(ev, Finished):
            break
    assert early is not None and len(early) == 5 and all(g.kind == "exact" for g in early)
    order = [Phase.DISCOVER, Phase.CACHE, Phase.CONTENT, Phase.DECODE, Phase.MATCH, Phase.GROUP]
    assert [p for i, p in enumerate(phases) if i == 0 or phases[i - 1] != p] == order


@pytest.mark.slow
def test_cancel_stops_and_keeps_cache(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    # Distinct bytes, identical pixels: instant to write, and each file is decoded (making 120
    # different photos took most of this test's time).
    buf = io.BytesIO()
    photo(1, (640, 480)).save(buf, "PNG")
    for s in range(120):
        (root / f"{s}.png").write_bytes(buf.getvalue() + s.to_bytes(2, "little"))
    cancel = threading.Event()
    decoded_before_cancel = 0
    stopped_after = None
    for ev in scan([root], ScanOptions(workers=2), cancel=cancel):
        if isinstance(ev, Progress) and ev.phase == Phase.DECODE and ev.done >= 16 and not cancel.is_set():
            decoded_before_cancel = ev.done
            cancel.set()
            t0 = time.monotonic()
        if isinstance(ev, Cancelled):
            stopped_after = time.monotonic() - t0
            break
        assert not isinstance(ev, Finished), "the scan ran to the end despite cancel"
    assert stopped_after is not None
    assert stopped_after < 5  # generous: the requirement is "within a second" on a normal machine
    again = run_scan([root])
    assert again is not None
    assert again.stats.from_cache >= decoded_before_cancel  # work done before cancel was kept
    assert again.stats.decoded == 120 - again.stats.from_cache


def test_early_groups_carry_their_records(library) -> None:
    for ev in scan([library["root"]]):
        if isinstance(ev, GroupsFound):
            paths = [{ev.result.records[m.index].path for m in g.members} for g in ev.result.groups]
            assert all(any(p.endswith("_copy.jpg") for p in g) for g in paths)
            break
    else:
        raise AssertionError("no early groups")


def test_cancel_during_matching_stops_at_once() -> None:
    """Matching a big collection takes minutes; a cancel must land between index query chunks."""
    import numpy as np
    import pytest

    from dupe_viewer.core.errors import ScanCancelled
    from dupe_viewer.core.features.perceptual import FEATURE_DTYPE
    from dupe_viewer.core.match import candidates

    feats = np.zeros(3 * candidates.QUERY_CHUNK, dtype=FEATURE_DTYPE)
    feats["thumb"] = np.random.default_rng(0).integers(0, 255, feats["thumb"].shape, dtype=np.uint8)
    calls = []

    def stop() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(ScanCancelled):
        candidates.candidate_pairs(feats, should_stop=stop)
    assert len(calls) == 3  # stopped at the third chunk of queries, not after all of them


def _children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (Linux /proc; empty elsewhere)."""
    out = []
    for entry in Path("/proc").glob("[0-9]*/stat") if Path("/proc").is_dir() else []:
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(entry.parent.name))
    return out


@pytest.mark.slow
def test_killed_scan_leaves_a_cache_the_next_scan_reuses(tmp_path: Path, isolated_home: Path) -> None:
    """SIGKILL in the middle of decoding (no chance to clean up): the batches already written
    are reused, the cache is not reported broken, and the result equals an uninterrupted scan's."""
    import os
    import signal
    import sqlite3
    import subprocess
    import sys

    from dupe_viewer.core import paths

    root = tmp_path / "many"
    root.mkdir()
    # Distinct bytes, identical pixels: cheap to write, each one decoded (copies by content are
    # only skipped when their bytes are equal).
    buf = io.BytesIO()
    # Large enough that decoding the files after the first committed batch (256) takes longer
    # than noticing that batch; small enough that the three scans stay quick.
    photo(1, (900, 675)).save(buf, "PNG")
    n = 400
    for s in range(n):
        (root / f"{s:03d}.png").write_bytes(buf.getvalue() + s.to_bytes(2, "little"))
    db = paths.cache_dir() / "features.sqlite3"
    proc = subprocess.Popen(
        [sys.executable, "-m", "dupe_viewer", "scan", str(root), "--no-deep", "-q", "--workers", "2"],
        env={**os.environ, "DUPE_VIEWER_HOME": str(isolated_home)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    rows = 0
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                try:
                    rows = conn.execute("SELECT COUNT(*) FROM files WHERE features IS NOT NULL").fetchone()[0]
                except sqlite3.Error:  # not created yet, or busy
                    rows = 0
                finally:
                    conn.close()
            if rows > 0:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the scan finished before it could be killed"
        workers = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(10)
    assert 0 < rows < n
    # Its worker processes do not outlive it (they would wait for work forever).
    deadline = time.monotonic() + 10
    while workers and time.monotonic() < deadline:
        workers = [w for w in workers if os.path.exists(f"/proc/{w}")]
        time.sleep(0.1)
    assert workers == []

    again = run_scan([root], ScanOptions(deep=False))
    assert again is not None and not again.warnings and not again.errors
    assert again.stats.from_cache >= rows  # what the killed scan committed was kept
    assert again.stats.decoded == n - again.stats.from_cache
    fresh = run_scan([root], ScanOptions(deep=False, use_cache=False))
    assert fresh is not None
    as_paths = lambda res: sorted(sorted(res.records[i].path for i in g.indices) for g in res.groups)  # noqa: E731
    assert as_paths(again) == as_paths(fresh) and len(again.groups) == 1
