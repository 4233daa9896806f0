"""The audit key's notice codes, worded for the window's banner (said once, like the CLI)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from composer.services.audit import AuditService
    from composer.ui.shell.banner import Banner

log = logging.getLogger(__name__)

TEXTS = {
    "audit.unkeyed": (
        "This computer has no secure password store, so your audit log is kept with plain hashes "
        "only: it shows damage and careless edits, but not an edit whose hashes were "
        "re-computed. Everything else works as usual."
    ),
    "audit.key-missing": (
        "Your audit log is signed with a key that is not in this computer's keyring (was the "
        "library copied here?). New entries are not signed, and the signed ones cannot be "
        "checked here."
    ),
    "audit.key-unavailable": (
        "The keyring did not hand over the audit key (is it locked?); entries written now "
        "are not signed."
    ),
    "audit.key-unreadable": (
        "The keyring holds an audit key for this library that Composer cannot read; entries "
        "written now are not signed."
    ),
}


def show(banner: Banner, audit: AuditService) -> None:
    """Put any new audit notice in the banner (one per code) and mark it as said."""
    try:
        codes = audit.notices
        for code in codes:
            level = "info" if code == "audit.unkeyed" else "warning"
            banner.show_notice(code, TEXTS.get(code, code), level)
        audit.told(codes)
    except Exception:  # a notice must never break approving or exporting
        log.exception("audit notices unavailable")
