"""Where parsing runs: in this process, in worker processes, or on a Dask cluster.

Parsing is the expensive step; writing to SQLite is not and must stay in one process (one
writer). So the indexer hands batches of texts to a runner and writes what comes back.
Each worker process loads its engine once (``get_engine`` caches it) and runs
``parse_and_extract`` on batch after batch. All runners return futures with the
``concurrent.futures`` interface, so the indexer's loop is the same for the three.
"""

from __future__ import annotations

import concurrent.futures as cf
import concurrent.futures.process  # noqa: F401  (cf.process.BrokenProcessPool)
import multiprocessing
import os
from typing import NamedTuple

from .errors import QuotetrackError


def worker_died(error: BaseException) -> bool:
    """Whether a batch failed because its worker process ended (killed, out of memory)."""
    if isinstance(error, cf.process.BrokenProcessPool):
        return True
    return type(error).__name__ == "KilledWorker"  # Dask's, without importing distributed


class EngineSpec(NamedTuple):
    """What a worker needs to load the same engine as the caller."""

    name: str = "auto"
    stanza_dir: str | None = None
    full_parse: bool = False  # parse every sentence, not only those around quotes


def parse_and_extract(spec: EngineSpec, texts: list[str]):
    """Parse and extract a batch: (engine name, engine version, quotes per text)."""
    from .extract import extract_quotes
    from .extract.triggers import selection
    from .nlp import get_engine

    engine = get_engine(spec.name, spec.stanza_dir)
    quotes = [extract_quotes(doc) for doc in engine.parse_many(texts, select=selection(spec.full_parse))]
    return engine.name, engine.version, quotes


def _init_worker():
    # A worker must not outlive an indexer killed mid-run (SIGKILL leaves it no time to
    # shut its pool down): on Linux, ask the kernel to end the worker with its parent.
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    # Several workers share the cores: one thread each for the maths libraries (numpy's
    # BLAS under spaCy, torch under Stanza), or N workers would run N x cores threads.
    # Set before the parser is imported, which happens on the first batch.
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = "1"
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        pass


class LocalRunner:
    """Runs each batch at once, in this process."""

    workers = 1

    def submit(self, fn, *args):
        future = cf.Future()
        try:
            future.set_result(fn(*args))
        except Exception as error:  # delivered through the future, like the other runners
            future.set_exception(error)
        return future

    def close(self):
        pass


class PoolRunner(LocalRunner):
    """Worker processes (spawned, so no parser state is inherited half-initialised).

    A worker that dies breaks the whole executor (every task in flight fails with
    BrokenProcessPool): the next submit starts a fresh one, so the indexer can retry.
    """

    def __init__(self, workers: int):
        self.workers = workers
        self.pool = self._new_pool()

    def _new_pool(self):
        return cf.ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker)

    def submit(self, fn, *args):
        try:
            return self.pool.submit(fn, *args)
        except cf.process.BrokenProcessPool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new_pool()
            return self.pool.submit(fn, *args)

    def close(self):
        self.pool.shutdown(cancel_futures=True)


class DaskRunner(LocalRunner):
    """A Dask distributed cluster: the client submits batches, workers parse them."""

    def __init__(self, address):
        try:
            import distributed
        except ImportError:
            raise QuotetrackError("--scheduler needs Dask: pip install 'quotetrack[dask]'") from None
        try:
            self.client = address if isinstance(address, distributed.Client) else distributed.Client(address, timeout="10s")
        except (OSError, TimeoutError) as error:
            raise QuotetrackError(f"cannot reach Dask scheduler {address}: {error}") from None
        self._owns_client = not isinstance(address, distributed.Client)
        self.workers = max(1, sum(self.client.nthreads().values()))

    def submit(self, fn, *args):
        return self.client.submit(fn, *args, pure=False)

    def close(self):
        if self._owns_client:
            self.client.close()
