"""Imported once by the fork server that local workers are forked from: loads the NLP stack there.

Importing this module is the warm-up (:func:`pipeline.run.worker.warm_up`, which
also freezes what it loaded out of the collector's sight, so that its pages stay
shared with the workers instead of being copied into each): a fork server only
imports the modules it is given, before it forks any worker.  A warm-up that
fails leaves the workers to load what they need themselves, document by
document, where a failure is reported against the document.

When the run ends, the fork server exits at once (:func:`os._exit`) instead of
tearing down what it loaded object by object: 20 ms after the run's own process
has exited, during which it still holds the run's stderr open, so that a job
reading the run's output waited for it too.  It has nothing to flush or close
(its workers are gone by then, and they exit through ``os._exit`` themselves).
Only a fork server does so: a test or a tool that imports this module exits as usual.
"""

import atexit
import os
import sys

from pipeline.run.worker import warm_up


def imported_by_fork_server() -> bool:
    """Whether multiprocessing's fork server is importing this module (its ``main`` preloads it)."""
    fork_server = sys.modules.get("multiprocessing.forkserver")
    if fork_server is None:
        return False
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code is fork_server.main.__code__:
            return True
        frame = frame.f_back
    return False


#: this process is a fork server, which exits without tearing down what it loaded
FAST_EXIT = imported_by_fork_server()

try:
    warm_up()
except Exception:  # noqa: BLE001, S110 - a fork server must survive; each worker then loads on its own
    pass
if FAST_EXIT:
    atexit.register(os._exit, 0)
