"""Reference-centred grouping: no chaining, deterministic, every member matched its reference."""

from __future__ import annotations

import itertools

import numpy as np

from dupe_viewer.core import regroup
from dupe_viewer.core.group.grouping import group_pairs
from tests.factories import make_result, record


def _groups(n, pairs, scores, priority=None):
    kinds = ["near"] * len(pairs)
    return group_pairs(n, np.array(pairs), np.array(scores), kinds, priority)


def test_chain_is_not_one_group() -> None:
    # A~B~C~D~E~F: single linkage would make one group of six through the intermediates.
    chain = [(i, i + 1) for i in range(5)]
    groups = _groups(6, chain, [0.9] * 5, priority=[(i,) for i in range(6)])
    pairs = set(chain)
    for g in groups:
        # Members are at most one hop from the reference, so never two hops from each other.
        assert max(g.members) - min(g.members) <= 2
        for m in g.members:
            if m != g.reference:
                assert (min(m, g.reference), max(m, g.reference)) in pairs
    assert len(groups) >= 2


def test_hub_becomes_reference() -> None:
    # 0 is the original; 1..4 are its variants that do not all match each other.
    pairs = [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2)]
    groups = _groups(6, pairs, [0.9] * len(pairs))
    assert len(groups) == 1
    assert groups[0].reference == 0
    assert sorted(groups[0].members) == [0, 1, 2, 3, 4]


def test_member_moves_to_best_reference() -> None:
    # Two hubs (0 and 5); item 3 matches both, better hub 5.
    pairs = [(0, 1), (0, 2), (0, 3), (0, 9), (5, 6), (5, 7), (5, 3), (5, 8)]
    scores = [0.9, 0.9, 0.70, 0.9, 0.9, 0.9, 0.95, 0.9]
    groups = _groups(10, pairs, scores)
    by_ref = {g.reference: g for g in groups}
    assert set(by_ref) == {0, 5}
    assert 3 in by_ref[5].members and 3 not in by_ref[0].members
    assert by_ref[5].similarity[3] == 0.95


def test_deterministic_under_relabelling() -> None:
    rng = np.random.default_rng(3)
    n = 30
    pairs = sorted({tuple(sorted(rng.choice(n, 2, replace=False))) for _ in range(60)})
    scores = rng.uniform(0.6, 1.0, len(pairs)).round(3)
    priority = [(int(x),) for x in rng.permutation(n)]  # intrinsic per-item key (pixels, say)
    ref = _groups(n, pairs, scores, priority)
    ref_sets = {frozenset(g.members) for g in ref}
    for seed in range(5):
        perm = np.random.default_rng(seed).permutation(n)  # new discovery order
        inv = np.argsort(perm)
        p2 = [(int(inv[a]), int(inv[b])) for a, b in pairs]
        order = np.random.default_rng(seed + 10).permutation(len(p2))  # and new pair order
        pri2 = [priority[perm[i]] for i in range(n)]
        got = _groups(n, [p2[i] for i in order], scores[order], pri2)
        got_sets = {frozenset(int(perm[m]) for m in g.members) for g in got}
        assert got_sets == ref_sets


def test_every_member_is_linked_to_reference_random() -> None:
    rng = np.random.default_rng(0)
    n = 200
    pairs = sorted({tuple(sorted(rng.choice(n, 2, replace=False))) for _ in range(500)})
    edge = set(pairs)
    groups = _groups(n, pairs, rng.uniform(0.5, 1, len(pairs)))
    seen: set[int] = set()
    for g in groups:
        assert not seen & set(g.members)  # a file is in one group at most
        seen |= set(g.members)
        for m in g.members:
            if m != g.reference:
                assert (min(m, g.reference), max(m, g.reference)) in edge


def test_empty() -> None:
    assert _groups(3, np.empty((0, 2), int), np.empty(0)) == []
    assert list(itertools.chain()) == []


def test_keepers_chosen_for_all_groups_at_once_are_those_of_each_group_alone() -> None:
    import random

    from dupe_viewer.core.files.records import ImageRecord
    from dupe_viewer.core.group import keeper
    from dupe_viewer.core.options import Rule

    rnd = random.Random(4)
    recs = [
        ImageRecord(
            f"/{rnd.choice(['a', 'b', 'keep'])}/{rnd.choice(['x', 'yy', 'zzz'])}{i}."
            + rnd.choice(["jpg", "png"]),
            rnd.choice([100, 200, 300]),
            rnd.choice([1, 2, 3]) * 10**18,
            i,
            1,
            rnd.choice([10, 20]),
            rnd.choice([10, 20]),
            rnd.choice(["JPEG", "PNG"]),
            camera=rnd.choice([None, "Canon EOS 80D"]),
            quality=rnd.choice([None, 70.0, 95.0]),
        )
        for i in range(300)
    ]
    chains = [
        (Rule("original"),),
        (Rule("resolution"), Rule("size"), Rule("oldest")),
        (Rule("folder", ("/keep",)), Rule("format", ("PNG",)), Rule("newest")),
        (Rule("smallest"), Rule("original"), Rule("shortest_name")),
        (),
    ]
    ev = keeper.Evidence.of(recs)
    for rules in chains:
        for protected in ((), ("/b",)):
            groups = [rnd.sample(range(len(recs)), rnd.randint(2, 8)) for _ in range(200)]
            chosen = keeper.choose(recs, ev, keeper.Members.of(groups), rules, protected)
            for group, keep in zip(groups, chosen.tolist(), strict=True):
                assert keep == group[keeper.choose_one([recs[i] for i in group], rules, protected)]


def test_best_member_by_preference() -> None:
    rng = np.random.default_rng(7)
    n = 200
    pairs = rng.integers(0, n, (600, 2))
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    prefer = rng.permutation(n)
    groups = group_pairs(n, pairs, rng.uniform(0.6, 1, len(pairs)), ["near"] * len(pairs), prefer=prefer)
    assert groups
    for g in groups:
        assert g.best == max(g.members, key=lambda i: prefer[i])
    assert all(g.best == -1 for g in group_pairs(n, pairs, np.ones(len(pairs)), ["near"] * len(pairs)))


def test_first_kind_is_the_loosest_member_kind_of_each_group() -> None:
    rng = np.random.default_rng(11)
    n = 400
    pairs = rng.integers(0, n, size=(1500, 2))
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    scores = rng.uniform(0.5, 1.0, len(pairs))
    names = np.array(["near", "edited", "similar", "exact"])[rng.integers(0, 4, len(pairs))]
    order = ("similar", "edited", "near", "exact")
    groups = group_pairs(n, pairs, scores, names, kind_order=order)
    assert groups
    for g in groups:
        present = set(g.kinds.values())
        assert g.first_kind == next((k for k in order if k in present), "exact")
        assert g.kinds == {m: k for m, _, k in g.rows} and g.kinds[g.reference] == "reference"
        assert set(g.similarity) == set(g.members) and g.similarity[g.reference] == 1.0
    assert all(g.first_kind is None for g in group_pairs(n, pairs, scores, names))


def test_gc_pause_nests_and_restores_the_collector() -> None:
    import gc
    import threading

    from dupe_viewer.core.gc_pause import gc_paused

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still holds it
        inner_done = threading.Event()

        def other_thread() -> None:
            with gc_paused():
                pass
            inner_done.set()

        threading.Thread(target=other_thread).start()
        assert inner_done.wait(5)
        assert not gc.isenabled()  # another thread's block ending did not re-enable it
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_an_excluded_pair_of_two_members_sends_the_weaker_match_away() -> None:
    # 0 matches 1 (0.95) and 2 (0.80); 1 and 2 were never compared. Keeping 1 and 2 apart
    # must split them, whichever order the pair is given in.
    records = [record(n) for n in range(3)]
    result = make_result(records, [(0, 1), (0, 2)], [0.95, 0.80])
    assert [sorted(g.indices) for g in result.groups] == [[0, 1, 2]]
    for pair in ((1, 2), (2, 1)):
        (g,) = regroup(result, excluded={pair})
        assert sorted(g.indices) == [0, 1] and g.reference == 0
    assert regroup(result, excluded={(0, 1), (0, 2)}) == []


def test_a_crop_of_another_shape_is_a_reframing_never_pre_marked() -> None:
    from dataclasses import replace

    from dupe_viewer.core import GroupingParams
    from dupe_viewer.core.group.reasons import suggestion

    # 0 is the photo; 1 a crop of the same shape (70 % × 75 % of its sides), 2 its left half.
    records = [record(n) for n in range(3)]
    result = make_result(
        records,
        [(0, 1), (0, 2)],
        [0.3, 0.3],  # the hashes do not see crops
        deep_similarity=[0.9, 0.9],
        grouping=GroupingParams(deep_threshold=0.85),
    )
    table = replace(
        result.pairs,
        crop_box=np.array([[0.1, 0.1, 0.8, 0.85], [0.0, 0.0, 0.5, 1.0]], np.float32),
        crop_container=np.zeros(2, np.int8),
    )
    (g,) = regroup(replace(result, pairs=table))
    kinds = {m.index: m.kind for m in g.members}
    assert kinds == {0: "reference", 1: "edited", 2: "shot"}
    assert suggestion(g, 1, (), records) == "trash"
    assert suggestion(g, 2, (), records) == "decide"
