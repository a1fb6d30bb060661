"""Stage 5, acting on a decision: trash or move files safely (actions) with a journal that can
undo moves (journal), and write the report of a scan (report)."""
