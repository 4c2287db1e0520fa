"""Leerlijn pages: `/leerlijnen/` (index) and `/leerlijnen/<id>/` (numbered steps).

Every text from the data file is plain text and escaped here.
"""
from __future__ import annotations

from .html import h, md
from .leerlijnen import LEERLIJNEN_DIR, Leerlijn
from .render import GeneratedPage, Renderer, element_src
from .werkkaarten import print_block

INDEX = f"{LEERLIJNEN_DIR}/index.md"


def leerlijn_src(leerlijn_id: str) -> str:
    return f"{LEERLIJNEN_DIR}/{leerlijn_id}.md"


def _questions(questions: list[str], label: str) -> str:
    if not questions:
        return ""
    items = "\n".join(f"<li>{h(q)}</li>" for q in questions)
    return f'<p class="ww-vragen-label">{h(label)}</p>\n<ul class="ww-vragen">\n{items}\n</ul>'


class LeerlijnRenderer:
    def __init__(self, manual, urls):
        self.m = manual
        self.base = Renderer(manual, urls)

    def pages(self) -> dict[str, GeneratedPage]:
        if not self.m.leerlijnen:
            return {}
        pages = {leerlijn_src(i): self.page(l) for i, l in self.m.leerlijnen.items()}
        pages[INDEX] = self.index()
        return pages

    def _facts(self, leerlijn: Leerlijn) -> str:
        rows = [("Voor wie", leerlijn.audience)]
        if leerlijn.duration:
            rows.append(("Duur", leerlijn.duration))
        rows.append(("Stappen", str(len(leerlijn.steps))))
        return ('<dl class="ww-leerlijn-feiten">\n'
                + "\n".join(f"<dt>{h(k)}</dt><dd>{h(v)}</dd>" for k, v in rows) + "\n</dl>")

    def index(self) -> GeneratedPage:
        items = []
        for leerlijn in sorted(self.m.leerlijnen.values(), key=lambda l: l.title.casefold()):
            items.append(f'<li class="ww-leerlijn">{self.base.link(INDEX, leerlijn_src(leerlijn.id), leerlijn.title)}'
                         # a separator, so that the title and "Voor wie" never run together
                         f' <span class="ww-samenvatting">Voor wie: {h(leerlijn.audience)}'
                         + (f" · {h(leerlijn.duration)}" if leerlijn.duration else "")
                         + "</span></li>")
        listing = ('<p>Een leerlijn is een volgorde van hoofdstukken en elementen voor een '
                   'leersessie of opleiding, met aantekeningen voor de trainer en vragen om '
                   'samen te bespreken.</p>\n\n<ul class="ww-lijst">\n' + "\n".join(items) + "\n</ul>\n")
        return GeneratedPage(INDEX, "Leerlijnen", "# Leerlijnen", listing)

    def page(self, leerlijn: Leerlijn) -> GeneratedPage:
        src = leerlijn_src(leerlijn.id)
        parts = [f"# {md(leerlijn.title)}", self._facts(leerlijn),
                 print_block(self.base.urls, src, f"leerlijn-{leerlijn.id}.pdf")]
        if leerlijn.intro:
            parts.append(f'<p class="ww-inleiding">{h(leerlijn.intro)}</p>')
        for number, step in enumerate(leerlijn.steps, start=1):
            parts.append(self._step(src, number, step))
        parts.append(f'<p class="ww-terug">{self.base.link(src, INDEX, "Alle leerlijnen")}</p>')
        return GeneratedPage(src, leerlijn.title, "", "\n\n".join(parts) + "\n")

    def _step(self, src: str, number: int, step) -> str:
        if step.element:
            element = self.m.elements[step.element]
            title = element.titel
            target = (f'<p class="ww-stap-doel">Element: {self.base.link(src, element_src(element.id), title)} '
                      f'{self.base.soort_badge(element.soort)}</p>\n'
                      f'<p class="ww-samenvatting">{h(element.samenvatting)}</p>')
            element_questions = element.list("reflectievragen")
        else:
            chapter = self.m.chapters[step.chapter]
            title = chapter.title
            target = f'<p class="ww-stap-doel">Hoofdstuk: {self.base.link(src, chapter.src_uri, title)}</p>'
            element_questions = []
        parts = [f"## Stap {number}: {md(title)} {{#stap-{number}}}", target,
                 f'<div class="ww-notitie">\n<p class="ww-notitie-label">Voor de trainer</p>\n'
                 f"<p>{h(step.note)}</p>\n</div>"]
        parts.append(_questions(element_questions, "Voor de leersessie (uit het element)"))
        parts.append(_questions(step.questions, "Vragen bij deze stap"))
        return "\n\n".join(p for p in parts if p)
