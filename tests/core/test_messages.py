"""Engine messages with codes (dupe_viewer/core/messages.py): the English text everyone reads,
the code and values the window translates, kept through worker processes, the feature cache
and a rescan."""

from __future__ import annotations

import json
import pickle
import string
from pathlib import Path

import pytest
from PIL import Image

from dupe_viewer.core import FeatureCache, ScanOptions, run_scan
from dupe_viewer.core.features import pool
from dupe_viewer.core.messages import CATALOGUE, Message, from_json, message, of, to_json


def _sample(code: str) -> Message:
    """``code`` with a value of the right kind for each of its fields."""
    names = {name: spec for _, name, spec, _ in string.Formatter().parse(CATALOGUE[code]) if name}
    values: dict[str, object] = {}
    for name, spec in names.items():
        if name == "reason":
            values[name] = message("act_gone")
        elif spec and spec.endswith("f"):
            values[name] = 1.5
        elif spec == "," or name in ("width", "height", "megapixels", "limit", "size_mb", "limit_mb"):
            values[name] = 1234
        else:
            values[name] = "a value"
    return Message(code, values)  # type: ignore[arg-type]


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_code_renders_and_survives_pickle_and_json(code: str) -> None:
    m = _sample(code)
    assert isinstance(m, str) and m == m.text and "{" not in m
    back = pickle.loads(pickle.dumps(m))
    assert isinstance(back, Message) and (back.code, back.params, back) == (m.code, m.params, m)
    stored = to_json(m)
    assert stored is not None and json.loads(stored)["code"] == code
    again = from_json(m.text, stored)
    assert isinstance(again, Message) and again.code == code and again == m


def test_a_message_is_frozen_and_text_made_from_it_is_plain() -> None:
    m = message("corrupt", detail="broken PNG file")
    assert m == "corrupt image data (broken PNG file)"
    with pytest.raises(AttributeError):
        m.code = "truncated"  # type: ignore[misc]
    assert type(m.strip()) is str and type(f"{m}!") is str
    assert of(ValueError(m)) is m and of(ValueError("plain")) == "plain"
    assert to_json("plain text") is None


def test_stored_codes_that_no_longer_fit_give_the_text_as_it_is() -> None:
    text = "corrupt image data (x)"
    assert from_json(text, None) == text and not isinstance(from_json(text, None), Message)
    assert not isinstance(from_json(text, '{"code": "no_such_code", "params": {}}'), Message)
    assert not isinstance(from_json(text, "{not json"), Message)
    # The code of another wording (a newer or older version's) does not relabel this text.
    assert not isinstance(from_json(text, to_json(message("truncated"))), Message)
    # Nested values come back as messages too.
    nested = message("act_no_survivor", name="a.jpg", reason=message("act_gone"))
    back = from_json(nested.text, to_json(nested))
    assert isinstance(back, Message) and isinstance(back.params["reason"], Message)


def test_a_scan_and_its_cache_keep_the_codes(tmp_path: Path, monkeypatch) -> None:
    # Worker processes even for these few files: the codes must cross the process boundary.
    monkeypatch.setattr(pool, "IN_PROCESS_BELOW", 0)
    photos = tmp_path / "photos"
    photos.mkdir()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(photos / "good.jpg")
    (photos / "empty.jpg").write_bytes(b"")
    (photos / "text.png").write_bytes(b"hello, world\n" * 4)
    good = Image.new("RGB", (64, 48), (10, 90, 200))
    good.save(photos / "cut.jpg", quality=90)
    (photos / "cut.jpg").write_bytes((photos / "cut.jpg").read_bytes()[:300])
    options = ScanOptions(workers=2, deep=False)
    for _ in range(2):  # a first scan through worker processes, then one from the cache
        with FeatureCache(tmp_path / "cache" / "features.sqlite3") as cache:
            result = run_scan([photos], options, cache=cache)
        assert result is not None
        errors = {Path(r.path).name: r.error for r in result.records if r.error}
        assert set(errors) == {"empty.jpg", "text.png", "cut.jpg"}, errors
        assert all(isinstance(e, Message) for e in errors.values()), errors
        assert errors["empty.jpg"].code == "empty" and errors["text.png"].code == "text_file"
        assert errors["cut.jpg"].code in ("truncated", "corrupt")
