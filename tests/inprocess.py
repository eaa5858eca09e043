"""The `radar` command line run inside the test process.

A subprocess pays a second or more of imports (matplotlib) per call; tests that
run the command line many times call its `main()` here instead and get the
same exit status and output.  Tests that must prove the real process (exit
status, no traceback on stderr) keep using conftest.run_radar.
"""

from __future__ import annotations

import contextlib
import io
import subprocess

from generator.cli import main


def radar(*args: str) -> subprocess.CompletedProcess:
    """`radar ARGS` in this process: exit status and both streams, as a subprocess would give them.

    An exception escaping `main()` fails the calling test with its traceback,
    as a traceback on the real command line would fail a subprocess test.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return subprocess.CompletedProcess(["radar", *args], status, out.getvalue(), err.getvalue())
