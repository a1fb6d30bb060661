"""Reading fsspec objects: the size checked before anything is read, one-line reasons, the
decode guards of local files, and byte-identical hashes through fsspec."""

from __future__ import annotations

import io
import uuid

import pytest
from PIL import Image

from dupe_viewer.core.errors import DecodeError
from dupe_viewer.core.features import decoding
from dupe_viewer.core.files import exact, remote

fsspec = pytest.importorskip("fsspec")


@pytest.fixture
def mem():
    """A memory:// folder of its own; yields (url prefix, filesystem, base path)."""
    base = f"/dv-read-{uuid.uuid4().hex}"
    fs = fsspec.filesystem("memory")
    fs.mkdir(base)
    yield f"memory://{base}", fs, base
    fs.rm(base, recursive=True)


def _jpeg(colour: tuple[int, int, int], size=(64, 48)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "JPEG", quality=90)
    return buf.getvalue()


def test_an_object_decodes_as_the_same_bytes_on_disk_do(mem, tmp_path) -> None:
    url, fs, base = mem
    data = _jpeg((200, 30, 40))
    fs.pipe(f"{base}/a.jpg", data)
    (tmp_path / "a.jpg").write_bytes(data)
    got, want = decoding.decode(f"{url}/a.jpg", size=32), decoding.decode(tmp_path / "a.jpg", size=32)
    assert (got.width, got.height, got.format) == (want.width, want.height, want.format) == (64, 48, "JPEG")
    assert got.image.tobytes() == want.image.tobytes()


def test_hostile_objects_cost_one_line_each(mem) -> None:
    url, fs, base = mem
    fs.pipe(f"{base}/text.jpg", b"hello, this is not an image at all\n" * 3)
    fs.pipe(f"{base}/cut.jpg", _jpeg((1, 2, 3), (400, 300))[:700])
    fs.pipe(f"{base}/empty.png", b"")
    reasons = {}
    for name in ("text.jpg", "cut.jpg", "empty.png", "gone.jpg"):
        with pytest.raises(DecodeError) as exc:
            decoding.decode(f"{url}/{name}", size=32)
        reasons[name] = str(exc.value)
    assert reasons["text.jpg"] == "not an image (the file contains text)"
    assert reasons["empty.png"] == "empty file (0 bytes)"
    assert reasons["gone.jpg"] == "object vanished before it could be read"
    assert reasons["cut.jpg"]  # truncated or corrupt: whatever the decoder says, in one line
    assert all("\n" not in r for r in reasons.values())


def test_an_object_over_the_limit_is_refused_before_it_is_read(mem, monkeypatch) -> None:
    url, fs, base = mem
    fs.pipe(f"{base}/big.jpg", b"\xff" * 5000)
    reads = []
    original = fs.open
    monkeypatch.setattr(type(fs), "open", lambda self, *a, **k: reads.append(a) or original(*a, **k))
    with pytest.raises(DecodeError, match="too large to read safely"):
        remote.read_object(f"{url}/big.jpg", limit=4096)
    assert reads == []
    assert len(remote.read_object(f"{url}/big.jpg", limit=5000).getvalue()) == 5000


def test_same_size_objects_are_compared_by_content(mem) -> None:
    url, fs, base = mem
    a = _jpeg((10, 20, 30))
    b = bytearray(a)
    b[-3] ^= 0xFF  # same size, other content
    fs.pipe(f"{base}/a.jpg", a)
    fs.pipe(f"{base}/copy.jpg", a)
    fs.pipe(f"{base}/b.jpg", bytes(b))
    full = {n: exact.full_hash(f"{url}/{n}", size=len(a)) for n in ("a.jpg", "copy.jpg", "b.jpg")}
    assert full["a.jpg"] == full["copy.jpg"] != full["b.jpg"]
    assert exact.partial_hash(f"{url}/a.jpg", size=len(a)) == exact.partial_hash(f"{url}/copy.jpg")
    with pytest.raises(exact.ChangedError):
        exact.full_hash(f"{url}/a.jpg", size=len(a) - 1)
    with pytest.raises(FileNotFoundError):
        exact.partial_hash(f"{url}/gone.jpg")
