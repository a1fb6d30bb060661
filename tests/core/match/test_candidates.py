"""Candidate search: canonical orientations, orientation carried to scoring."""

from __future__ import annotations

import numpy as np
import pytest

from dupe_viewer.core.features import perceptual
from dupe_viewer.core.features.orientation import COMPOSE, INVERSE, transpose_array
from dupe_viewer.core.features.perceptual import FEATURE_DTYPE, tiny_images
from dupe_viewer.core.match import candidates, measure
from dupe_viewer.core.store.knn import HAVE_HNSWLIB
from tests.library import photo, thumbnails


def test_orientation_tables() -> None:
    a = np.arange(12).reshape(3, 4)
    for x in range(8):
        assert np.array_equal(transpose_array(transpose_array(a, x), INVERSE[x]), a)
        for y in range(8):
            assert np.array_equal(
                transpose_array(transpose_array(a, y), x), transpose_array(a, COMPOSE[x, y])
            )


def test_integer_tiny_images_equal_the_float_mean() -> None:
    t = thumbnails(10)
    ref = t.reshape(10, 16, 2, 16, 2).astype(np.float32).mean(axis=(2, 4))
    assert np.array_equal(tiny_images(t), ref)


@pytest.mark.parametrize(
    "exact", [True, pytest.param(False, marks=pytest.mark.skipif(not HAVE_HNSWLIB, reason="hnswlib"))]
)
def test_copies_in_every_orientation_are_found_with_their_orientation(exact: bool) -> None:
    base = thumbnails(200, seed=1)
    feats = np.zeros(200 + 8 * 5, dtype=FEATURE_DTYPE)
    feats["thumb"][:200] = base
    rng = np.random.default_rng(2)
    expected = {}
    for c in range(5):
        for k in range(8):
            row = 200 + c * 8 + k
            noisy = transpose_array(base[c].astype(float), k) + rng.normal(0, 3, (32, 32))
            feats["thumb"][row] = np.clip(noisy, 0, 255).astype(np.uint8)
            expected[(c, row)] = k
    cand = candidates.candidate_pairs(feats, exact=exact)
    got = {tuple(p): int(o) for p, o in zip(cand.pairs.tolist(), cand.orientation, strict=True)}
    for pair, k in expected.items():
        assert pair in got, pair
        assert got[pair] == k  # orientation of the first (the original) that fits the copy
    # Measuring with the carried orientation gives what a search over all eight gives.
    sel = np.array([list(p) for p in expected])
    by_search = measure.measure(feats, sel)
    assert by_search.orientation.tolist() == [expected[tuple(p)] for p in sel.tolist()]
    assert (by_search.corr > 0.9).all()


def test_most_images_ask_few_queries() -> None:
    prep = candidates.prepare(thumbnails(2000, seed=3))
    assert prep.plausible[np.arange(2000), prep.canon].all()
    assert prep.plausible.sum(axis=1).mean() < 3.5  # instead of 8 orientation queries each


def test_measuring_from_prepared_tiny_images_matches_measuring_from_thumbnails() -> None:
    base = thumbnails(300, seed=5)
    feats = np.zeros(300 + 16, dtype=FEATURE_DTYPE)
    feats["thumb"][:300] = base
    rng = np.random.default_rng(6)
    for k in range(8):
        for c in range(2):
            noisy = transpose_array(base[c].astype(float), k) * 0.9 + rng.normal(0, 5, (32, 32))
            feats["thumb"][300 + 2 * k + c] = np.clip(noisy, 0, 255).astype(np.uint8)
    prep = candidates.prepare(feats["thumb"])
    cand = candidates.find_candidates(prep, exact=True)
    plain = measure.measure(feats, cand)
    fast = measure.measure(feats, cand, prepared=prep)
    assert np.array_equal(plain.orientation, fast.orientation)
    np.testing.assert_allclose(plain.corr, fast.corr, atol=2e-3)
    np.testing.assert_allclose(plain.agree, fast.agree, atol=2 / 256)
    # Pairs without an orientation (found by deep similarity) get the same one either way.
    bare = candidates.Candidates(cand.pairs, np.full(len(cand), -1, np.int8), cand.corr)
    assert np.array_equal(
        measure.measure(feats, bare).orientation, measure.measure(feats, bare, prepared=prep).orientation
    )


def test_a_local_edit_that_flips_the_canonical_orientation_does_not_lose_the_pair() -> None:
    # A pasted object (a corner from another photo) gives the copy another canonical orientation
    # than its original's, and neither file queries the other's: compared as stored their tiny
    # images look unrelated; turned the right way they are copies.
    def thumb(image) -> np.ndarray:
        return perceptual.compute(image).thumb

    original = photo(49, (160, 120))
    edited = original.copy()
    edited.paste(photo(1049, (160, 120)).crop((0, 80, 50, 120)), (0, 80))
    prep = candidates.prepare(np.stack([thumb(original), thumb(edited)]))
    assert prep.canon[0] != prep.canon[1]
    assert not prep.plausible[0, prep.canon[1]] and not prep.plausible[1, prep.canon[0]]
    feats = np.zeros(152, dtype=FEATURE_DTYPE)
    feats["thumb"][:150] = [thumb(photo(500 + k, (160, 120))) for k in range(150)]
    feats["thumb"][150], feats["thumb"][151] = thumb(original), thumb(edited)
    cand = candidates.candidate_pairs(feats, exact=True)
    found = {
        tuple(p): (int(o), float(c))
        for p, o, c in zip(cand.pairs.tolist(), cand.orientation, cand.corr, strict=True)
    }
    assert (150, 151) in found
    orientation, corr = found[(150, 151)]
    assert orientation == 0 and corr > 0.8  # the copy fits its original as it is


def test_rerank_batches_by_bytes_with_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many near-identical images grow the neighbour lists to thousands; the re-ranking batch
    shrinks to fit its byte budget (a fixed one gathered gigabytes) and the result is the same."""
    rng = np.random.default_rng(4)
    z = rng.normal(size=(300, 256)).astype(np.float16)
    idx = rng.integers(0, 300, (50, 200))
    whole = candidates._rerank(z[:50].astype(np.float32), z, idx)
    monkeypatch.setattr(candidates, "RERANK_BYTES", 4 * 200 * 256 * 3)  # three queries a batch
    small = candidates._rerank(z[:50].astype(np.float32), z, idx)
    assert np.array_equal(whole[0], small[0]) and np.array_equal(whole[1], small[1])
