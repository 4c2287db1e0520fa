"""Unit tests for Markdown links (find, check, rewrite) and relative page URLs."""
from __future__ import annotations

import pytest

from werkwijze.core.validate import links
from werkwijze.core.urls import Urls

TEXT = """\
Zie [A](a.md) en ![beeld](img/b.png "Titel") en <https://example.org/x>.
Code `[niet](weg.md)` telt niet, [wel](<c d.md>) wel.

```
[in code](weg.md)
```

[ref]: e.md#kop
"""


def test_iter_links_finds_targets_outside_code_with_lines():
    assert list(links.iter_links(TEXT, 10)) == [
        (10, "a.md"), (10, "img/b.png"), (10, "https://example.org/x"), (11, "c d.md"), (17, "e.md#kop")]


def test_transform_rewrites_only_what_visit_returns():
    rewritten = links.transform(TEXT, 1, lambda target, line: "Z.md" if target == "a.md" else None)
    assert "[A](Z.md)" in rewritten
    assert rewritten.replace("[A](Z.md)", "[A](a.md)") == TEXT


def test_transform_keeps_angle_brackets_and_titles():
    out = links.transform('[x](<a b.md> "t")', 1, lambda t, l: "c.md")
    assert out == '[x](<c.md> "t")'


def test_tilde_fences_and_longer_fences_hide_links():
    text = "~~~~\n[a](x.md)\n~~~\n[b](y.md)\n~~~~\n[c](z.md)\n"
    assert list(links.iter_links(text, 1)) == [(6, "z.md")]


KNOWN = {"index.md", "hoofdstuk.md", "elementen/a.md", "elementen/index.md", "regios/noord.md"}


@pytest.mark.parametrize("target, page", [
    ("https://example.org", "hoofdstuk.md"),
    ("mailto:x@example.org", "hoofdstuk.md"),
    ("#kop", "hoofdstuk.md"),
    ("elementen/a.md", "hoofdstuk.md"),
    ("elementen/a.md#kern", "hoofdstuk.md"),
    ("elementen/", "hoofdstuk.md"),
    ("../regios/noord.md", "elementen/a.md"),
    ("a.md?x=1", "elementen/index.md"),
])
def test_good_targets(target, page):
    assert links.check_target(target, page, KNOWN.__contains__) is None


@pytest.mark.parametrize("target, page, phrase", [
    ("elementen/b.md", "hoofdstuk.md", "'elementen/b.md' bestaat niet"),
    ("javascript:alert(1)", "hoofdstuk.md", "'javascript:'"),
    ("/elementen/a.md", "hoofdstuk.md", "begint met '/'"),
    ("../../index.md", "elementen/a.md", "bestaat niet"),
    ("a.md", "hoofdstuk.md", "'a.md' bestaat niet"),
])
def test_bad_targets(target, page, phrase):
    message = links.check_target(target, page, KNOWN.__contains__)
    assert message is not None and phrase in message


def test_resolve_relative_drops_query_and_fragment_and_unquotes():
    assert links.resolve_relative("../x%20y.md?a#b", "elementen/a.md") == "x y.md"


@pytest.mark.parametrize("directory, src_from, src_to, expected", [
    (True, "elementen/a.md", "elementen/b.md", "../b/"),
    (True, "elementen/a.md", "index.md", "../../"),
    (True, "index.md", "elementen/a.md", "elementen/a/"),
    (True, "elementen/index.md", "elementen/a.md", "a/"),
    (True, "elementen/a.md", "elementen/index.md", "../"),
    (True, "themas/x.md", "elementen/a.md", "../../elementen/a/"),
    (True, "elementen/a.md", "elementen/a.md", "./"),
    (True, "elementen/a.md", "elementen.json", "../../elementen.json"),
    (False, "elementen/a.md", "elementen/b.md", "b.html"),
    (False, "index.md", "elementen/a.md", "elementen/a.html"),
    (False, "elementen/a.md", "index.md", "../index.html"),
])
def test_relative_urls(directory, src_from, src_to, expected):
    assert Urls(directory).relative(src_from, src_to) == expected


def test_relative_url_with_anchor():
    assert Urls().relative("bronnen.md", "elementen/a.md", "kern") == "../elementen/a/#kern"


def test_one_scanner_says_which_lines_are_fenced_code():
    from werkwijze.core.sources.markdown import code_lines
    lines = ["tekst", "```python", "~~~", "nog code", "````", "tekst", "~~~~", "x", "~~~", "slot"]
    # a fence closes only with the same character, at least as long: ~~~ inside ``` is code,
    # and ~~~ does not close ~~~~
    assert code_lines(lines) == [False, True, True, True, True, False, True, True, True, True]
