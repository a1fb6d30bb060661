"""Stage 4, the groups: reference-centred grouping of the linked pairs (grouping), regrouping a
result at other thresholds (regroup), which file to keep (keeper: the best original, from the
evidence; keep: the rules a user can chain) and why (reasons), and the user's "not duplicates"
decisions (dismissals)."""
