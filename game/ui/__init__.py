"""The pygame front end: a scene stack over the core's public API. It computes no rule."""
