"""``python -m pipeline``: the same command line as ``pipeline``.

A ``run`` with nothing to do is answered before the command line loads, and one that
will need local workers starts their fork server first (:mod:`pipeline.run.quick`).
"""

import sys


def main() -> None:
    from pipeline.run.quick import answer_unchanged, read_run_arguments

    arguments = read_run_arguments(sys.argv[1:])
    if arguments is not None:
        code = answer_unchanged(arguments)
        if code is not None:
            sys.exit(code)
        if arguments.jobs > 1 and arguments.engine == "local":
            from pipeline.run.engines import start_workers

            start_workers()
    from pipeline.cli import main as full

    full()


if __name__ == "__main__":
    main()
