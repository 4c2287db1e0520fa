"""Leerlijn pages: `/leerlijnen/` (index) and `/leerlijnen/<id>/` (numbered steps).

Every text from the data file is plain text and escaped here.
"""
from __future__ import annotations

from .html import h, md
from ..i18n import t, t_html
from ..model.leerlijnen import Leerlijn
from ..site.paths import LEERLIJNEN_INDEX as INDEX, element_src, leerlijn_src
from .render import GeneratedPage, Renderer
from .werkkaarten import print_block

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.manual import Manual
    from ..site.urls import Urls




def _questions(questions: list[str], label: str) -> str:
    if not questions:
        return ""
    items = "\n".join(f"<li>{h(q)}</li>" for q in questions)
    return f'<p class="ww-vragen-label">{h(label)}</p>\n<ul class="ww-vragen">\n{items}\n</ul>'


class LeerlijnRenderer:
    def __init__(self, manual: Manual, urls: Urls):
        self.m = manual
        self.base = Renderer(manual, urls)

    def pages(self) -> dict[str, GeneratedPage]:
        if not self.m.leerlijnen:
            return {}
        pages = {leerlijn_src(i): self.page(l) for i, l in self.m.leerlijnen.items()}
        pages[INDEX] = self.index()
        return pages

    def _facts(self, leerlijn: Leerlijn) -> str:
        rows = [(t("trainers.leerlijn_page.audience"), leerlijn.audience)]
        if leerlijn.duration:
            rows.append((t("trainers.leerlijn_page.duration"), leerlijn.duration))
        rows.append((t("trainers.leerlijn_page.steps"), str(len(leerlijn.steps))))
        return ('<dl class="ww-leerlijn-feiten">\n'
                + "\n".join(f"<dt>{h(k)}</dt><dd>{h(v)}</dd>" for k, v in rows) + "\n</dl>")

    def index(self) -> GeneratedPage:
        items = []
        for leerlijn in sorted(self.m.leerlijnen.values(), key=lambda l: l.title.casefold()):
            summary = (t("trainers.leerlijn_page.summary_duration", audience=leerlijn.audience,
                         duration=leerlijn.duration) if leerlijn.duration
                       else t("trainers.leerlijn_page.summary", audience=leerlijn.audience))
            items.append(f'<li class="ww-leerlijn">{self.base.link(INDEX, leerlijn_src(leerlijn.id), leerlijn.title)}'
                         # a space, so that the title and the summary never run together
                         f' <span class="ww-samenvatting">{h(summary)}</span></li>')
        listing = (f'<p>{h(t("trainers.leerlijn_page.intro"))}</p>\n\n<ul class="ww-lijst">\n'
                   + "\n".join(items) + "\n</ul>\n")
        title = t("trainers.leerlijn_page.title")
        return GeneratedPage(INDEX, title, f"# {md(title)}", listing)

    def page(self, leerlijn: Leerlijn) -> GeneratedPage:
        src = leerlijn_src(leerlijn.id)
        parts = [f"# {md(leerlijn.title)}", self._facts(leerlijn),
                 print_block(self.base.urls, src, f"leerlijn-{leerlijn.id}.pdf")]
        if leerlijn.intro:
            parts.append(f'<p class="ww-inleiding">{h(leerlijn.intro)}</p>')
        for number, step in enumerate(leerlijn.steps, start=1):
            parts.append(self._step(src, number, step))
        parts.append(f'<p class="ww-terug">{self.base.link(src, INDEX, t("trainers.leerlijn_page.back"))}</p>')
        return GeneratedPage(src, leerlijn.title, "", "\n\n".join(parts) + "\n")

    def _step(self, src: str, number: int, step) -> str:
        if step.element:
            element = self.m.elements[step.element]
            title = element.titel
            link = self.base.link(src, element_src(element.id), title)
            target = (f'<p class="ww-stap-doel">{t_html("trainers.leerlijn_page.element", link=link)} '
                      f'{self.base.soort_badge(element.soort)}</p>\n'
                      f'<p class="ww-samenvatting">{h(element.samenvatting)}</p>')
            element_questions = element.list("reflectievragen")
        else:
            chapter = self.m.chapters[step.chapter]
            title = chapter.title
            link = self.base.link(src, chapter.src_uri, title)
            target = f'<p class="ww-stap-doel">{t_html("trainers.leerlijn_page.chapter", link=link)}</p>'
            element_questions = []
        heading = md(t("trainers.leerlijn_page.step", number=number, title=title))
        parts = [f"## {heading} {{#stap-{number}}}", target,
                 f'<div class="ww-notitie">\n<p class="ww-notitie-label">{h(t("trainers.leerlijn_page.note"))}</p>\n'
                 f"<p>{h(step.note)}</p>\n</div>"]
        parts.append(_questions(element_questions, t("trainers.leerlijn_page.element_questions")))
        parts.append(_questions(step.questions, t("trainers.leerlijn_page.step_questions")))
        return "\n\n".join(p for p in parts if p)
