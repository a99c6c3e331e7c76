"""Files: levels, saves, replays, settings paths. The only package that touches the disk."""

from game.io.atomic import write_atomic
from game.io.levels import LevelError, dump_level, level_schema, load_level, parse_level, save_level

__all__ = ["LevelError", "dump_level", "level_schema", "load_level", "parse_level", "save_level", "write_atomic"]
