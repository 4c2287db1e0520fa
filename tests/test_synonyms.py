"""The manual's own search words (data/zoekwoorden.yml, core/model/synonyms.py)."""
from __future__ import annotations

from werkwijze.core.model.synonyms import load_synonyms
from werkwijze.core.problems import ProblemList


def test_readers_words_map_to_the_manuals_words(tmp_path):
    (tmp_path / "zoekwoorden.yml").write_text("Jeugdhulp: [hulp, zorg]\njeugdzorg: hulp\n", "utf-8")
    problems = ProblemList()
    assert load_synonyms(tmp_path, "data", problems) == {"jeugdhulp": ["hulp", "zorg"], "jeugdzorg": ["hulp"]}
    assert problems == []


def test_without_the_file_there_are_none(tmp_path):
    assert load_synonyms(tmp_path, "data", ProblemList()) == {}


def test_a_wrong_entry_is_a_problem_with_file_and_line(tmp_path):
    (tmp_path / "zoekwoorden.yml").write_text("jeugdhulp: [hulp]\nzorg: [[a]]\n", "utf-8")
    problems = ProblemList()
    assert load_synonyms(tmp_path, "data", problems) == {"jeugdhulp": ["hulp"]}
    assert [str(p) for p in problems] == [
        "data/zoekwoorden.yml:2: Achter 'zorg' staan de woorden van de handleiding, zoals "
        "'zorg: [hulp, zorg]': elk een kort woord."]
    (tmp_path / "zoekwoorden.yml").write_text("- jeugdhulp\n", "utf-8")
    problems = ProblemList()
    assert load_synonyms(tmp_path, "data", problems) == {}
    assert str(problems[0]).startswith("data/zoekwoorden.yml:1: zoekwoorden.yml is een lijst")
