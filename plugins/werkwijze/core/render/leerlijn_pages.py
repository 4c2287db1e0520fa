"""Leerlijn pages: `/leerlijnen/` (index) and `/leerlijnen/<id>/` (numbered steps).

Every text from the data file is plain text; the fragments (leerlijn.md, leerlijnen.html)
escape it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from ..i18n import active, t
from ..model.leerlijnen import Leerlijn
from ..paths import addresses, element_src, leerlijn_src
from .html import md
from .render import GeneratedPage, Renderer
from .werkkaarten import print_block

if TYPE_CHECKING:
    from ..model.manual import Manual
    from ..urls import Urls


class LeerlijnRenderer:
    def __init__(self, manual: Manual, urls: Urls):
        self.m = manual
        self.base = Renderer(manual, urls)

    def pages(self) -> dict[str, GeneratedPage]:
        if not self.m.leerlijnen:
            return {}
        pages = {leerlijn_src(i): self.page(l) for i, l in self.m.leerlijnen.items()}
        pages[addresses().learning_paths_index] = self.index()
        return pages

    def index(self) -> GeneratedPage:
        items = []
        for leerlijn in sorted(self.m.leerlijnen.values(), key=lambda l: l.title.casefold()):
            summary = (t("trainers.leerlijn_page.summary_duration", audience=leerlijn.audience,
                         duration=leerlijn.duration) if leerlijn.duration
                       else t("trainers.leerlijn_page.summary", audience=leerlijn.audience))
            href = self.base.href(addresses().learning_paths_index, leerlijn_src(leerlijn.id))
            items.append((href, leerlijn.title, summary))
        title = t("trainers.leerlijn_page.title")
        listing = self.base.f.render("leerlijnen.html", items=items)
        return GeneratedPage(addresses().learning_paths_index, title, f"# {md(title)}", listing + "\n")

    def page(self, leerlijn: Leerlijn) -> GeneratedPage:
        src = leerlijn_src(leerlijn.id)
        facts = [(t("trainers.leerlijn_page.audience"), leerlijn.audience)]
        if leerlijn.duration:
            facts.append((t("trainers.leerlijn_page.duration"), leerlijn.duration))
        facts.append((t("trainers.leerlijn_page.steps"), str(len(leerlijn.steps))))
        planned = leerlijn.planned_minutes
        if planned:
            timed = sum(1 for s in leerlijn.steps if s.minutes)
            total = duration_text(planned)
            if timed < len(leerlijn.steps):
                total = t("trainers.leerlijn_page.total_some", total=total, timed=timed, steps=len(leerlijn.steps))
            facts.append((t("trainers.leerlijn_page.total"), total))
        cards = [s.element for s in leerlijn.steps if s.element]
        cards_href = (self.base.href(src, addresses().work_cards_src) + "?" + urlencode({addresses().learning_path_query: leerlijn.id})
                      if cards else None)
        body = self.base.f.render(
            "leerlijn.md", leerlijn=leerlijn, facts=facts, steps=[self._step(src, s) for s in leerlijn.steps],
            print_block=print_block(self.base.f, self.base.urls, src, addresses().leerlijn_pdf(leerlijn.id)),
            back=self.base.href(src, addresses().learning_paths_index), cards_href=cards_href, cards_count=len(set(cards)))
        return GeneratedPage(src, leerlijn.title, "", body + "\n", description=leerlijn.intro)

    def _step(self, src: str, step) -> dict:
        own_questions = (t("trainers.leerlijn_page.step_questions"), step.questions)
        plan = []
        if step.minutes:
            plan.append((t("trainers.leerlijn_page.minutes_label"), duration_text(step.minutes)))
        if step.goal:
            plan.append((t("trainers.leerlijn_page.goal"), step.goal))
        if step.materials:
            plan.append((t("trainers.leerlijn_page.materials"), active().join(step.materials)))
        if step.element:
            element = self.m.elements[step.element]
            return {"title": element.title, "link": self.base.link(src, element_src(element.id), element.title),
                    "badge": self.base.soort_badge(element.kind), "summary": element.summary,
                    "note": step.note, "plan": plan,
                    "questions": [(t("trainers.leerlijn_page.element_questions"), element.role_list("questions")),
                                  own_questions]}
        chapter = self.m.chapters[step.chapter]
        return {"title": chapter.title, "link": self.base.link(src, chapter.src_uri, chapter.title),
                "badge": None, "summary": "", "note": step.note, "plan": plan, "questions": [own_questions]}


def duration_text(minutes: int) -> str:
    """'45 minuten', '2 uur', '1 uur en 30 minuten' (the catalogue's words)."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return t("trainers.leerlijn_page.minutes", count=rest)
    if not rest:
        return t("trainers.leerlijn_page.hours", count=hours)
    return t("trainers.leerlijn_page.hours_minutes", hours=t("trainers.leerlijn_page.hours", count=hours),
             minutes=t("trainers.leerlijn_page.minutes", count=rest))
