"""One way to open a folder or URL (local path, file://, s3://, gs:// ...) for every module.

Listings are never cached: a long-lived worker must see the files that arrived since its
last run, and the lake must see the partitions it just wrote.
"""

from __future__ import annotations

import fsspec


def open_url(url: str) -> tuple[fsspec.AbstractFileSystem, str]:
    """(file system, path within it) for a local path or an fsspec URL; credentials come from
    the environment (AWS_*, GOOGLE_APPLICATION_CREDENTIALS ...), as each backend defines."""
    return fsspec.core.url_to_fs(str(url), use_listings_cache=False)
