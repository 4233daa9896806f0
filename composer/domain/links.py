"""Which links Composer keeps as links: web addresses (http and https) only.

A `javascript:`, `data:` or `file:` "link" in an imported post would land in scheduler
files, spreadsheets and the PDF record, where a click could run it; such links are refused
on the way in and left out (with a note) on the way out.
"""

from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")


def link_problem(link: str) -> str:
    """Empty when `link` is an http(s) address with a host; else why not, in a few words."""
    if not link:
        return ""
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in link):
        return "a web address has no spaces or control characters"
    try:
        parts = urlsplit(link)
    except ValueError:
        return "it is not a web address"
    if parts.scheme.lower() not in WEB_SCHEMES:
        return "only http:// and https:// web addresses are kept as links"
    if not parts.hostname:
        return "the web address names no site"
    return ""


def is_web_link(link: str) -> bool:
    return bool(link) and not link_problem(link)
