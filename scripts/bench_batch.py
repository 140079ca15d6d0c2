"""The batch benchmark: how long `nianbao check` takes on many report files, against `cat` of the
same files (the time just to read them) and Python's json module (the time just to parse them).

    python3 scripts/bench_batch.py [--count 10000] [--runs 7] [--write]

Builds `nianbao` and the report generator with the `release-native` profile, writes COUNT
synthetic reports (one in ten with an error) into a temporary folder, warms the file cache, then
runs each command RUNS times, alternating, and reports the median. `--write` puts the table into
the README between the batch-benchmark markers.
"""
import argparse
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release-native"


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, cwd=ROOT, **kw)


def timed(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()

    # Two builds: naming an example builds only that target of the packages named.
    run(["cargo", "build", "--quiet", "--locked", "--profile", "release-native", "-p", "report-cli"])
    run(["cargo", "build", "--quiet", "--locked", "--profile", "release-native", "-p", "nianbao-tests",
         "--example", "generate"])
    with tempfile.TemporaryDirectory(prefix="nianbao-bench-") as tmp:
        folder = pathlib.Path(tmp) / "reports"
        run([str(BIN / "examples" / "generate"), str(folder), str(args.count)])
        files = sorted(str(p) for p in folder.iterdir())
        page = pathlib.Path(tmp) / "核查结果.html"
        book = pathlib.Path(tmp) / "核查结果.xlsx"
        size = sum(os.path.getsize(f) for f in files)
        parse = ("import json,sys\nfor f in sys.argv[1:]:\n    with open(f, 'rb') as h: json.load(h)\n")
        commands = {
            "cat": ["cat", *files],
            "nianbao check": [str(BIN / "nianbao"), "check", str(folder)],
            "nianbao check --format json": [str(BIN / "nianbao"), "check", str(folder), "--format", "json"],
            "nianbao check --report 核查结果.html": [str(BIN / "nianbao"), "check", str(folder),
                                                    "--report", str(page)],
            "nianbao check --format xlsx -o 核查结果.xlsx": [str(BIN / "nianbao"), "check", str(folder),
                                                           "--format", "xlsx", "-o", str(book)],
            "python3 json.load": [sys.executable, "-c", parse, *files],
        }
        for cmd in commands.values():  # warm the file cache
            timed(cmd)
        times = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                times[name].append(timed(cmd))
        written = f"the page is {page.stat().st_size / 1e6:.1f} MB, the workbook {book.stat().st_size / 1e6:.1f} MB"
    medians = {name: statistics.median(t) for name, t in times.items()}
    base = medians["cat"]
    rows = [
        f"| `{name}` | {medians[name] * 1000:.0f} ms | {medians[name] / base:.2f}× |"
        for name in commands
    ]
    table = "\n".join([
        f"{args.count} report files ({size / 1e6:.1f} MB), {os.cpu_count()} cores, {platform.machine()}, "
        f"median of {args.runs} runs, output to /dev/null ({written}):",
        "",
        "| command | time | against `cat` |",
        "|---|---|---|",
        *rows,
    ])
    print(table)
    if args.write:
        readme = ROOT / "README.md"
        text = readme.read_text(encoding="utf-8")
        start, end = "<!-- batch-benchmark:start -->", "<!-- batch-benchmark:end -->"
        a, b = text.find(start), text.find(end)
        if a < 0 or b < 0:
            sys.exit("README has no batch-benchmark markers")
        readme.write_text(text[: a + len(start)] + "\n" + table + "\n" + text[b:], encoding="utf-8")


if __name__ == "__main__":
    main()
