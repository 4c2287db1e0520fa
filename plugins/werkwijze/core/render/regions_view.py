"""The element page's kern and regional texts ("kern + regionale invulling").

The kern always comes first and is always shown: it applies everywhere. Each region's
text follows under its own heading, "Invulling in <regio>", so that a reader can never
take another region's practice for their own (no tabs: Material's linked tabs remember
the last label clicked across pages, which showed one region's text to readers of
another). `assets/regio.js` then arranges the section for the reader's own region
("Mijn regio"): their text beside the kern, a notice when nothing is written for it,
the other regions one click away and labelled as other regions.

Markup the script relies on (keep in step with assets/regio.js):
- `<div class="ww-regio-info" data-regios="...">`: the element's regions (space
  separated); for a region-only element it says so in words, also without JavaScript;
- `## Kern {#kern}`, then (when there are regional texts) `## Regionale invulling
  {#regionaal}` with one `### Invulling in X {#regio-X .ww-regio-kop data-regio="X"}`
  per region; the text follows its heading up to the next such heading or `##`.
"""
from __future__ import annotations

from .html import h, md
from ..i18n import active, t


def region_section(renderer, element, not_described: str) -> str:
    """Markdown for the kern and the regional texts of `element`."""
    schema = renderer.schema
    kern = element.body.kern.strip() or not_described
    if schema.region_field is None or renderer.facets.region_facet is None:  # no regions
        return f"## {md(t('ui.regions.kern'))} {{#kern}}\n\n{kern}"
    regions = renderer.m.taxonomies[schema.region_field.taxonomy]
    own = renderer.facets.values(element, renderer.facets.region_facet)
    generic = schema.generic_region
    info = f'<div class="ww-regio-info" data-regios="{h(" ".join(own))}">'
    if own and generic not in own:
        names = active().join([regions.label(r) for r in own])
        info += f'<p class="ww-alleen-regio">{h(t("ui.regions.only", regios=names))}</p>'
    info += "</div>"
    parts = [info, f"## {md(t('ui.regions.kern'))} {{#kern}}", kern]
    texts = [i for i in element.body.invullingen if i.text.strip() and i.region in regions]
    if texts:
        parts.append(f"## {md(t('ui.regions.heading'))} {{#regionaal}}")
        parts.append(f'<p class="ww-regio-uitleg">{h(t("ui.regions.intro"))}</p>')
        for invulling in texts:
            name = regions.label(invulling.region)
            parts.append(f"### {md(t('ui.regions.region', regio=name))} "
                         f'{{ #regio-{invulling.region} .ww-regio-kop data-regio="{invulling.region}" }}')
            parts.append(invulling.text)
    return "\n\n".join(parts)
