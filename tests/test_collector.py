"""The build keeps the garbage collector out of its way and gives it back as it found it."""

import gc

from ascenso_kg.build.collector import YOUNG_THRESHOLD, sparse_collections


def test_collections_are_sparse_and_frozen_objects_handed_back():
    thresholds = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    with sparse_collections() as freeze:
        assert gc.get_threshold()[0] >= YOUNG_THRESHOLD
        kept = [[] for _ in range(1000)]
        freeze()
        assert gc.get_freeze_count() >= len(kept)
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() == 0


def test_given_back_after_a_failure():
    thresholds = gc.get_threshold()
    try:
        with sparse_collections() as freeze:
            freeze()
            raise RuntimeError("the build failed")
    except RuntimeError:
        pass
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() == 0
