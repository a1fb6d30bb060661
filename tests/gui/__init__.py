"""GUI tests (pytest-qt, offscreen). A package, so its conftest does not shadow tests/conftest.py."""
