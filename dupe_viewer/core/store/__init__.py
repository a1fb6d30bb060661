"""The three on-disk caches a scan reuses, together: per-file features (feature_cache, over the
SQLite handling of cache_file and sqlite_errors), the pairs scored by the last scan of the same
folders (pair_store), and the nearest-neighbour indexes of descriptors and embeddings
(vector_index, over the in-memory search of knn)."""
