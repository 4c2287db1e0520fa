"""Every kind of bad input (issue 2, part 5) fails a real `mkdocs build` with its own
`file:line: message` line, without --strict and without a Python traceback.

Each case writes one or more bad files on top of the valid fictional base manual
(tests/sitebuilder.py) and lists exactly which `file:line` locations must be reported,
each with phrases its Dutch message must contain. No other location may be reported.
"""
from __future__ import annotations

import json
import re

import pytest

# A valid element, line by line (the numbers in the cases below refer to these lines):
#  1 ---
#  2 titel: Nieuw element
#  3 soort: werkzaam
#  4 samenvatting: Een fictief element voor een test.
#  5 themas: [samenwerking]
#  6 betrokkenen: [gemeente]
#  7 regios: [generiek]
#  8 bronnen: [testbron]
#  9 status: concept
# 10 <extra lines, if any>
#    ---
#    <body>
FIELDS = {
    "titel": "Nieuw element",
    "soort": "werkzaam",
    "samenvatting": "Een fictief element voor een test.",
    "themas": "[samenwerking]",
    "betrokkenen": "[gemeente]",
    "regios": "[generiek]",
    "bronnen": "[testbron]",
    "status": "concept",
}
NEW = "elements/nieuw/nieuw-element.md"


def element(extra: str = "", body: str = "De kern.\n", drop: tuple[str, ...] = (), **values: str) -> str:
    """Front matter of a valid element with some values replaced (raw YAML text)."""
    lines = ["---"]
    for key, value in FIELDS.items():
        if key not in drop:
            lines.append(f"{key}: {values.get(key, value)}")
    if extra:
        lines.append(extra.rstrip("\n"))
    lines.append("---")
    return "\n".join(lines) + "\n" + body


CASES: dict[str, tuple[dict, dict[str, list[str]]]] = {
    "unreadable file": (
        {"elements/nieuw/kapot.md": "SYMLINK"},
        {"elements/nieuw/kapot.md:1": ["kan niet worden gelezen"]}),
    "not utf-8": (
        {NEW: element().replace("Nieuw element", "Caf\xe9").encode("latin-1")},
        {f"{NEW}:2": ["niet in UTF-8", "Sla het op als UTF-8"]}),
    "missing front matter": (
        {NEW: "# Nieuw element\n\nGeen kopregels.\n"},
        {f"{NEW}:1": ["moet beginnen met kopregels", "'---'"]}),
    "unclosed front matter": (
        {NEW: element().replace("\n---\nDe kern.", "\nDe kern.")},
        {f"{NEW}:1": ["niet afgesloten", "'---'"]}),
    "yaml tab": (
        {NEW: element(themas="\n\t- samenwerking")},
        {f"{NEW}:6": ["geen geldige YAML", "spaties", "geen tabs"]}),
    "yaml colon": (
        {NEW: element(samenvatting="Let op: dit is fout")},
        {f"{NEW}:4": ["geen geldige YAML", "dubbele punt", "aanhalingstekens"]}),
    "yaml missing colon": (
        {NEW: element(extra="perspectieven [professionals]")},
        {f"{NEW}:10": ["geen geldige YAML", "dubbele punt"]}),
    "front matter not a mapping": (
        {NEW: "---\n- titel\n- soort\n---\nTekst.\n"},
        {f"{NEW}:2": ["sleutel: waarde"]}),
    "list where text": (
        {NEW: element(titel="[Nieuw, element]")},
        {f"{NEW}:2": ["'titel' moet één tekst zijn"]}),
    "text where list": (
        {NEW: element(themas="samenwerking")},
        {f"{NEW}:5": ["'themas' moet een lijst zijn"]}),
    "unknown key": (
        {NEW: element(extra="themaas: [leren]")},
        {f"{NEW}:10": ["Onbekend veld 'themaas'", "Bedoelde u 'themas'?"]}),
    "unknown choice": (
        {NEW: element(soort="werkzam")},
        {f"{NEW}:3": ["Onbekende waarde 'werkzam'", "Bedoelde u 'werkzaam'?"]}),
    "missing required key": (
        {NEW: element(drop=("samenvatting",))},
        {f"{NEW}:1": ["verplichte veld 'samenvatting' ontbreekt"]}),
    "empty required value": (
        {NEW: element(titel="", status="~")},
        {f"{NEW}:2": ["'titel' is leeg"], f"{NEW}:9": ["'status' is leeg"]}),
    "too long titel": (
        {NEW: element(titel="a" * 121)},
        {f"{NEW}:2": ["'titel' is te lang", "121 tekens", "hoogstens 120"]}),
    "too long samenvatting": (
        {NEW: element(samenvatting="b" * 301)},
        {f"{NEW}:4": ["'samenvatting' is te lang", "hoogstens 300"]}),
    "unknown taxonomy ids": (
        {NEW: element(themas="\n  - leren\n  - samenwerkin", betrokkenen="[gemeenten]",
                      regios="[zuidd]", bronnen="[tesbron]")},
        # themas spans lines 5-7; the bad item is on its own line
        {f"{NEW}:7": ["Onbekende waarde 'samenwerkin' in 'themas'", "Bedoelde u 'samenwerking'?",
                      "data/themas.yml"],
         f"{NEW}:8": ["'gemeenten' in 'betrokkenen'", "Bedoelde u 'gemeente'?", "data/betrokkenen.yml"],
         f"{NEW}:9": ["'zuidd' in 'regios'", "Bedoelde u 'zuid'?", "data/regios.yml"],
         f"{NEW}:10": ["'tesbron' in 'bronnen'", "Bedoelde u 'testbron'?", "data/bronnen.yml"]}),
    "unknown region in regio block": (
        {NEW: element(body="De kern.\n\n/// regio | zuidd\nIn het zuiden.\n///\n")},
        {f"{NEW}:13": ["Onbekende regio 'zuidd'", "Bedoelde u 'zuid'?", "data/regios.yml"]}),
    "dangling references": (
        {NEW: element(extra="gerelateerd: [goed-overlog]\nhelpt_tegen: [bestaat-niet]")},
        {f"{NEW}:10": ["'goed-overlog' in 'gerelateerd' bestaat niet", "Bedoelde u 'goed-overleg'?"],
         f"{NEW}:11": ["'bestaat-niet' in 'helpt_tegen' bestaat niet"]}),
    "self reference": (
        {NEW: element(extra="gerelateerd:\n  - goed-overleg\n  - nieuw-element")},
        {f"{NEW}:12": ["niet naar zichzelf verwijzen", "'nieuw-element'"]}),
    "helpt_tegen on a belemmerend element": (
        {NEW: element(soort="belemmerend", extra="helpt_tegen: [slecht-overleg]")},
        {f"{NEW}:10": ["'helpt_tegen' mag alleen bij een werkzaam element"]}),
    "helpt_tegen pointing to a werkzaam element": (
        {NEW: element(extra="helpt_tegen: [slecht-overleg, samen-leren]")},
        {f"{NEW}:10": ["'samen-leren' is werkzaam", "belemmerende elementen"]}),
    "duplicate id in two folders": (
        {"elements/ander/goed-overleg.md": element()},
        # files are read in sorted order: elements/ander/ comes first
        {"elements/samenwerking/goed-overleg.md:1": ["'goed-overleg' bestaat al",
                                                      "elements/ander/goed-overleg.md"]}),
    "bad file name": (
        {"elements/nieuw/Mijn Element.md": element()},
        {"elements/nieuw/Mijn Element.md:1": ["'Mijn Element.md' is geen geldige id",
                                              "kleine letters"]}),
    "broken link in an element": (
        {NEW: element(body="De kern.\n\nZie [dit element](../ander/bestaat-niet.md).\n")},
        {f"{NEW}:13": ["'../ander/bestaat-niet.md' werkt niet", "'../thema/ander-element.md'"]}),
    "broken link in a chapter": (
        {"docs/hoofdstuk.md": "# Hoofdstuk\n\nTekst.\n\nLees [dit](elementen/goed-overlegg.md).\n"},
        {"docs/hoofdstuk.md:5": ["'elementen/goed-overlegg.md' werkt niet"]}),
    "broken link in a chapter with front matter": (
        {"docs/hoofdstuk.md": "---\ntitle: Hoofdstuk\n---\n# Hoofdstuk\n\n[weg](weg.md)\n"},
        {"docs/hoofdstuk.md:6": ["'weg.md' werkt niet"]}),
    "unclosed regio block": (
        {NEW: element(body="De kern.\n\n/// regio | zuid\nIn het zuiden.\n")},
        {f"{NEW}:13": ["'/// regio | zuid' wordt niet afgesloten"]}),
    "yaml anchor": (
        {NEW: element(themas="&t [samenwerking]")},
        {f"{NEW}:5": ["Ankers (&)", "niet toegestaan"]}),
    "yaml alias": (
        {NEW: element(extra="perspectieven: *p")},
        {f"{NEW}:10": ["verwijzingen (*)", "niet toegestaan"]}),
    "generiek with a region": (
        {NEW: element(regios="[generiek, zuid]")},
        {f"{NEW}:7": ["'generiek' kan niet samen met andere waarden"]}),
    "unknown directive filter": (
        {"docs/hoofdstuk.md": "# Hoofdstuk\n\n/// elementen\ntheme: samenwerking\n///\n"},
        {"docs/hoofdstuk.md:4": ["Onbekend filter 'theme'", "Bedoelde u 'thema'?"]}),
    "unknown parent region in a data file": (
        {"data/regios.yml": "- id: noord\n  naam: Regio Noord\n- id: dorp\n  naam: Dorp\n"
                            "  ouder: noordd\n- id: zuid\n  naam: Regio Zuid\n"},
        {"data/regios.yml:3": ["onbekende waarde 'noordd'", "Bedoelde u 'noord'?"]}),
}

_REPORTED = re.compile(r"^(?:ERROR\s+-\s+)?(\S[^:\n]*\.(?:md|yml):\d+): (.*)$", re.M)


def reported(output: str) -> dict[str, list[str]]:
    """Location -> messages, from the build or check output."""
    found: dict[str, list[str]] = {}
    for location, message in _REPORTED.findall(output):
        found.setdefault(location, []).append(message)
    return found


def write_case(project, files: dict):
    symlinks = [rel for rel, content in files.items() if content == "SYMLINK"]
    manual = project({rel: c for rel, c in files.items() if c != "SYMLINK"})
    for rel in symlinks:  # a file that exists in the listing but cannot be read
        (manual.root / rel).parent.mkdir(parents=True, exist_ok=True)
        (manual.root / rel).symlink_to(manual.root / "nergens.md")
    return manual


def assert_reports(output: str, expected: dict[str, list[str]]) -> None:
    found = reported(output)
    assert set(found) == set(expected), output
    for location, phrases in expected.items():
        assert len(found[location]) == 1, output
        for phrase in phrases:
            assert phrase in found[location][0], f"{location}: {found[location][0]!r} lacks {phrase!r}"


@pytest.mark.parametrize("files, expected", CASES.values(), ids=CASES.keys())
def test_bad_input_fails_the_build_with_its_file_and_line(project, files, expected):
    result = write_case(project, files).build()  # note: no --strict
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output
    assert_reports(result.output, expected)
    count = len(expected)
    assert f"{count} {'fout' if count == 1 else 'fouten'} in de inhoud" in result.output


def test_check_reports_the_same_lines_as_the_build(project):
    files, expected = CASES["unknown taxonomy ids"]
    result = write_case(project, files).check()
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert_reports(result.stdout, expected)


def test_errors_in_several_files_are_all_reported_in_one_run(project):
    files = {
        NEW: element(titel="[a, b]"),
        "elements/nieuw/tweede.md": element(extra="onbekend: ja"),
        "elements/nieuw/derde.md": "geen kopregels\n",
        "docs/hoofdstuk.md": "# Hoofdstuk\n\n[weg](weg.md)\n",
    }
    result = project(files).build()
    assert result.returncode != 0
    assert "Traceback" not in result.output
    assert set(reported(result.output)) == {
        f"{NEW}:2", "elements/nieuw/tweede.md:10", "elements/nieuw/derde.md:1", "docs/hoofdstuk.md:3"}
    assert "4 fouten in de inhoud" in result.output


def test_yaml_1_1_values_stay_text_and_bom_crlf_is_fine(project):
    crlf_with_bom = "\ufeff" + element(titel="NO", samenvatting="2024-01-05").replace("\n", "\r\n")
    files = {
        NEW: crlf_with_bom.encode("utf-8"),
        "elements/nieuw/datum.md": element(titel="2024-01-05", samenvatting="yes",
                                          body="Kern.\r\n\r\nZie [overleg](../samenwerking/goed-overleg.md).\r\n"),
        "elements/nieuw/getal.md": element(titel="1.0", samenvatting="0o17"),
    }
    result = project(files).build()
    assert result.returncode == 0, result.output
    records = {e["id"]: e for e in json.loads((result.site / "elementen.json").read_text("utf-8"))["elementen"]}
    assert (records["nieuw-element"]["titel"], records["nieuw-element"]["samenvatting"]) == ("NO", "2024-01-05")
    assert (records["datum"]["titel"], records["datum"]["samenvatting"]) == ("2024-01-05", "yes")
    assert (records["getal"]["titel"], records["getal"]["samenvatting"]) == ("1.0", "0o17")
    assert '<h1 id="no">NO<a' in result.page("elementen/nieuw-element/")
