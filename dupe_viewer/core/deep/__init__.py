"""Deep similarity (crops, tilts): the model spec, its download, its one-time ONNX preparation and
the installed models; embeddings, the deep candidate stage and geometric verification.

Importing this package imports neither onnx nor onnxruntime: they load only when a model is
prepared or run."""
