"""A cluster scan's deep-only candidates, measured and scored in chunks on workers, score as
measuring them all at once on the client does."""

from __future__ import annotations

import numpy as np

from dupe_viewer.core.cluster import deep_only
from dupe_viewer.core.cluster.runner import ProcessRunner, SerialRunner
from dupe_viewer.core.match import candidates, scoring
from tests.core.cluster.test_partitions import _features
from tests.library import thumbnails


def test_deep_only_pairs_scored_in_chunks_on_workers_are_scored_as_in_one_go() -> None:
    thumbs = thumbnails(400, 11)
    thumbs[200:] = np.rot90(thumbs[:200], 1, axes=(1, 2))  # turned copies: an orientation to find
    prep, feats = candidates.prepare(thumbs), _features(thumbs, 12)
    rng = np.random.default_rng(13)
    pairs = np.unique(np.sort(rng.integers(0, 400, (3000, 2)), axis=1), axis=0)
    pairs = np.concatenate([pairs[pairs[:, 0] < pairs[:, 1]], [(i, 200 + i) for i in range(200)]])
    cand = candidates.Candidates(pairs, np.full(len(pairs), -1, np.int8), np.zeros(len(pairs), np.float32))
    want = scoring.score(feats, cand, prep)
    runner = ProcessRunner(2)
    for run in (SerialRunner(), runner):
        got = deep_only.scored(run, cand, prep, feats, lambda: False, per_task=97)
        for a, b in zip(got, want, strict=True):
            assert np.array_equal(a, b)
    assert runner.failures == []
    # Each turned copy was measured in the one orientation that turns it back (its hashes are
    # random here, so its similarity says nothing).
    assert (want[0][-200:] == want[0][-1]).all() and want[0][-1] > 0
