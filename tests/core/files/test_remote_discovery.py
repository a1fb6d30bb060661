"""Discovery under fsspec URL roots: the local rules (extensions, skipped counts, hidden names,
patterns), a change key per object, and a missing filesystem package named in one line."""

from __future__ import annotations

import uuid
from collections import Counter
from pathlib import Path

import pytest

from dupe_viewer.core.files import remote
from dupe_viewer.core.files.discovery import FileEntry, FileError, discover
from dupe_viewer.core.options import DiscoveryOptions

fsspec = pytest.importorskip("fsspec")


NAMES = ("a.jpg", "sub/b.PNG", "sub/deep/c.webp", "clip.mp4", "notes", ".hidden.jpg", ".cache/d.jpg")


@pytest.fixture
def mem_root():
    """A memory:// folder of its own (the memory filesystem is per process and shared)."""
    base = f"/dv-{uuid.uuid4().hex}"
    fs = fsspec.filesystem("memory")
    for name in NAMES:
        fs.pipe(f"{base}/{name}", b"x" * (len(name) + 1))
    yield f"memory://{base}", fs, base
    fs.rm(base, recursive=True)


def _split(items):
    entries = [i for i in items if isinstance(i, FileEntry)]
    return entries, [i for i in items if isinstance(i, FileError)]


def test_memory_url_follows_the_local_rules(mem_root) -> None:
    root, _, base = mem_root
    skipped: Counter[str] = Counter()
    entries, errors = _split(list(remote.discover_url(root, None, skipped)))
    assert errors == []
    assert [e.path for e in entries] == [
        f"memory://{base}/{n}" for n in ("a.jpg", "sub/b.PNG", "sub/deep/c.webp")
    ]
    assert [e.size for e in entries] == [6, 10, 16]
    assert skipped == Counter({"mp4": 1, "": 1})
    flat = [e.path.rsplit("/", 1)[-1] for e in remote.discover_url(root, DiscoveryOptions(recursive=False))]
    assert flat == ["a.jpg"]
    hidden = [
        e.path.rsplit("/", 1)[-1] for e in remote.discover_url(root, DiscoveryOptions(include_hidden=True))
    ]
    assert ".hidden.jpg" in hidden and "d.jpg" in hidden
    no_sub = [e.path for e in remote.discover_url(root, DiscoveryOptions(exclude=("sub",)))]
    assert no_sub == [f"memory://{base}/a.jpg"]
    only_png = [e.path for e in remote.discover_url(root, DiscoveryOptions(include=("*.png",)))]
    assert only_png == [f"memory://{base}/sub/b.PNG"]


def test_overlapping_roots_report_each_object_once(mem_root) -> None:
    root = mem_root[0]
    seen: set[str] = set()
    first = list(remote.discover_url(root, None, None, seen))
    again = list(remote.discover_url(f"{root}/sub", None, None, seen))
    assert len(first) == 3 and again == []


def test_missing_root_and_single_object(mem_root) -> None:
    root, _, base = mem_root
    assert list(remote.discover_url(f"{root}/nope")) == [FileError(f"{root}/nope", "does not exist")]
    (one,) = remote.discover_url(f"{root}/a.jpg")
    assert isinstance(one, FileEntry) and one.path == f"memory://{base}/a.jpg"
    (bad,) = remote.discover_url(f"{root}/clip.mp4")
    assert isinstance(bad, FileError) and "unknown extension" in bad.error


def test_file_url_finds_what_local_discovery_finds(tmp_path: Path) -> None:
    for name in ("a.jpg", "sub/b.png", "x.mp4"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"data")
    local = [e.path for e in discover([tmp_path]) if isinstance(e, FileEntry)]
    urls = [e.path for e in remote.discover_url(f"file://{tmp_path}")]
    assert urls == [f"file://{p}" for p in local]


def test_change_key_prefers_a_version_or_etag_over_the_time() -> None:
    base = {"size": 3, "LastModified": "2026-01-02T03:04:05Z"}
    assert remote.change_key(base) == 1767323045 * 10**9
    tagged = remote.change_key({**base, "ETag": '"abc"'})
    assert tagged != remote.change_key(base) and tagged >= 0
    assert remote.change_key({**base, "ETag": '"abd"'}) != tagged
    assert remote.change_key({"mtime": 1.5}) == 1_500_000_000
    assert remote.change_key({}) == 0


def test_is_url() -> None:
    assert remote.is_url("s3://bucket/x") and remote.is_url("file:///tmp")
    assert not remote.is_url("/tmp/x") and not remote.is_url("C:\\photos") and not remote.is_url(Path("/x"))


def test_missing_filesystem_package_is_one_line_naming_it(monkeypatch) -> None:
    def absent(proto):
        raise ImportError("Install s3fs to access S3")

    monkeypatch.setattr(fsspec, "get_filesystem_class", absent)
    with pytest.raises(remote.RemoteUnavailable) as exc:
        remote.check_available("s3://bucket/photos")
    assert "pip install s3fs" in str(exc.value) and "\n" not in str(exc.value)


def test_unknown_protocol_is_a_clear_error() -> None:
    with pytest.raises(remote.RemoteUnavailable, match="unknown URL protocol"):
        remote.check_available("bogusproto://x")
    remote.check_available("memory://x")  # installed: no error


def test_scan_command_sends_a_one_machine_url_scan_to_dask_in_one_line(capsys) -> None:
    from dupe_viewer.cli import main

    assert main(["scan", "s3://bucket/photos", "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("dupe-viewer: error: s3://bucket/photos: URLs") and "\n" not in err
    assert "--dask" in err


def test_scan_command_names_an_unusable_url_filesystem_before_the_cluster(capsys) -> None:
    from dupe_viewer.cli import main

    assert main(["scan", "bogusproto://bucket/photos", "--dask", "local:1", "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert "unknown URL protocol" in err and "\n" not in err
