"""The kernel built ahead of time is loaded only for the source it was built from, and never required."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import posseg_aot, posseg_hmm


def _one(x):
    return x


def _other(x):
    return x + 1


def test_the_module_is_named_by_the_kernels_source():
    assert posseg_aot.module_name(_one) != posseg_aot.module_name(_other)


def test_the_name_is_the_same_in_another_process():
    """A name from ``id()`` or ``hash()`` of a str (salted per process) would differ here."""
    here = posseg_aot.module_name(posseg_hmm.viterbi_steps)
    code = "from pipeline import posseg_aot, posseg_hmm; print(posseg_aot.module_name(posseg_hmm.viterbi_steps))"
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert there == here


def test_nothing_built_means_no_compiled_kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PIPELINE_CACHE_DIR", str(tmp_path))
    assert posseg_aot.load(posseg_hmm.viterbi_steps) is None


def test_with_the_cache_off_nothing_is_loaded_or_built(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PIPELINE_CACHE_DIR", "off")
    assert posseg_aot.load(posseg_hmm.viterbi_steps) is None
    with pytest.raises(RuntimeError, match="cache is off"):
        posseg_aot.build(posseg_hmm.viterbi_steps)


@pytest.mark.parametrize("package", ["numba", "numpy", "no-such-package-here"])
def test_the_versions_in_the_name_are_importlib_metadatas(package: str):
    import importlib.metadata

    try:
        expected = importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        expected = "missing"
    assert posseg_aot._version(package) == expected
