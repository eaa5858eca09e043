"""`radar serve` against a hostile browser tab or a flood of connections on loopback.

DNS rebinding (a foreign Host), idle and half-open connections, a burst of 200 concurrent
requests, clients that hang up mid-answer, and an impossible --port.
"""

from __future__ import annotations

import http.client
import os
import socket
import struct
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import run_radar
from test_serve import Server

from generator.commands.serve import localhost


@pytest.fixture
def served(radar_dir) -> Iterator[tuple[Server, int]]:
    radar_dir.blip("graph-db", title="Graph databases", quadrant="data", ring="trial")
    radar_dir.blip("edge", title="Edge computing", quadrant="platforms", ring="assess")
    running = Server(radar_dir.root)
    yield running, int(running.url.rsplit(":", 1)[1].strip("/"))
    if running.proc.poll() is None:
        running.proc.kill()
        running.proc.wait()


def _get(port: int, path: str = "/", host: str | None = None, timeout: float = 20) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.putrequest("GET", path, skip_host=True)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def _threads(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/task"))


def test_a_foreign_host_header_is_refused(served):
    """Reproducer: any Host was answered, so a page on evil.example rebound to 127.0.0.1 could read the preview."""
    server, port = served
    assert _get(port, "/", f"127.0.0.1:{port}") == 200
    assert _get(port, "/", f"localhost:{port}") == 200
    assert _get(port, "/", f"LOCALHOST:{port}") == 200
    for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1:{port + 1}", "127.0.0.1", None, ""):
        for path in ("/", "/radar.json", "/__radar/events", "/blips/graph-db.html"):
            assert _get(port, path, host) == 403, (host, path)


def test_allowed_host_rules():
    assert localhost.allowed_host("127.0.0.1:8000", 8000) and localhost.allowed_host("localhost:8000", 8000)
    assert localhost.allowed_host("localhost", 80) and not localhost.allowed_host("localhost", 8000)
    for bad in ("evil.example:8000", "127.0.0.1.nip.io:8000", "localhost.:8000", "[::1]:8000", "127.0.0.1:80001"):
        assert not localhost.allowed_host(bad, 8000), bad


def test_idle_and_half_open_connections_are_closed_and_threads_stay_bounded(served):
    """Reproducer: 389 idle or half-open connections held 397 threads for ever (150 > MAX_THREADS suffice)."""
    server, port = served
    idle = []
    for i in range(150):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        if i % 2:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1")  # half a request, never finished
        idle.append(sock)
    try:
        time.sleep(1)
        assert _threads(server.proc.pid) <= localhost.MAX_THREADS + 12
        deadline = time.monotonic() + localhost.IDLE_TIMEOUT * 6 + 30
        closed = 0
        for sock in idle:  # every one is closed by the server (read returns end of stream), none is left waiting
            sock.settimeout(max(0.1, deadline - time.monotonic()))
            try:
                closed += sock.recv(1) == b""
            except ConnectionResetError:
                closed += 1
        assert closed == len(idle)
    finally:
        for sock in idle:
            sock.close()
    assert _get(port, "/", f"127.0.0.1:{port}", timeout=10) == 200
    assert _threads(server.proc.pid) <= localhost.MAX_THREADS + 12


def test_two_hundred_concurrent_requests_on_a_fresh_server_all_get_answers(served):
    """Reproducer: 37 of 200 concurrent requests timed out on a fresh server (a listen queue of 5)."""
    server, port = served
    paths = ["/", "/radar.svg", "/radar.json", "/blips/graph-db.html", "/blips/edge.html"]
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=200) as pool:
        statuses = list(pool.map(lambda i: _get(port, paths[i % len(paths)], f"127.0.0.1:{port}", 60), range(200)))
    assert statuses == [200] * 200
    assert localhost.LocalServer.request_queue_size >= 200  # the kernel queues a burst while threads are busy
    assert time.monotonic() - started < 120
    assert "Traceback" not in "".join(server.errors)


def test_clients_hanging_up_mid_answer_print_no_traceback(served):
    """Reproducer: a browser closing a tab mid-answer printed BrokenPipe tracebacks on the author's terminal."""
    server, port = served
    for _ in range(30):
        sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        sock.sendall(f"GET /radar.json HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset, not a clean close
        sock.close()
        events = socket.create_connection(("127.0.0.1", port), timeout=10)
        events.sendall(f"GET /__events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        events.close()
    assert _get(port, "/", f"127.0.0.1:{port}") == 200
    time.sleep(0.5)
    errors = "".join(server.errors)
    assert "Traceback" not in errors and "BrokenPipe" not in errors and "ConnectionReset" not in errors, errors


@pytest.mark.parametrize("given", ["99999", "-1", "http"])
def test_an_impossible_port_is_a_clear_error(radar_dir: Path, given):
    result = run_radar("serve", "--source", str(radar_dir.root), "--port", given)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "is not a port number: give 0 to 65535" in result.stderr


def test_a_template_that_raises_while_rendering_is_shown_at_its_line(served, radar_dir):
    """Not only syntax errors: an error the theme's own code raises names the template and line, in the page."""
    server, _ = served
    template = "{% extends 'base.html' %}{% block main %}\n{{ 1 // 0 }}{% endblock %}\n"
    radar_dir.write("themes/default/templates/blip.html", template)
    status, page = server.wait_until("blips/edge.html", lambda s, t: "template error" in t)
    assert status == 500 and "blip.html:2:1: template error: ZeroDivisionError" in page
    assert "Traceback" not in "".join(server.errors)
