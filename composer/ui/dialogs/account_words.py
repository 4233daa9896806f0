"""Accounts in the window's words: by platform name and handle ("LinkedIn jane"), never by
the library's id, and the credential store by the name people know it by.
"""

from __future__ import annotations

from composer.domain.accounts import Account
from composer.domain.platforms import display_name


def account_name(account: Account) -> str:
    """`LinkedIn jane`: the platform's display name and the handle."""
    return f"{display_name(account.platform)} {account.handle}"
