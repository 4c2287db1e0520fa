"""The `werkwijze` command: check (exit codes, output formats, PATH scope) and new."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from werkwijze.cli import main
from werkwijze.core.render.scaffold import element_id_from_title

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

BROKEN_KEY = """\
    ---
    titel: Kapot overleg
    soort: belemmerend
    samenvatting: Een fictief kapot element.
    themas: [samenwerkin]
    betrokkenen: [gemeente]
    regios: [generiek]
    bronnen: [testbron]
    status: concept
    titl: dubbel
    ---
    Tekst.
    """


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def manual(project, monkeypatch):
    """A fixture manual, with the current folder inside it."""
    def make(files=None, cwd=""):
        p = project(files)
        monkeypatch.chdir(p.root / cwd)
        return p
    return make


def test_clean_manual_exits_0(manual, capsys):
    manual()
    code, out, err = run(capsys, "check")
    assert (code, out) == (0, "")
    assert "Alles in orde: 3 elementen" in err


def test_problems_exit_1_with_file_line_and_did_you_mean(manual, capsys):
    manual({"elements/samenwerking/kapot.md": BROKEN_KEY})
    code, out, err = run(capsys, "check")
    assert code == 1
    lines = out.splitlines()
    assert "elements/samenwerking/kapot.md:5: Onbekende waarde 'samenwerkin' in 'themas'. " \
           "Bedoelde u 'samenwerking'?" in out
    assert any(line.startswith("elements/samenwerking/kapot.md:10: Onbekend veld 'titl'. "
                               "Bedoelde u 'titel'?") for line in lines)
    assert "2 fouten gevonden" in err


def test_unknown_region_in_taxonomy_reference_gets_a_hint(manual, capsys):
    manual({"elements/samenwerking/kapot.md": BROKEN_KEY.replace("[generiek]", "[noordd]")
            .replace("    titl: dubbel\n", "").replace("[samenwerkin]", "[samenwerking]")})
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert "kapot.md:7: Onbekende waarde 'noordd' in 'regios'. Bedoelde u 'noord'?" in out


def test_paths_limit_the_reported_problems(manual, capsys):
    manual({"elements/samenwerking/kapot.md": BROKEN_KEY,
            "elements/leren/ook-kapot.md": BROKEN_KEY.replace("Kapot overleg", "Ook kapot")})
    code, out, _ = run(capsys, "check", "elements/leren")
    assert code == 1
    assert "elements/leren/ook-kapot.md" in out and "samenwerking/kapot.md" not in out
    # A clean file in scope: exit 0, although other files have problems.
    code, out, _ = run(capsys, "check", "elements/samenwerking/goed-overleg.md")
    assert (code, out) == (0, "")


def test_cross_references_resolve_when_checking_one_file(manual, capsys):
    # goed-overleg refers to samen-leren in another folder; checking one file must still
    # load everything, or that reference would be reported as unknown.
    manual()
    assert run(capsys, "check", "elements/samenwerking/goed-overleg.md")[0] == 0


def test_github_format(manual, capsys):
    manual({"elements/samenwerking/kapot.md": BROKEN_KEY}, cwd="")
    code, out, _ = run(capsys, "check", "--format", "github")
    assert code == 1
    assert out.splitlines()[0].startswith(
        "::error file=elements/samenwerking/kapot.md,line=5::Onbekende waarde 'samenwerkin'")


def test_github_escaping():
    from werkwijze.cli import _escape
    assert _escape("100% klaar\nnu") == "100%25 klaar%0Anu"
    assert _escape("a:b,c", property_value=True) == "a%3Ab%2Cc"


def test_usage_errors_exit_2(manual, capsys, tmp_path, monkeypatch):
    manual()
    code, _, err = run(capsys, "check", "bestaat-niet.md")
    assert code == 2 and "'bestaat-niet.md' bestaat niet" in err
    monkeypatch.chdir(tmp_path)  # no mkdocs.yml here or above
    code, _, err = run(capsys, "check")
    assert code == 2 and "Geen mkdocs.yml gevonden" in err
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml"])
    assert exc.value.code == 2


def test_root_found_upward_and_folders_read_from_mkdocs_yml(manual, capsys):
    base = manual(cwd="")
    config = (base.root / "mkdocs.yml").read_text("utf-8")
    # Folders from the plugin options; a tag that MkDocs' loader would execute.
    config = config.replace("  - werkwijze\n", "  - werkwijze:\n      elements_dir: inhoud\n")
    config += "hooks_value: !!python/object/apply:os.system ['touch GEHACKT']\n"
    (base.root / "mkdocs.yml").write_text(config, "utf-8")
    (base.root / "elements").rename(base.root / "inhoud")
    (base.root / "docs" / "sub").mkdir()
    import os
    os.chdir(base.root / "docs" / "sub")
    code, out, err = run(capsys, "check")
    # The elements were found in `inhoud`: the one problem is the tag, which is not run.
    line = config.count("\n")
    assert code == 1, err
    assert len(out.strip().splitlines()) == 1 and out.startswith(f"mkdocs.yml:{line}: "), out
    assert "Python-code" in out
    assert not (base.root / "docs" / "sub" / "GEHACKT").exists()
    assert not (base.root / "GEHACKT").exists()


def test_console_script_and_alias(project):
    p = project({"elements/samenwerking/kapot.md": BROKEN_KEY})
    proc = subprocess.run([str(BIN / "werkwijze"), "controleer"], cwd=p.root,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "kapot.md:5:" in proc.stdout


def test_check_is_fast_on_the_real_manual(monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    main(["check"])  # warm up imports and caches
    capsys.readouterr()
    start = time.perf_counter()
    main(["check"])
    assert time.perf_counter() - start < 1.0


# -- new ------------------------------------------------------------------------------

@pytest.mark.parametrize("title, expected", [
    ("Gezamenlijke visie", "gezamenlijke-visie"),
    ("Één visie, geen ruzie!", "een-visie-geen-ruzie"),
    ("Naïeve coöperatie in IJsselstein", "naieve-cooperatie-in-ijsselstein"),
    ("Ĳs en ﬁets", "ijs-en-fiets"),
    ("Zo’n aanpak: 2 keer per jaar", "zon-aanpak-2-keer-per-jaar"),
    ("  --Rollen -- & taken--  ", "rollen-taken"),
])
def test_id_from_title(title, expected):
    assert element_id_from_title(title) == expected


def test_new_writes_a_template_that_asks_only_for_the_missing_values(manual, capsys):
    p = manual()
    code, out, _ = run(capsys, "new", "--titel", "Één visie: samen", "--soort", "werkzaam",
                       "--thema", "leren")
    assert code == 0
    path = p.root / "elements/leren/een-visie-samen.md"
    assert "elements/leren/een-visie-samen.md" in out
    assert "Vul nog in: samenvatting, betrokkenen, regios, bronnen" in out
    text = path.read_text("utf-8")
    from werkwijze.core.model.schema import load_schema
    for name, spec in load_schema().fields.items():  # every field, each with its help
        assert f"\n{name}:" in text
        assert spec.help.split()[0] in text
    assert 'titel: "Één visie: samen"' in text
    assert "themas:\n  - leren\n" in text  # as the browser editor writes it (decapyaml)

    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    flagged = sorted(line.split(": ", 1)[1].split("'")[1] for line in out.splitlines())
    assert flagged == ["betrokkenen", "bronnen", "regios", "samenvatting"]

    # Filling in exactly those makes the file valid.
    text = (text.replace("samenvatting:\n", "samenvatting: Fictief.\n")
            .replace("betrokkenen: []", "betrokkenen: [gezin]")
            .replace("regios: []", "regios: [generiek]")
            .replace("bronnen: []", "bronnen: [testbron]"))
    path.write_text(text, "utf-8")
    assert run(capsys, "check")[0] == 0


def test_new_with_every_required_value_passes_the_check_at_once(manual, capsys):
    p = manual()
    code, out, _ = run(capsys, "nieuw", "--titel", "Meteen goed", "--soort", "werkzaam", "--thema", "leren",
                       "--veld", "samenvatting=Een fictief element.", "--veld", "betrokkenen=gezin",
                       "--field", "regios=noord, zuid", "--veld", "bronnen=testbron")
    assert code == 0 and "Vul nog in" not in out
    text = (p.root / "elements/leren/meteen-goed.md").read_text("utf-8")
    assert "regios:\n  - noord\n  - zuid\n" in text and "samenvatting: Een fictief element." in text
    assert "\nperspectieven: []" in text  # optional, left empty: passes
    assert run(capsys, "check")[0] == 0
    code, _, err = run(capsys, "nieuw", "--titel", "Ander", "--soort", "werkzaam", "--veld", "samenvating=x")
    assert code == 2 and "'samenvating=x' is geen veld van deze handleiding. Bedoelde u 'samenvatting'?" in err


def test_an_optional_text_field_left_empty_passes(manual, capsys):
    """`werkwijze nieuw` writes `veld:` for an optional text field and says it may stay
    empty; the check used to fail on it. A required one left empty still fails."""
    schema = (REPO / "plugins/werkwijze/schema/element.yml").read_text("utf-8").replace(
        "  aliassen:\n", "  toelichting:\n    kind: text\n    label: Toelichting\n    help: Fictief.\n"
                        "  aliassen:\n")
    p = manual({"schema/element.yml": schema})  # the manual's own schema, beside mkdocs.yml
    code, out, _ = run(capsys, "nieuw", "--titel", "Leeg mag", "--soort", "werkzaam", "--thema", "leren",
                       "--veld", "samenvatting=Fictief.", "--veld", "betrokkenen=gezin",
                       "--veld", "regios=generiek", "--veld", "bronnen=testbron")
    assert code == 0, out
    text = (p.root / "elements/leren/leeg-mag.md").read_text("utf-8")
    assert "\ntoelichting:\n" in text and "mag leeg blijven" in text
    code, out, _ = run(capsys, "check")
    assert code == 0, out
    (p.root / "elements/leren/leeg-mag.md").write_text(text.replace("samenvatting: Fictief.", "samenvatting:"), "utf-8")
    code, out, _ = run(capsys, "check")
    assert code == 1 and "'samenvatting' is leeg." in out and "toelichting" not in out


def test_new_without_theme_goes_to_the_elements_folder(manual, capsys):
    p = manual()
    code, out, _ = run(capsys, "nieuw", "--titel", "Los element", "--soort", "belemmerend")
    assert code == 0
    assert (p.root / "elements/los-element.md").is_file()
    assert "themas" in out


def test_new_refuses_an_existing_id_anywhere(manual, capsys):
    p = manual()
    code, _, err = run(capsys, "new", "--titel", "Samen leren", "--soort", "werkzaam",
                       "--thema", "samenwerking")
    assert code == 1
    assert "al een element met de id 'samen-leren': elements/leren/samen-leren.md" in err
    assert not (p.root / "elements/samenwerking/samen-leren.md").exists()


def test_new_usage_errors(manual, capsys, monkeypatch):
    manual()
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, "new", "--soort", "werkzaam")
    assert code == 2 and "Geef een titel" in err
    code, _, err = run(capsys, "new", "--titel", "X", "--soort", "werkzam")
    assert code == 2 and "Bedoelde u 'werkzaam'?" in err
    code, _, err = run(capsys, "new", "--titel", "X", "--soort", "werkzaam", "--thema", "lere")
    assert code == 2 and "Onbekend thema 'lere'. Bedoelde u 'leren'?" in err


def test_new_asks_when_flags_are_missing_on_a_terminal(manual, capsys, monkeypatch):
    p = manual()
    answers = iter(["Gevraagde titel", "belemmerend"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    code, _, _ = run(capsys, "new")
    assert code == 0
    assert "soort: belemmerend" in (p.root / "elements/gevraagde-titel.md").read_text("utf-8")


# -- contribution workflow files ---------------------------------------------------------

def test_pre_commit_hook_checks_the_changed_files(project):
    import yaml
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text("utf-8"))
    hook = config["repos"][0]["hooks"][0]
    import re
    assert re.search(hook["files"], "elements/thema/x.md") and re.search(hook["files"], "data/regios.yml")
    assert not re.search(hook["files"], "plugins/werkwijze/cli.py")
    p = project({"elements/samenwerking/kapot.md": BROKEN_KEY})
    (p.root / ".venv" / "bin").mkdir(parents=True)
    (p.root / ".venv" / "bin" / "werkwijze").symlink_to(BIN / "werkwijze")
    # pre-commit runs `entry` + the staged file names, from the repository root.
    command = hook["entry"] + " elements/leren/samen-leren.md"
    clean = subprocess.run(command, shell=True, cwd=p.root, capture_output=True, text=True, timeout=60)
    assert clean.returncode == 0, clean.stderr
    broken = subprocess.run(hook["entry"] + " elements/samenwerking/kapot.md", shell=True,
                            cwd=p.root, capture_output=True, text=True, timeout=60)
    assert broken.returncode == 1 and "kapot.md:5:" in broken.stdout


def test_pull_request_workflow_and_codeowners():
    import yaml
    workflow = yaml.safe_load((REPO / ".github/workflows/pull-request.yml").read_text("utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as True
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "make check FORMAT=github" in steps  # werkwijze check --format github (Makefile)
    assert "make build" in steps  # strict (werkwijze publiceer); tests/test_workflows.py
    assert ".ci/run" in steps
    assert workflow["permissions"] == {"contents": "read"}
    owners = [line.split()[0] for line in (REPO / ".github/CODEOWNERS").read_text("utf-8").splitlines()
              if line.strip() and not line.startswith("#")]
    assert {"/mkdocs.yml", "/plugins/", "/.github/"} <= set(owners)


def test_the_annotated_example_in_contributing_is_valid(capsys, monkeypatch, tmp_path):
    import re
    import shutil
    text = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    example = re.search(r"```markdown\n(---\n.*?)```", text, re.S).group(1)
    for folder in ("data", "docs", "elements"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "elements/partnerschap/voorbeeld-uit-contributing.md").write_text(example, "utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check")
    assert code == 0, out
