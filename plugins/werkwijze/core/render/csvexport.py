"""Open data: the elements as CSV (`elementen.csv`), one row per element.

Same records as `elementen.json` (see export.py), facets as columns, lists joined with
"; ". Comma-separated (RFC 4180), UTF-8 with a byte order mark so that Excel shows
accented letters right when the file is opened directly; R, pandas and Python's csv
module (encoding "utf-8-sig") read it as ordinary UTF-8. Documented in docs/open-data.md.
"""
from __future__ import annotations

import csv
import io

from .citation import absolute_url
from .export import element_records
from ..model.fieldkinds import kind_of
from ..urls import Urls

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.manual import Manual

BOM = "\ufeff"


def to_csv(manual: Manual, urls: Urls, site_url: str | None = None) -> str:
    """`url` holds absolute URLs when the site's address is known (site_url)."""
    records = element_records(manual, urls)
    if site_url:
        records = [{**r, "url": absolute_url(site_url, r["url"])} if "url" in r else r for r in records]
    columns = list(records[0]) if records else ["id"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    kinds = {name: kind_of(spec) for name, spec in manual.schema.fields.items()}  # fieldkinds/
    for record in records:
        writer.writerow([kinds[c].csv(record[c]) if c in kinds else record[c] for c in columns])
    return BOM + out.getvalue()
