"""The live preview's HTTP server on 127.0.0.1, hardened for a machine with a browser on it.

A server on loopback is still reachable from every web page the author has open: a page on
another site can point its own host name at 127.0.0.1 (DNS rebinding) and read the answers,
so only requests that name this server (`127.0.0.1:PORT` or `localhost:PORT`) are answered.
Connections that send nothing (idle keep-alive, half-open) are closed after a timeout, and
at most MAX_THREADS are handled at once; further connections wait in the listen queue (which
is long enough for a burst of a few hundred) instead of each getting a thread. A browser that
goes away mid-answer is normal, not a traceback.
"""

from __future__ import annotations

import argparse
import http.server
import socket
import sys
import threading
from collections.abc import Callable
from typing import Any

from ...i18n import Translator, text

MAX_THREADS = 64  # connections handled at once; each open page holds one for its live-reload stream
IDLE_TIMEOUT = 5.0  # seconds a connection may send nothing (keep-alive between requests, a half-open socket)
LISTEN_QUEUE = 512  # connections the kernel holds while every thread is busy
GONE = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)


def tcp_port(t: Translator) -> Callable[[str], int]:
    """argparse type for --port: a clear error (in the words `t` gives) instead of an OverflowError from bind()."""

    def port(given: str) -> int:
        try:
            value = int(given)
        except ValueError:
            raise argparse.ArgumentTypeError(t("serve.not_a_port", port=f"'{given}'")) from None
        if not 0 <= value <= 65535:
            raise argparse.ArgumentTypeError(t("serve.port_range", port=value))
        return value

    return port


def allowed_host(header: str | None, port_number: int) -> bool:
    """Whether a Host header names this server: 127.0.0.1 or localhost, with its port (none only on port 80)."""
    if not header:
        return False
    host, sep, given = header.strip().lower().rpartition(":")
    if not sep or host.endswith("]"):
        host, given = header.strip().lower(), ""
    if host not in ("127.0.0.1", "localhost"):
        return False
    return given == str(port_number) or (given == "" and port_number == 80)


class LocalServer(http.server.ThreadingHTTPServer):
    """ThreadingHTTPServer with a bound on threads, a long listen queue and quiet disconnects."""

    request_queue_size = LISTEN_QUEUE
    daemon_threads = True
    language = "en"  # of the radar served, for the words this server says itself

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.slots = threading.BoundedSemaphore(MAX_THREADS)
        self.closing = threading.Event()
        super().__init__(*args, **kwargs)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Wait for a free thread (the accept loop pauses; the kernel queues new connections)."""
        while not self.slots.acquire(timeout=0.5):
            if self.closing.is_set():
                self.shutdown_request(request)
                return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser closing a tab mid-answer is normal; anything else is one line, not a traceback."""
        exc = sys.exc_info()[1]
        if isinstance(exc, GONE) or isinstance(exc, socket.timeout):
            return
        failed = text(self.language, "serve.request_failed", error=f"{type(exc).__name__}: {exc}")
        print(text(self.language, "cli.error", message=failed), file=sys.stderr, flush=True)

    def server_close(self) -> None:
        self.closing.set()
        super().server_close()


class GuardedHandler(http.server.BaseHTTPRequestHandler):
    """Request handler with the idle timeout and the Host check; subclasses answer from `respond_guarded`."""

    timeout = IDLE_TIMEOUT  # applied to the socket: a connection that sends nothing for this long is closed
    protocol_version = "HTTP/1.1"

    def language(self) -> str:
        """The language of the words this handler says itself: the radar's, as the server was told."""
        return getattr(self.server, "language", "en")

    def host_ok(self) -> bool:
        """Refuse (403) a request whose Host is not this server, before anything is read or built."""
        address = self.server.server_address
        server_port = int(address[1]) if isinstance(address, tuple) else 0
        if allowed_host(self.headers.get("Host"), server_port):
            return True
        body = (text(self.language(), "serve.host_refused", port=server_port) + "\n").encode()
        self.send_response(403)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if self.command != "HEAD":
            self.wfile.write(body)
        return False
