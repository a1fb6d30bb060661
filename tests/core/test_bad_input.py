"""End to end: a folder full of bad input next to real duplicates, through the engine and the CLI.

Nothing in the bad folder may stop the scan or hide the real duplicates, and every bad file must be
reported with a reason a user can act on.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from dupe_viewer.core import ErrorFound, Finished, Phase, Progress, ScanResult, run_scan, scan
from dupe_viewer.core.act import report
from dupe_viewer.core.errors import DecodeError
from dupe_viewer.core.features import decoding
from dupe_viewer.core.options import ScanOptions

REPO = Path(__file__).resolve().parents[2]
POSIX = os.name == "posix"
#: A Latin-1 "é" on disk: not valid UTF-8, surrogate-escaped by Python (``caf\udce9.png``).
NON_UTF8_NAME = os.fsdecode(b"caf\xe9.png") if POSIX else "café.png"
BOMB_REASON_PART = "decompression bomb"


def png_bomb(path: Path, width: int, height: int) -> None:
    """A valid 1-bit black PNG, tiny on disk and huge decoded (built without ever holding it)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    packer = zlib.compressobj(9)
    rows = (b"\x00" * (1 + (width + 7) // 8)) * 1000
    body = b"".join(packer.compress(rows) for _ in range(height // 1000)) + packer.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body) + chunk(b"IEND", b""))


@dataclass
class BadFolder:
    root: Path
    group: set[str]  # the real duplicates: one group
    loner: str  # a good image with no duplicate
    errors: dict[str, str]  # path -> the exact reason expected (a substring for the bomb)
    vanishing: str  # a good image the scan deletes before it is decoded
    non_utf8: str


@pytest.fixture
def bad_folder(tmp_path: Path, make_photo: Callable[..., Image.Image]) -> BadFolder:
    root = tmp_path / "library"
    dups, bad = root / "dups", root / "bad"
    dups.mkdir(parents=True)
    bad.mkdir()

    original = make_photo(100, (800, 600))
    original.save(dups / "original.jpg", quality=92)
    shutil.copyfile(dups / "original.jpg", dups / "original copy.jpg")
    original.resize((400, 300), Image.Resampling.LANCZOS).save(dups / "resized.jpg", quality=88)
    original.transpose(Image.Transpose.ROTATE_90).save(dups / "rotated.jpg", quality=90)
    non_utf8 = dups / NON_UTF8_NAME
    original.resize((640, 480), Image.Resampling.LANCZOS).save(non_utf8, format="PNG")

    make_photo(101, (640, 480)).save(root / "unrelated.jpg", quality=90)
    make_photo(102, (500, 400)).save(root / "vanishing.jpg", quality=90)

    rng = np.random.default_rng(7)
    noise = rng.integers(0, 256, 6000, dtype=np.uint8).tobytes()
    (bad / "random bytes.jpg").write_bytes(b"\x13\x37" + noise)  # no format starts like this
    full = make_photo(103, (800, 600))
    full.save(bad / "full.tmp", format="JPEG", quality=90)  # .tmp: not an image name, not scanned
    data = (bad / "full.tmp").read_bytes()
    (bad / "truncated.jpg").write_bytes(data[: int(len(data) * 0.6)])
    (bad / "empty.png").touch()
    (bad / "notes.png").write_text("Shopping list:\n- eggs\n- milk\n", encoding="utf-8")
    png_bomb(bad / "bomb.png", 20000, 20000)
    if POSIX:
        (root / "loop").symlink_to(root, target_is_directory=True)  # a folder link to its parent
        (bad / "deeper").mkdir()
        (bad / "deeper" / "up").symlink_to(bad, target_is_directory=True)

    return BadFolder(
        root=root,
        group={str(dups / n) for n in ("original.jpg", "original copy.jpg", "resized.jpg", "rotated.jpg")}
        | {str(non_utf8)},
        loner=str(root / "unrelated.jpg"),
        errors={
            str(bad / "random bytes.jpg"): "not a recognised image format (corrupt or unsupported file)",
            str(bad / "truncated.jpg"): "truncated image file (the end of the file is missing)",
            str(bad / "empty.png"): "empty file (0 bytes)",
            str(bad / "notes.png"): "not an image (the file contains text)",
            str(bad / "bomb.png"): BOMB_REASON_PART,
        },
        vanishing=str(root / "vanishing.jpg"),
        non_utf8=str(non_utf8),
    )


def check_reason(path: str, reason: str, expected: str) -> None:
    if expected == BOMB_REASON_PART:
        assert BOMB_REASON_PART in reason, (path, reason)
        assert "20000×20000" in reason, reason
    else:
        assert reason == expected, (path, reason)
    assert "\n" not in reason and "Traceback" not in reason


def scan_deleting_one(folder: BadFolder) -> tuple[ScanResult, list[object]]:
    """Run the scan, deleting ``folder.vanishing`` once discovery is over and decoding begins."""
    events: list[object] = []
    deleted = False
    result = None
    for event in scan([folder.root], ScanOptions()):
        events.append(event)
        if isinstance(event, Progress) and event.phase is Phase.DECODE and not deleted:
            os.remove(folder.vanishing)
            deleted = True
        if isinstance(event, Finished):
            result = event.result
    assert deleted, "the scan never reached the decoding phase"
    assert isinstance(events[-1], Finished)
    assert result is not None
    return result, events


def paths_of(result: ScanResult, indices: list[int]) -> set[str]:
    return {result.records[i].path for i in indices}


# -- the engine ------------------------------------------------------------------------------------
def test_scan_survives_bad_input_and_finds_the_duplicates(bad_folder: BadFolder) -> None:
    result, events = scan_deleting_one(bad_folder)

    # One group: the original, its byte copy, the resized, rotated and re-encoded copies.
    assert len(result.groups) == 1
    group = result.groups[0]
    assert paths_of(result, group.indices) == bad_folder.group
    assert len(group.indices) == len(set(group.indices)) == 5
    kinds = {result.records[m.index].path: m.kind for m in group.members}
    copy_path = str(bad_folder.root / "dups" / "original copy.jpg")
    original_path = str(bad_folder.root / "dups" / "original.jpg")
    assert {kinds[copy_path], kinds[original_path]} <= {"reference", "exact"}
    assert "exact" in {kinds[copy_path], kinds[original_path]}
    assert result.records[group.keep].path in (original_path, copy_path)  # the largest image

    # Every bad file is reported once, with its own reason, and nothing else is an error.
    expected = {**bad_folder.errors, bad_folder.vanishing: "file vanished before it could be read"}
    reported = {e.path: e.error for e in result.errors}
    assert len(result.errors) == len(reported), "a file was reported twice"
    assert set(reported) == set(expected)
    for path, reason in reported.items():
        check_reason(path, reason, expected[path])
    assert result.stats.errors == len(expected)
    # ErrorFound events told the caller the same thing as it happened.
    streamed = {ev.error.path: ev.error.error for ev in events if isinstance(ev, ErrorFound)}
    assert streamed == reported

    # The symlink loops cost nothing: each file is found once, under its plain path.
    all_paths = [r.path for r in result.records]
    assert len(all_paths) == len(set(all_paths))
    assert not any(f"{os.sep}loop{os.sep}" in p or f"{os.sep}up{os.sep}" in p for p in all_paths)
    assert set(all_paths) == bad_folder.group | set(expected) | {bad_folder.loner}
    assert result.stats.files == len(all_paths) == 12

    # The good files have their facts; the bad ones have no features.
    by_path = {r.path: i for i, r in enumerate(result.records)}
    loner = result.records[by_path[bad_folder.loner]]
    assert (loner.width, loner.height, loner.format) == (640, 480, "JPEG")
    assert result.has_features[by_path[bad_folder.loner]]
    for path in expected:
        assert not result.has_features[by_path[path]], path
    rotated = result.records[by_path[str(bad_folder.root / "dups" / "rotated.jpg")]]
    assert (rotated.width, rotated.height) == (600, 800)


@pytest.mark.skipif(not POSIX, reason="file names that are not valid UTF-8 exist on POSIX only")
def test_non_utf8_name_is_scanned_and_grouped(bad_folder: BadFolder) -> None:
    result, _ = scan_deleting_one(bad_folder)
    by_path = {r.path: i for i, r in enumerate(result.records)}
    assert bad_folder.non_utf8 in by_path
    i = by_path[bad_folder.non_utf8]
    rec = result.records[i]
    assert rec.error is None
    assert (rec.width, rec.height, rec.format) == (640, 480, "PNG")
    assert result.has_features[i]
    assert i in result.groups[0].indices
    assert os.fsencode(rec.path).endswith(b"caf\xe9.png")


def test_reports_can_be_written_and_read_back(bad_folder: BadFolder, tmp_path: Path) -> None:
    result, _ = scan_deleting_one(bad_folder)
    out_json, out_csv = tmp_path / "report.json", tmp_path / "report.csv"
    report.write_json(result, out_json)
    report.write_csv(result, out_csv)
    assert not (tmp_path / "report.json.tmp").exists()

    with open(out_json, encoding="utf-8") as fh:
        data = json.load(fh)
    assert data == report.load_json(out_json)
    assert data["version"] == report.REPORT_VERSION
    assert data["roots"] == [str(bad_folder.root)]
    expected_errors = {**bad_folder.errors, bad_folder.vanishing: "file vanished before it could be read"}
    got_errors = {e["path"]: e["error"] for e in data["errors"]}
    assert set(got_errors) == set(expected_errors)
    for path, reason in got_errors.items():
        check_reason(path, reason, expected_errors[path])
    assert data["stats"]["errors"] == 6
    assert data["stats"]["files"] == 12
    assert data["stats"]["groups"] == 1
    assert data["stats"]["duplicates"] == 4
    (group,) = data["groups"]
    assert {m["path"] for m in group["members"]} == bad_folder.group  # surrogates survive the trip
    assert group["keep"] in bad_folder.group
    members = {m["path"]: m for m in group["members"]}
    assert members[bad_folder.non_utf8]["format"] == "PNG"
    assert members[bad_folder.non_utf8]["width"] == 640

    with open(out_csv, encoding="utf-8", errors="surrogateescape", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert next(r for r in rows if r["action"] == "keep")["path"] == group["keep"]
    assert {r["path"] for r in rows} == bad_folder.group
    assert {r["group"] for r in rows} == {"1"}
    assert sorted(r["action"] for r in rows) == ["duplicate"] * 4 + ["keep"]
    if POSIX:
        # The CSV holds the file name's real bytes, so other tools can open the file.
        assert b"caf\xe9.png" in out_csv.read_bytes()


def test_rescan_from_cache_reports_the_same(bad_folder: BadFolder) -> None:
    first, _ = scan_deleting_one(bad_folder)
    second = None
    for event in scan([bad_folder.root], ScanOptions()):
        if isinstance(event, Finished):
            second = event.result
    assert second is not None
    assert second.stats.decoded == 0  # everything, errors included, came from the cache
    assert {e.path: e.error for e in second.errors} == {
        e.path: e.error for e in first.errors if e.path != bad_folder.vanishing
    }
    assert [paths_of(second, g.indices) for g in second.groups] == [bad_folder.group]


@pytest.mark.parametrize(
    "reason",
    ["permission denied", "cannot read file: Input/output error", "not enough memory to decode this image"],
)
def test_transient_errors_are_retried_on_the_next_scan(
    reason: str, tmp_path: Path, make_photo: Callable[..., Image.Image], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file that could not be read for a reason outside it (rights, I/O, memory) keeps its identity
    # (size, mtime, inode) when that is fixed - chmod does not touch mtime - so a cached error would
    # hide it for good. Simulated by a decoder that refuses once (as root, chmod cannot refuse).
    folder = tmp_path / "pics"
    folder.mkdir()
    make_photo(110).save(folder / "a.jpg", quality=90)
    make_photo(110).resize((160, 120)).save(folder / "b.jpg", quality=90)
    real_decode = decoding.decode

    def refusing(path: str | os.PathLike[str], *args: object, **kwargs: object) -> object:
        if os.fspath(path).endswith("a.jpg"):
            raise DecodeError(reason)
        return real_decode(path, *args, **kwargs)

    monkeypatch.setattr(decoding, "decode", refusing)
    first = run_scan([folder], ScanOptions())
    assert first is not None
    assert [(e.path, e.error) for e in first.errors] == [(str(folder / "a.jpg"), reason)]
    assert first.groups == []

    monkeypatch.setattr(decoding, "decode", real_decode)
    second = run_scan([folder], ScanOptions())
    assert second is not None
    assert second.errors == []
    assert second.stats.decoded == 1 and second.stats.from_cache == 1
    assert [paths_of(second, g.indices) for g in second.groups] == [
        {str(folder / "a.jpg"), str(folder / "b.jpg")}
    ]


def test_content_errors_stay_cached(tmp_path: Path) -> None:
    folder = tmp_path / "pics"
    folder.mkdir()
    (folder / "notes.png").write_text("not a picture\n", encoding="utf-8")
    first = run_scan([folder], ScanOptions())
    second = run_scan([folder], ScanOptions())
    assert first is not None and second is not None
    assert (
        [e.error for e in first.errors]
        == [e.error for e in second.errors]
        == ["not an image (the file contains text)"]
    )
    assert (first.stats.decoded, second.stats.decoded) == (1, 0)


# -- the command line ------------------------------------------------------------------------------
def run_cli(args: list[str], home: Path, **env_extra: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    env.update(PYTHONPATH=str(REPO), DUPE_VIEWER_HOME=str(home), **env_extra)
    for var in ("DUPE_VIEWER_CACHE_DIR", "DUPE_VIEWER_DATA_DIR", "DUPE_VIEWER_CONFIG_DIR"):
        env.pop(var, None)
    return subprocess.run(
        [sys.executable, "-m", "dupe_viewer", *args],
        env=env,
        capture_output=True,
        timeout=120,
        cwd=str(home),
    )


def test_cli_scan_of_the_bad_folder(bad_folder: BadFolder, tmp_path: Path, isolated_home: Path) -> None:
    os.remove(bad_folder.vanishing)  # the CLI cannot be interrupted mid-scan: it is just gone
    out, out_csv = tmp_path / "out" / "report.json", tmp_path / "out" / "groups.csv"
    out.parent.mkdir()
    proc = run_cli(
        ["scan", os.fsdecode(bad_folder.root), "--report", str(out), "--csv", str(out_csv)], isolated_home
    )
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert "11 files" in stderr and "1 groups" in stderr and "4 duplicates" in stderr and "5 errors" in stderr
    data = report.load_json(out)
    got_errors = {e["path"]: e["error"] for e in data["errors"]}
    assert set(got_errors) == set(bad_folder.errors)
    for path, reason in got_errors.items():
        check_reason(path, reason, bad_folder.errors[path])
    assert [{m["path"] for m in g["members"]} for g in data["groups"]] == [bad_folder.group]
    with open(out_csv, encoding="utf-8", errors="surrogateescape", newline="") as fh:
        assert {r["path"] for r in csv.DictReader(fh)} == bad_folder.group


@pytest.mark.skipif(not POSIX, reason="file names that are not valid UTF-8 exist on POSIX only")
def test_cli_prints_non_utf8_names_on_a_strict_utf8_terminal(
    bad_folder: BadFolder, isolated_home: Path
) -> None:
    # PYTHONIOENCODING=utf-8 gives stdout the "strict" error handler, as a UTF-8 desktop locale
    # (en_US.UTF-8) does: printing a surrogate-escaped name must not crash the command.
    os.remove(bad_folder.vanishing)
    proc = run_cli(["scan", str(bad_folder.root), "-q"], isolated_home, PYTHONIOENCODING="utf-8")
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(b"group 1 ")
    assert len(lines) == 6  # the group line and its five files
    assert any(line.endswith(b"caf\xe9.png") for line in lines)  # the name's own bytes


# -- command line usage errors ---------------------------------------------------------------------
def assert_usage_error(proc: subprocess.CompletedProcess[bytes], *needles: str) -> None:
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("dupe-viewer: error:"), lines[0]
    for needle in needles:
        assert needle in lines[0]
    assert proc.stdout == b""


def test_cli_missing_path(tmp_path: Path, isolated_home: Path) -> None:
    missing = tmp_path / "no such folder"
    assert_usage_error(run_cli(["scan", str(missing)], isolated_home), "no such file or folder", str(missing))


def test_cli_threshold_out_of_range(tmp_path: Path, isolated_home: Path) -> None:
    assert_usage_error(run_cli(["scan", str(tmp_path), "--threshold", "1.5"], isolated_home), "--threshold")


def test_cli_report_in_a_missing_folder(tmp_path: Path, isolated_home: Path) -> None:
    target = tmp_path / "nowhere" / "report.json"
    proc = run_cli(["scan", str(tmp_path), "--report", str(target)], isolated_home)
    assert_usage_error(proc, "report.json", "does not exist")
    assert not target.parent.exists()
