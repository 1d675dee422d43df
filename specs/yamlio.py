"""YAML with YAML 1.2 core-schema semantics, on PyYAML's safe (and fast C) loader.

PyYAML implements YAML 1.1, where `off`, `on`, `yes`, `no` are booleans, `017` is octal and
`2024-01-01` is a date. API descriptions use those words as enum values and dates as examples,
so 1.1 rules silently change them. Only the safe constructors are used: a tag such as
`!!python/object` is refused.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

__all__ = ["DuplicateKey", "dump_yaml", "load_yaml"]

try:
    from yaml import CSafeDumper as _BaseDumper
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # PyYAML built without libyaml: the same rules, slower
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

# The YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
_CORE_SCHEMA: list[tuple[str, re.Pattern[str], list[str]]] = [
    ("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")),
    (
        "tag:yaml.org,2002:int",
        re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
        list("-+0123456789"),
    ),
    (
        "tag:yaml.org,2002:float",
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        list("-+.0123456789"),
    ),
    ("tag:yaml.org,2002:merge", re.compile(r"^<<$"), ["<"]),
]


_Resolvers = dict[str | None, list[tuple[str, re.Pattern[str]]]]


def _resolvers(rules: list[tuple[str, re.Pattern[str], list[str]]]) -> _Resolvers:
    """PyYAML's table of implicit resolvers: first character -> (tag, pattern) candidates."""
    table: _Resolvers = {}
    for tag, pattern, first in rules:
        for char in first:
            table.setdefault(char, []).append((tag, pattern))
    return table


class DuplicateKey(yaml.MarkedYAMLError):
    """A mapping repeats a key; YAML forbids it and a silent overwrite would lose data."""


class _Loader(_BaseLoader):
    yaml_implicit_resolvers = _resolvers(_CORE_SCHEMA)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        text = str(self.construct_scalar(node))
        if text.startswith("0o"):
            return int(text[2:], 8)
        if text.startswith("0x"):
            return int(text[2:], 16)
        return int(text, 10)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        text = str(self.construct_scalar(node)).lower()
        if text.endswith(".inf"):
            return float("-inf") if text.startswith("-") else float("inf")
        if text == ".nan":
            return float("nan")
        return float(text)

    def construct_text(self, node: yaml.ScalarNode) -> str:
        return str(self.construct_scalar(node))

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, float, bool)):
                continue  # an unhashable key: PyYAML's own check says so
            if key in seen:
                raise DuplicateKey(
                    "while constructing a mapping",
                    node.start_mark,
                    f"found duplicate key {key!r}",
                    key_node.start_mark,
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)
# YAML 1.2 has no timestamp type: dates stay the strings the author wrote.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_text)


class _Dumper(_BaseDumper):
    """Quotes every string that a YAML 1.1 *or* 1.2 reader would take for something else."""

    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML reads this class attribute
        key: [
            *_BaseDumper.yaml_implicit_resolvers.get(key, []),
            *_resolvers(_CORE_SCHEMA).get(key, []),
        ]
        for key in {*_BaseDumper.yaml_implicit_resolvers, *_resolvers(_CORE_SCHEMA)}
    }

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def represent_str(self, data: str) -> yaml.ScalarNode:
        # Literal blocks keep multi-line descriptions readable and their diffs line-sized.
        style = "|" if "\n" in data else None
        node: yaml.ScalarNode = self.represent_scalar("tag:yaml.org,2002:str", data, style=style)
        return node


_Dumper.add_representer(str, _Dumper.represent_str)


def load_yaml(text: str) -> Any:
    """Parse YAML text with 1.2 core-schema scalars; raises `yaml.YAMLError` with a mark."""
    return yaml.load(text, Loader=_Loader)


def dump_yaml(data: Any, width: int = 100) -> str:
    """Block-style YAML that keeps the key order given and reads back identically; plain
    scalars are folded at `width` columns."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=width,
    )
