"""The element cache of `mkdocs serve` (core/model/elementcache.py): a rebuild re-reads only
changed files, and gives the same manual and the same problems as a fresh load."""
from __future__ import annotations

from sitebuilder import element_file

from werkwijze.core.model.elementcache import ElementCache
from werkwijze.core.model.manual import Layout
from werkwijze.core.validate.load import load_manual

LINKER = "elements/samenwerking/verwijzer.md"
TARGET = "elements/leren/doel.md"


def _files():
    return {
        TARGET: element_file("Doeltekst.", titel="Doel"),
        LINKER: element_file("Zie [het doel](../leren/doel.md).\n\n"
                             "/// regio | noord\nOok [hier](../leren/doel.md).\n///",
                             titel="Verwijzer", regios=["noord"]),
    }


def _same_as_fresh(manual, root):
    fresh = load_manual(Layout(root))
    assert manual.problems == fresh.problems
    assert set(manual.elements) == set(fresh.elements)
    for element_id, element in manual.elements.items():
        assert element.values == fresh.elements[element_id].values
        assert element.body == fresh.elements[element_id].body  # links rewritten exactly once


def test_cached_rebuilds_match_a_fresh_load(project):
    p = project(_files())
    cache = ElementCache()
    first = load_manual(Layout(p.root), cache)
    assert not first.problems
    linker = first.elements["verwijzer"]
    assert "(doel.md)" in linker.body.kern and "(doel.md)" in linker.body.invullingen[0].text
    second = load_manual(Layout(p.root), cache)  # nothing changed: all from the cache
    _same_as_fresh(second, p.root)
    assert second.elements["verwijzer"] is not linker  # each build its own, changeable copy

    p.write({TARGET: element_file("Nieuwe doeltekst.", titel="Nieuw doel")})
    edited = load_manual(Layout(p.root), cache)
    assert edited.elements["doel"].title == "Nieuw doel"
    _same_as_fresh(edited, p.root)


def test_a_broken_save_is_reported_and_the_next_good_save_recovers(project):
    p = project(_files())
    cache = ElementCache()
    load_manual(Layout(p.root), cache)
    p.write({TARGET: element_file("Tekst.", titel="Doel", soort="onbekend")})
    broken = load_manual(Layout(p.root), cache)
    assert broken.problems and all(str(x).startswith(TARGET + ":") for x in broken.problems)
    _same_as_fresh(broken, p.root)
    # A link to a file that is gone is a problem of the unchanged file that links to it.
    p.write({TARGET: None})
    gone = load_manual(Layout(p.root), cache)
    assert any(str(x).startswith(LINKER + ":") for x in gone.problems)
    _same_as_fresh(gone, p.root)
    p.write(_files())
    fixed = load_manual(Layout(p.root), cache)
    assert not fixed.problems
    _same_as_fresh(fixed, p.root)


def test_a_data_change_checks_unchanged_elements_again(project):
    p = project(_files())
    cache = ElementCache()
    load_manual(Layout(p.root), cache)
    taxonomy = next((p.root / "data").glob("regio*.yml"))
    text = taxonomy.read_text("utf-8")
    taxonomy.write_text(text.replace("noord", "noord-oud"), "utf-8")
    after = load_manual(Layout(p.root), cache)
    assert any(str(x).startswith(LINKER + ":") and "noord" in x.message for x in after.problems)
    _same_as_fresh(after, p.root)


def test_kept_pages_equal_freshly_rendered_ones_after_edits(project):
    """core/site/pagememo.py: a page is reused only while everything it shows is unchanged."""
    from werkwijze.core.site.pagememo import PageMemo
    from werkwijze.core.site.siteplan import generated_pages
    from werkwijze.core.site.trainers import trainer_pages
    from werkwijze.core.urls import Urls

    p = project(_files())
    urls, cache = Urls(), ElementCache()
    memo = PageMemo(lambda element: cache.entry(element.path))

    def kept_and_fresh():
        manual = load_manual(Layout(p.root), cache)
        memo.begin((cache.context, urls))
        kept = {**generated_pages(manual, urls, memo), **trainer_pages(manual, urls, None, memo)}
        fresh_manual = load_manual(Layout(p.root))
        fresh = {**generated_pages(fresh_manual, urls), **trainer_pages(fresh_manual, urls, None)}
        assert kept.keys() == fresh.keys()
        for uri, page in fresh.items():
            assert (kept[uri].markdown(), kept[uri].searchable) == (page.markdown(), page.searchable), uri
        return kept

    first = kept_and_fresh()
    # The linked element's new title shows on the page that lists it (gerelateerd).
    p.write({TARGET: element_file("Doeltekst.", titel="Doel met nieuwe naam", themas=["leren"])})
    p.write({LINKER: element_file("Tekst.", titel="Verwijzer", gerelateerd=["doel"])})
    kept_and_fresh()
    p.write({TARGET: element_file("Doeltekst.", titel="Weer een andere naam", themas=["leren"])})
    second = kept_and_fresh()
    assert "Weer een andere naam" in second["elementen/verwijzer.md"].markdown()
    assert second["elementen/index.md"] is not first["elementen/index.md"]
    # Only the text changes: lists stay, the element page and its werkkaart do not.
    p.write({TARGET: element_file("Andere doeltekst.", titel="Weer een andere naam", themas=["leren"])})
    third = kept_and_fresh()
    assert third["themas/leren.md"] is second["themas/leren.md"]
    assert "Andere doeltekst" in third["elementen/doel.md"].markdown()
    # The werkkaart shows the summary (not the text): a new summary is on it.
    p.write({TARGET: element_file("Andere doeltekst.", titel="Weer een andere naam", themas=["leren"],
                                  samenvatting="Een nieuwe samenvatting.")})
    assert "Een nieuwe samenvatting." in kept_and_fresh()["werkkaarten/index.md"].listing
    # A regional text shows on the region's page.
    p.write({TARGET: element_file("Andere doeltekst.\n\n/// regio | noord\nHier in het noorden.\n///",
                                  titel="Weer een andere naam", themas=["leren"], regios=["generiek"])})
    p.write({TARGET: element_file("Andere doeltekst.\n\n/// regio | noord\nAnders in het noorden.\n///",
                                  titel="Weer een andere naam", themas=["leren"], regios=["generiek"])})
    kept_and_fresh()
    fourth = kept_and_fresh()
    assert "Anders in het noorden" in fourth["regios/noord.md"].markdown()
