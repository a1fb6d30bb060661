"""Stage 2, the pictures: decode each file once (decoding, orientation) into its perceptual
features (perceptual), on every core (the worker pool)."""
