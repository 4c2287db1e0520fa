"""Property-based tests: whatever an editor saves, the loader answers with a valid element
or with clean problems (file and line), never with an uncaught exception."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from werkwijze.core.sources import yamltree
from werkwijze.core.model.elements import load_element
from werkwijze.core.sources.frontmatter import DocumentProblem, decode, split
from werkwijze.core.validate.load import load_manual
from werkwijze.core.problems import ProblemList
from werkwijze.core.sources.project import read_layout

REPO = Path(__file__).resolve().parent.parent
REL = "elements/thema/element.md"
SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    manual = load_manual(read_layout(REPO / "mkdocs.yml"))
    path = tmp_path_factory.mktemp("prop") / "element.md"
    return manual.schema, manual.taxonomies, path


def load(env, data: bytes):
    schema, taxonomies, path = env
    path.write_bytes(data)
    problems = ProblemList()
    element = load_element(path, REL, schema, taxonomies, problems)
    line_count = data.count(b"\n") + data.count(b"\r") + 2
    for problem in problems:
        assert problem.path == REL
        assert 1 <= problem.line <= line_count, problem
        assert problem.message and "\n" not in problem.message
        assert "Traceback" not in problem.message
    if element is None:
        assert problems, "nothing loaded, but no problem reported"
    return element, problems


# -- strategies -------------------------------------------------------------------------
FIELDS = ["titel", "soort", "samenvatting", "themas", "betrokkenen", "perspectieven", "regios",
          "bronnen", "gerelateerd", "helpt_tegen", "reflectievragen", "status", "aliassen"]
WORDS = ["werkzaam", "belemmerend", "partnerschap", "generiek", "katwijk", "gemeente", "concept",
         "factsheet-tussenresultaten", "leren", "x", "", "~", "null", "NO", "2024-01-05", "1.0"]
TRICKY = st.sampled_from([":", ": ", "#", " #", "&a", "*a", "!", "!!str", "[", "]", "{", "}", "-",
                          "- ", "|", ">", "'", '"', "\\", "\t", "%", "@", "`", "---", "...", "?",
                          "\x00", "\x07", "\u00a0", "\ufeff", "é", "ĳ", "\u202e"])
SCALAR_TEXT = st.lists(st.one_of(st.sampled_from(WORDS), TRICKY, st.text(max_size=8)),
                       max_size=5).map("".join)


def quoted(text: str) -> st.SearchStrategy[str]:
    return st.sampled_from([text, f"'{text}'", f'"{text}"', f"'{text.replace(chr(39), chr(39) * 2)}'"])


SCALAR = SCALAR_TEXT.flatmap(quoted)
FLOW_LIST = st.lists(SCALAR, max_size=4).map(lambda items: "[" + ", ".join(items) + "]")


@st.composite
def value_lines(draw, indent: int = 0) -> list[str]:
    """The value part of one key: inline scalar/list, a block list or a nested mapping."""
    kind = draw(st.sampled_from(["scalar", "flow", "block", "map", "folded", "empty"]))
    pad = " " * draw(st.integers(0, 4))
    if kind == "scalar":
        return [" " + draw(SCALAR)]
    if kind == "flow":
        return [" " + draw(FLOW_LIST)]
    if kind == "empty":
        return [""]
    if kind == "folded":
        lines = draw(st.lists(SCALAR_TEXT, min_size=1, max_size=3))
        return [" " + draw(st.sampled_from([">-", "|", ">"]))] + [pad + "  " + line for line in lines]
    if kind == "block":
        items = draw(st.lists(SCALAR, min_size=1, max_size=3))
        return [""] + [f"{pad}- {item}" for item in items]
    key = draw(st.sampled_from(FIELDS))
    return ["", f"{pad}  {key}: {draw(SCALAR)}"]


@st.composite
def front_matter(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 10))):
        key = draw(st.one_of(st.sampled_from(FIELDS), SCALAR_TEXT))
        value = draw(value_lines())
        lines.append(f"{key}:{value[0]}")
        lines += value[1:]
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["# commentaar", "", "  ", "\t", "- los"])))
    return "\n".join(lines)


BODY = st.lists(st.one_of(st.sampled_from([
    "/// regio | katwijk", "/// regio | onbekend", "/// regio", "///", "```", "~~~",
    "[link](elders.md)", "[kapot](", "# Kop", "<script>x</script>", "---"]), st.text(max_size=20)),
    max_size=8).map("\n".join)


# -- properties -------------------------------------------------------------------------
@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes(env, data):
    load(env, data)


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_text_after_a_fence(env, text):
    load(env, ("---\n" + text).encode("utf-8", "surrogatepass"))


@SETTINGS
@given(front_matter(), BODY, st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_yaml_like_front_matter(env, meta, body, newline, bom):
    text = f"---\n{meta}\n---\n{body}\n".replace("\n", newline)
    data = ("\ufeff" if bom else "").encode() + text.encode("utf-8", "surrogatepass")
    element, problems = load(env, data)
    if element is not None and not problems:
        # A clean element has every required field with a usable value.
        assert element.title and element.kind and element.status
        assert element.list("themas") and element.list("regios")


@SETTINGS
@given(st.fixed_dictionaries({}, optional={
    name: st.one_of(SCALAR, FLOW_LIST) for name in FIELDS}))
def test_field_combinations(env, fields):
    meta = "\n".join(f"{key}: {value}" for key, value in fields.items())
    load(env, f"---\n{meta}\n---\nTekst.\n".encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.text(max_size=200), st.integers(1, 50))
def test_yamltree_parse_gives_a_tree_or_a_located_problem(text, first_line):
    try:
        yamltree.parse(text, first_line=first_line)
    except yamltree.YamlProblem as exc:
        assert exc.line >= first_line
        assert exc.message


@SETTINGS
@given(st.binary(max_size=200))
def test_frontmatter_split_gives_a_document_or_a_located_problem(data):
    try:
        split(decode(data))
    except DocumentProblem as exc:
        assert exc.line >= 1 and exc.message
