"""Tiny-image descriptors: turning a descriptor equals the DCT of the turned image."""

from __future__ import annotations

import numpy as np

from dupe_viewer.core.features.perceptual import tiny_images
from dupe_viewer.core.match import descriptor
from tests.library import thumbnails


def test_oriented_tiny_holds_each_turn_of_the_image() -> None:
    z = descriptor.normalised_tiny(tiny_images(thumbnails(5))).reshape(5, -1)
    eight = descriptor.oriented_tiny(z)
    for k in range(8):
        turned = descriptor.transpose_stack(z.reshape(5, 16, 16), k).reshape(5, -1)
        assert np.array_equal(eight[:, k], turned)
    assert not np.array_equal(eight[:, 0], eight[:, 1])


def test_descriptor_orientations_match_the_dct_of_the_turned_image() -> None:
    z = descriptor.normalised_tiny(tiny_images(thumbnails(20)))
    d0 = descriptor.index_descriptor(z)
    for k in range(8):
        turned = descriptor.index_descriptor(np.ascontiguousarray(descriptor.transpose_stack(z, k)))
        np.testing.assert_allclose(descriptor.oriented(d0, k), turned, atol=1e-5)
