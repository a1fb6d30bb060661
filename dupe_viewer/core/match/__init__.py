"""Stage 3, the pairs: candidate pairs by nearest neighbours (candidates), measured (measure) and
scored (scoring); the stage itself, which reuses the pairs of unchanged files (stage, incremental)."""
