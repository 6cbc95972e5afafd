"""Imported once by the fork server that local workers are forked from: loads the NLP stack there.

Importing this module is the warm-up (:func:`pipeline.run.worker.warm_up`, which
also freezes what it loaded out of the collector's sight, so that its pages stay
shared with the workers instead of being copied into each): a fork server only
imports the modules it is given, before it forks any worker.  A warm-up that
fails leaves the workers to load what they need themselves, document by
document, where a failure is reported against the document.
"""

from pipeline.run.worker import warm_up

try:
    warm_up()
except Exception:  # noqa: BLE001, S110 - a fork server must survive; each worker then loads on its own
    pass
