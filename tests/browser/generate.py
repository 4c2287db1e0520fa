"""A synthetic manual with many fictional elements, for the browser and speed tests.

Uses the taxonomies of the minimal test manual (tests/sitebuilder.py); every title,
summary and text here is made up and exists only to exercise the filter.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sitebuilder import BASE_FILES  # noqa: E402

THEMAS = ["samenwerking", "leren"]
REGIOS = ["noord", "dorp", "zuid"]
BETROKKENEN = ["gemeente", "praktijkorganisatie", "professional", "gezin"]
PERSPECTIEVEN = ["professionals", "gezinnen"]
STATUSSEN = ["concept", "besproken", "vastgesteld"]
WORDS = ["overleg", "planning", "rooster", "dossier", "afspraak", "budget", "coördinatie",
         "wachtlijst", "huisbezoek", "intake", "evaluatie", "scholing"]


def _pick(rng: random.Random, values: list[str], most: int) -> list[str]:
    return sorted(rng.sample(values, rng.randint(1, min(most, len(values)))), key=values.index)


def corpus_files(count: int, seed: int = 7) -> dict[str, str]:
    """Relative path -> text for a project with `count` generated elements (plus the base)."""
    rng = random.Random(seed)
    files: dict[str, str] = {}
    for n in range(count):
        word, other = rng.sample(WORDS, 2)
        soort = rng.choice(["werkzaam", "belemmerend"])
        regios = ["generiek"] if rng.random() < 0.3 else _pick(rng, REGIOS, 2)
        perspectieven = _pick(rng, PERSPECTIEVEN, 2) if rng.random() < 0.8 else []
        body = f"Fictieve tekst over {word} voor test {n}.\n"
        if regios == ["generiek"] and rng.random() < 0.2:
            body += f"\n/// regio | dorp\nIn Dorp gaat {word} anders (fictief).\n///\n"
        lines = ["---",
                 f"titel: Testelement {n:04d} over {word}",
                 f"soort: {soort}",
                 f"samenvatting: Fictieve samenvatting over {other} en {word}.",
                 f"themas: [{', '.join(_pick(rng, THEMAS, 2))}]",
                 f"betrokkenen: [{', '.join(_pick(rng, BETROKKENEN, 3))}]",
                 f"regios: [{', '.join(regios)}]",
                 "bronnen: [testbron]",
                 f"status: {rng.choice(STATUSSEN)}"]
        if perspectieven:
            lines.append(f"perspectieven: [{', '.join(perspectieven)}]")
        lines.append("---")
        files[f"elements/gen/test-{n:04d}.md"] = "\n".join(lines) + "\n" + body
    return files


if __name__ == "__main__":  # write a project folder: python tests/browser/generate.py DIR [COUNT]
    from sitebuilder import Project
    Project(Path(sys.argv[1]), corpus_files(int(sys.argv[2]) if len(sys.argv) > 2 else 1000))
    print(f"{sys.argv[1]}: {len(BASE_FILES)} base files plus generated elements")
