"""wirelake's own errors. A `TerminalError` is one that trying again cannot fix: the flows
tell Prefect not to retry a task that raised one (flows/ingest.py, `retry_condition_fn`)."""

from __future__ import annotations


class WirelakeError(Exception):
    """Base of the errors wirelake raises on purpose."""


class TerminalError(WirelakeError):
    """The same inputs would fail the same way: retrying only wastes the backoff."""


class ConservationError(TerminalError, RuntimeError):
    """A run's counts do not add up (files or articles lost track of): a bug, never transient.
    Also a RuntimeError, which is what this failure has always been raised as."""
