"""Credentials never reach the lake, the rejects, the reports or the terminal."""

from datetime import datetime, timezone

from tasks.pipeline import process_file
from tasks.records import RawFile
from tasks.redact import redact
from tasks.sources import list_source


def test_url_credentials_and_secret_parameters_are_masked():
    assert redact("s3://AKIAEXAMPLE:wJalrXUtnFEMI@bucket/raw/a.xml") == "s3://***@bucket/raw/a.xml"
    assert redact("https://ed:hunter2@feeds.example/x?X-Amz-Signature=abc&page=2&token=t0k") == \
        "https://***@feeds.example/x?X-Amz-Signature=***&page=2&token=***"
    assert redact("data/raw/ap-denver.txt") == "data/raw/ap-denver.txt"  # nothing to hide: unchanged
    assert redact(None) is None


def test_a_reject_from_a_credentialed_url_keeps_no_secret():
    raw = RawFile("https://ed:hunter2@feeds.example/feed.bin?token=t0k", b"\x00\x01" * 50)
    [reject] = process_file(raw, datetime(2024, 1, 1, tzinfo=timezone.utc)).rejects
    assert "hunter2" not in str(reject) and "t0k" not in str(reject)


def test_listed_uris_do_not_carry_credentials(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Headline\n\nBody text of the story.\n")
    import tasks.sources as sources

    # A credentialed URL for a local folder: fsspec opens the folder, the uri is masked.
    monkeypatch.setattr(sources, "open_url", lambda url: __import__("tasks.storage").storage.open_url(str(tmp_path)))
    [file] = list_source(f"file://user:s3cr3t@{tmp_path}")
    assert "s3cr3t" not in file.uri and file.uri.endswith("/a.txt")


def test_secrets_with_slashes_auth_parameters_and_misparsed_pieces_are_masked():
    from tasks.redact import redact, remember_secrets

    assert redact("s3://AKIDEXAMPLE:wJalr/K7MDENG+bPxRfiCY@bucket/raw/a.txt") == "s3://***@bucket/raw/a.txt"
    assert redact("https://feed.example/rss?auth=abc123&page=2") == "https://feed.example/rss?auth=***&page=2"
    assert redact("open('s3://K:S/x@b/p')") == "open('s3://***@b/p')"
    assert redact("s3://bucket/raw/user@example.txt") == "s3://bucket/raw/user@example.txt"  # no password: a path
    # A library that misreads the URL quotes a piece of the secret as the bucket name.
    remember_secrets(["--source", "s3://AKIDOTHER:zzSecretPart/morestuff@bucket/raw"])
    assert "zzSecretPart" not in redact('Invalid bucket name "AKIDOTHER:zzSecretPart"')
    assert "morestuff" not in redact("key morestuff@bucket")
