"""Models the engine builds from its own state, without pydantic's validation.

Every value comes from the rules themselves, so checking it again would only cost time: even
``model_construct`` costs about 3 µs, most of listing 300 legal actions or of the events of a
busy NPC phase. Anything read from a file is validated as usual.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

A = TypeVar("A", bound=BaseModel)


def built(cls: type[A], **fields: Any) -> A:
    """``cls(**fields)`` without validation, in under 1 µs: the state ``model_construct`` leaves behind.

    A match of the random bots builds about a thousand of these (events, actions), so the four
    slots are filled through their descriptors, not ``object.__setattr__``'s lookup by name.
    """
    try:
        spec = _SPECS[cls]
    except KeyError:
        spec = _SPECS[cls] = _spec(cls)
    defaults, factories = spec
    obj = _new(cls)
    given = set(fields)
    values = {**defaults, **fields} if defaults else fields
    if factories:
        for name, factory in factories.items():
            if name not in given:
                values[name] = factory()
    _set_dict(obj, values)
    _set_fields_set(obj, given)
    _set_extra(obj, None)
    _set_private(obj, None)
    return obj


def _spec(cls: type[BaseModel]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The class's plain defaults and its default factories, found once per class."""
    fields = cls.model_fields
    defaults = {
        name: info.default for name, info in fields.items() if not info.is_required() and info.default_factory is None
    }
    factories = {name: info.default_factory for name, info in fields.items() if info.default_factory is not None}
    return defaults, factories


_new = object.__new__  # what BaseModel.__new__ is: no pydantic code runs
# BaseModel's slots, set through their own descriptors (what object.__setattr__ finds by name).
_set_dict = vars(BaseModel)["__dict__"].__set__
_set_fields_set = vars(BaseModel)["__pydantic_fields_set__"].__set__
_set_extra = vars(BaseModel)["__pydantic_extra__"].__set__
_set_private = vars(BaseModel)["__pydantic_private__"].__set__
_SPECS: dict[type[Any], tuple[dict[str, Any], dict[str, Any]]] = {}
