"""Stage 4, the groups: reference-centred grouping of the linked pairs (grouping), regrouping a
result at other thresholds (regroup), which file to keep (keep), and the user's "not duplicates"
decisions (dismissals)."""
