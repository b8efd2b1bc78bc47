"""The Prefect API a local run talks to: the configured one, or a temporary server.

With no PREFECT_API_URL, Prefect starts a temporary server itself, but only after importing
its whole server package into the flow process (3.5-4 s of CPU on the test machine, before
the server's own start), and once per process, so every Dask worker would start its own.
wirelake starts the same server (the uvicorn command and settings of Prefect's
SubprocessASGIServer) from the outside, once per run, and hands its address to the flow
and to any Dask workers through the environment.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, temporary_settings

# A first start creates and migrates Prefect's database: on a busy machine that outlasts
# Prefect's default wait (20 s) and the run would fail before it began.
START_TIMEOUT_S = 180
PORT_IN_USE = 3  # uvicorn's exit status when another process took the port first


@contextlib.contextmanager
def prefect_api() -> Iterator[None]:
    """The configured Prefect API, else a temporary server for the duration of the block."""
    if PREFECT_API_URL.value():
        yield
        return
    timeout = max(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value(), START_TIMEOUT_S)
    server, url = start_server(timeout)
    os.environ["PREFECT_API_URL"] = url
    try:
        with temporary_settings({PREFECT_API_URL: url}):
            yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        stop_server(server)


def start_server(timeout: float) -> tuple[subprocess.Popen, str]:
    """Start a temporary Prefect server on a free local port; (process, API URL) once it answers."""
    deadline = time.monotonic() + timeout
    while True:
        port = _free_port()
        server = subprocess.Popen(_server_command(port), env=_server_env())
        url = f"http://127.0.0.1:{port}/api"
        while time.monotonic() < deadline:
            if server.poll() is not None:
                break
            with contextlib.suppress(OSError):
                if urllib.request.urlopen(f"{url}/health", timeout=2).status == 200:
                    return server, url
            time.sleep(0.1)
        status = server.poll()
        if status != PORT_IN_USE or time.monotonic() >= deadline:
            stop_server(server)
            raise RuntimeError(f"the temporary Prefect server did not start in {timeout:.0f} s "
                               f"(exit status {status}); start one with `prefect server start` "
                               "and set PREFECT_API_URL, or raise PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=5)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _server_command(port: int) -> list[str]:
    app_dir = Path(importlib.util.find_spec("prefect").origin).parents[1]  # site-packages, as Prefect passes it
    return [sys.executable, "-m", "uvicorn", "--app-dir", str(app_dir), "--factory",
            "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
            "--log-level", "error", "--lifespan", "on"]


def _server_env() -> dict[str, str]:
    # Prefect's own settings for its temporary server: no UI, the services such a server runs.
    from prefect.settings import get_current_settings

    return {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1",
            **get_current_settings().to_environment_variables(exclude_unset=True)}


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
