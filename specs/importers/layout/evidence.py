"""How plausible a reading is: costs for what a document in that reading would say.

Without indentation, a key after a nested object could close it or not; each reading gives
a different document. Costs are in units of one weak piece of evidence against the reading:
a value of the wrong type, a required field never given, a `required` name with no property,
keywords that do not fit the schema's `type`, an example that does not fit its schema, and a
key out of the order the document keeps elsewhere (`habits`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from ...pointers import join, parse_ref, split, to_ref
from .frames import Frame, data
from .shapes import ANY_DATA, LEAF, MAP, OBJECT, Shape

__all__ = [
    "LONG_TEXT",
    "UNSEEN",
    "Resolve",
    "carried_cost",
    "carrier_schema",
    "closing_cost",
    "described_cost",
    "described_names",
    "example_schema",
    "listed_cost",
    "mapping_names",
    "one_word",
    "placement_cost",
    "ref_sibling_cost",
    "required_names",
    "schema_names",
    "self_reference",
    "settled_cost",
    "value_cost",
    "vouched",
]

WRONG_CONTAINER = 10.0
WRONG_SCALAR = 3.0
EMPTY = 4.0
MISSING_FIELD = 2.5
MISSING_PROPERTY = 3.0
ORPHAN_REQUIRED = 2.0
REQUIRED_FOUND = 1.0
KEYWORD_MISFIT = 2.0
DEAD_BRANCH = 1.0
VALUE_MISFIT = 1.5
EXAMPLE_EXTRA_KEY = 1.0
REFERENCE_SIBLING = 2.0
NOT_A_REFERENCE = 4.0
SCHEMA_REF_SIBLING = 1.0
BOTH_SCHEMA_AND_CONTENT = 3.0
DATA_KEY = 0.4
BOOLEAN_PROPERTY = 2.0
FREE_DATA_KEY = 0.1
UNLIKE_NAME = 0.5
EXTENSION_IN_DATA = 0.5
ALIKE_NAME = 1.0  # a bonus: a name of words shaped like another in its map
_STYLE_WEIGHTS = (UNLIKE_NAME, UNLIKE_NAME, 2 * UNLIKE_NAME, UNLIKE_NAME)
"""Capitalized, spaced, beginning with a letter or digit, hyphenated: in APIs.guru's maps of
names a name breaks the style of those before it 0.16, 0.02, 0.07 and 0.19 % of the time."""
_DATA_STYLE_WEIGHTS = (UNLIKE_NAME, UNLIKE_NAME, 2 * UNLIKE_NAME, UNLIKE_NAME / 2)
"""In example and extension data: 0.06, 0.01, 0.05 and 0.41 %; a hyphenated name among plain
ones (`rate-key` after `method`) is no sign of an outer object there."""
_WORDS = re.compile(r"\w+(?: \w+)*")
_WORD = re.compile(r"\w+")
_QUOTED_NAME = re.compile(r"`([^`\s\\]+)\\?`")  # some generators escape them: \`name\`
CLOSED_EMPTY = 2.0
DESCRIBED_TWICE = 1.5
"""A description beside an `allOf` that has a described branch: 1,387 such schemas in
APIs.guru to 134,702 with the branch's description alone."""
UNTYPED_PROPERTIES = 0.5
"""A schema with properties but no type (or composition): 4,684 of 45,232 in APIs.guru."""
UNTYPED_ITEMS = 1.5
"""A schema with `items` but no type: 55 of 126,516 in APIs.guru."""
PROPERTIES_BESIDE_CHOICE = 1.5
"""Properties beside `oneOf` or `anyOf`: 121 of 14,392 such schemas in APIs.guru. Not
costed beside a discriminator, whose schema may declare the property it picks by (1 of 155
in APIs.guru, but @readme/oas-examples writes its discriminator examples so)."""
PROPERTIES_BESIDE_ALL_OF = 0.5
"""Properties beside `allOf`: 3,403 of 151,156 such schemas in APIs.guru (an `allOf` branch
holds them: `allOf: [$ref, {description, properties}]`)."""
ANNOTATED_CHOICE = 2.0
"""A `oneOf` or `anyOf` branch with nothing but annotations: none of 33,723 in APIs.guru (an
`allOf` branch has them in 120,557 of 299,118: `allOf: [$ref, {description}]`)."""
NESTED_ALL_OF = 2.0
"""An `allOf` branch with an `allOf` of its own: 322 of 299,118 branches in APIs.guru. (In
`oneOf: [{allOf: [...]}, {allOf: [...]}]`, a dash after the first `allOf`'s last branch is
the next `oneOf` branch.)"""
TITLE_NAMED = 1.0  # a bonus: a schema titled with its own name (7,955 of 12,000 in APIs.guru)
_NAMED_SCHEMAS = frozenset({"schemas", "properties"})
XML_NAME_ABOVE = 1.0
_ALIKE = 2  # names in a map before their case counts

_FAMILIES: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (
        frozenset({"properties", "additionalProperties", "patternProperties", "propertyNames"})
        | {"required", "minProperties", "maxProperties", "discriminator"},
        frozenset({"object"}),
    ),
    (
        frozenset({"items", "minItems", "maxItems", "uniqueItems", "prefixItems", "contains"}),
        frozenset({"array"}),
    ),
    (frozenset({"minLength", "maxLength", "pattern"}), frozenset({"string"})),
    (
        frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}),
        frozenset({"number", "integer"}),
    ),
)
_FAMILY_OF = {keyword: wanted for keywords, wanted in _FAMILIES for keyword in keywords}
_KEYWORDS_OF = {wanted: keywords for keywords, wanted in _FAMILIES}
_VALUES = ("example", "default", "const")
_TYPING = frozenset({"type", "const", "enum"})
_JSON_TYPE_OF: dict[type, str] = {
    str: "string",
    bool: "boolean",
    int: "integer",
    float: "number",
    type(None): "null",
    list: "array",
}
_CHECKED = (*_VALUES, "format")
_JSON_TYPES = frozenset({"string", "number", "integer", "boolean", "array", "object", "null"})
UNSEEN = object()
"""A value not looked at before it is read."""


class _Text(str):
    """A glimpse of a value of several words: a string, but no word of it is the value."""


LONG_TEXT = _Text("several words")
Resolve = Callable[[str], Any]
"""A `$ref`'s target schema, as a first reading of the document has it, or None."""
_DEEPEST = 8  # `$ref`s and compositions followed to find a schema's properties
_NUMBERS = frozenset({"number", "integer"})
_FORMATS = {
    **dict.fromkeys(("int32", "int64", "float", "double"), _NUMBERS),
    **dict.fromkeys(
        ("date-time", "date", "time", "uuid", "email", "uri", "binary", "byte", "password"),
        frozenset({"string"}),
    ),
}
_REF_SIBLINGS = {"$ref": 0.0, "description": 0.5, "summary": 0.5, "title": 0.5}
# Fields whose value is one of a few words.
_ALLOWED: dict[tuple[str, str], frozenset[Any]] = {
    ("Schema", "type"): _JSON_TYPES,
    ("Parameter", "in"): frozenset({"query", "header", "path", "cookie"}),
    ("SecurityScheme", "type"): frozenset(
        {"apiKey", "http", "oauth2", "openIdConnect", "mutualTLS"}
    ),
    ("SecurityScheme", "in"): frozenset({"query", "header", "cookie"}),
}
_REFERENCE_TEXT = frozenset({"summary", "description"})
_REFERENCE_FIELDS = _REFERENCE_TEXT | {"$ref"}
# Keywords without which a whole schema shows nothing (`_schema_cost`).
_EVIDENT = frozenset(
    {"required", "$ref", "example", "default", "const", "enum", "examples", "discriminator"}
)
_VALUED = _EVIDENT | {"xml", "additionalProperties"}  # a schema's keys whose values tell
# Fields a parameter, header or media type shares with the schema it carries, and what
# putting one in the schema costs: documents put them on the carrier. In APIs.guru, 70,738
# parameter descriptions to 3,213 in the schema, 6,092 examples maps to 52, a request
# body's description 747 times to 200 in its inline schema, and a media type's `example`
# 4,408 times to 1,142. A parameter's `example` goes either way, so it is free: 13,841
# times to 6,695 in APIs.guru, but by documents 170 to 114 there and 2 to 4 in
# @readme/oas-examples; a header's, 977 to 1,604.
_CARRIED = {
    **{
        (kind, key): 1.5
        for kind in ("Parameter", "Header", "MediaType")
        for key in ("description", "examples")
    },
    ("MediaType", "example"): 0.5,
    ("RequestBody", "description"): 1.0,
}
# An extension: 55,675 on parameters to 362 in their schemas in APIs.guru (672 documents
# mostly so, 9 not), 47 on headers to none; a media type's go in its schema (571 to 17).
_CARRIED_EXTENSION = {"Parameter": 1.5, "Header": 1.5}
_NAMING = frozenset({"properties", "patternProperties"})
_CARRIERS = frozenset({"Parameter", "Header", "MediaType"})
_COMPOSED = ("allOf", "anyOf", "oneOf", "$ref", "if", "dependentSchemas", "not")
_COMPOSING = ("allOf", "anyOf", "oneOf")
_CHOOSING = frozenset({"anyOf", "oneOf"})
_ANNOTATIONS = frozenset(
    {"description", "title", "example", "examples", "deprecated", "readOnly", "writeOnly"}
)
_DECLARING = frozenset({*_COMPOSING, "$ref", "properties", "items", "additionalProperties"})


def placement_cost(frame: Frame, key: str, peek: Any, inner: Frame | None = None) -> float:
    """Cost of putting `key` into `frame`, given a glimpse of its value (`peek`: a scalar,
    `dict` or `list` for a nested container, or `UNSEEN`); `inner` is the open frame above
    it, the value of its pending key, that placing the key would close.

    Free data is rarer than structure, and an example object names its schema's
    properties. A schema keyword is checked at once against the schema's `type`, so that
    a wrong reading costs before it can crowd out the right one.
    """
    shape = frame.shape
    if shape.container == ANY_DATA:
        # A `$ref` in data stands alone, as it does in the document's own objects.
        alone = REFERENCE_SIBLING if "$ref" in frame.keys and key not in _REFERENCE_FIELDS else 0.0
        if key.startswith("x-"):
            alone += EXTENSION_IN_DATA  # more likely an extension of an object around it
        if frame.hint is not None:
            unlikely = DATA_KEY + EXAMPLE_EXTRA_KEY if frame.strict else FREE_DATA_KEY
            return alone + (0.0 if key in frame.hint else unlikely)
        alone += _name_cost(frame.keys, key, True)
        return alone + (DATA_KEY if frame.schema is None else FREE_DATA_KEY)
    if shape.container == MAP:
        return _name_cost(frame.keys, key, False)
    if shape.kind != "Schema":
        # `summary` where the object has no such field is a Reference's, beside a `$ref`.
        alone = key in _REFERENCE_TEXT and key not in shape.fields and "$ref" not in frame.keys
        return (NOT_A_REFERENCE if alone else 0.0) + _carried_example_cost(frame, key, peek, inner)
    if key == "type":
        return _type_cost(frame, peek, inner)
    if key == "title":
        return -TITLE_NAMED if _titled_by_name(frame.path, peek) else 0.0
    family = _FAMILY_OF.get(key)
    if (family is None and key not in _CHECKED) or not frame.keys & _TYPING:
        return 0.0
    types = _types(frame.shallow())
    if not types:
        return 0.0
    if family is not None:
        # One slip, however many of its keywords (`minLength` and `maxLength` on an
        # integer): the first costs, the rest are evidence of nothing new.
        paid = not frame.keys.isdisjoint(_KEYWORDS_OF[family])
        return KEYWORD_MISFIT if not types & family and not paid else 0.0
    if key == "format":
        return 0.0 if _format_fits(types, peek) else VALUE_MISFIT
    if peek is UNSEEN or frame.shallow().get("nullable") is True:
        return 0.0
    if key == "default" and peek is None:
        return 0.0  # `default: null` is written for "no default", whatever the type
    if not _fits(types, peek) or (key in _VALUES and not _listed(frame, inner, peek)):
        return VALUE_MISFIT
    return 0.0


def carried_cost(stack: tuple[Frame, ...], depth: int, key: str) -> float:
    """Cost of putting `key` into the schema at `depth`, the value of a carrier's `schema`
    field, when the carrier could take it too (a media type's schema shares `description`
    with the request body around its content map)."""
    schema = stack[depth]
    carrier = stack[depth - 1] if depth else None
    if (
        carrier is None
        or carrier.pending != "schema"
        or carrier.shape.kind not in _CARRIERS
        or schema.shape.kind != "Schema"
    ):
        return 0.0
    if carrier.shape.kind == "MediaType" and carrier.shape.child(key) is None and depth >= 3:
        carrier = stack[depth - 3]
    if key in carrier.keys or carrier.shape.child(key) is None:
        return 0.0
    if key.startswith("x-"):
        return _CARRIED_EXTENSION.get(carrier.shape.kind, 0.0)
    return _CARRIED.get((carrier.shape.kind, key), 0.0)


def _carried_example_cost(carrier: Frame, key: str, peek: Any, inner: Frame | None) -> float:
    """A parameter's, header's or media type's example is an instance of its schema (which
    may be `inner`, still open)."""
    if key != "example" or carrier.shape.kind not in _CARRIERS or peek is UNSEEN:
        return 0.0
    schema = _view(inner if carrier.pending == "schema" else carrier.shallow().get("schema"))
    types = _types(schema)
    if not types or schema.get("nullable") is True or _fits(types, peek):
        return 0.0
    return VALUE_MISFIT


@lru_cache(maxsize=16384)
def _name_cost(names: frozenset[str], key: str, data: bool) -> float:
    """Names in one map (of example or extension `data`, or of the grammar) are written
    alike: a capitalized name among lower-case ones (a model among properties), words among
    identifiers, or a name that begins with a sign among names that begin with a letter,
    more likely starts an entry of an outer map or, in collapsed text, has lost its first
    word to the value before it (`(null)` for `default (null)` beside `description
    (markdown)`, which it is written like)."""
    cost = 0.0
    if len(names) >= _ALIKE:
        style, seen = _name_style(key), _styles(names)
        cost += sum(
            weight
            for feature, weight in enumerate(_DATA_STYLE_WEIGHTS if data else _STYLE_WEIGHTS)
            if seen[feature] == {not style[feature]}
        )
    if " " not in key:
        return cost
    coarse, fine = _word_shapes(key)
    coarse_seen, fine_seen = _shapes(names)
    if fine in fine_seen or (coarse.startswith("w") and coarse != "w" and coarse in coarse_seen):
        cost -= ALIKE_NAME
    return cost


@lru_cache(maxsize=4096)
def _shapes(names: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The word shapes of `names` (see `_word_shapes`), each kind as a set."""
    shapes = [_word_shapes(name) for name in names if " " in name]
    return frozenset(c for c, _ in shapes), frozenset(f for _, f in shapes)


def _word_shapes(name: str) -> tuple[str, str]:
    """A name's shape with each run of spaced words as one `w` (`enum (with default)` is
    written like `enum (with default and required)`), and with each word as one (`string
    and null` like `string and number`)."""
    return _WORDS.sub("w", name), _WORD.sub("w", name)


@lru_cache(maxsize=4096)
def _styles(names: frozenset[str]) -> tuple[frozenset[bool], ...]:
    """Each style feature's values among `names` (a frame's keys, shared between readings)."""
    return tuple(frozenset(values) for values in zip(*map(_name_style, names), strict=True))


@lru_cache(maxsize=4096)
def _name_style(name: str) -> tuple[bool, ...]:
    return name[:1].isupper(), " " in name, name[:1].isalnum(), "-" in name


def listed_cost(frame: Frame, value: Any) -> float:
    """Cost of text read as a schema's `default`, `example` or `const`: one of its `enum`
    values, if it lists any (collapsed text may run the value into the next key)."""
    if frame.shape.kind != "Schema" or frame.pending not in _VALUES:
        return 0.0
    return 0.0 if _listed(frame, None, value) else VALUE_MISFIT


def _listed(schema: Frame, inner: Frame | None, value: Any) -> bool:
    """Whether a scalar value is one of the schema's `enum` values, if it lists any: an
    example outside them belongs to an enclosing schema that allows it."""
    values = data(inner if schema.pending == "enum" else schema.shallow().get("enum"))
    if not isinstance(values, list) or not values or isinstance(value, _Text):
        return True
    if not isinstance(value, (str, int, float)):
        return True  # no enum, or a container (`dict`, `list`, a frame) not looked into
    return value in values


def _type_cost(frame: Frame, peek: Any, inner: Frame | None) -> float:
    names = peek if isinstance(peek, list) else [peek] if isinstance(peek, str) else []
    types = frozenset(names) & _JSON_TYPES
    if not types:
        return 0.0
    cost = KEYWORD_MISFIT * sum(
        1 for keywords, wanted in _FAMILIES if not types & wanted and keywords & frame.keys
    )
    return cost + _branches_cost(frame, inner, types)


def described_cost(stack: tuple[Frame, ...], depth: int) -> float:
    """Cost of a `description` for the schema at `depth` when one of its `allOf` branches
    has one (the list, and its last branch, may still be open above it): `allOf: [$ref,
    {description}]` is how a `$ref` gets a description, and needs no other."""
    schema = stack[depth]
    if "allOf" not in schema.keys or schema.shape.kind != "Schema":
        return 0.0
    if schema.pending != "allOf":
        branches = _items(schema.shallow().get("allOf"))
    else:
        branches = [*_items(stack[depth + 1]), *stack[depth + 2 : depth + 3]]
    return DESCRIBED_TWICE if any("description" in _view(b) for b in branches) else 0.0


def _branches_cost(frame: Frame, inner: Frame | None, types: frozenset[str]) -> float:
    """What the schema's inline branches (the list of them may be `inner`, still open) say
    of `types`: a type that no instance of them could have (beside `anyOf` branches that
    are all objects) belongs to an enclosing array schema, and one that makes a `oneOf` or
    `anyOf` branch of a declared type dead more likely belongs further out too."""
    if frame.keys.isdisjoint(_COMPOSING):
        return 0.0
    view = frame.shallow()
    cost = 0.0
    for name in _COMPOSING:
        branches = inner if frame.pending == name else view.get(name)
        declared = [_types(_view(branch)) for branch in _items(branches)]
        fits = [bool(_widened(found) & _widened(types)) for found in declared if found]
        if not fits:
            continue
        if len(fits) == len(declared) and not (all(fits) if name == "allOf" else any(fits)):
            return KEYWORD_MISFIT
        if name != "allOf" and not all(fits):
            cost = DEAD_BRANCH
    return cost


def _widened(types: frozenset[str]) -> frozenset[str]:
    """Types with `integer` under `number` too: an integer is a number."""
    return types | {"number"} if "integer" in types else types


def example_schema(parent: Frame, resolve: Resolve) -> Any:
    """The schema that data opened under `parent`'s pending key is an example of, if known:
    an example's nested objects are instances of the schema's nested properties."""
    if parent.shape.kind == "Schema":
        if parent.pending not in (*_VALUES, "examples"):
            return None
        # A schema whose example comes before what it declares (sorted keys put `example`
        # before `properties`) has it declared in the first reading (see `vouched`).
        schema = parent if _declares(parent) else resolve(to_ref(parent.path)) or parent
        return {"items": schema} if parent.pending == "examples" else schema
    if parent.shape.kind == "Example" and parent.pending == "value":
        # A named example of a media type, parameter or header, or a shared one it refers
        # to, is an instance of its schema, as the first reading has it (see `vouched`); a
        # shared one's pointer resolves to the schema of a carrier that refers to it.
        carried = carrier_schema(parent.path)
        return resolve(to_ref(parent.path if carried is None else carried))
    if parent.shape.kind in _CARRIERS and parent.pending == "example":
        # The carrier's example is of its schema, when that says what names it takes (or
        # its items do): an example of a schema that says nothing is free data, as dear as
        # any. A schema still to come (`example` sorts before `schema`) is the first
        # reading's (see `vouched`).
        if "schema" in parent.keys:
            schema = parent.shallow().get("schema")
        else:
            schema = resolve(to_ref(join(parent.path, "schema")))
        return schema if _names_instances(schema, resolve) else None
    if parent.shape.container != ANY_DATA or parent.schema is None:
        return None
    schema = _branches(parent.schema, resolve)
    if parent.seq:
        return schema.get("items", {})
    found = _view(schema.get("properties")).get(parent.pending)
    if found is None and (extra := schema.get("additionalProperties")) not in (None, False, True):
        return extra  # a map: every value an instance of one schema
    return {} if found is None else found  # data below an example is example data still


def carrier_schema(example: str) -> str | None:
    """The pointer of the schema of the media type, parameter or header whose named example
    is at `example` (`.../content/application~1json/examples/Card`), if it has one there."""
    parts = split(example)
    if len(parts) < 3 or parts[-2] != "examples" or parts[:2] == ["components", "examples"]:
        return None
    return join("", *parts[:-2], "schema")


def self_reference(path: str, ref: str) -> bool:
    """Whether a `$ref` at `path` names the schema it is, or one composed of it
    (`Token: {allOf: [{$ref: Token}]}`): a schema cannot be defined by itself."""
    uri, target = parse_ref(ref)
    if uri or not (path == target or path.startswith(target + "/")):
        return False
    steps = split(path[len(target) :])
    return all(
        step in _COMPOSING if index % 2 == 0 else step.isdigit() for index, step in enumerate(steps)
    )


def vouched(parent: Frame) -> bool:
    """Whether the schema that data opened under `parent` is an example of is surely its
    own, so that names it lacks are unlikely; a named example's schema comes from the first
    reading, as does that of a schema's example written before its declarations, and its
    data may hold names the schema never declares (only those it declares are evidence)."""
    if parent.shape.container == ANY_DATA:
        return parent.strict
    if parent.shape.kind == "Schema":
        return _declares(parent)
    if parent.shape.kind in _CARRIERS:
        return "schema" in parent.keys
    return parent.shape.kind != "Example"


def _names_instances(schema: Any, resolve: Resolve) -> bool:
    """Whether `schema` declares the property names of its instances, or of its items'."""
    if schema_names(schema, resolve) is not None:
        return True
    items = _branches(schema, resolve).get("items") if schema is not None else None
    return schema_names(items, resolve) is not None


def _declares(schema: Frame) -> bool:
    """Whether a schema being read has already said what its instances hold."""
    return not schema.keys.isdisjoint(_DECLARING)


def schema_names(schema: Any, resolve: Resolve) -> frozenset[str] | None:
    """The property names `schema` declares, if it declares any."""
    return (
        mapping_names(_branches(schema, resolve).get("properties")) if schema is not None else None
    )


def described_names(schema: Frame) -> frozenset[str]:
    """The names a schema's description quotes in backquotes, as generated model docs list
    their properties (`always`, `ifDefined`...)."""
    if "description" not in schema.keys:
        return frozenset()  # most schemas: no walk of the entries on this hot path
    description = schema.shallow().get("description")
    return _quoted_names(description) if isinstance(description, str) else frozenset()


@lru_cache(maxsize=1024)
def _quoted_names(text: str) -> frozenset[str]:
    return frozenset(_QUOTED_NAME.findall(text))


def required_names(schema: Frame) -> frozenset[str]:
    """The names a schema requires, its inline branches' (`oneOf: [{required: [...]}]`)
    included: those pick among the schema's own properties."""
    view = schema.shallow()
    lists = [view.get("required")] + [_view(b).get("required") for b in _inline_branches(view)]
    names = (data(found) for found in lists)
    return frozenset(
        name
        for found in names
        if isinstance(found, list)
        for name in found
        if isinstance(name, str)
    )


def _branches(schema: Any, resolve: Resolve, depth: int = 0) -> dict[Any, Any]:
    """A schema as its data sees it: a `$ref` is its target (`resolve`, from a first
    reading), and one composed of others (`anyOf`, `oneOf`, `allOf`) has their properties
    besides its own, since an instance is an instance of its branches (an Azure resource's
    `id`, `name` and `type` come from `allOf: [$ref: Resource]`)."""
    view = _view(schema)
    if depth > _DEEPEST:
        return view
    if "properties" not in view and isinstance(ref := view.get("$ref"), str):
        view = _view(resolve(ref)) or view
    merged = dict(_view(view.get("properties")))
    for branch in _inline_branches(view):
        found = _branches(branch, resolve, depth + 1)
        if "$ref" in found:
            return view  # a branch defined where the first reading did not see it
        for key, value in _view(found.get("properties")).items():
            merged.setdefault(key, value)
    return {**view, "properties": merged} if merged else view


def _inline_branches(view: dict[Any, Any]) -> Iterator[Any]:
    """The schemas of a schema's `allOf`, `anyOf` and `oneOf`, in that order."""
    for name in _COMPOSING:
        yield from _items(view.get(name))


def _items(value: Any) -> list[Any]:
    """The items of a list, read (a frame) or flow (a list); of anything else, none."""
    if isinstance(value, Frame):
        return value.items() if value.seq else []
    return value if isinstance(value, list) else []


def _unresolved(ref: str) -> None:
    return None


def _view(value: Any) -> dict[Any, Any]:
    if isinstance(value, Frame):
        return {} if value.seq else value.shallow()
    return value if isinstance(value, dict) else {}


def one_word(frame: Frame) -> bool:
    """Whether the field `frame` reads takes one of a few words (`type`, a parameter's
    `in`): in collapsed text, every word after the first belongs to the next key."""
    return isinstance(frame.pending, str) and (frame.shape.kind, frame.pending) in _ALLOWED


def value_cost(shape: Shape, value: Any, frame: Frame | None = None) -> float:
    """Cost of `value` (a scalar or flow collection) in a slot of `shape`; with the
    `frame` it is read into, also whether it is one of the values the field allows."""
    if shape.accepts(value):
        if frame is None or not isinstance(frame.pending, str):
            return 0.0
        if isinstance(value, bool) and shape.kind == "Schema" and frame.shape.container == MAP:
            return BOOLEAN_PROPERTY  # `name: true` as a property: legal in 3.1, seldom written
        allowed = _ALLOWED.get((frame.shape.kind, frame.pending))
        values = value if isinstance(value, list) else [value]
        if allowed is None or all(isinstance(v, str) and v in allowed for v in values):
            return 0.0
        return WRONG_SCALAR
    if value is None:
        return EMPTY
    if shape.container == LEAF:
        return WRONG_SCALAR
    return WRONG_CONTAINER


def closing_cost(frame: Frame) -> float:
    """Cost of an object once all of it is known (collections cost nothing)."""
    if frame.shape.container != OBJECT:
        return 0.0
    missing, settled = _closing(frame)
    return missing + settled


def settled_cost(frame: Frame) -> float:
    """The part of `closing_cost` that more keys could not lower: all but missing fields."""
    return 0.0 if frame.shape.container != OBJECT else _closing(frame)[1]


def _closing(frame: Frame) -> tuple[float, float]:
    if frame.closing is None:
        frame.closing = _closing_costs(frame)
    return frame.closing


def _closing_costs(frame: Frame) -> tuple[float, float]:
    """(missing fields, everything else) of an object; its keys alone decide most."""
    if frame.shape.container != OBJECT or frame.seq:
        return 0.0, 0.0
    missing, settled = _key_costs(frame.shape, frame.keys)
    keys = frame.keys
    if frame.shape.kind != "Schema":
        return missing, settled
    if keys <= _ANNOTATIONS:
        missing += ANNOTATED_CHOICE if _branch_of(frame.path) in _CHOOSING else 0.0
    elif "allOf" in keys and _branch_of(frame.path) == "allOf":
        settled += NESTED_ALL_OF  # at once: the reading that nests it goes on unchecked
    if not (keys & _VALUED):
        return missing, settled
    schema = frame.shallow()
    if schema.get("additionalProperties") is False and keys.isdisjoint(_NAMING):
        # It allows only `{}`: it closes an enclosing schema that has properties.
        # (More keys could still name them.)
        missing += CLOSED_EMPTY
    if "xml" in keys:
        settled += _xml_name_cost(schema, frame.path)
    if not keys.isdisjoint(_EVIDENT):
        settled += _schema_cost(schema, frame.pending == "properties")
    return missing, settled


@lru_cache(maxsize=16384)
def _key_costs(shape: Shape, keys: frozenset[str]) -> tuple[float, float]:
    """What an object's keys alone say: shared by every reading with those keys."""
    if "$ref" in keys and shape.kind != "Schema":
        return 0.0, REFERENCE_SIBLING * len(keys - _REFERENCE_FIELDS)
    missing = MISSING_FIELD * len(shape.required - keys)
    if shape.kind == "Schema":
        if "type" not in keys:
            if "properties" in keys and keys.isdisjoint(_COMPOSED):
                missing += UNTYPED_PROPERTIES
            if "items" in keys:
                missing += UNTYPED_ITEMS
        if "properties" not in keys:
            return missing, 0.0
        if not keys.isdisjoint(_CHOOSING):
            # Unless a discriminator picks the branch by one of them.
            return missing, 0.0 if "discriminator" in keys else PROPERTIES_BESIDE_CHOICE
        return missing, PROPERTIES_BESIDE_ALL_OF if "allOf" in keys else 0.0
    if shape.kind in ("Parameter", "Header"):
        if "schema" in keys and "content" in keys:
            return missing, BOTH_SCHEMA_AND_CONTENT
        if "schema" not in keys and "content" not in keys:
            # One of them is required: APIs.guru has 305,228 parameters and headers, all
            # with one.
            missing += MISSING_FIELD
    return missing, 0.0


def _branch_of(path: str) -> str | None:
    """The composition (`allOf`, `anyOf`, `oneOf`) the schema at `path` is a branch of."""
    parent, _, index = path.rpartition("/")
    composition = parent.rpartition("/")[2]
    return composition if index.isdigit() and composition in _COMPOSING else None


def _titled_by_name(path: str, title: Any) -> bool:
    """Whether `title` is the name of the component or property the schema at `path` is,
    as generators write it (`Pet` for `pet`, `Created At` for `created_at`)."""
    parts = split(path)
    if not isinstance(title, str) or len(parts) < 2 or parts[-2] not in _NAMED_SCHEMAS:
        return False
    return _plain_name(title) == _plain_name(parts[-1])


def _plain_name(name: str) -> str:
    return "".join(character for character in name.lower() if character.isalnum())


def _xml_name_cost(schema: dict[str, Any], path: str) -> float:
    """An XML name that is the name of the component schema around this one, however
    written (`problem` for `Problem`), names that component's element (`Pet: ... xml:
    {name: Pet}` after Pet's last property)."""
    name = _view(schema.get("xml")).get("name")
    parts = split(path)
    inside = len(parts) > 3 and parts[:2] == ["components", "schemas"]
    named = inside and isinstance(name, str) and _plain_name(parts[2]) == _plain_name(name)
    return XML_NAME_ABOVE if named else 0.0


def mapping_names(value: Any) -> frozenset[str] | None:
    """The keys of a mapping, read (a frame) or flow (a dict); of anything else, None."""
    if isinstance(value, Frame):
        return None if value.seq else value.keys
    return frozenset(value) if isinstance(value, dict) else None


def _format_fits(types: frozenset[str], format_: Any) -> bool:
    wanted = _FORMATS.get(format_) if isinstance(format_, str) else None
    return wanted is None or bool(types & wanted)


def _types(schema: dict[str, Any]) -> frozenset[str]:
    """The types a schema declares, or else those its `const` or `enum` values imply."""
    declared = data(schema.get("type"))
    if isinstance(declared, str):
        return frozenset({declared})
    if isinstance(declared, list):
        return frozenset(t for t in declared if isinstance(t, str))
    values = [schema["const"]] if "const" in schema else data(schema.get("enum"))
    if not isinstance(values, list) or not values:
        return frozenset()
    return frozenset(_JSON_TYPE_OF.get(type(v), "object") for v in values)


def _fits(types: frozenset[str], value: Any) -> bool:
    if isinstance(value, Frame):
        return ("array" if value.seq else "object") in types
    if value is dict or value is list:
        return ("object" if value is dict else "array") in types
    if value is None:
        return "null" in types
    if isinstance(value, bool):
        return "boolean" in types
    if isinstance(value, int):
        return bool(types & {"integer", "number"})
    if isinstance(value, float):
        return "number" in types or ("integer" in types and value.is_integer())
    if isinstance(value, str):
        return "string" in types
    if isinstance(value, list):
        return "array" in types
    return "object" in types


def _items_fit(types: frozenset[str], example: Any) -> bool:
    """Whether the items of a list example fit the types of the schema's `items`."""
    return all(_fits(types, value) for value in _items(example))


def _examples(schema: dict[str, Any]) -> Iterator[Any]:
    """Values to check against the schema's type; scalars were checked as they were read,
    but not flow collections (`default: []`)."""
    for name in _VALUES:
        if isinstance(schema.get(name), (Frame, list, dict)):
            yield schema[name]
    for name in ("enum", "examples"):
        yield from _items(schema.get(name))


def ref_sibling_cost(name: str) -> float:
    """Cost of a keyword beside a schema's `$ref`, which OpenAPI 3.0 ignores."""
    return _REF_SIBLINGS.get(name, SCHEMA_REF_SIBLING)


def _discriminator_cost(schema: dict[str, Any], properties: frozenset[str] | None) -> float:
    """A discriminator names a property of its schema, or sits beside the schemas it picks."""
    found = data(schema.get("discriminator"))
    if not isinstance(found, dict) or any(name in schema for name in _COMPOSED):
        return 0.0
    if properties is None or found.get("propertyName") not in properties:
        return MISSING_PROPERTY
    return 0.0


def _schema_cost(schema: dict[str, Any], reading_properties: bool = False) -> float:
    """What only a whole schema shows; keywords against `type` were costed as placed.
    While its properties are still being read, what they will name is not known yet."""
    cost = 0.0
    properties = mapping_names(schema.get("properties"))
    required = data(schema.get("required"))
    if isinstance(required, list) and reading_properties:
        cost -= REQUIRED_FOUND  # as a reading that closed them early would have it now
    elif isinstance(required, list):
        if properties is None:
            # Composed of inline schemas only, it requires what they name.
            properties = mapping_names(_branches(schema, _unresolved).get("properties"))
        if properties is not None:
            missing = sum(1 for name in required if name not in properties)
            cost += MISSING_PROPERTY * missing if missing or not required else -REQUIRED_FOUND
        elif not any(name in schema for name in _COMPOSED):
            cost += ORPHAN_REQUIRED
    if not reading_properties:
        cost += _discriminator_cost(schema, properties)
    if "$ref" in schema:
        cost += sum(ref_sibling_cost(name) for name in schema)
    types = _types(schema)
    if not types:
        return cost
    if schema.get("nullable") is True:
        types |= {"null"}
    items = _types(_view(schema.get("items")))
    for example in _examples(schema):
        if not _fits(types, example) or (items and not _items_fit(items, example)):
            cost += VALUE_MISFIT
        elif isinstance(example, Frame) and example.hint is not None:
            continue  # its keys were costed as they were read (`placement_cost`)
        elif properties and (names := mapping_names(example)):
            extra = sum(1 for name in names if name not in properties)
            cost += EXAMPLE_EXTRA_KEY * min(extra, 5)
    return cost
