"""Indexing throughput against the raw engine's parse throughput on the same texts, the
speed-up from 1 to N worker processes, and the memory of each worker.

The engine's parse is the physical limit of this design; the ratio says how much
quotetrack's own work (reading files, extraction, SQLite writes) adds on top.

    python benchmarks/index_throughput.py [--articles 200] [--engine spacy] [--workers 1,2]
                                          [--methods fork,spawn] [--no-gc-freeze]
                                          [--full-parse] [--sample-every 2]

The raw parse and the index run parse the same way: selectively by default, every
sentence with ``--full-parse`` (``selective_parse.py`` compares the two).

This process is the indexer, with the engine loaded (for the raw parse), as the command
has it once it forks its workers: the 1-worker run parses here, the N-worker runs start
their workers by each method of ``--methods`` (``fork``: sharing the engine loaded here;
``spawn``: each worker loads its own, its load counted in the run's time).

Memory: a sampler process reads ``/proc/<pid>/smaps_rollup`` of the indexer and of every
worker every ``--sample-every`` seconds and keeps each one's peak resident set (RSS), proportional set
(PSS: each shared page divided among the processes that share it) and unique set (USS:
Private_Clean + Private_Dirty, what the process alone holds: the memory one more worker
adds). PSS summed over the processes is the memory the run holds: what it grows by from
the one-process run to N workers, over N, is what each worker adds, compared with the
PSS of the one process that holds the model.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import articles  # noqa: E402

import quotetrack.parallel  # noqa: E402
from quotetrack.extract.triggers import selection  # noqa: E402
from quotetrack.indexing import index_paths  # noqa: E402
from quotetrack.nlp import get_engine  # noqa: E402
from quotetrack.parallel import EngineSpec, PoolRunner  # noqa: E402
from quotetrack.archive.store import counts, open_db  # noqa: E402

FIELDS = {"Rss": "rss", "Pss": "pss", "Private_Clean": "uss", "Private_Dirty": "uss"}


def memory(pid: int) -> dict[str, int]:
    """RSS, PSS and USS of ``pid`` in KiB (empty when it is gone)."""
    found = {"rss": 0, "pss": 0, "uss": 0}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                name, _, rest = line.partition(":")
                if name in FIELDS:
                    found[FIELDS[name]] += int(rest.split()[0])
    except (OSError, ValueError):
        return {}
    return found


def children(pid: int) -> list[int]:
    """The worker processes of ``pid`` (not multiprocessing's resource tracker)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) != pid:
                        continue
                with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                    if b"resource_tracker" not in cmdline.read():
                        found.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return sorted(found)


def sample(parent: int, out: str, every: float) -> None:
    """The sampler process: peaks per process until SIGTERM, then written to ``out``.
    Reading a 500 MiB process's smaps_rollup costs the kernel milliseconds: sampled twice
    a second, three processes took about 4 % of a 2-core machine from the run it measures."""
    peaks: dict[int, dict[str, int]] = {}
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    while not stop:
        for pid in [parent] + [p for p in children(parent) if p != os.getpid()]:
            for key, value in memory(pid).items():
                peak = peaks.setdefault(pid, {"rss": 0, "pss": 0, "uss": 0})
                peak[key] = max(peak[key], value)
        time.sleep(every)
    Path(out).write_text(json.dumps({str(k): v for k, v in peaks.items()}))


class Sampler:
    def __init__(self, tmp, every: float):
        self.out = Path(tmp, f"memory-{time.monotonic_ns()}.json")
        self.process = subprocess.Popen([sys.executable, __file__, "--sample", str(os.getpid()), str(self.out), str(every)])

    def stop(self) -> dict[int, dict[str, int]]:
        self.process.terminate()
        self.process.wait()
        peaks = {int(k): v for k, v in json.loads(self.out.read_text()).items()}
        peaks.pop(self.process.pid, None)
        return peaks


def _cpu(usage) -> float:
    return usage.ru_utime + usage.ru_stime


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--engine", default="spacy")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts to time")
    ap.add_argument("--methods", default="fork,spawn", help="start methods to time for more than one worker")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--no-gc-freeze", action="store_true", help="fork without gc.freeze() first (to measure what it saves)")
    ap.add_argument("--sample", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--sample-every", type=float, default=2.0, help="seconds between memory samples (default 2)")
    ap.add_argument("--full-parse", action="store_true", help="parse every sentence (default: selective parsing)")
    args = ap.parse_args()
    if args.sample:
        return sample(int(args.sample[0]), args.sample[1], float(args.sample[2]))
    if args.no_gc_freeze:
        quotetrack.parallel.gc = types.SimpleNamespace(freeze=lambda: None, unfreeze=lambda: None)
    texts = articles(args.articles)
    engine = get_engine(args.engine)
    engine.parse("Échauffement du modèle.")
    chars = sum(map(len, texts))
    print(f"engine: {engine.version}; {len(texts)} articles, {chars} characters; batches of {args.batch}", flush=True)

    select = selection(args.full_parse)
    for _ in engine.parse_many(texts[:20], select=select):  # warm the caches as the indexer will find them
        pass
    t0 = time.perf_counter()
    for _ in engine.parse_many(texts, select=select):
        pass
    parse_s = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "corpus")
        folder.mkdir()
        for n, text in enumerate(texts):
            (folder / f"{n:05}.txt").write_text(text, encoding="utf-8")
        print(f"raw parse : {len(texts) / parse_s:8.2f} articles/s ({parse_s:.1f} s)", flush=True)
        timings = {}
        machine = {}  # (workers, method) -> the peaks' PSS summed over the processes: the memory the run holds
        runs = [(int(w), m) for w in args.workers.split(",") for m in (["here"] if int(w) == 1 else args.methods.split(","))]
        for workers, method in runs:
            db = open_db(Path(tmp, f"bench-{workers}-{method}.db"))
            runner = (lambda w=workers, m=method: PoolRunner(w, EngineSpec(args.engine, None, args.full_parse), method=m)) if workers > 1 else None
            sampler = Sampler(tmp, args.sample_every)
            cpu = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
            t0 = time.perf_counter()
            outcomes = list(index_paths(db, [str(folder)], EngineSpec(args.engine, None, args.full_parse), runner=runner, batch=args.batch))
            index_s = timings[workers, method] = time.perf_counter() - t0
            peaks = sampler.stop()
            used = [_cpu(resource.getrusage(who)) - _cpu(before) for who, before in zip((resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN), cpu)]
            stored = counts(db)
            failed = sum(o.status == "failed" for o in outcomes)
            label = f"{workers} worker(s)" + (f", {method}" if workers > 1 else "")
            print(f"index, {label}: {len(texts) / index_s:8.2f} articles/s ({index_s:.1f} s), {stored['quotes']} quotes, {failed} failed", flush=True)
            print(f"  CPU: indexer {used[0]:.1f} s, workers {used[1]:.1f} s (with the sampler's), over {index_s:.1f} s x {os.cpu_count()} cores")
            if workers == 1:
                print(f"  overhead: index time / raw parse time = {index_s / parse_s:.3f} (quotetrack's own work adds {100 * (index_s / parse_s - 1):.1f}%)")
            machine[workers, method] = sum(peak.get("pss", 0) for peak in peaks.values())
            own = peaks.pop(os.getpid(), {})
            print(f"  peak memory, MiB: indexer RSS {mib(own.get('rss', 0))} PSS {mib(own.get('pss', 0))} USS {mib(own.get('uss', 0))}")
            for k, (pid, peak) in enumerate(sorted(peaks.items()), 1):
                print(f"  worker {k}: RSS {mib(peak['rss'])} PSS {mib(peak['pss'])} USS {mib(peak['uss'])}")
            if len(peaks) >= 2:
                first, second = (peak for _, peak in sorted(peaks.items())[:2])
                print(f"  second worker / first: PSS {second['pss'] / first['pss']:.2f}, USS {second['uss'] / first['uss']:.2f};"
                      f" second worker's USS / first worker's RSS = {second['uss'] / first['rss']:.2f}")  # fmt: skip
        for (workers, method), seconds in timings.items():
            if workers > 1 and (1, "here") in timings:
                print(f"scaling 1 -> {workers} workers ({method}): {timings[1, 'here'] / seconds:.2f}x")
                alone, now = machine[1, "here"], machine[workers, method]
                added = (now - alone) / workers
                print(f"  PSS of all processes: {mib(alone)} MiB with one process, {mib(now)} MiB with {workers} workers ({method}):"
                      f" each worker adds {mib(added)} MiB, {added / alone:.2f} of the one process's PSS")  # fmt: skip


if __name__ == "__main__":
    main()
