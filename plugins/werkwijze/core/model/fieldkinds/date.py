"""The `date` kind: a calendar day written as YYYY-MM-DD (ISO 8601).

Stored and exported as that text (JSON, CSV: ISO dates sort as text), checked to be a
real day (`2026-13-45` and `2026-02-30` are not), shown to readers in the site's
language through Babel (`i18n.Catalogue.date`), `format: date` in the JSON Schema, and
usable to order the lists of elements (`sort:` on the field).
"""
from __future__ import annotations

import datetime
import re

from ...i18n import active, t
from .base import SingleKind

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EXAMPLE = "2026-01-31"
DAY_FORMAT = "YYYY-MM-DD"  # Day.js tokens (Decap's datetime widget) for the ISO day


def parse_day(text: str) -> datetime.date | None:
    """The day a YYYY-MM-DD text names, or None when it is no real calendar day."""
    if not _ISO.match(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


class DateKind(SingleKind):
    name = "date"
    sort_orders = ("ascending", "descending")

    def check(self, spec, value, line, reading):
        if parse_day(value) is None:
            reading.problems.add(reading.rel, line, t("validate.element.bad_date", value=value,
                                                      name=spec.name, help=spec.help))
            return False
        return True

    def display(self, spec, value, taxonomies):
        return active().date(datetime.date.fromisoformat(value)) if value else value

    def json_schema(self, spec, taxonomies):
        return {"type": "string", "format": "date"}

    def editor_field(self, spec, choices):
        return {"type": "datetime", "dateFormat": "yyyy-MM-dd"}

    def browser_field(self, spec, offered):
        # A calendar day as YYYY-MM-DD text, picked in UTC (no shift to the day before).
        # No `default`: Decap 3 then leaves a new element's day out (`default: ""` would
        # write `seen: ""`, which the check refuses).
        return {"widget": "datetime", "format": DAY_FORMAT, "date_format": DAY_FORMAT,
                "time_format": False, "picker_utc": True}

    def example(self, spec):
        return EXAMPLE
