"""posseg's Viterbi kernel compiled ahead of time, so that a process loads it without numba.

numba compiles :func:`pipeline.posseg_hmm.viterbi_steps` to machine code and
caches it, but every fresh process still imports numba and sets up its
compiler to load that cache: about a quarter of a second, a third of what a
worker loads before its first document, and the part of a run with several
workers that no worker can share.  numba's ahead-of-time compiler
(``numba.pycc``) makes the same machine code a plain extension module, which
loads in a millisecond with numpy alone.

:func:`build` writes it into the derived-data folder (:mod:`pipeline.derived`:
its owner's alone), named by a hash of the kernel's source and of the numba,
numpy and Python versions, so a changed kernel is never loaded stale; ``make``'s
setup builds it (``python -m pipeline.posseg_aot``).  :func:`load` gives
None where it is not built (or the cache is off), and the kernel is then
numba's just-in-time one, else plain Python: the same paths either way, as a
test proves on every unknown run of the 1998 corpus.

Limits: ``numba.pycc`` is marked for deprecation by numba (still shipped with
the pinned 0.68.1) and needs a C compiler at build time, not at run time.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import inspect
import platform
import shutil
import sys
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path

from pipeline.derived import cache_folder

#: the kernel's types: character rows, then posseg's tables as :class:`pipeline.posseg_hmm._Model` holds them
SIGNATURE = "i8[::1](i8[::1], f8[::1], f8[:,::1], i8[::1], i8[::1], b1[:,::1], f8[:,::1])"
EXPORTED = "viterbi"


def module_name(kernel: Callable) -> str:
    """The compiled module's name: the kernel's source and what compiles it, hashed."""
    digest = hashlib.sha256(inspect.getsource(kernel).encode())
    for part in (_version("numba"), _version("numpy"), sys.version, platform.machine(), SIGNATURE):
        digest.update(b"\0" + part.encode())
    return f"posseg_viterbi_{digest.hexdigest()[:20]}"


def load(kernel: Callable) -> Callable | None:
    """The compiled kernel, or None where it is not built (or cannot be loaded)."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        name = module_name(kernel)
    except (OSError, TypeError):  # no source to hash (a frozen or zipped install): nothing built for it
        return None
    path = _module_path(folder, name)
    if not path.is_file():
        return None
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return getattr(module, EXPORTED)
    except (ImportError, OSError, AttributeError):
        return None


def build(kernel: Callable, folder: Path | None = None) -> Path:
    """Compile ``kernel`` into ``folder`` (the derived-data folder by default), unless it is there, and return
    the module's path; compiled in a temporary folder and renamed, so a process never loads half a module."""
    with warnings.catch_warnings():  # its pending deprecation, written down in the module's limits
        warnings.simplefilter("ignore")
        from numba.pycc import CC

    folder = folder or cache_folder()
    if folder is None:
        raise RuntimeError("the derived-data cache is off (PIPELINE_CACHE_DIR=off): nowhere to keep the kernel")
    folder.mkdir(parents=True, exist_ok=True)
    name = module_name(kernel)
    target = _module_path(folder, name)
    if target.is_file():
        return target
    with tempfile.TemporaryDirectory(dir=folder, prefix=".posseg-build-") as tmp:
        compiler = CC(name)
        compiler.output_dir = tmp
        compiler.verbose = False
        compiler.export(EXPORTED, SIGNATURE)(kernel)
        compiler.compile()
        built = next(Path(tmp).glob(f"{name}*"))
        shutil.move(str(built), target)
    return target


def _module_path(folder: Path, name: str) -> Path:
    """The compiled module's file in ``folder``: what :func:`build` writes and :func:`load` looks for."""
    return folder / f"{name}{importlib.machinery.EXTENSION_SUFFIXES[0]}"


def _version(package: str) -> str:
    """The installed version of ``package``, from the name of the ``NAME-VERSION.dist-info`` folder beside it
    (what importlib.metadata reads first; importing that costs every fresh process 17 ms), else from
    importlib.metadata itself (another layout), or "missing"."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return "missing"
    found = list(Path(spec.origin).parents[1].glob(f"{package}-*.dist-info"))
    if len(found) == 1:
        return found[0].name[len(package) + 1 : -len(".dist-info")]
    from importlib import metadata

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "missing"


def main() -> None:
    """``python -m pipeline.posseg_aot``: build the kernel for this installation."""
    from pipeline.posseg_hmm import viterbi_steps

    print(build(viterbi_steps))


if __name__ == "__main__":
    main()
