"""Benchmark harness (`make bench`): build, validation, serve, browser and search figures.

For each corpus size it writes a synthetic corpus (scripts/corpus.py) to a temp folder
and measures, with several repetitions and medians:
- full `mkdocs build --strict` with the plugin vs plain MkDocs + Material (with its own
  search plugin, without ours) on the same bodies (overhead ratio), elements per second,
  largest page, site size; in the plugin build, the part of the wall time spent waiting
  for Pagefind after the last page, Pagefind's own CPU time, and peak memory of the build
  process and of the Pagefind process apart (BUILD_PROBE);
- Zensical building the same plain bodies, and the whole manual (`werkwijze export`
  without the search index, then `zensical build`), when it is installed (`--zensical`;
  default: the one in this venv, from the `test` or `zensical` extra);
- validation alone: the `werkwijze check` subprocess and in-process `load_manual`;
- one-element edit -> rebuilt page under a real `mkdocs serve --dirty` (as `make serve`);
- in Chromium: overview transfer and filter interaction; the first search in the
  header (Pagefind: KB transferred, ms from focus to the first results);
- the first search again on a bigger corpus (`--search-size`, default 10,000: one plugin
  build, then only the search).
It prints a table and (with --output) writes BENCHMARKS.md.

    python scripts/bench.py --sizes 100,1000,5000 --reps 3 --output BENCHMARKS.md
"""
from __future__ import annotations

import argparse
import contextlib
import datetime
import functools
import gzip
import http.server
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "plugins"))

import corpus  # noqa: E402

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
# A word of the corpus (scripts/corpus.py draws from the manual's vocabulary, where it
# is a mid-frequency word: it occurs in about a quarter of the elements).
SEARCH_QUERY = "samenwerking"

# name -> (description, limit, lower_is_better): issues 15 and 19.
TARGETS = {
    "overhead": ("Plugin build / plain build, worst of 1,000 and 5,000", 1.5, True),
    "scaling": ("Plugin build at 5,000 / at 1,000 (5x the elements)", 5.5, True),
    "rate": ("Elements per second at 5,000", 250, False),
    "rss": ("Peak memory at 5,000, build process, MB", 300, True),
    "rss_pagefind": ("Peak memory at 5,000, Pagefind process, MB", 300, True),
    "search_kb": ("First search at the search size (10,000), KB transferred", 300, True),
    "search_ms": ("First search at the search size (10,000), ms to results", 300, True),
    "serve": ("Edit -> rebuilt page under serve at 1,000, s", 1.0, True),
    "check": ("Validation of 5,000 (in-process load_manual), s", 1.5, True),
    "page_kb": ("Largest HTML page at 5,000, KB", 100, True),
    "filter": ("Filter interaction at 5,000, ms", 50, True),
}

# The plugin build as `mkdocs build --strict`, in a process that also reports how long
# on_post_build waited for Pagefind (plugins/werkwijze/adapter/search.py SiteSearch.write), and
# the peak memory of this process and of the largest Pagefind process apart. A Pagefind
# process's own peak (VmHWM) is read just before it is closed: the children's ru_maxrss
# would count the build's own size for a process started late in the build (the image it
# was forked from), as a second bundle's is.
BUILD_PROBE = """
import json, resource, sys, time
from pathlib import Path
import werkwijze.adapter.search as search
from pagefind.service import PagefindService
pagefind_peaks = []
close = PagefindService.close
async def measured_close(self):
    try:
        with open(f"/proc/{self._backend.pid}/status") as status:
            line = next(l for l in status if l.startswith("VmHWM"))
        pagefind_peaks.append(int(line.split()[1]) / 1024)
    except (AttributeError, OSError, StopIteration, ValueError):
        pass
    return await close(self)
PagefindService.close = measured_close
waits = []
write = search.SiteSearch.write
def timed(self, *args, **kwargs):
    start = time.perf_counter()
    try:
        return write(self, *args, **kwargs)
    finally:
        waits.append(time.perf_counter() - start)
search.SiteSearch.write = timed
from mkdocs.__main__ import cli
try:
    cli(["build", "--strict", "--site-dir", "site"], standalone_mode=False)
finally:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    # The records in the bundles as published (the build keeps none of its own).
    bundle = Path("site/pagefind")
    listed = bundle / "bundles.json"
    records = 0
    for folder in [bundle, *(bundle / b for b in (json.loads(listed.read_text("utf-8")) if listed.is_file() else []))]:
        entry = folder / "pagefind-entry.json"
        languages = json.loads(entry.read_text("utf-8")).get("languages", {}) if entry.is_file() else {}
        records += sum(lang.get("page_count", 0) for lang in languages.values())
    with open(sys.argv[1], "w") as out:
        json.dump({"pagefind_wait_s": sum(waits), "records": records,
                   "rss_self_mb": own.ru_maxrss / 1024,
                   "rss_children_mb": max(pagefind_peaks) if pagefind_peaks else kids.ru_maxrss / 1024,
                   "children_cpu_s": kids.ru_utime + kids.ru_stime}, out)
"""


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system: less sensitive than wall time to a busy machine
    max_rss_mb: float
    returncode: int
    output: str


@dataclass
class Result:
    size: int
    figures: dict[str, object] = field(default_factory=dict)


def run(cmd: list[str], cwd: Path, timeout: float = 1800) -> Run:
    """Run a command; wall time and the child's own peak RSS (os.wait4)."""
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                   proc.returncode, out.read())


def median(values):
    return statistics.median(values) if values else None


def site_stats(site: Path) -> dict:
    pages = [(p.stat().st_size, p) for p in site.rglob("*.html")]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    size, largest = max(pages)
    return {"site_mb": total / 1e6, "largest_kb": size / 1024,
            "largest_page": str(largest.relative_to(site).parent) + "/", "pages": len(pages)}


# -- builds -------------------------------------------------------------------------
def _zensical_manual(plugin_root: Path, zensical: str) -> tuple[Run, Run]:
    """The whole manual on Zensical: `werkwijze export` (without the search index, which
    the export makes with a MkDocs build) into a fresh folder, then `zensical build`."""
    folder = plugin_root.parent / "zensical-manual"
    shutil.rmtree(folder, ignore_errors=True)
    export = run([str(BIN / "werkwijze"), "export", "--zonder-zoekindex", "--root", str(plugin_root),
                  str(folder)], plugin_root)
    if export.returncode != 0:
        raise SystemExit(f"werkwijze export failed in {plugin_root}:\n{export.output[-3000:]}")
    build = run([zensical, "build", "--clean"], folder)
    if build.returncode != 0:
        raise SystemExit(f"zensical build failed in {folder}:\n{build.output[-3000:]}")
    return export, build


def bench_builds(result: Result, plugin_root: Path, plain_root: Path, reps: int,
                 zensical: str | None) -> None:
    mkdocs = str(BIN / "mkdocs")
    plugin_runs, plain_runs, probes, zensical_runs, manual_runs = [], [], [], [], []
    probe_file = plugin_root / ".bench-probe.json"
    for _ in range(reps):
        r = run([sys.executable, "-c", BUILD_PROBE, str(probe_file)], plugin_root)
        if r.returncode != 0:
            raise SystemExit(f"build failed in {plugin_root}:\n{r.output[-3000:]}")
        plugin_runs.append(r)
        probes.append(json.loads(probe_file.read_text("utf-8")))
        r = run([mkdocs, "build", "--strict", "--site-dir", "site"], plain_root)
        if r.returncode != 0:
            raise SystemExit(f"build failed in {plain_root}:\n{r.output[-3000:]}")
        plain_runs.append(r)
        if zensical:
            # The same project into its own folder; --clean: no cache from the run before.
            config = plain_root / "mkdocs-zensical.yml"
            config.write_text((plain_root / "mkdocs.yml").read_text("utf-8") + "\nsite_dir: site-zensical\n",
                              "utf-8")
            r = run([zensical, "build", "--clean", "-f", str(config)], plain_root)
            if r.returncode != 0:
                raise SystemExit(f"zensical build failed in {plain_root}:\n{r.output[-3000:]}")
            zensical_runs.append(r)
            manual_runs.append(_zensical_manual(plugin_root, zensical))
    plugin = median([r.seconds for r in plugin_runs])
    plain = median([r.seconds for r in plain_runs])
    plugin_cpu = median([r.cpu_seconds for r in plugin_runs])
    plain_cpu = median([r.cpu_seconds for r in plain_runs])
    wait = median([p["pagefind_wait_s"] for p in probes])
    result.figures.update(
        build_plugin_s=plugin, build_plain_s=plain, overhead=plugin / plain,
        build_plugin_cpu_s=plugin_cpu, build_plain_cpu_s=plain_cpu, overhead_cpu=plugin_cpu / plain_cpu,
        rate=result.size / plugin,
        pagefind_wait_s=wait, build_without_pagefind_s=plugin - wait,
        overhead_without_pagefind=(plugin - wait) / plain,
        pagefind_cpu_s=median([p["children_cpu_s"] for p in probes]),
        search_records=probes[-1]["records"],
        rss_plugin_mb=max(p["rss_self_mb"] for p in probes),
        rss_pagefind_mb=max(p["rss_children_mb"] for p in probes),
        rss_plain_mb=max(r.max_rss_mb for r in plain_runs))
    if zensical_runs:
        zen = median([r.seconds for r in zensical_runs])
        result.figures.update(build_zensical_s=zen, plugin_vs_zensical=plugin / zen,
                              build_zensical_cpu_s=median([r.cpu_seconds for r in zensical_runs]),
                              rss_zensical_mb=max(r.max_rss_mb for r in zensical_runs))
        export = median([e.seconds for e, _ in manual_runs])
        manual = median([b.seconds for _, b in manual_runs])
        result.figures.update(export_s=export, zensical_manual_s=manual,
                              zensical_manual_vs_plain=manual / zen,
                              zensical_manual_total_vs_plain=(export + manual) / zen,
                              rss_zensical_manual_mb=max(b.max_rss_mb for _, b in manual_runs))
    elif zensical is None:
        result.figures["build_zensical_s"] = "not installed"
    if zensical_runs and (plain_root / "site-zensical").is_dir():
        result.figures["zensical_site_mb"] = site_stats(plain_root / "site-zensical")["site_mb"]
    stats = site_stats(plugin_root / "site")
    result.figures.update(stats)
    plain_stats = site_stats(plain_root / "site")
    result.figures["plain_site_mb"] = plain_stats["site_mb"]


# -- validation -----------------------------------------------------------------------
def bench_check(result: Result, plugin_root: Path, reps: int) -> None:
    from werkwijze.core.model.manual import Layout
    from werkwijze.core.validate.load import load_manual
    sub, inproc, inproc_cpu = [], [], []
    for _ in range(reps):
        r = run([str(BIN / "werkwijze"), "check", "--root", str(plugin_root)], plugin_root)
        if r.returncode != 0:
            raise SystemExit(f"werkwijze check failed:\n{r.output[-3000:]}")
        sub.append(r.seconds)
        start, cpu = time.perf_counter(), time.process_time()
        manual = load_manual(Layout(plugin_root))
        inproc.append(time.perf_counter() - start)
        inproc_cpu.append(time.process_time() - cpu)
        assert not manual.problems, manual.problems[:3]
    result.figures.update(check_cli_s=median(sub), check_s=median(inproc),
                          check_cpu_s=median(inproc_cpu))


# -- serve ------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(url: str, needle: str, timeout: float, interval: float = 0.02) -> float | None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        page = fetch(url)
        if page is not None and needle in page:
            return time.perf_counter()
        time.sleep(interval)
    return None


def bench_serve(result: Result, plugin_root: Path, spec, reps: int) -> None:
    port = free_port()
    log = tempfile.TemporaryFile("w+")
    proc = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                            cwd=plugin_root, env=ENV, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}/elementen/{spec.id}/"
    source = corpus.element_path(plugin_root, spec)
    original = source.read_text("utf-8")
    times = []
    try:
        if wait_for(url, spec.values["titel"], timeout=900, interval=0.2) is None:
            log.seek(0)
            raise SystemExit(f"mkdocs serve did not come up:\n{log.read()[-3000:]}")
        time.sleep(1.5)  # let the watcher settle after the first build
        for rep in range(reps):
            token = f"Bewerkt{rep}x{time.time_ns()}"
            source.write_text(original + f"\n{token}\n", "utf-8")
            start = time.perf_counter()
            done = wait_for(url, token, timeout=600)
            times.append((done - start) if done else float("inf"))
            time.sleep(1.0)
    finally:
        source.write_text(original, "utf-8")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, 15)
        proc.wait(timeout=30)
        log.close()
    result.figures["serve_s"] = median(times)


# -- browser ------------------------------------------------------------------------------
class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def static_server(site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _transfer(site: Path, urls: list[str], base: str) -> tuple[float, float]:
    """Raw and gzipped KB of the responses (the static server does not compress)."""
    raw = zipped = 0
    for url in urls:
        rel = url[len(base):].split("?")[0].split("#")[0]
        path = site / rel
        if path.is_dir() or rel.endswith("/") or not rel:
            path = path / "index.html"
        if path.is_file():
            data = path.read_bytes()
            raw += len(data)
            zipped += len(gzip.compress(data, 6))
    return raw / 1024, zipped / 1024


FILTER_PROBE = """async () => {
  const root = document.querySelector('[data-ww-filter], .ww-filter, #ww-filter, .ww-filters');
  if (!root) return null;
  const inputs = [...root.querySelectorAll('input[type=checkbox], input[type=radio], select')];
  if (!inputs.length) return null;
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const times = [];
  for (const input of inputs.slice(0, 6)) {
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      if (input.tagName === 'SELECT') {
        input.selectedIndex = (input.selectedIndex + 1) % input.options.length;
        input.dispatchEvent(new Event('change', {bubbles: true}));
      } else {
        input.click();
      }
      document.body.offsetHeight;  // force style and layout of the result
      await frame();
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}"""


def bench_search_size(result: Result, size: int, work: Path) -> None:
    """The first search on a bigger corpus: one plugin build (its time and memory are
    shown, not judged), then only the search in Chromium."""
    plugin_root, _, _ = corpus.write(size, work / f"search-{size}")
    probe_file = plugin_root / ".bench-probe.json"
    r = run([sys.executable, "-c", BUILD_PROBE, str(probe_file)], plugin_root)
    if r.returncode != 0:
        raise SystemExit(f"build failed in {plugin_root}:\n{r.output[-3000:]}")
    probe = json.loads(probe_file.read_text("utf-8"))
    result.figures.update(build_plugin_s=r.seconds, rate=size / r.seconds,
                          rss_plugin_mb=probe["rss_self_mb"], rss_pagefind_mb=probe["rss_children_mb"],
                          search_records=probe["records"])
    from playwright.sync_api import sync_playwright
    with static_server(plugin_root / "site") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            _site_search(browser, base, plugin_root / "site", result)
        finally:
            browser.close()


def bench_browser(result: Result, site: Path) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        result.figures["browser"] = "playwright not installed"
        return
    with static_server(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # Overview: everything the page loads, and one filter interaction.
            page = browser.new_page()
            seen: list[str] = []
            page.on("requestfinished", lambda req: seen.append(req.url))
            page.goto(base + "elementen/", wait_until="networkidle")
            raw, zipped = _transfer(site, seen, base)
            result.figures.update(overview_raw_kb=raw, overview_kb=zipped)
            has_filter = any("filter" in u and u.endswith(".js") for u in seen)
            filter_ms = page.evaluate(FILTER_PROBE) if has_filter else None
            result.figures["filter"] = filter_ms if filter_ms is not None else "not yet available"
            page.close()
            _site_search(browser, base, site, result)
        finally:
            browser.close()


def _stored_kb(site: Path, urls: list[str], base: str) -> float:
    """KB over the wire: Pagefind's index files are stored gzipped (counted as stored);
    its scripts are plain text that a server compresses (counted gzipped)."""
    total = 0
    for url in urls:
        path = site / url[len(base):].split("?")[0]
        if path.is_file():
            data = path.read_bytes()
            total += len(gzip.compress(data, 6)) if path.suffix in (".js", ".json") else len(data)
    return total / 1024


# Results are shown for the whole word: items, and the status line naming the word
# ("... resultaten voor ‘samenwerking’"), not a partial word shown while typing.
_WHOLE_WORD_SHOWN = """q => {
  const status = document.querySelector('[role=status], .ww-zoek__status');
  return document.querySelector('.ww-zoek__item') !== null && status !== null
    && status.textContent.includes('\u2018' + q + '\u2019');
}"""


def _site_search(browser, base: str, site: Path, result: Result) -> None:
    """The first search as a reader does it, each in a fresh browser context (cold cache):
    - typed: focus the box in the header (assets/search.js starts loading Pagefind),
      type the word; ms from the last keystroke to the first results *for the whole
      word* (results of a partial word shown while typing do not count); KB is
      everything Pagefind loaded for it;
    - pasted: the word is pasted right after the focus, so nothing is loaded yet; ms
      from the paste to the first results (the worst case; the verdict uses it)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base, wait_until="networkidle")
    seen: list[str] = []
    page.on("requestfinished", lambda req: seen.append(req.url))
    page.locator("#ww-zoek-invoer").focus()
    page.keyboard.type(SEARCH_QUERY[:-1], delay=30)
    page.keyboard.type(SEARCH_QUERY[-1])
    start = time.perf_counter()
    page.wait_for_function(_WHOLE_WORD_SHOWN, arg=SEARCH_QUERY, timeout=60_000, polling="raf")
    typed_ms = (time.perf_counter() - start) * 1000
    page.wait_for_load_state("networkidle")
    urls = [u for u in seen if "/pagefind/" in u]
    hits = page.locator(".ww-zoek__item").count()
    context.close()
    context = browser.new_context()
    page = context.new_page()
    page.goto(base, wait_until="networkidle")
    page.locator("#ww-zoek-invoer").focus()
    start = time.perf_counter()
    page.locator("#ww-zoek-invoer").fill(SEARCH_QUERY)
    page.wait_for_function(_WHOLE_WORD_SHOWN, arg=SEARCH_QUERY, timeout=60_000, polling="raf")
    pasted_ms = (time.perf_counter() - start) * 1000
    context.close()
    result.figures.update(search_ms=max(typed_ms, pasted_ms), search_typed_ms=typed_ms,
                          search_pasted_ms=pasted_ms, search_kb=_stored_kb(site, urls, base),
                          search_requests=len(urls), search_hits=hits,
                          search_index_mb=sum(f.stat().st_size for f in (site / "pagefind").rglob("*")
                                              if f.is_file()) / 1e6)


# -- report ---------------------------------------------------------------------------------
ROWS = [
    ("build_plugin_s", "Build with plugin (s, median)", "{:.2f}"),
    ("build_plain_s", "Build plain MkDocs + Material (s, median)", "{:.2f}"),
    ("overhead", "Overhead ratio plugin / plain", "{:.2f}×"),
    ("build_plugin_cpu_s", "Build with plugin, CPU time (s)", "{:.2f}"),
    ("build_plain_cpu_s", "Build plain, CPU time (s)", "{:.2f}"),
    ("overhead_cpu", "Overhead ratio on CPU time", "{:.2f}×"),
    ("pagefind_wait_s", "Plugin build: waiting for Pagefind after the last page (s)", "{:.2f}"),
    ("build_without_pagefind_s", "Plugin build without that wait (s)", "{:.2f}"),
    ("overhead_without_pagefind", "Overhead ratio without the Pagefind wait", "{:.2f}×"),
    ("pagefind_cpu_s", "Pagefind process, CPU time (s, on the other core)", "{:.2f}"),
    ("build_zensical_s", "Zensical, same plain bodies (s, median)", "{:.2f}"),
    ("build_zensical_cpu_s", "Zensical, CPU time (s)", "{:.2f}"),
    ("plugin_vs_zensical", "Plugin build / Zensical", "{:.2f}×"),
    ("export_s", "`werkwijze export` of the whole manual, no search index (s)", "{:.2f}"),
    ("zensical_manual_s", "Zensical, the exported whole manual (s)", "{:.2f}"),
    ("zensical_manual_vs_plain", "Zensical: whole manual / plain bodies", "{:.2f}×"),
    ("zensical_manual_total_vs_plain", "Zensical: export + whole manual / plain bodies", "{:.2f}×"),
    ("rss_zensical_manual_mb", "Peak memory, Zensical on the whole manual (MB)", "{:.0f}"),
    ("rate", "Elements per second (plugin build)", "{:.0f}"),
    ("check_s", "Validation in-process load_manual (s)", "{:.2f}"),
    ("check_cpu_s", "Validation in-process, CPU time (s)", "{:.2f}"),
    ("check_cli_s", "Validation `werkwijze check` subprocess (s)", "{:.2f}"),
    ("serve_s", "Edit → rebuilt page under `mkdocs serve --dirty` (s)", "{:.2f}"),
    ("rss_plugin_mb", "Peak memory, plugin build process (MB)", "{:.0f}"),
    ("rss_pagefind_mb", "Peak memory, its Pagefind process (MB)", "{:.0f}"),
    ("rss_plain_mb", "Peak memory, plain build (MB)", "{:.0f}"),
    ("rss_zensical_mb", "Peak memory, Zensical (MB)", "{:.0f}"),
    ("pages", "HTML pages (plugin site)", "{}"),
    ("largest_kb", "Largest HTML page (KB)", "{:.0f}"),
    ("largest_page", "Largest HTML page", "{}"),
    ("site_mb", "Site size, plugin (MB)", "{:.1f}"),
    ("plain_site_mb", "Site size, plain (MB)", "{:.1f}"),
    ("zensical_site_mb", "Site size, Zensical (MB)", "{:.1f}"),
    ("overview_raw_kb", "Overview transfer (KB, uncompressed)", "{:.0f}"),
    ("overview_kb", "Overview transfer (KB, gzipped)", "{:.0f}"),
    ("filter", "Filter interaction (ms, median)", "{:.1f}"),
    ("search_kb", "First search (Pagefind), KB transferred", "{:.0f}"),
    ("search_requests", "First search (Pagefind), requests", "{:.0f}"),
    ("search_typed_ms", "First search, typed: ms from the last keystroke to results", "{:.0f}"),
    ("search_pasted_ms", "First search, pasted right after focus: ms to results", "{:.0f}"),
    ("search_hits", "First search, results shown", "{:.0f}"),
    ("search_index_mb", "Pagefind index on disk (MB)", "{:.1f}"),
    ("search_records", "Pagefind records (elements and chapters)", "{:.0f}"),
]


def fmt(value, pattern: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    try:
        return pattern.format(value)
    except (ValueError, TypeError):
        return str(value)


def table(results: list[Result]) -> str:
    head = "| Measure | " + " | ".join(f"{r.size:,}".replace(",", " ") for r in results) + " |"
    lines = [head, "|---" + "|---:" * len(results) + "|"]
    for key, label, pattern in ROWS:
        if any(key in r.figures for r in results):
            lines.append(f"| {label} | " + " | ".join(fmt(r.figures.get(key), pattern) for r in results) + " |")
    return "\n".join(lines)


def verdicts(results: list[Result]) -> list[tuple[str, float | None, float, bool | None]]:
    by_size = {r.size: r.figures for r in results}
    at1, at5 = by_size.get(1000, {}), by_size.get(5000, {})
    # The search targets at the biggest size measured (10,000 with the default --search-size).
    biggest = by_size[max(by_size)] if by_size else {}
    scaling = (at5["build_plugin_s"] / at1["build_plugin_s"]
               if "build_plugin_s" in at1 and "build_plugin_s" in at5 else None)
    values = {
        "overhead": max((f["overhead"] for f in (at1, at5) if "overhead" in f), default=None),
        "scaling": scaling,
        "rate": at5.get("rate"), "check": at5.get("check_s"),
        "rss": at5.get("rss_plugin_mb"), "rss_pagefind": at5.get("rss_pagefind_mb"),
        "serve": at1.get("serve_s"), "filter": at5.get("filter"),
        "page_kb": at5.get("largest_kb"),
        "search_kb": biggest.get("search_kb"), "search_ms": biggest.get("search_ms"),
    }
    out = []
    for key, (label, limit, lower) in TARGETS.items():
        value = values[key]
        if not isinstance(value, (int, float)):
            out.append((label, value, limit, None))
            continue
        out.append((label, value, limit, value <= limit if lower else value >= limit))
    return out


def verdict_table(results: list[Result]) -> str:
    lines = ["| Target | Measured | Limit | Verdict |", "|---|---:|---:|---|"]
    for label, value, limit, ok in verdicts(results):
        shown = fmt(value, "{:.2f}") if value is not None else "not measured"
        verdict = "met" if ok else ("not met" if ok is False else "–")
        lines.append(f"| {label} | {shown} | {limit:g} | {verdict} |")
    return "\n".join(lines)


def machine() -> dict[str, str]:
    mem = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), "?")
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    versions = {}
    for name in ("mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown", "PyYAML", "playwright", "pagefind"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[name] = metadata.version(name)
    return {"cpus": str(os.cpu_count()), "cpu": cpu, "memory": f"{int(mem) / 1024 / 1024:.1f} GiB",
            "python": platform.python_version(), "os": platform.platform(),
            "versions": ", ".join(f"{k} {v}" for k, v in versions.items()),
            "load": " / ".join(f"{x:.1f}" for x in os.getloadavg()),
            "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")}


def report(results: list[Result], argv: list[str], notes: str, info: dict | None = None) -> str:
    info = info or machine()
    return f"""# Benchmarks

Measured by `scripts/bench.py` (`make bench`) in one run; all ratios below come from this run.
Synthetic corpora from `scripts/corpus.py` (real schema and taxonomies, fictional texts, written
outside the repository). Figures are medians over the repetitions.

- Date: {info['date']}
- Machine: {info['cpus']} CPUs ({info['cpu']}), {info['memory']} memory, {info['os']}
- Python {info['python']}; {info['versions']}
- Load average (1/5/15 min) when the report was written: {info['load']}
- Command: `python scripts/bench.py {' '.join(argv)}`

## Figures

{table(results)}

## Targets

{verdict_table(results)}

{notes}
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,5000", help="Corpus sizes, comma-separated.")
    parser.add_argument("--reps", type=int, default=3, help="Repetitions per measurement.")
    parser.add_argument("--skip", default="", help="Comma-separated: builds,check,serve,browser")
    parser.add_argument("--output", help="Write the report here (e.g. BENCHMARKS.md).")
    parser.add_argument("--notes", help="Markdown file appended to the report (analysis).")
    parser.add_argument("--workdir", help="Keep corpora here instead of a temp folder.")
    parser.add_argument("--json", help="Also save the figures as JSON here.")
    installed = BIN / "zensical"
    parser.add_argument("--zensical", default=str(installed) if installed.exists() else shutil.which("zensical"),
                        help="Zensical's command, to build the plain bodies and the exported manual "
                             "with it too (default: this venv's, else zensical on PATH; 'no': leave it out).")
    parser.add_argument("--search-size", type=int, default=10_000,
                        help="Also measure the first search on a corpus of this size (0: not).")
    parser.add_argument("--from-json", help="Do not measure: rewrite the report from saved figures.")
    args = parser.parse_args(argv)
    argv = argv if argv is not None else sys.argv[1:]
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="werkwijze-bench-"))
    results = []
    info = None
    if args.from_json:
        saved = json.loads(Path(args.from_json).read_text("utf-8"))
        results = [Result(r["size"], r["figures"]) for r in saved["results"]]
        argv = saved["argv"]
        info = saved.get("machine")
        sizes = []
    try:
        for size in sizes:
            result = Result(size)
            results.append(result)
            print(f"== {size} elements", file=sys.stderr, flush=True)
            plugin_root, plain_root, specs = corpus.write(size, work / str(size))
            zensical = "" if args.zensical == "no" else args.zensical  # None: not installed
            steps = [("builds", lambda: bench_builds(result, plugin_root, plain_root, args.reps, zensical)),
                     ("check", lambda: bench_check(result, plugin_root, args.reps)),
                     ("serve", lambda: bench_serve(result, plugin_root, specs[len(specs) // 2], args.reps)),
                     ("browser", lambda: bench_browser(result, plugin_root / "site"))]
            for name, step in steps:
                if name in skip or (name == "browser" and "builds" in skip):
                    continue
                start = time.perf_counter()
                step()
                print(f"   {name}: {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
            if args.json:  # after each size: a later failure keeps what was measured
                Path(args.json).write_text(json.dumps({"argv": argv, "machine": machine(), "results": [
                    {"size": r.size, "figures": r.figures} for r in results]}, indent=1), "utf-8")
        if sizes and args.search_size and args.search_size not in sizes and "browser" not in skip:
            result = Result(args.search_size)
            results.append(result)
            print(f"== {args.search_size} elements: first search", file=sys.stderr, flush=True)
            start = time.perf_counter()
            bench_search_size(result, args.search_size, work)
            print(f"   search: {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    if args.json and not args.from_json:
        info = machine()  # when the measuring ended: its date and load average
        Path(args.json).write_text(json.dumps({"argv": argv, "machine": info, "results": [
            {"size": r.size, "figures": r.figures} for r in results]}, indent=1), "utf-8")
    print(table(results))
    print()
    print(verdict_table(results))
    if args.output:
        notes = Path(args.notes).read_text("utf-8") if args.notes else ""
        Path(args.output).write_text(report(results, argv, notes, info), "utf-8")
        print(f"\nWrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
