"""Stage 1 of a scan, the files: which image files there are (discovery), what the engine knows
about each (records), and which are byte-identical (exact contents)."""
