"""dupe_viewer: find exact and near-duplicate images and review them side by side."""

__version__ = "0.1.0"
