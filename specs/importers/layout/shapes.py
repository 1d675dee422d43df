"""What each slot of an OpenAPI document may hold, as a parser without indentation needs it.

`specs.grammar` says which object sits under which keyword. Telling structure from text needs
a little more, all of it from the specification: which keywords hold strings, booleans or
lists of names, what an entry of a named map may be called (a path starts with `/`, a response
is a status code), and which fields an object cannot do without.
"""

from __future__ import annotations

import re
from typing import Any

from ...grammar import MAPS, OBJECTS, Child

__all__ = ["ANY", "DOCUMENT", "Shape"]

OBJECT, MAP, LIST, ANY_DATA, LEAF = "object", "map", "list", "any", "leaf"

# Costs of readings the grammar allows but the specification discourages (a unit is about
# one weak piece of evidence; see `evidence`).
EXTENSION = 0.2
RARE_EXTENSION = 1.0
"""An extension among paths or responses, or in an object that seldom has one: allowed,
but seldom there."""
# The objects that carry extensions in at least 5 % of APIs.guru documents (an operation
# in 268 of 880, a response or path item in 22 or fewer, an example or media type in 3).
_EXTENDED = frozenset(
    {"Document", "Info", "Contact", "Operation", "Parameter", "Schema", "SecurityScheme"}
)
BARE_EXTENSION = 2.0
"""An extension in an object that almost never has one: in APIs.guru 1 server in 6,033, 12
media types in 284,824, 3 examples in 85,780, and no link, encoding, discriminator or OAuth
flow. One after a server's `url` (`servers: [{url}]`, `x-twilio:`) is the path item's."""
_BARE = frozenset(
    {
        "Components",
        "Discriminator",
        "Encoding",
        "Example",
        "ExternalDocs",
        "Link",
        "MediaType",
        "OAuthFlow",
        "OAuthFlows",
        "Server",
        "XML",
    }
)
UNKNOWN_SCHEMA_KEYWORD = 6.0
ODD_NAME = 6.0
NAMED = 1.0
"""Bonus for a name that only one kind of map takes: a status code, a path, a media type."""

_NONE = type(None)
_SCALARS: frozenset[type] = frozenset({str, bool, int, float, _NONE})


class Shape:
    """One kind of slot: an object with fixed fields, a map or list of one shape, a scalar of
    some types, or free data (`ANY`). `names` is what a map's entries may be called, or what
    a string in a scalar slot may read."""

    __slots__ = (
        "_seen",
        "_text",
        "container",
        "fields",
        "item",
        "kind",
        "names",
        "required",
        "scalars",
    )

    def __init__(
        self,
        container: str,
        kind: str,
        *,
        item: Shape | None = None,
        names: re.Pattern[str] | None = None,
        scalars: frozenset[type] = frozenset(),
    ) -> None:
        self.container = container
        self.kind = kind
        self.fields: dict[str, Shape] = {}
        self.item = item
        self.names = names
        self.required: frozenset[str] = frozenset()
        self.scalars = scalars
        self._seen: dict[str, tuple[Shape, float] | None] = {}
        self._text: bool | None = None

    def __repr__(self) -> str:
        return f"Shape({self.kind})"

    @property
    def mapping(self) -> bool:
        return self.container in (OBJECT, MAP, ANY_DATA)

    @property
    def sequence(self) -> bool:
        return self.container in (LIST, ANY_DATA)

    def child(self, key: str) -> tuple[Shape, float] | None:
        """The shape of `key`'s value here and the cost of the reading, or None if the
        specification forbids the key here."""
        if key not in self._seen:
            self._seen[key] = self._child(key)
        return self._seen[key]

    def _child(self, key: str) -> tuple[Shape, float] | None:
        if self.container == ANY_DATA:
            return ANY, 0.0
        if self.container == MAP:
            if key.startswith("x-") and self.kind in MAPS:
                return ANY, RARE_EXTENSION
            if self.names is None or self.names.match(key):
                telling = self.names in _TELLING
                return self.item, -NAMED if telling else 0.0  # type: ignore[return-value]
            return (self.item, ODD_NAME) if self.kind not in _STRICT_NAMES else None  # type: ignore[return-value]
        if self.container != OBJECT:
            return None
        if key in self.fields:
            return self.fields[key], _RARE.get((self.kind, key), 0.0)
        if key.startswith("x-"):
            if self.kind in _EXTENDED:
                return ANY, EXTENSION
            return ANY, BARE_EXTENSION if self.kind in _BARE else RARE_EXTENSION
        if key == "$ref" and self.kind in _REFERABLE:
            return STRING, 0.0
        if key in ("summary", "description") and self.kind in _REFERABLE:
            return STRING, 1.0
        if self.kind == "Schema":
            return ANY, UNKNOWN_SCHEMA_KEYWORD
        return None

    @property
    def takes_text(self) -> bool:
        """Whether a word of text can be this slot's value (not a map of named entries)."""
        if self._text is None:
            self._text = self.accepts("word")
        return self._text

    def accepts(self, value: Any) -> bool:
        """Whether a scalar (or flow collection) `value` fits this slot."""
        if isinstance(value, dict):
            return self.mapping
        if isinstance(value, list):
            return self.sequence
        if self.container == ANY_DATA:
            return True
        if isinstance(value, str):  # `evidence.LONG_TEXT` too
            return str in self.scalars and (self.names is None or bool(self.names.match(value)))
        kind = type(value)
        return kind in self.scalars or (kind is int and float in self.scalars)


def _leaf(*types: type) -> Shape:
    return Shape(LEAF, "/".join(t.__name__ for t in types), scalars=frozenset(types))


ANY = Shape(ANY_DATA, "any", scalars=_SCALARS)
STRING = _leaf(str)
_BOOL = _leaf(bool)
_NUMBER = _leaf(int, float)
_NAMES = Shape(LIST, "names", item=STRING)
_TYPES = Shape(LIST, "types", item=STRING, scalars=frozenset({str}))
_LIST = Shape(LIST, "list", item=ANY)
_SECURITY = Shape(LIST, "security", item=Shape(MAP, "requirement", item=_NAMES))
_STRING_MAP = Shape(MAP, "strings", item=STRING)
# A discriminator maps values to schema names or references, neither of which has a space.
_SCHEMA_NAMES = Shape(
    MAP,
    "schema names",
    item=Shape(LEAF, "reference", names=re.compile(r"\S+$"), scalars=frozenset({str})),
)

_CODES = re.compile(r"(?:default|[1-5](?:[0-9]{2}|XX))$")
# One media type with parameters, or a list of them as in `Accept` (some documents key so).
_MEDIA_TYPE = re.compile(r"[\w.+*-]+/[\w.+*-]+(?:\s*[;,].*)?$")
_COMPONENT = re.compile(r"[A-Za-z0-9._-]+$")
_STRICT_NAMES = frozenset({"Paths", "Responses"})
_PATH = re.compile("/")
_TELLING = (_CODES, _MEDIA_TYPE, _PATH)
_REFERABLE = frozenset(
    {"Parameter", "Response", "RequestBody", "Header", "Example", "Link", "SecurityScheme"}
)

# Fields that `grammar` leaves open ("Any") but the specification types.
_LEAVES: dict[str, Shape] = {
    **dict.fromkeys(
        [
            "openapi",
            "swagger",
            "title",
            "summary",
            "description",
            "termsOfService",
            "name",
            "identifier",
            "url",
            "email",
            "operationId",
            "in",
            "style",
            "$ref",
            "$id",
            "$schema",
            "$anchor",
            "$dynamicRef",
            "$dynamicAnchor",
            "$comment",
            "format",
            "pattern",
            "contentMediaType",
            "contentEncoding",
            "contentType",
            "scheme",
            "bearerFormat",
            "openIdConnectUrl",
            "authorizationUrl",
            "tokenUrl",
            "refreshUrl",
            "propertyName",
            "namespace",
            "prefix",
            "jsonSchemaDialect",
            "externalValue",
            "operationRef",
        ],
        STRING,
    ),
    **dict.fromkeys(
        [
            "deprecated",
            "allowEmptyValue",
            "explode",
            "allowReserved",
            "readOnly",
            "writeOnly",
            "nullable",
            "uniqueItems",
            "attribute",
            "wrapped",
        ],
        _BOOL,
    ),
    **dict.fromkeys(
        [
            "multipleOf",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "minProperties",
            "maxProperties",
            "minContains",
            "maxContains",
            "minimum",
            "maximum",
        ],
        _NUMBER,
    ),
    "exclusiveMinimum": _leaf(bool, int, float),
    "exclusiveMaximum": _leaf(bool, int, float),
    "version": _leaf(str, int, float),
    "required": _BOOL,
    "enum": _LIST,
    "examples": _LIST,
    "type": _TYPES,
    "security": _SECURITY,
    "scopes": _STRING_MAP,
    "mapping": _SCHEMA_NAMES,
    "dependentRequired": Shape(MAP, "dependentRequired", item=_NAMES),
}
_FIELD_LEAVES: dict[tuple[str, str], Shape] = {
    ("Schema", "required"): _NAMES,
    ("Operation", "tags"): _NAMES,
    ("ServerVariable", "enum"): _NAMES,
    ("Link", "parameters"): Shape(MAP, "parameters", item=ANY),
}
_MAP_NAMES: dict[tuple[str, str], re.Pattern[str]] = {
    **{("Components", name): _COMPONENT for name in OBJECTS["Components"]},
    **{(kind, "content"): _MEDIA_TYPE for kind in ("Parameter", "Header", "RequestBody")},
    ("Response", "content"): _MEDIA_TYPE,
}
_REQUIRED: dict[str, tuple[str, ...]] = {
    "Document": ("openapi", "info"),
    "Info": ("title", "version"),
    "License": ("name",),
    "Server": ("url",),
    "ServerVariable": ("default",),
    "Tag": ("name",),
    "ExternalDocs": ("url",),
    "Parameter": ("name", "in"),
    "RequestBody": ("content",),
    "Response": ("description",),
    "SecurityScheme": ("type",),
    "OAuthFlow": ("scopes",),
    "Discriminator": ("propertyName",),
}

# Fields the specification allows but documents seldom use: a reading needs a reason for them.
_RARE: dict[tuple[str, str], float] = {
    **dict.fromkeys(
        [("PathItem", "servers"), ("Operation", "servers"), ("PathItem", "summary")],
        1.0,
    ),
    **dict.fromkeys(
        [("PathItem", "description"), ("Header", "content"), ("Parameter", "content")], 0.5
    ),
}

_objects: dict[str, Shape] = {}


def _object(kind: str) -> Shape:
    if kind in _objects:
        return _objects[kind]
    if kind in MAPS:
        child = MAPS[kind]
        names = {"Paths": _PATH, "Responses": _CODES}.get(kind)
        shape = Shape(MAP, kind, item=_object(child.kind), names=names)
        _objects[kind] = shape
        return shape
    shape = Shape(OBJECT, kind, scalars=frozenset({bool}) if kind == "Schema" else frozenset())
    shape.required = frozenset(_REQUIRED.get(kind, ()))
    _objects[kind] = shape
    for name, child in OBJECTS[kind].items():
        shape.fields[name] = _field(kind, name, child)
    return shape


def _field(kind: str, name: str, child: Child) -> Shape:
    if child.kind == "Any":
        return _FIELD_LEAVES.get((kind, name)) or _LEAVES.get(name, ANY)
    target = _object(child.kind)
    if child.shape == "list":
        return Shape(LIST, f"{child.kind}[]", item=target)
    if child.shape == "map":
        return Shape(MAP, f"{kind}.{name}", item=target, names=_MAP_NAMES.get((kind, name)))
    return target


DOCUMENT = _object("Document")
