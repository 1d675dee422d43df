"""Detection: every source text, bundled or rendered by a peer tool, goes to its own importer.

Detection is ordered (a diff holds YAML, and OpenAPIDocument takes any mapping last), so later
importers may claim a text too; the prose formats must claim nothing but their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from specs.catalog import SOURCES_DIR
from specs.importers import (
    IMPORTERS,
    Importer,
    LayoutDamaged,
    OpenAPIDocument,
    RegistryDiff,
    SwaggerUI,
    Widdershins,
    detect,
)

DATA = Path(__file__).parent / "data"
FORMATS: dict[str, type[Importer]] = {
    ".collapsed-yaml.txt": LayoutDamaged,
    ".openapi.json": OpenAPIDocument,
    ".registry-diff.txt": RegistryDiff,
    ".swagger-ui.txt": SwaggerUI,
    ".widdershins.md": Widdershins,
}
PROSE: set[type[Importer]] = {SwaggerUI, Widdershins}
TEXTS: list[tuple[Path, type[Importer]]] = [
    *((p, FORMATS["".join(p.suffixes)]) for p in sorted(SOURCES_DIR.iterdir())),
    *((p, SwaggerUI) for p in sorted((DATA / "swagger_ui" / "rendered").glob("*.txt"))),
    *((p, Widdershins) for p in sorted((DATA / "widdershins" / "rendered").glob("*.md"))),
    *((p, OpenAPIDocument) for p in sorted((DATA / "layout").glob("*.yaml"))),
]


@pytest.mark.parametrize(("path", "expected"), TEXTS, ids=[p.name for p, _ in TEXTS])
def test_each_text_goes_to_its_own_importer(path: Path, expected: type[Importer]) -> None:
    text = path.read_text(encoding="utf-8")
    claimed = [type(importer) for importer in IMPORTERS if importer.sniff(text)]
    assert type(detect(text)) is expected
    assert claimed[0] is expected
    assert not (PROSE - {expected}) & set(claimed)


NEAR_MISSES: list[tuple[type[Importer], str]] = [
    (SwaggerUI, ""),
    (Widdershins, ""),
    (SwaggerUI, "GET\n/x\nSummary.\n"),
    (SwaggerUI, "```http\nGET /pets HTTP/1.1\n```\n|Code|Description|\n"),
    (SwaggerUI, "-GET\n-/x\n-Code\tDescription\n"),
    (SwaggerUI, '{"paths": {"/x": {"get": {"responses": {"200": {"description": "GET"}}}}}}'),
    (Widdershins, "# Pets\n\n`GET /pets`\n"),
    (Widdershins, "|Status|Meaning|Description|Schema|\n|---|---|---|---|\n"),
    (Widdershins, '{"openapi": "3.1.0", "info": {"title": "Widdershins"}}'),
]


@pytest.mark.parametrize(("importer", "text"), NEAR_MISSES)
def test_near_misses_are_not_claimed(importer: type[Importer], text: str) -> None:
    assert not importer().sniff(text)
