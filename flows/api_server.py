"""The Prefect API a local run talks to: the configured one, or a temporary server.

With no PREFECT_API_URL, Prefect starts a temporary server itself, but only after importing
its whole server package into the flow process (3.5-4 s of CPU on the test machine, before
the server's own start), and once per process, so every Dask worker would start its own.
wirelake starts the same server (the uvicorn command and settings of Prefect's
SubprocessASGIServer) from the outside, once per run, and hands its address to the flow
and to any Dask workers through the environment. The CLI launches it before it imports
Prefect (`started_early`), so that the server's own start, seconds of CPU, overlaps Prefect's
import and the workers' warm-up instead of following them.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from collections.abc import Iterator
from pathlib import Path

# A first start creates and migrates Prefect's database: on a busy machine that outlasts
# Prefect's default wait (20 s) and the run would fail before it began.
START_TIMEOUT_S = 180
PORT_IN_USE = 3  # uvicorn's exit status when another process took the port first

_early: tuple[subprocess.Popen, str] | None = None  # launched by started_early(), not yet adopted
running: set[subprocess.Popen] = set()  # every temporary server this process started and has not stopped


@contextlib.contextmanager
def started_early() -> Iterator[None]:
    """Launch the temporary server now, without importing Prefect, unless the environment or the
    active Prefect profile names an API; the block's prefect_api() adopts it. Stopped at the end
    of the block if nothing did (the run was refused before it started). With Prefect loaded
    already (a script, a test) there is no import to overlap and settings may be set in code:
    prefect_api() starts the server as usual."""
    global _early
    if "prefect" not in sys.modules and not _api_url_in_env_or_profile():
        # The environment is the server's whole configuration here: this process has set no
        # Prefect setting in code (the CLI sets its defaults in os.environ).
        _early = _launch({**os.environ, **_TEMPORARY_SERVER})
    try:
        yield
    finally:
        leftover, _early = _early, None
        if leftover:
            stop_server(leftover[0])


@contextlib.contextmanager
def prefect_api() -> Iterator[None]:
    """The configured Prefect API, else a temporary server for the duration of the block."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, temporary_settings

    global _early
    early, _early = _early, None
    if PREFECT_API_URL.value():
        if early:  # configured where started_early() does not look (prefect.toml, .env)
            stop_server(early[0])
        yield
        return
    timeout = max(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value(), START_TIMEOUT_S)
    try:
        server, url = start_server(timeout, launched=early)
    except BaseException:  # interrupted while it starts: it must not outlive the run
        if early:
            stop_server(early[0])
        raise
    os.environ["PREFECT_API_URL"] = url
    try:
        with temporary_settings({PREFECT_API_URL: url}):
            yield
    finally:
        _send_queued_logs()
        os.environ.pop("PREFECT_API_URL", None)
        stop_server(server)


def _send_queued_logs(timeout_s: float = 2.0) -> None:
    """Hand the run's queued log lines to the server before it stops (else Prefect reports on
    stderr, at exit, that it could not send them)."""
    with contextlib.suppress(Exception):
        from prefect.logging.handlers import APILogWorker

        APILogWorker.drain_all(timeout=timeout_s)


def start_server(timeout: float, launched: tuple[subprocess.Popen, str] | None = None) -> tuple[subprocess.Popen, str]:
    """Start a temporary Prefect server on a free local port (or wait for the one `launched`);
    (process, API URL) once it answers."""
    deadline = time.monotonic() + timeout
    while True:
        server, url = launched or _launch(_server_env())
        launched = None  # a retry (the port was taken meanwhile) launches anew
        while time.monotonic() < deadline:
            if server.poll() is not None:
                break
            with contextlib.suppress(OSError):
                if urllib.request.urlopen(f"{url}/health", timeout=2).status == 200:
                    return server, url
            time.sleep(0.1)
        status = server.poll()
        running.discard(server)
        if status != PORT_IN_USE or time.monotonic() >= deadline:
            stop_server(server)
            raise RuntimeError(f"the temporary Prefect server did not start in {timeout:.0f} s "
                               f"(exit status {status}); start one with `prefect server start` "
                               "and set PREFECT_API_URL, or raise PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS")


def _launch(env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """A server process on a free local port, and its API URL; it answers some seconds later."""
    port = _free_port()
    # Its own session: a terminal's Ctrl-C (sent to the whole foreground process group) must
    # not kill the server under a run that is still unwinding; the run stops it itself.
    server = subprocess.Popen(_server_command(port), env=env, start_new_session=True)
    running.add(server)
    return server, f"http://127.0.0.1:{port}/api"


def stop_server(server: subprocess.Popen) -> None:
    running.discard(server)
    if server.poll() is not None:
        return
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


# Prefect's own settings for its temporary server: no UI, the services such a server runs.
_TEMPORARY_SERVER = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}


def _server_env() -> dict[str, str]:
    """The environment plus every Prefect setting of this process (some may be set in code)."""
    from prefect.settings import get_current_settings

    return {**os.environ, **_TEMPORARY_SERVER, **get_current_settings().to_environment_variables(exclude_unset=True)}


def _api_url_in_env_or_profile() -> bool:
    """PREFECT_API_URL in the environment or the active profile, read without importing Prefect."""
    if os.environ.get("PREFECT_API_URL"):
        return True
    home = Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()
    try:
        profiles = tomllib.loads(Path(os.environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml").expanduser().read_text())
    except (OSError, tomllib.TOMLDecodeError):
        return False
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active") or "ephemeral"
    return bool(profiles.get("profiles", {}).get(active, {}).get("PREFECT_API_URL"))


def stop_every_server() -> None:
    """Stop the temporary servers this process started and has not stopped (a last resort)."""
    for server in list(running):
        stop_server(server)


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
