"""Keep credentials out of everything wirelake writes: lake rows, rejects, reports, logs.

Credentials belong in the environment (AWS_*, GOOGLE_APPLICATION_CREDENTIALS) or the
platform's secret store. When one arrives inside a URL anyway (s3://KEY:SECRET@bucket,
https://user:pass@host, ?X-Amz-Signature=..., ?token=...), it is masked before any text
that could contain it is stored or printed.
"""

from __future__ import annotations

import re

MASK = "***"
_USERINFO = re.compile(r"(?P<scheme>\b[a-zA-Z][\w+.-]*://)(?P<userinfo>[^/@\s]+)@")
_SECRET_QUERY = re.compile(
    r"(?P<key>[?&;](?:[\w.-]*(?:token|secret|password|passwd|signature|credential|sig|key)[\w.-]*))=(?P<value>[^&;#\s]+)",
    re.IGNORECASE,
)


def redact(text: str | None) -> str | None:
    """The text with URL credentials and secret-looking query parameters masked."""
    if not text:
        return text
    text = _USERINFO.sub(lambda m: f"{m['scheme']}{MASK}@", text)
    return _SECRET_QUERY.sub(lambda m: f"{m['key']}={MASK}", text)
