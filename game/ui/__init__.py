"""The pygame front end: a scene stack over the core's public API. It computes no rule."""

import os

# pygame prints a banner on import; a game's command line should not.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
