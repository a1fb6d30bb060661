"""The saved pairs: a checksum over the stored arrays, so an edited file is not trusted."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from dupe_viewer.core.result import PairTable
from dupe_viewer.core.store.pair_store import PairStore, StoredPairs


def _stored(width: int = 4) -> StoredPairs:
    return StoredPairs(
        paths=["/a/x.jpg", "/a/y.jpg", "/a/z.jpg"],
        ident=np.arange(3 * width).reshape(3, width),
        has_vector=np.zeros(3, bool),
        table=PairTable(
            ij=np.array([[0, 1], [1, 2]]),
            similarity=np.array([0.9, 0.7], np.float32),
            kinds=np.array(["near", "edited"]),
        ),
    )


def test_identities_of_any_width_round_trip(tmp_path: Path) -> None:
    PairStore(tmp_path, "k").save(_stored())
    back = PairStore(tmp_path, "k").load()
    assert back is not None
    np.testing.assert_array_equal(back.ident, _stored().ident)


def test_an_edited_pair_file_is_not_trusted(tmp_path: Path) -> None:
    store = PairStore(tmp_path, "k")
    store.save(_stored(width=2))
    with np.load(store.file, allow_pickle=False) as z:
        cols = {k: z[k] for k in z.files}
    cols["similarity"] = np.array([0.99, 0.1], np.float32)  # edited; every array still agrees
    np.savez(store.file, **cols)
    again = PairStore(tmp_path, "k")
    assert again.load() is None
    (msg,) = again.warnings
    assert "damaged" in msg
