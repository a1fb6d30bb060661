"""Stage 5, acting on a decision: trash or move files safely (actions, survivors) with a journal
(journal) from which moves can be undone (undo), and write the report of a scan (report)."""
