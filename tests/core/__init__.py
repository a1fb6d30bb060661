"""Tests (a package, so test modules of the same name in different folders do not collide)."""
