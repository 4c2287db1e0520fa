"""The CI and deploy workflows parse, call make targets that exist (checked with a real
`make -n`), and publish safely; `.ci/run` calls the README's test command; `make test`
sets up the browser tools or names the one command to run (scripts/test_tools.py)."""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text("utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def _make_calls(text: str) -> list[list[str]]:
    """Every `make ...` command in a shell snippet, as its words."""
    calls = []
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        for part in re.split(r"&&|\|\||;", line):
            words = shlex.split(part.replace("${{", "'${{").replace("}}", "}}'"))
            if words and words[0] == "make":
                calls.append(words[1:])
    return calls


def job_env(workflow: dict, job_id: str) -> dict:
    return workflow["jobs"][job_id].get("env", {})


def _make(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """A real `make`, also when the tests themselves run under `make test`."""
    env = {k: v for k, v in {**os.environ, **(env or {})}.items()
           if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES")}
    return subprocess.run(["make", "--no-print-directory", *args], cwd=REPO, capture_output=True,
                          text=True, env=env)


def _make_dry_run(args: list[str]) -> subprocess.CompletedProcess:
    return _make("-n", *args)


def test_there_is_a_pull_request_and_a_deploy_workflow():
    names = {p.name for p in WORKFLOWS}
    assert {"pull-request.yml", "deploy.yml", "compat.yml"} <= names


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_parses_and_every_make_call_is_a_real_target(path):
    workflow = _load(path)
    assert workflow["name"] and workflow["on"] and workflow["jobs"]
    for job_id, job in workflow["jobs"].items():
        assert "runs-on" in job and job.get("timeout-minutes"), job_id
    for job_id, step in _steps(workflow):
        assert ("run" in step) != ("uses" in step), (job_id, step)
        if "uses" in step:
            assert re.fullmatch(r"actions/[\w-]+@v\d+", step["uses"]), step["uses"]
            continue
        for args in _make_calls(step["run"]):
            env = {**workflow.get("env", {}), **job_env(workflow, job_id)}
            args = [re.sub(r"\$(\w+)", lambda m: env[m.group(1)], a) for a in args]
            dry = _make_dry_run(args)
            assert dry.returncode == 0, (path.name, args, dry.stderr)
        for script in re.findall(r"(?:scripts|\.ci)/[\w./-]+", step["run"]):
            assert (REPO / script).is_file(), script


def test_the_pull_request_uploads_the_site_and_writes_the_change_summary():
    workflow = _load(REPO / ".github" / "workflows" / "pull-request.yml")
    steps = [step for _, step in _steps(workflow)]
    runs = [step.get("run", "") for step in steps]
    assert any("make check FORMAT=github" in run for run in runs)
    assert any(run.strip() == "make build" for run in runs)
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    summary = next(s for s in steps if "make changes" in s.get("run", ""))
    assert "github.base_ref" in summary["run"] and "pull_request" in summary["if"]
    assert "cancelled()" in summary["if"]  # also when the check found errors
    # make changes writes to the job summary when GitHub gives one.
    dry = _make("-n", "changes", env={"GITHUB_STEP_SUMMARY": "/tmp/summary.md"})
    assert "scripts/site_changes.py --site site --base origin/main" in dry.stdout
    assert '--output "/tmp/summary.md"' in dry.stdout
    assert workflow["permissions"] == {"contents": "read"}
    tests = workflow["jobs"]["tests"]
    assert [s["run"] for s in tests["steps"] if "run" in s][-1] == ".ci/run"


def test_deploy_builds_strictly_then_publishes_only_what_built():
    workflow = _load(REPO / ".github" / "workflows" / "deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"] and workflow["on"]["push"]["tags"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"  # nothing is published when the build fails
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] is False
    uses = [s.get("uses", "") for s in build["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    # What goes online is `make publish` (werkwijze publiceer: editions, PDFs, CSP, link
    # check) into public/, built for the Pages address and the repository it runs for.
    target = workflow["env"]["SITE_TARGET"]
    assert target == "publish"
    run = next(s["run"] for s in build["steps"] if 'make "$SITE_TARGET"' in s.get("run", ""))
    assert "SITE_URL=\"${{ steps.pages.outputs.base_url }}/\"" in run
    assert "REPO_URL=\"${{ github.server_url }}/${{ github.repository }}\"" in run
    assert any(s.get("uses", "").startswith("actions/configure-pages@") for s in build["steps"])
    assert build["steps"][0]["with"]["fetch-depth"] == 0  # the edition tags
    dry = _make_dry_run([target, "SITE_URL=https://example.org/x/"])
    assert dry.returncode == 0
    assert 'werkwijze publiceer --site-url "https://example.org/x/"' in dry.stdout and " public" in dry.stdout
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "${{ env.SITE_DIR }}" and workflow["env"]["SITE_DIR"] == "public"


def test_ci_run_calls_the_readme_test_command():
    readme = (REPO / "README.md").read_text("utf-8")
    assert re.search(r"^make test\b", readme, re.M)
    commands = [line.strip() for line in (REPO / ".ci" / "run").read_text("utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
    assert commands[-1] == "make test"
    assert "apt-get" not in (REPO / ".ci" / "run").read_text("utf-8")  # make test does the set-up


def test_make_test_sets_up_the_tools_before_running_every_test():
    lines = _make_dry_run(["-B", "test"]).stdout.splitlines()
    setup = next(i for i, line in enumerate(lines) if "scripts/test_tools.py --install" in line)
    tests = next(i for i, line in enumerate(lines) if line.endswith("-m pytest"))
    assert setup < tests


def test_editor_commands_work_as_make_targets():
    check = _make_dry_run(["check", "BESTAND=elements/partnerschap/x.md"]).stdout
    assert check.strip().splitlines()[-1].endswith("werkwijze check  elements/partnerschap/x.md")
    new = _make_dry_run(["nieuw", "TITEL=Samen de visie bespreken", "SOORT=werkzaam",
                         "THEMA=partnerschap"]).stdout
    assert 'werkwijze nieuw --titel "Samen de visie bespreken" --soort "werkzaam"' in new
    assert '--thema "partnerschap"' in new


def _tools(env_path: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "scripts" / "test_tools.py"), *args],
                          capture_output=True, text=True, env={**os.environ, "PATH": env_path})


def test_missing_tools_give_one_command_naming_only_what_is_missing(tmp_path):
    """Without java and npm on PATH: one apt-get command for just those (never chromium
    when it is there, never npm when it is there)."""
    result = _tools(str(tmp_path))  # an empty PATH folder: no java, no npm
    assert result.returncode == 1
    packages = ["default-jre-headless", "npm"]
    if not Path("/usr/bin/chromium").exists():
        packages.insert(0, "chromium")
    command = "sudo apt-get install -y " + " ".join(packages)
    assert f"Voer eenmalig uit: {command}" in result.stderr
    assert f"Run once: {command}" in result.stderr


def test_browser_tests_fail_not_skip_when_tools_are_missing(tmp_path):
    """A browser test with java missing from PATH fails with the command, it does not skip."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("git", "node", "npm"):  # everything but java
        found = subprocess.run(["sh", "-c", f"command -v {tool}"], capture_output=True, text=True)
        if found.stdout.strip():
            (bin_dir / tool).symlink_to(found.stdout.strip())
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/browser/test_csp.py::test_every_page_has_the_policy_before_anything_it_loads"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PATH": f"{bin_dir}:{Path(sys.executable).parent}"})
    assert result.returncode != 0, result.stdout
    assert "skipped" not in result.stdout.splitlines()[-1]
    assert "sudo apt-get install -y default-jre-headless" in result.stdout


def test_the_web_editor_template_is_what_werkwijze_nieuw_makes():
    """.github/element-sjabloon.md (CONTRIBUTING: "Alleen in de browser") is current."""
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "element_template.py"), "--check"],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    text = (REPO / ".github" / "element-sjabloon.md").read_text("utf-8")
    assert text.startswith("---\n# Titel (verplicht)") and "\nbronnen: []\n" in text


def test_every_command_in_the_editor_docs_is_a_real_make_target():
    """The make commands CONTRIBUTING.md and README.md tell an editor to run exist."""
    for doc in ("CONTRIBUTING.md", "README.md"):
        text = (REPO / doc).read_text("utf-8")
        calls = {line for line in re.findall(r"(?m)(?:^|`)(make [^`#\n]*)", text)}
        assert calls, doc
        for call in calls:
            words = shlex.split(call.strip())[1:]
            dry = _make_dry_run(words)
            assert dry.returncode == 0, (doc, call, dry.stderr)
