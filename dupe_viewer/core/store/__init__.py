"""The three on-disk caches a scan reuses, together: per-file features (feature_cache), the pairs
scored by the last scan of the same folders (pair_store), and the nearest-neighbour indexes of
descriptors and embeddings (vector_index, over the in-memory search of knn)."""
