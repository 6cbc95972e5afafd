"""``python -m pipeline``: the same command line as ``pipeline``.

A ``run`` with nothing to do is answered before the command line loads (:mod:`pipeline.run.quick`).
"""

import sys


def main() -> None:
    from pipeline.run.quick import answer_unchanged

    code = answer_unchanged(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from pipeline.cli import main as full

    full()


if __name__ == "__main__":
    main()
