"""How much of a schema survives Widdershins and the importer: the share of schema types,
formats, enums and nested properties recovered, per rendering of the round-trip corpus.

    python tests/benchmarks/widdershins_roundtrip.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2]))

from tests.specs.importers.widdershins_roundtrip import METRICS, RENDERINGS, recovery


def main() -> None:
    kinds = ("md", "ascii", "default", "renderings")
    totals: dict[str, dict[str, list[int]]] = {
        kind: {metric: [0, 0] for metric in METRICS} for kind in kinds
    }
    print(f"{'rendering':<40}" + "".join(f"{m:>16}" for m in METRICS))
    for rendering in RENDERINGS:
        kind = rendering.split(".")[-2] if rendering.count(".") > 1 else "md"
        figures = recovery(rendering)
        cells = ""
        for metric in METRICS:
            hit, total = figures[metric]
            for bucket in (kind, "renderings"):
                totals[bucket][metric][0] += hit
                totals[bucket][metric][1] += total
            cells += f"{hit:>8}/{total:<4}" + (f"{hit / total:>4.0%}" if total else "   -")
        print(f"{rendering:<40}{cells}")
    for kind, sums in totals.items():
        shares = "".join(f"{(hit / total if total else 1):>16.1%}" for hit, total in sums.values())
        print(f"{'all ' + kind:<40}{shares}")


if __name__ == "__main__":
    main()
