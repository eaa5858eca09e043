"""The `radar` command line run inside the test process.

A subprocess pays a second or more of imports (matplotlib) per call; tests that
are about what a command does (its exit status, its output, the files it
writes) call its `main()` here instead and get the same exit status and output.
Tests that must prove the real process (a traceback-free stderr from the
interpreter, a closed stdin, argv bytes, signals) keep using conftest.run_radar.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from pathlib import Path
from unittest import mock

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent


def radar(
    *args: str, cwd: Path | None = None, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """`radar ARGS` in this process: exit status and both streams, as conftest.run_radar would give them.

    Run from `cwd` (the repository, as run_radar, unless told), reading `stdin` (not a terminal), with
    `env` set on top of the environment for the call.  argparse's exit (a usage error, --help) is the
    exit status, as in a process; any other exception escaping `main()` fails the calling test with
    its traceback, as a traceback on the real command line would fail a subprocess test.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.ExitStack() as stack:
        stack.enter_context(mock.patch.dict(os.environ, env or {}))
        stack.enter_context(contextlib.chdir(cwd or ROOT))
        stack.enter_context(mock.patch("sys.stdin", io.StringIO(stdin)))
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        try:
            status = main(list(args))
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            if exc.code is not None and not isinstance(exc.code, int):
                print(exc.code, file=err)
    return subprocess.CompletedProcess(["radar", *args], status, out.getvalue(), err.getvalue())
