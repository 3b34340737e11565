"""Where parsing runs: in this process, in worker processes, or on a Dask cluster.

Parsing is the expensive step; writing to SQLite is not and must stay in one process (one
writer). So the indexer hands batches of texts to a runner and writes what comes back.
Each worker process runs ``parse_and_extract`` on batch after batch with the engine
``get_engine`` caches per process. All runners return futures with the
``concurrent.futures`` interface, so the indexer's loop is the same for the three.

Worker processes start in one of two ways (``start_method``):

- ``fork`` (Linux, spaCy): the indexer loads the engine once and forks the workers after,
  so they start at once and share the model's memory copy-on-write instead of holding a
  copy each;
- ``spawn`` (everywhere else, and for Stanza): each worker starts a fresh interpreter and
  loads its own engine. Stanza runs torch, whose thread pools are not safe to fork once
  started, and macOS and Windows have no safe ``fork``.
"""

from __future__ import annotations

import concurrent.futures as cf
import concurrent.futures.process  # noqa: F401  (cf.process.BrokenProcessPool)
import gc
import multiprocessing
import os
import sys
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


START_METHOD_VARIABLE = "QUOTETRACK_START_METHOD"


def start_method(engine_name: str) -> str:
    """How worker processes start for ``engine_name``: ``fork`` or ``spawn`` (module doc).

    ``$QUOTETRACK_START_METHOD`` (``fork`` or ``spawn``) overrides the choice, for a
    platform where forking proves unsafe; ``fork`` is never used where it does not exist.
    """
    chosen = os.environ.get(START_METHOD_VARIABLE, "").strip().lower()
    if chosen not in ("fork", "spawn"):
        chosen = "fork" if engine_name == "spacy" and sys.platform.startswith("linux") else "spawn"
    return chosen if chosen in multiprocessing.get_all_start_methods() else "spawn"


def _one_maths_thread():
    # Several workers share the cores: one thread each for the maths libraries (numpy's
    # BLAS under spaCy, torch under Stanza), or N workers would run N x cores threads.
    # The variables reach libraries not imported yet (a spawned worker imports them on
    # its first batch); numpy's BLAS, which spaCy's matrix products run on
    # (nlp/spacy_speed.py), is usually loaded already (sqlite-utils imports numpy), so
    # its pool is also limited where it stands, with threadpoolctl.
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = "1"
    if "numpy" in sys.modules:
        from threadpoolctl import threadpool_info, threadpool_limits

        # Only when needed: OpenBLAS restarts its (idle) thread in a forked worker that
        # sets a limit, even the limit the worker already inherited.
        if any(pool["num_threads"] != 1 for pool in threadpool_info()):
            threadpool_limits(1)
    torch = sys.modules.get("torch")  # imported already (Stanza); never imported for spaCy
    if torch is not None and hasattr(torch, "set_num_threads"):
        torch.set_num_threads(1)


def _init_worker():
    # A worker must not outlive an indexer killed mid-run (SIGKILL leaves it no time to
    # shut its pool down): on Linux, ask the kernel to end the worker with its parent.
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    _one_maths_thread()


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
    """Worker processes, forked after the engine is loaded here or spawned (module doc).

    ``engine`` is the spec the batches will be parsed with: with ``fork``, it is loaded
    here, before the first worker starts, so that every worker finds it loaded (without
    it, each forked worker loads its own on its first batch, as a spawned one does).

    A worker that dies breaks the whole executor (every task in flight fails with
    BrokenProcessPool): the next submit starts a fresh one, so the indexer can retry.
    """

    def __init__(self, workers: int, engine: EngineSpec | None = None, method: str | None = None):
        self.workers = workers
        if method is None:
            method = start_method(_engine_name(engine) if engine else "")
        self.start_method = method
        if method == "fork" and engine is not None:
            from .nlp import get_engine

            _one_maths_thread()  # here, before the fork: the workers inherit it
            get_engine(engine.name, engine.stanza_dir)
        self.pool = self._new_pool()

    def _new_pool(self):
        context = multiprocessing.get_context(self.start_method)
        self._forked = False
        return cf.ProcessPoolExecutor(self.workers, mp_context=context, initializer=_init_worker)

    def _submit(self, fn, args):
        if self.start_method == "fork" and not self._forked:
            # The workers are forked on the first submit. Objects alive now move to a
            # generation the collector never scans: the workers' collections would
            # otherwise write into every object's header and unshare the model's pages.
            gc.freeze()
            self._forked = True
        return self.pool.submit(fn, *args)

    def submit(self, fn, *args):
        try:
            return self._submit(fn, args)
        except cf.process.BrokenProcessPool:
            # Before a fork, wait for the broken pool's threads to end: a thread holding
            # a lock while this process forks would leave the new worker that lock, held.
            self.pool.shutdown(wait=self.start_method == "fork", cancel_futures=True)
            self.pool = self._new_pool()
            return self._submit(fn, args)

    def close(self):
        self.pool.shutdown(cancel_futures=True)
        if self.start_method == "fork":
            gc.unfreeze()


def _engine_name(spec: EngineSpec) -> str:
    from .nlp import resolve_engine_name

    return resolve_engine_name(spec.name, spec.stanza_dir)


class DaskRunner(LocalRunner):
    """A Dask distributed cluster: the client submits batches, workers parse them."""

    def __init__(self, address):
        try:
            import distributed
        except ImportError:
            raise QuotetrackError("--scheduler demande Dask : pip install 'quotetrack[dask]'") from None
        try:
            self.client = address if isinstance(address, distributed.Client) else distributed.Client(address, timeout="10s")
        except (OSError, TimeoutError) as error:
            raise QuotetrackError(f"impossible de joindre l'ordonnanceur Dask {address} : {error}") from None
        self._owns_client = not isinstance(address, distributed.Client)
        self.workers = max(1, sum(self.client.nthreads().values()))

    def submit(self, fn, *args):
        return self.client.submit(fn, *args, pure=False)

    def close(self):
        if self._owns_client:
            self.client.close()
