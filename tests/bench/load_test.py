#!/usr/bin/env python3
"""Load test (issue 8, docs/reliability.md): the 10-million-link synthetic graph of
docs/performance.md imported, queried and backed up through warmpath-cli, with the wall time and
peak RSS of every step. Not a unit test: it takes several minutes and a few GB of disk.

  tests/bench/load_test.py --build BUILD_DIR --dir WORK_DIR [--people N] [--links M]
                           [--pairs P] [--suggest U] [--warm-paths W] [--seed S] [--reuse]

BUILD_DIR holds app/warmpath-cli and tests/bench/warmpath_graph_bench (configure any preset with
-DWARMPATH_BUILD_BENCHMARKS=ON). The graph comes from warmpath_graph_bench --edge-list (the same
generator and seed as the performance figures), is imported from that edge list with
`warmpath-cli import`, listed with `people`, asked P degree-of-separation questions in one
`path --pairs` run, U suggestion questions in one `suggest --users` run and W warm-path questions
(one process each), backed up and restored. With --reuse the database of an earlier run is kept
(no generate, no import).
"""

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time

# Figures of docs/performance.md the steps are held against (peak RSS, MiB).
LIMITS = {
    "import": 256,  # `warmpath-cli import`: 186-256 MiB measured, levels off with the page cache
}


# A forked child's peak RSS (ru_maxrss) includes what it inherited at the fork, that is this
# script's own size (130 MiB once it holds a million REFs), and survives the exec. GNU time is a
# small process that forks the command itself, so its figure is the command's own.
GNU_TIME = shutil.which("time")


def run_measured(step, argv, results, stdin=None, env=None):
    """Runs argv and records its wall time, CPU time and peak RSS; exits on failure."""
    start = time.monotonic()
    measured = None
    if GNU_TIME:
        measured = tempfile.NamedTemporaryFile(prefix="load-test-time-", delete=False)
        measured.close()
        argv = [GNU_TIME, "-f", "%M %U %S", "-o", measured.name] + argv
    read_end, write_end = os.pipe()
    err_read, err_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.dup2(os.open(stdin, os.O_RDONLY) if stdin else os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(write_end, 1)
        os.dup2(err_write, 2)
        os.close(read_end)
        os.close(err_read)
        if env:
            os.execve(argv[0], argv, env)
        os.execv(argv[0], argv)
    os.close(write_end)
    os.close(err_write)
    chunks = []
    with os.fdopen(read_end, "rb") as out:
        while True:
            data = out.read(1 << 16)
            if not data:
                break
            chunks.append(data)
    with os.fdopen(err_read, "rb") as errors:
        err = errors.read()
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit("%s failed (%d): %s" % (step, code, err.decode(errors="replace")[-2000:]))
    peak_kib, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    if measured:
        with open(measured.name) as figures:
            kib, user, system = figures.read().split()[-3:]
        os.remove(measured.name)
        peak_kib, cpu = int(kib), float(user) + float(system)
    results.append((step, elapsed, peak_kib / 1024, cpu))
    if step != "path":
        # CPU time as well: on a shared machine the wall time says more about the neighbours.
        print("%s: %.1f s (%.1f s CPU), peak RSS %.0f MiB" % (step, elapsed, cpu, peak_kib / 1024), flush=True)
    return b"".join(chunks)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--links", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=20261126)
    parser.add_argument("--pairs", type=int, default=10_000)
    parser.add_argument("--suggest", type=int, default=10_000)
    parser.add_argument("--warm-paths", type=int, default=20)
    parser.add_argument("--reuse", action="store_true", help="keep DIR/load.db from an earlier run: no generate, no import")
    args = parser.parse_args()

    cli = os.path.join(args.build, "app", "warmpath-cli")
    bench = os.path.join(args.build, "tests", "bench", "warmpath_graph_bench")
    os.makedirs(args.dir, exist_ok=True)
    edges = os.path.join(args.dir, "load-edges.txt")
    db = os.path.join(args.dir, "load.db")
    backup = os.path.join(args.dir, "load.wpbackup")
    results = []
    if not (args.reuse and os.path.exists(db)):
        for stale in (db, db + "-wal", db + "-shm", backup):
            if os.path.exists(stale):
                os.remove(stale)
        run_measured("generate edge list", [bench, "--edge-list", edges, "--people", str(args.people),
                                            "--links", str(args.links), "--seed", str(args.seed)], results)
        size_mb = os.path.getsize(edges) / 1e6
        run_measured("import (%d links, %.0f MB)" % (args.links, size_mb),
                     [cli, "--db", db, "import", edges, "--format", "edgelist", "--namespace", "synth"], results)
    # The people actually created (a generated number can have no link at all).
    people = [ref for ref in (line.split("\t")[0] for line in run_measured(
        "people (list everyone)", [cli, "--db", db, "people"], results).decode().splitlines())
        if ref.startswith("synth:")]
    rng = random.Random(args.seed)
    pairs_file = os.path.join(args.dir, "load-pairs.txt")
    with open(pairs_file, "w") as out:
        for _ in range(args.pairs):
            out.write("%s %s\n" % (rng.choice(people), rng.choice(people)))
    out = run_measured("path --pairs (%d pairs)" % args.pairs, [cli, "--db", db, "path", "--pairs", pairs_file], results)
    degrees = [line.rsplit(" ", 1)[1] for line in out.decode().splitlines()]
    assert len(degrees) == args.pairs, "path --pairs answered %d of %d pairs" % (len(degrees), args.pairs)

    users_file = os.path.join(args.dir, "load-users.txt")
    with open(users_file, "w") as out:
        for _ in range(args.suggest):
            out.write("%s\n" % rng.choice(people))
    out = run_measured("suggest --users (%d people, --json)" % args.suggest,
                       [cli, "--db", db, "suggest", "--users", users_file, "--json"], results)
    answers = out.decode().splitlines()
    assert len(answers) == args.suggest, "suggest --users answered %d of %d people" % (len(answers), args.suggest)
    answered = sum(1 for line in answers if json.loads(line)["suggestions"])
    print("suggest --users: %d of %d people got suggestions" % (answered, args.suggest), flush=True)
    start = time.monotonic()
    rss = 0.0
    cpu = 0.0
    for i in range(args.warm_paths):
        step = []
        run_measured("path", [cli, "--db", db, "path", "--from", rng.choice(people), rng.choice(people), "--json"],
                     step)
        rss = max(rss, step[0][2])
        cpu += step[0][3]
    results.append(("warm paths x%d (path --from A B, top 5)" % args.warm_paths, time.monotonic() - start, rss, cpu))

    env = dict(os.environ, WARMPATH_PASSPHRASE="load test")
    run_measured("backup (%.0f MB database)" % (os.path.getsize(db) / 1e6), [cli, "--db", db, "backup", backup],
                 results, env=env)
    run_measured("restore --into (verify)", [cli, "restore", backup, "--into", db + ".restored", "--force"],
                 results, env=env)

    print("| step | wall time | CPU time | peak RSS |")
    print("|---|---|---|---|")
    for step, elapsed, peak, cpu in results:
        limit = next((v for k, v in LIMITS.items() if step.startswith(k)), None)
        verdict = "" if limit is None else (" (≤ %d MiB ✅)" % limit if peak <= limit else " (> %d MiB ❌)" % limit)
        print("| %s | %.1f s | %.1f s | %.0f MiB%s |" % (step, elapsed, cpu, peak, verdict))
    os.remove(db + ".restored")


if __name__ == "__main__":
    main()
