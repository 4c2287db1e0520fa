"""The element page's kern and regional texts ("kern + regionale invulling").

The kern always comes first and is always shown. Each region's text follows under its
own heading, "Invulling in <regio>", so that a reader can never take another region's
practice for their own (no tabs: Material's linked tabs remember the last label clicked
across pages, which showed one region's text to readers of another). `assets/regio.js`
then arranges the section for the reader's own region ("Mijn regio"): their text beside
the kern, a notice when nothing is written for it, the other regions one click away and
labelled as other regions. The markup is in fragments/kern.md.
"""
from __future__ import annotations

from markupsafe import Markup

from ..i18n import active


def region_section(renderer, element, not_described: str) -> Markup:
    """Markdown for the kern and the regional texts of `element`."""
    schema, facets = renderer.schema, renderer.facets
    kern = Markup(element.body.kern.strip() or not_described)  # the editor's Markdown
    if schema.region_field is None or facets.region_facet is None:  # a manual without regions
        return renderer.f.render("kern.md", info=None, only="", kern=kern, texts=[])
    regions = renderer.m.taxonomies[schema.region_field.taxonomy]
    own = facets.values(element, facets.region_facet)
    only = active().join([regions.label(r) for r in own]) if own and schema.generic_region not in own else ""
    texts = [(i.region, regions.label(i.region), Markup(i.text)) for i in element.body.invullingen
             if i.text.strip() and i.region in regions]
    return renderer.f.render("kern.md", info=" ".join(own), only=only, kern=kern, texts=texts,
                             generic=schema.generic_region or "")
