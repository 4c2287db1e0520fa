"""Read a built site's Pagefind index (site/pagefind/) back: one dict per record.

Pagefind stores each record as a gzipped fragment (`pagefind_dcd` + JSON with url,
content, meta and filters); reading them shows exactly what the search can find.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

_MAGIC = b"pagefind_dcd"


def pagefind_records(site: Path) -> dict[str, dict]:
    """Record by URL (as stored: from the site root, with a leading '/')."""
    records = {}
    for path in sorted((Path(site) / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(_MAGIC), path
        record = json.loads(data[len(_MAGIC):])
        records[record["url"]] = record
    return records
