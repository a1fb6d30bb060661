"""Scanning past one machine: the engine's stages on a Dask cluster, with the same answers.

:func:`.scan.scan` runs a scan whose per-file analysis is mapped over partitions of the file
list on the workers (features kept as Parquet shards, :mod:`.shards`) and whose candidate search
is partitioned by a coarse quantiser (:mod:`.quantiser`, :mod:`.partitions`); measuring, scoring
and grouping are the single-machine code (:mod:`.matching`). Dask is imported only when a
cluster is used (:mod:`.connect`); it is the optional ``cluster`` extra.
"""
