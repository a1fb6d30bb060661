"""Tests for dupe_viewer.evaluation: every expected number below is worked out by hand."""

from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path

import pytest

from dupe_viewer.evaluation import (
    VARIANT_VARIANT,
    format_metrics,
    load_report_groups,
    load_truth,
    pair_metrics,
    relative_to_root,
    retrieval_metrics,
    truth_from_data,
)


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _pair(a: str, b: str) -> frozenset[str]:
    return frozenset((os.path.normpath(a), os.path.normpath(b)))


GENERATOR_TRUTH = {
    "version": 1,
    "seed": 7,
    "groups": [
        {
            "base": "bsds500_train/1.jpg",
            "files": [
                {"path": "a/a0.jpg", "kind": "original"},
                # Unnormalised on purpose: "./" and "x/../" must not stop it matching the report.
                {"path": "./a/x/../a1.jpg", "kind": "rot90"},
                {"path": "b/c/a2.png", "kind": "mirror"},
                {"path": "aL.jpg", "kind": "half"},
                {"path": "aR.jpg", "kind": "half"},
            ],
        },
        {
            "base": "bsds500_val/2.jpg",
            "files": [
                {"path": "b0.jpg", "kind": "original"},
                {"path": "b/b1.jpg", "kind": "exact"},
            ],
        },
    ],
    "distractors": ["d1.jpg", "d/d2.jpg"],
    "hard_negatives": [["aL.jpg", "aR.jpg"]],
}


def _abs(root: Path, *rel: str) -> list[str]:
    return [str(root / r) for r in rel]


# ---------------------------------------------------------------------------------------------
# load_truth


def test_generator_truth_pairs_kinds_and_negatives(tmp_path: Path) -> None:
    truth = load_truth(_write(tmp_path / "truth.json", GENERATOR_TRUTH))
    assert truth.source_format == "dupe_viewer-truth"
    assert truth.pairs == {
        _pair("a/a0.jpg", "a/a1.jpg"),
        _pair("a/a0.jpg", "b/c/a2.png"),
        _pair("a/a1.jpg", "b/c/a2.png"),
        _pair("b0.jpg", "b/b1.jpg"),
    }
    assert truth.kind_of(_pair("a/a0.jpg", "a/a1.jpg")) == "rot90"
    assert truth.kind_of(_pair("a/a0.jpg", "b/c/a2.png")) == "mirror"
    assert truth.kind_of(_pair("a/a1.jpg", "b/c/a2.png")) == VARIANT_VARIANT
    assert truth.kind_of(_pair("b0.jpg", "b/b1.jpg")) == "exact"
    assert truth.hard_negatives == {_pair("aL.jpg", "aR.jpg")}
    # Each half is a don't-care partner of the 3 non-half members of its group: 2 x 3 pairs.
    assert len(truth.ignored) == 6
    assert _pair("aL.jpg", "a/a0.jpg") in truth.ignored
    assert _pair("aL.jpg", "aR.jpg") not in truth.ignored
    # 5 + 2 group files + 2 distractors.
    assert len(truth.files) == 9
    assert truth.file_kind[os.path.normpath("d/d2.jpg")] == "distractor"
    assert sorted(len(g) for g in truth.groups) == [2, 3]  # halves are not group members


def test_imagededup_truth(tmp_path: Path) -> None:
    mapping = {
        "a.jpg": ["b.jpg", "c.jpg"],
        "b.jpg": ["a.jpg", "c.jpg"],
        "c.jpg": ["a.jpg", "b.jpg"],
        "d.jpg": [],
        "e.jpg": ["f.jpg"],
        # Asymmetric on purpose: f does not list e back; the pair still counts once.
        "f.jpg": [],
    }
    truth = load_truth(_write(tmp_path / "dups.json", mapping))
    assert truth.source_format == "imagededup"
    assert truth.pairs == {
        _pair("a.jpg", "b.jpg"),
        _pair("a.jpg", "c.jpg"),
        _pair("b.jpg", "c.jpg"),
        _pair("e.jpg", "f.jpg"),
    }
    assert truth.files == {"a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg", "f.jpg"}
    assert sorted(len(g) for g in truth.groups) == [2, 3]
    assert not truth.hard_negatives


def test_plain_groups_truth(tmp_path: Path) -> None:
    data = {"groups": [["x/1.png", "x/2.png", "y/3.png"], ["4.png", "5.png"], ["6.png"]]}
    truth = load_truth(_write(tmp_path / "groups.json", data))
    assert truth.source_format == "groups"
    # C(3,2) + C(2,2) = 3 + 1; the singleton group adds a known file but no pair.
    assert len(truth.pairs) == 4
    assert "6.png" in truth.files
    assert _pair("x/1.png", "y/3.png") in truth.pairs


def test_unknown_format_is_rejected() -> None:
    with pytest.raises(ValueError):
        truth_from_data({"groups": "nope", "x": 3})


# ---------------------------------------------------------------------------------------------
# load_report_groups


def test_load_report_groups_from_dict_and_file(tmp_path: Path) -> None:
    report = {
        "version": 1,
        "roots": [str(tmp_path)],
        "settings": {},
        "stats": {"files": 3, "from_cache": 0, "decoded": 3, "errors": 0, "seconds": 0.1},
        "errors": [],
        "groups": [
            {
                "id": 1,
                "kind": "near",
                "keep": "/p/a.jpg",
                "members": [
                    {"path": "/p/a.jpg", "similarity": 1.0, "kind": "exact"},
                    {"path": "/p/b.jpg", "similarity": 0.9, "kind": "near"},
                ],
            },
            {"id": 2, "kind": "exact", "keep": "/p/c.jpg", "members": [{"path": "/p/c.jpg"}]},
        ],
    }
    expected = [["/p/a.jpg", "/p/b.jpg"], ["/p/c.jpg"]]
    assert load_report_groups(report) == expected
    assert load_report_groups(_write(tmp_path / "r.json", report)) == expected
    assert load_report_groups(str(tmp_path / "r.json")) == expected


# ---------------------------------------------------------------------------------------------
# pair_metrics


def test_pair_metrics_generator_truth(tmp_path: Path) -> None:
    truth = load_truth(_write(tmp_path / "truth.json", GENERATOR_TRUTH))
    root = tmp_path / "corpus"
    predicted = [
        # a0-a1: TP; each half with a0/a1: 4 ignored; aL-aR: FP and a grouped hard negative.
        _abs(root, "a/a0.jpg", "a/a1.jpg", "aL.jpg", "aR.jpg"),
        # b0-b1: TP; b0-d1 and b1-d1: 2 FP.
        _abs(root, "b0.jpg", "b/b1.jpg", "d1.jpg"),
        # A singleton group contributes no pair.
        _abs(root, "b/c/a2.png"),
    ]
    m = pair_metrics(truth, predicted, str(root) + os.sep)  # trailing separator must not matter
    assert (m["tp"], m["fp"], m["fn"]) == (2, 3, 2)
    assert m["predicted_pairs"] == 9  # C(4,2) + C(3,2)
    assert m["true_pairs"] == 4
    assert m["precision"] == pytest.approx(2 / 5)
    assert m["recall"] == pytest.approx(2 / 4)
    assert m["f1"] == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    by_kind = m["recall_by_kind"]
    assert by_kind["rot90"] == {"tp": 1, "total": 1, "recall": 1.0}
    assert by_kind["mirror"] == {"tp": 0, "total": 1, "recall": 0.0}
    assert by_kind[VARIANT_VARIANT] == {"tp": 0, "total": 1, "recall": 0.0}
    assert by_kind["exact"] == {"tp": 1, "total": 1, "recall": 1.0}
    assert set(by_kind) == {"rot90", "mirror", VARIANT_VARIANT, "exact"}
    # Original pairs: a0-a1 found, a0-a2 missed, b0-b1 found.
    assert m["recall_original_pairs"] == pytest.approx(2 / 3)
    # Group b is wholly inside predicted group 2 (a distractor too does not matter); group a is split.
    assert m["complete_groups"] == 1
    assert m["hard_negative_grouped"] == {"count": 1, "total": 1, "fraction": 1.0}
    assert m["ignored_pairs_grouped"] == 4
    assert m["unknown_files"] == 0
    assert m["predicted_groups"] == 3
    assert m["true_groups"] == 2
    fps = {(r["a"], r["b"]) for r in m["false_positives"]}
    assert ("aL.jpg", "aR.jpg") in fps
    assert ("b0.jpg", "d1.jpg") in fps
    fns = {(r["a"], r["b"], r["kind"]) for r in m["false_negatives"]}
    assert fns == {
        (os.path.normpath("a/a0.jpg"), os.path.normpath("b/c/a2.png"), "mirror"),
        (os.path.normpath("a/a1.jpg"), os.path.normpath("b/c/a2.png"), VARIANT_VARIANT),
    }
    text = format_metrics(m)
    assert "precision 0.400" in text
    assert "recall 0.500" in text
    assert "hard negatives grouped together: 1 / 1" in text
    assert "mirror" in text


def test_pair_metrics_perfect_and_empty(tmp_path: Path) -> None:
    truth = load_truth(_write(tmp_path / "truth.json", GENERATOR_TRUTH))
    root = tmp_path
    perfect = [_abs(root, "a/a0.jpg", "a/a1.jpg", "b/c/a2.png"), _abs(root, "b0.jpg", "b/b1.jpg")]
    m = pair_metrics(truth, perfect, root)
    assert (m["precision"], m["recall"], m["f1"]) == (1.0, 1.0, 1.0)
    assert m["complete_groups"] == 2
    assert m["recall_original_pairs"] == 1.0
    assert m["hard_negative_grouped"]["count"] == 0
    # Nothing predicted: no wrong answers (precision 1 by convention), nothing found.
    m = pair_metrics(truth, [], root)
    assert (m["precision"], m["recall"], m["f1"]) == (1.0, 0.0, 0.0)
    assert m["fn"] == 4


def test_pair_metrics_imagededup_truth(tmp_path: Path) -> None:
    mapping = {
        "a.jpg": ["b.jpg", "c.jpg"],
        "b.jpg": ["a.jpg", "c.jpg"],
        "c.jpg": ["a.jpg", "b.jpg"],
        "d.jpg": [],
        "e.jpg": ["f.jpg"],
        "f.jpg": ["e.jpg"],
    }
    truth = load_truth(_write(tmp_path / "dups.json", mapping))
    predicted = [
        _abs(tmp_path, "a.jpg", "b.jpg"),
        _abs(tmp_path, "c.jpg", "d.jpg"),
        _abs(tmp_path, "e.jpg", "f.jpg"),
    ]
    m = pair_metrics(truth, predicted, tmp_path)
    # Pred: ab (TP), cd (FP), ef (TP). Truth: ab ac bc ef.
    assert (m["tp"], m["fp"], m["fn"]) == (2, 1, 2)
    assert m["precision"] == pytest.approx(2 / 3)
    assert m["recall"] == pytest.approx(1 / 2)
    assert m["f1"] == pytest.approx(4 / 7)
    assert m["recall_by_kind"] == {"unknown": {"tp": 2, "total": 4, "recall": 0.5}}
    assert m["recall_original_pairs"] is None
    assert m["complete_groups"] == 1  # e+f yes; a+b+c is split
    assert m["hard_negative_grouped"] == {"count": 0, "total": 0, "fraction": 0.0}


def test_pair_metrics_plain_groups_and_unknown_files(tmp_path: Path) -> None:
    data = {"groups": [["x/1.png", "x/2.png", "y/3.png"], ["4.png", "5.png"]]}
    truth = load_truth(_write(tmp_path / "groups.json", data))
    # One big group of all five: C(5,2) = 10 predicted pairs, all 4 true ones among them.
    predicted = [_abs(tmp_path, "x/1.png", "x/2.png", "y/3.png", "4.png", "5.png", "x/1.png")]
    m = pair_metrics(truth, predicted, tmp_path)
    assert (m["tp"], m["fp"], m["fn"]) == (4, 6, 0)  # the repeated x/1.png adds nothing
    assert m["precision"] == pytest.approx(0.4)
    assert m["recall"] == 1.0
    assert m["f1"] == pytest.approx(0.8 / 1.4)
    # A file outside the truth is reported as unknown (a sign of a wrong root).
    m = pair_metrics(truth, [_abs(tmp_path, "x/1.png", "zzz.png")], tmp_path)
    assert m["unknown_files"] == 1
    assert m["fp"] == 1


def test_relative_to_root_handles_forms(tmp_path: Path) -> None:
    assert relative_to_root(str(tmp_path / "a" / "b.jpg"), tmp_path) == os.path.normpath("a/b.jpg")
    assert relative_to_root("a/./b.jpg", tmp_path) == os.path.normpath("a/b.jpg")
    assert relative_to_root(str(tmp_path / "a" / "b.jpg"), None) == os.path.normpath(
        str(tmp_path / "a/b.jpg")
    )


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_relative_to_root_through_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "sub" / "x.jpg").write_bytes(b"")
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    # The engine reported the resolved path; the corpus root was given through the symlink.
    assert relative_to_root(str(real / "sub" / "x.jpg"), link) == os.path.normpath("sub/x.jpg")


# ---------------------------------------------------------------------------------------------
# retrieval_metrics


def test_retrieval_metrics(tmp_path: Path) -> None:
    data = {
        "version": 1,
        "groups": [
            {
                "base": "b1",
                "files": [
                    {"path": "q.jpg", "kind": "original"},
                    {"path": "r1.jpg", "kind": "rot90"},
                    {"path": "r2.jpg", "kind": "mirror"},
                    {"path": "h.jpg", "kind": "half"},
                ],
            },
            {
                "base": "b2",
                "files": [{"path": "s.jpg", "kind": "original"}, {"path": "t.jpg", "kind": "exact"}],
            },
        ],
        "distractors": ["x.jpg", "y.jpg", "z.jpg"],
        "hard_negatives": [],
    }
    truth = truth_from_data(data)
    ranked = {
        # After dropping the query itself and the don't-care half: x r1 y r2 -> relevance 0 1 0 1.
        # AP = (1/2 + 2/4) / 2 = 0.5; nDCG = (1/log2 3 + 1/log2 5) / (1 + 1/log2 3).
        str(tmp_path / "q.jpg"): [
            (str(tmp_path / "x.jpg"), 0.9),
            (str(tmp_path / "h.jpg"), 0.85),
            (str(tmp_path / "r1.jpg"), 0.8),
            (str(tmp_path / "q.jpg"), 0.7),
            (str(tmp_path / "y.jpg"), 0.6),
            (str(tmp_path / "r2.jpg"), 0.5),
        ],
        # Perfect: AP 1, nDCG 1.
        str(tmp_path / "s.jpg"): [(str(tmp_path / "t.jpg"), 1.0)],
        # No relevant files in the truth: skipped.
        str(tmp_path / "z.jpg"): [(str(tmp_path / "x.jpg"), 0.2)],
    }
    m = retrieval_metrics(truth, ranked, tmp_path)
    ndcg_q = (1 / math.log2(3) + 1 / math.log2(5)) / (1 + 1 / math.log2(3))
    assert m["queries"] == 2
    assert m["queries_without_relevant"] == 1
    assert m["mAP"] == pytest.approx((0.5 + 1.0) / 2)
    assert m["nDCG"] == pytest.approx((ndcg_q + 1.0) / 2)
    assert m["precision_at_1"] == pytest.approx(0.5)

    # A relevant file that was never returned still counts against the query:
    # r1's relevant set is {q, r2}; only q is returned, at rank 1 -> AP = 1/2, nDCG = 1 / (1 + 1/log2 3).
    m = retrieval_metrics(truth, {"r1.jpg": [("q.jpg", 0.9)]})
    assert m["mAP"] == pytest.approx(0.5)
    assert m["nDCG"] == pytest.approx(1 / (1 + 1 / math.log2(3)))

    # With k=2 the q list becomes x r1: AP@2 = (1/2) / min(2, 2) = 0.25; nDCG@2 = (1/log2 3) / (1 + 1/log2 3).
    m = retrieval_metrics(truth, {k: v for k, v in ranked.items() if k.endswith("q.jpg")}, tmp_path, k=2)
    assert m["mAP"] == pytest.approx(0.25)
    assert m["nDCG"] == pytest.approx((1 / math.log2(3)) / (1 + 1 / math.log2(3)))
    assert "mAP@2 0.250" in format_metrics(m)


# ---------------------------------------------------------------------------------------------
# decisions: keeper accuracy and pre-marked precision


def test_decision_metrics_score_keepers_and_premarked_files(tmp_path: Path) -> None:
    from dupe_viewer.evaluation.decisions import decision_metrics, format_decisions

    truth = truth_from_data(GENERATOR_TRUTH)

    def member(rel: str, suggestion: str) -> dict:
        return {"path": str(tmp_path / rel), "suggestion": suggestion}

    report = {
        "groups": [
            # The rot90 copy kept over the original: wrong; the half pre-marked: a unique picture.
            {
                "keep": str(tmp_path / "a/a1.jpg"),
                "members": [
                    member("a/a1.jpg", "keep"),
                    member("a/a0.jpg", "trash"),
                    member("b/c/a2.png", "trash"),
                    member("aL.jpg", "trash"),
                ],
            },
            # The byte-identical copy kept: acceptable.
            {
                "keep": str(tmp_path / "b/b1.jpg"),
                "members": [member("b/b1.jpg", "keep"), member("b0.jpg", "trash")],
            },
            # A distractor left to decide: not pre-marked, so it costs nothing.
            {
                "keep": str(tmp_path / "d1.jpg"),
                "members": [member("d1.jpg", "keep"), member("d/d2.jpg", "decide")],
            },
        ]
    }
    m = decision_metrics(truth, report, tmp_path)
    assert (m["keeper_groups"], m["keeper_right"]) == (2, 1) and m["keeper_accuracy"] == 0.5
    assert m["keeper_by_kind"]["rot90"] == {"groups": 1, "chosen_wrongly": 1, "accuracy": 0.0}
    assert m["keeper_by_kind"]["mirror"]["chosen_wrongly"] == 0
    assert (m["premarked"], m["premarked_right"]) == (4, 3)
    assert [w["kind"] for w in m["premarked_wrong"]] == ["half"]
    assert "keeper  accuracy 0.500" in format_decisions(m)


def test_similar_sets_are_scored_apart_shown_as_copies_and_bursts_keepers(tmp_path: Path) -> None:
    from dupe_viewer.evaluation.decisions import decision_metrics, format_decisions

    data = {
        "version": 1,
        "groups": [{"base": "x", "files": [{"path": "o.jpg", "kind": "original"}]}],
        "distractors": [],
        "similar_sets": [
            {"kind": "burst", "files": ["b0.jpg", "b1.jpg", "b2.jpg"], "best": "b1.jpg"},
            {"kind": "shot", "files": ["s0.jpg", "s1.jpg"], "best": None},
        ],
    }
    truth = truth_from_data(data)
    assert frozenset(("b0.jpg", "b2.jpg")) in truth.ignored and not truth.pairs

    def member(rel: str, kind: str, suggestion: str) -> dict:
        return {"path": str(tmp_path / rel), "kind": kind, "suggestion": suggestion}

    report = {
        "groups": [
            {  # the burst as similar shots with the sharp frame kept: right
                "keep": str(tmp_path / "b1.jpg"),
                "members": [
                    member("b1.jpg", "reference", "keep"),
                    member("b0.jpg", "shot", "decide"),
                    member("b2.jpg", "shot", "decide"),
                ],
            },
            {  # the two shots as copies, one pre-marked: wrong twice over
                "keep": str(tmp_path / "s0.jpg"),
                "members": [member("s0.jpg", "reference", "keep"), member("s1.jpg", "near", "trash")],
            },
        ]
    }
    m = decision_metrics(truth, report, tmp_path)
    assert (m["similar_files"], m["similar_grouped"], m["similar_as_copy"]) == (5, 5, 1)
    assert m["similar_by_kind"] == {
        "burst": {"grouped": 3, "as_copy": 0},
        "shot": {"grouped": 2, "as_copy": 1},
    }
    assert (m["bursts"], m["bursts_grouped"], m["bursts_best_kept"]) == (1, 1, 1)
    assert (m["premarked"], m["premarked_right"]) == (1, 0)
    assert "1 shown as copies" in format_decisions(m)
