"""Keep credentials out of everything wirelake writes: lake rows, rejects, reports, logs.

Credentials belong in the environment (AWS_*, GOOGLE_APPLICATION_CREDENTIALS) or the
platform's secret store. When one arrives inside a URL anyway (s3://KEY:SECRET@bucket,
https://user:pass@host, ?X-Amz-Signature=..., ?token=...), it is masked before any text
that could contain it is stored or printed.
"""

from __future__ import annotations

import re

MASK = "***"
# user:password@ (the password may hold "/", as AWS secret keys do), or a bare user@ up to the first "/"
_USERINFO = re.compile(r"(?P<scheme>\b[a-zA-Z][\w+.-]*://)(?P<userinfo>[^/@\s:'\"]*:[^@\s'\"]*|[^/@\s'\"]+)@")
_SECRET_QUERY = re.compile(
    r"(?P<key>[?&;](?:[\w.-]*(?:token|secret|password|passwd|pwd|signature|credential|sig|key|auth|session|jwt)[\w.-]*))"
    r"=(?P<value>[^&;#\s'\"]+)",
    re.IGNORECASE,
)


_known: set[str] = set()  # credentials seen in this process's arguments (remember_secrets)
MIN_PIECE = 4  # shorter pieces of a secret would mask ordinary words


def redact(text: str | None) -> str | None:
    """The text with URL credentials, secret-looking query parameters and every credential
    this process was given (and its pieces) masked."""
    if not text:
        return text
    text = _USERINFO.sub(lambda m: f"{m['scheme']}{MASK}@", text)
    text = _SECRET_QUERY.sub(lambda m: f"{m['key']}={MASK}", text)
    for secret in sorted(_known, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def remember_secrets(texts) -> None:
    """Mask from now on the credentials inside these texts' URLs, and their pieces: a library
    that misreads `s3://KEY:SE/CRET@bucket` quotes "KEY:SE" as a bucket name in its error."""
    for text in texts:
        for match in _USERINFO.finditer(str(text)):
            userinfo = match["userinfo"]
            _known.add(userinfo)
            _known.update(p for p in re.split(r"[/:]", userinfo) if len(p) >= MIN_PIECE)
            _known.update(p for p in userinfo.split("/") if len(p) >= MIN_PIECE)
