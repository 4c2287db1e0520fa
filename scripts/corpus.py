"""Synthetic corpora for benchmarks: N valid, cross-linked elements in a temp project.

Everything is derived from the real schema (`schema/element.yml`, via
`werkwijze.core.model.schema`) and the manual's taxonomies (`data/*.yml`, via
`werkwijze.core.model.taxonomy`): field names, soorten, themes, regions, sources and statuses
are the real ones, so the corpus exercises the same code paths as the manual. The
texts are obviously synthetic ("Synthetisch element 17") and only ever written to a
folder outside the repository's content. Like the manual's elements (elements/: 87-239
words of body, 1-6 related elements, 2-3 questions), each has 100-220 words of body
(paragraphs, a list of links to related elements, for half a link to the start page), 2-5
related elements, 1-3 perspectives (all perspectives occur), 2-3 reflection questions and,
for 30%, regional texts; the sentences are random draws from the manual's own vocabulary,
so no two texts are alike. The site around them is the manual's too: its `extra` (short
name, footer links to a privacy and an accessibility page), a chapter per theme listing
its elements, and the facet overviews in the nav.

Two projects per corpus share the element bodies:
- `plugin/`: the manual's mkdocs.yml (theme, extensions) with the werkwijze plugin;
- `plain/`: the same theme and extensions without the plugin, each element body as an
  ordinary page under docs/elementen/, kept out of the nav (`not_in_nav`).

Usage: python scripts/corpus.py 1000 /tmp/corpus-1000
"""
from __future__ import annotations

import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))

from werkwijze.core.problems import ProblemList  # noqa: E402
from werkwijze.core.model.schema import load_schema  # noqa: E402
from werkwijze.core.model.taxonomy import load_taxonomies  # noqa: E402

# Words with their frequencies in the manual's own prose (docs/ and elements/ bodies, front
# matter left out): synthetic sentences drawn from them have a real vocabulary (about a
# thousand words, Zipf-like), which matters for the search index and compression.
_WORD = re.compile(r"[^\W\d_]{2,}")
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_FALLBACK = ("gezin hulp team gemeente afspraak overleg regie expertise jeugd zorg school ouders "
             "wijk casus plan doel vertrouwen rol visie belang").split()
VERBS = "helpt vraagt kost geeft maakt houdt brengt zoekt deelt bespreekt".split()


def _vocabulary() -> tuple[list[str], list[int]]:
    counts: dict[str, int] = {}
    for path in sorted([*(REPO / "docs").rglob("*.md"), *(REPO / "elements").rglob("*.md")]):
        text = _FRONT.sub("", path.read_text("utf-8"))
        text = re.sub(r"\]\([^)]*\)|<[^>]+>|\{[^}]*\}", " ", text)  # link targets, tags, attributes
        for word in _WORD.findall(text.lower()):
            counts[word] = counts.get(word, 0) + 1
    if len(counts) < 100:
        return _FALLBACK, [1] * len(_FALLBACK)
    words = sorted(counts)
    return words, [counts[w] for w in words]


WORDS, WEIGHTS = _vocabulary()


@dataclass
class Spec:
    id: str
    thema: str
    soort: str
    values: dict = field(default_factory=dict)
    body: str = ""


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, WEIGHTS, k=rng.randint(6, 16))
    words.insert(2, rng.choice(VERBS))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def _front_matter(spec: Spec, schema) -> str:
    lines = ["---"]
    for name, field_spec in schema.fields.items():
        value = spec.values.get(name)
        if value in (None, [], ""):
            continue
        if field_spec.kind != "list":
            lines.append(f"{name}: {yaml.safe_dump(value, allow_unicode=True, width=10_000).strip().removesuffix('...').strip()}")
        elif field_spec.items == "text":
            lines.append(f"{name}:")
            lines += [f"  - {item}" for item in value]
        else:
            lines.append(f"{name}: {_flow(value)}")
    lines.append("---")
    return "\n".join(lines)


def plan(count: int, seed: int = 1) -> tuple[list[Spec], dict]:
    """The elements to write: ids, facet values, references and bodies."""
    rng = random.Random(seed)
    schema = load_schema()
    problems = ProblemList()
    taxonomies = load_taxonomies(schema, REPO / "data", "data", problems)
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    ids = {name: list(taxonomies[name].terms) for name in schema.taxonomies}
    regions = taxonomies[schema.region_field.taxonomy]
    generic = schema.generic_region
    soorten = list(schema.soorten)
    counter = schema.counter_field
    specs = []
    for n in range(count):
        soort = soorten[n % len(soorten)]
        themas = rng.sample(ids["themas"], rng.randint(1, 2))
        specs.append(Spec(f"synthetisch-element-{n:05d}", themas[0], soort, {
            "titel": f"Synthetisch element {n} over {' '.join(rng.choices(WORDS, WEIGHTS, k=2))}",
            "soort": soort,
            "samenvatting": _sentence(rng) + " " + _sentence(rng),
            "themas": themas,
            "betrokkenen": rng.sample(ids["betrokkenen"], rng.randint(1, 3)),
            "perspectieven": rng.sample(ids["perspectieven"], rng.randint(1, 3)),
            "regios": [generic] if rng.random() < 0.6 else rng.sample(ids["regios"], rng.randint(1, 2)),
            "bronnen": rng.sample(ids["bronnen"], 1),
            "reflectievragen": [_sentence(rng)[:-1] + "?" for _ in range(rng.randint(2, 3))],
            "status": rng.choice(ids["statussen"]),
        }))
    by_soort = {s: [e for e in specs if e.soort == s] for s in soorten}
    for index, spec in enumerate(specs):
        # Mostly local references (neighbours), like real clusters of related elements.
        near = [specs[(index + d) % count] for d in (1, 2, 3, 7, 31) if count > 1]
        spec.values["gerelateerd"] = list(dict.fromkeys(
            e.id for e in rng.sample(near, min(len(near), rng.randint(2, 5))) if e.id != spec.id))
        if spec.soort == counter.only_for_soort and by_soort.get(counter.target_soort):
            targets = by_soort[counter.target_soort]
            spec.values[counter.name] = list(dict.fromkeys(
                rng.choice(targets).id for _ in range(rng.randint(1, 2))))
        # About 200 words, as the manual's elements: paragraphs, and a list of links to
        # related elements (as in elements/partnerschap/gezamenlijke-visie.md).
        related = [specs[(index + d) % count] for d in (5, 11, 17)][:rng.randint(1, 3)]
        links = "\n".join(f"- [{' '.join(rng.choices(WORDS, WEIGHTS, k=5))}]"
                          f"(../{other.thema}/{other.id}.md);" for other in related)
        parts = [_paragraph(rng, 3), _paragraph(rng, 2)[:-1] + ":", links, _paragraph(rng, 3),
                 _paragraph(rng, 2)]
        if rng.random() < 0.5:  # as "Lees hoe u kunt [reageren](../reageren.md)"; index.md is
            # in every manual (tests/test_published_growth.py adds these to the real one)
            parts[-1] += f" Lees meer op de [{rng.choice(WORDS)}](../index.md)."
        chosen = spec.values["regios"]
        if rng.random() < 0.3:
            allowed = ids["regios"] if generic in chosen else [
                t.id for t in regions if t.id in chosen or t.get("ouder") in chosen]
            for region in rng.sample(allowed, min(len(allowed), rng.randint(1, 2))):
                parts.append(f"/// regio | {region}\n{_paragraph(rng, 2)}\n///")
        spec.body = "\n\n".join(parts) + "\n"
    return specs, yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))


# `](../<thema>/<id>.md)`: element pages are siblings in the plain site.
_SOURCE_LINK = re.compile(r"\]\(\.\./[^/)]+/([^/)]+\.md)\)")

CHAPTER = """# Hoofdstuk

Een synthetisch hoofdstuk met een lijst van elementen.

/// elementen
thema: {thema}
soort: {soort}
///
"""

# A chapter per theme, as docs/partnerschap.md: text, and the theme's elements.
THEME_CHAPTER = """# Synthetisch thema {thema}

{text}

/// elementen
thema: {thema}
///
"""

# The pages the manual's footer links to (mkdocs.yml extra.werkwijze_voetlinks).
FOOTER_PAGES = ("privacy.md", "toegankelijkheid.md")
# The facet overviews the manual's nav shows (generated by the plugin).
FACET_INDEXES = ("themas", "soorten", "betrokkenen", "perspectieven", "statussen")


def _config(base: dict, plugin: bool, themas: list[str]) -> dict:
    config = {key: base[key] for key in ("theme", "markdown_extensions", "extra") if key in base}
    config["extra"] = {**config.get("extra", {}), "werkwijze_voetlinks": list(FOOTER_PAGES)}
    config.update(site_name="Benchmark", docs_dir="docs", strict=True,
                  nav=[{"Start": "index.md"}, {"Hoofdstuk": "hoofdstuk.md"},
                       {"De werkwijze": [{f"Thema {t}": f"{t}.md"} for t in themas]}])
    search = next((p for p in base["plugins"] if isinstance(p, dict) and "search" in p), "search")
    footer = "".join(f"/{name}\n" for name in FOOTER_PAGES)
    if plugin:
        # As mkdocs.yml: the plugin's own search (Pagefind), not Material's search plugin.
        config["plugins"] = [{"werkwijze": {"elements_dir": "elements", "data_dir": "data"}}]
        config["nav"].append({"Elementen": [{"Alle elementen": "elementen/index.md"},
                                            *({f"Per {f}": f"{f}/index.md"} for f in FACET_INDEXES)]})
        config["not_in_nav"] = footer
    else:
        config["plugins"] = [search]
        config["not_in_nav"] = "/elementen/\n" + footer
    return config


def write(count: int, root: Path, seed: int = 1) -> tuple[Path, Path, list[Spec]]:
    """Write `root/plugin` and `root/plain`; returns both project roots and the specs."""
    specs, base = plan(count, seed)
    schema = load_schema()
    if root.exists():
        shutil.rmtree(root)
    plugin_root, plain_root = root / "plugin", root / "plain"
    chapter = CHAPTER.format(thema=specs[0].thema, soort=specs[0].soort)
    themas = sorted({spec.thema for spec in specs})
    rng = random.Random(seed + 1)
    chapters = {f"{t}.md": THEME_CHAPTER.format(thema=t, text=_paragraph(rng, 6)) for t in themas}
    chapters.update({name: f"# {name[:-3].capitalize()}\n\n{_paragraph(rng, 8)}\n" for name in FOOTER_PAGES})
    for project, with_plugin in ((plugin_root, True), (plain_root, False)):
        (project / "docs").mkdir(parents=True)
        (project / "mkdocs.yml").write_text(
            yaml.safe_dump(_config(base, with_plugin, themas), allow_unicode=True, sort_keys=False), "utf-8")
        (project / "docs" / "index.md").write_text(
            "# Start\n\nSynthetisch handboek voor metingen.\n", "utf-8")
        (project / "docs" / "hoofdstuk.md").write_text(chapter, "utf-8")
        for name, text in chapters.items():
            (project / "docs" / name).write_text(text, "utf-8")
    # Only the taxonomies the schema names: optional data (editions, learning paths) refers
    # to the manual's own chapters, which the corpus does not have.
    (plugin_root / "data").mkdir()
    for spec in schema.taxonomies.values():
        shutil.copy(REPO / "data" / spec.file, plugin_root / "data" / spec.file)
    for spec in specs:
        source = plugin_root / "elements" / spec.thema / f"{spec.id}.md"
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(_front_matter(spec, schema) + "\n" + spec.body, "utf-8")
        page = plain_root / "docs" / "elementen" / f"{spec.id}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        # The same body as an ordinary page; links point at the page, as the plugin rewrites them.
        body = _SOURCE_LINK.sub(r"](\1)", spec.body)
        page.write_text(f"# {spec.values['titel']}\n\n{body}", "utf-8")
    return plugin_root, plain_root, specs


def element_path(plugin_root: Path, spec: Spec) -> Path:
    return plugin_root / "elements" / spec.thema / f"{spec.id}.md"


if __name__ == "__main__":
    size, target = int(sys.argv[1]), Path(sys.argv[2])
    write(size, target)
    print(f"{size} elementen geschreven in {target}")
