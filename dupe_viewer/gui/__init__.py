"""The PySide6 review window: adapts the engine in :mod:`dupe_viewer.core`, never the reverse."""
