"""Whether a real, unlocked Secret Service is on the D-Bus session, for the tests marked
`secret_service` (tests/conftest.py asks before each of them)."""

from __future__ import annotations

import functools
import os
from contextlib import closing

from tests.helpers.requirements import missing


@functools.cache
def secret_service_problem() -> str | None:
    """Why a real Secret Service cannot be used here, or None when it can."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return "no D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset)"
    try:
        import secretstorage
        from secretstorage.exceptions import ItemNotFoundException
    except ImportError:
        return "the secretstorage package is not installed"
    try:
        with closing(secretstorage.dbus_init()) as connection:
            if not secretstorage.check_service_availability(connection):
                return "no Secret Service on the D-Bus session (is gnome-keyring running?)"
            try:
                collection = secretstorage.Collection(connection)  # the default; never create
            except ItemNotFoundException:
                return "the Secret Service has no default collection"
            if collection.is_locked():
                return "the Secret Service's default collection is locked"
    except Exception as exc:  # any D-Bus failure means: not usable here
        return f"the Secret Service cannot be used ({type(exc).__name__}: {exc})"
    return None


def require_secret_service() -> None:
    """Skip the calling test without a usable Secret Service; fail instead where CI is set."""
    problem = secret_service_problem()
    if problem is not None:
        missing(f"needs an unlocked Secret Service: {problem}")
