"""The temporary Prefect API server a run starts when none is configured."""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request

import pytest

from flows import api_server

# A stand-in for Prefect's server: answers GET /api/health on the port it is given.
FAKE_SERVER = """
import http.server, sys
class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/api/health" else 404)
        self.end_headers()
        self.wfile.write(b"true")
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Health).serve_forever()
"""


def _answers(url: str) -> bool:
    try:
        return urllib.request.urlopen(f"{url}/health", timeout=2).status == 200
    except (urllib.error.URLError, OSError):
        return False


def test_start_waits_until_the_server_answers_and_stop_ends_it(monkeypatch):
    monkeypatch.setattr(api_server, "_server_command", lambda port: [sys.executable, "-c", FAKE_SERVER, str(port)])
    server, url = api_server.start_server(timeout=30)
    try:
        assert _answers(url)
    finally:
        api_server.stop_server(server)
    assert server.poll() is not None
    assert not _answers(url)


def test_a_server_that_exits_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(api_server, "_server_command", lambda port: [sys.executable, "-c", "raise SystemExit(1)"])
    with pytest.raises(RuntimeError, match=r"did not start .*exit status 1.*PREFECT_API_URL"):
        api_server.start_server(timeout=30)


def test_a_port_taken_meanwhile_is_retried_on_another(monkeypatch):
    commands = []

    def command(port):
        commands.append(port)
        if len(commands) == 1:  # uvicorn's status when the port was taken first
            return [sys.executable, "-c", f"raise SystemExit({api_server.PORT_IN_USE})"]
        return [sys.executable, "-c", FAKE_SERVER, str(port)]

    monkeypatch.setattr(api_server, "_server_command", command)
    server, url = api_server.start_server(timeout=30)
    api_server.stop_server(server)
    assert len(commands) == 2 and url.endswith(f":{commands[1]}/api")


def test_prefect_api_starts_a_real_server_only_when_none_is_configured():
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        assert not PREFECT_API_URL.value()
        with api_server.prefect_api():
            url = os.environ["PREFECT_API_URL"]
            assert PREFECT_API_URL.value() == url and _answers(url)
            with api_server.prefect_api():  # nested: the same server
                assert os.environ["PREFECT_API_URL"] == url
        assert "PREFECT_API_URL" not in os.environ and not _answers(url)


def _no_prefect_loaded(monkeypatch):
    """Hide Prefect from sys.modules, as in the CLI before its first import; returns the module."""
    import prefect

    monkeypatch.delitem(sys.modules, "prefect")
    return prefect


def test_started_early_launches_the_server_that_prefect_api_then_adopts(monkeypatch, tmp_path):
    launched = []

    def command(port):
        launched.append(port)
        return [sys.executable, "-c", FAKE_SERVER, str(port)]

    monkeypatch.setattr(api_server, "_server_command", command)
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))  # no profile
    prefect = _no_prefect_loaded(monkeypatch)
    with api_server.started_early():
        assert len(launched) == 1
        monkeypatch.setitem(sys.modules, "prefect", prefect)  # the CLI imports Prefect meanwhile
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings(restore_defaults={PREFECT_API_URL}), api_server.prefect_api():
            assert len(launched) == 1  # adopted, not a second server
            url = os.environ["PREFECT_API_URL"]
            assert url.endswith(f":{launched[0]}/api") and _answers(url)
        assert not _answers(url)


def test_started_early_stops_a_server_nobody_adopted(monkeypatch, tmp_path):
    monkeypatch.setattr(api_server, "_server_command", lambda port: [sys.executable, "-c", FAKE_SERVER, str(port)])
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    _no_prefect_loaded(monkeypatch)
    with api_server.started_early():
        server, _ = api_server._early
    assert server.poll() is not None and api_server._early is None


@pytest.mark.parametrize("where", ["environment", "profile"])
def test_started_early_launches_nothing_when_an_api_is_configured(monkeypatch, tmp_path, where):
    monkeypatch.setattr(api_server, "_server_command", lambda port: pytest.fail("no server should start"))
    monkeypatch.delenv("PREFECT_PROFILE", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    if where == "environment":
        monkeypatch.setenv("PREFECT_API_URL", "http://prefect.example:4200/api")
    else:
        monkeypatch.delenv("PREFECT_API_URL", raising=False)
        (tmp_path / "profiles.toml").write_text(
            'active = "team"\n[profiles.team]\nPREFECT_API_URL = "http://prefect.example:4200/api"\n')
    _no_prefect_loaded(monkeypatch)
    with api_server.started_early():
        assert api_server._early is None
