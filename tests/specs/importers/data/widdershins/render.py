"""Render the round-trip corpus with Widdershins; the tests read what this writes.

    npm install --prefix /tmp/widdershins widdershins
    npm install --prefix /tmp/oas-corpus @readme/oas-examples
    python tests/specs/importers/data/widdershins/render.py

Each source is copied to `sources/NAME.json` and rendered to `rendered/NAME.md` the way the
bundled Rostro page was (no front matter, operation summaries as headings, request bodies
expanded, Python code samples from httpsnippet); `rendered/NAME.ascii.md` is the same page
folded to plain ASCII, which drops the `»` depth markers as Rostro's copy did. A few are
also rendered with Widdershins' defaults (`rendered/NAME.default.md`: YAML front matter,
every code sample language, operation ids as headings).

The `oas-examples/` documents are ReadMe's `@readme/oas-examples` (MIT License, Copyright (c)
ReadMe); `scenario` is a slice of the project's normalized Scenario spec (every 12th path and
the schemas it needs), `imagine` the normalized Imagine spec.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
ROOT = HERE.parents[4]
sys.path.insert(0, str(ROOT))

from specs.yamlio import load_yaml  # noqa: E402

WIDDERSHINS = os.environ.get(
    "WIDDERSHINS", "/tmp/widdershins/node_modules/widdershins/widdershins.js"
)
EXAMPLES = Path(
    os.environ.get("OAS_EXAMPLES", "/tmp/oas-corpus/node_modules/@readme/oas-examples/3.0/json")
)
FROM_EXAMPLES = (
    "petstore",
    "complex-nesting",
    "polymorphism",
    "schema-enums",
    "parameters-style",
    "response-schemas",
    "security-multiple",
    "schema-additional-properties",
    "schema-types",
)
DEFAULTS = ("petstore", "imagine")
LIKE_ROSTRO = [
    "--omitHeader",
    "--expandBody",
    "--language_tabs",
    "python:Python:requests",
    "--httpsnippet",
]


def main() -> None:
    sources = HERE / "sources"
    rendered = HERE / "rendered"
    sources.mkdir(exist_ok=True)
    rendered.mkdir(exist_ok=True)
    documents = {
        name: json.loads((EXAMPLES / f"{name}.json").read_text()) for name in FROM_EXAMPLES
    }
    documents["imagine"] = load_yaml((ROOT / "specs/openapi/imagine.yaml").read_text())
    documents["scenario"] = _slice(
        load_yaml((ROOT / "specs/openapi/scenario.yaml").read_text()), 12
    )
    for name, document in documents.items():
        source = sources / f"{name}.json"
        source.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n")
        options = LIKE_ROSTRO + (["--summary"] if _summaries_unique(document) else [])
        page = _render(source, options)
        (rendered / f"{name}.md").write_text(page)
        (rendered / f"{name}.ascii.md").write_text(page.encode("ascii", "ignore").decode())
        if name in DEFAULTS:
            (rendered / f"{name}.default.md").write_text(_render(source, []))


def _render(source: Path, options: list[str]) -> str:
    """The page Widdershins writes (to a file: it logs its progress on stdout)."""
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.md"
        command = ["node", WIDDERSHINS, str(source), "-o", str(page), *options]
        subprocess.run(command, capture_output=True, text=True, check=True)
        return page.read_text()


def _summaries_unique(document: dict[str, Any]) -> bool:
    """Widdershins keys operations by their heading, so with `--summary` two operations of
    one tag with the same summary would render as one."""
    seen = set()
    for item in document.get("paths", {}).values():
        for method, operation in item.items():
            if isinstance(operation, dict) and method != "parameters":
                key = ((operation.get("tags") or ["Default"])[0], operation.get("summary"))
                if key in seen or key[1] is None:
                    return False
                seen.add(key)
    return True


def _slice(document: dict[str, Any], step: int) -> dict[str, Any]:
    """Every `step`th path, and the components those paths reach."""
    paths = dict(list(document["paths"].items())[::step])
    sliced = {**document, "paths": paths, "components": {}}
    wanted: set[tuple[str, str]] = set()
    pending = [paths]
    while pending:
        for kind, name in _refs(pending.pop()):
            if (kind, name) not in wanted:
                wanted.add((kind, name))
                target = document["components"][kind][name]
                sliced["components"].setdefault(kind, {})[name] = target
                pending.append(target)
    for kind in ("securitySchemes",):
        if kind in document.get("components", {}):
            sliced["components"][kind] = document["components"][kind]
    return sliced


def _refs(node: Any) -> list[tuple[str, str]]:
    found = []
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            kind, name = ref[len("#/components/") :].split("/", 1)
            found.append((kind, name.replace("~1", "/").replace("~0", "~")))
        for value in node.values():
            found.extend(_refs(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_refs(value))
    return found


if __name__ == "__main__":
    main()
