"""Check that a freshly gathered set draws only on sources no labelled file has used.

Run: `uv run python tests/data/real/new_sources.py NEW.jsonl [MORE.jsonl ...]`. It prints each
row whose source another labelled file (posts, Medicare posts or replies) already used, and a
count of rows and distinct sources; exit status 1 when any source is reused. Addresses are
compared loosely (scheme, "www.", a trailing slash and a fragment ignored; a GitHub file's
branch or commit ignored, raw and blob addresses alike), since the same page is often cited
under several spellings. See docs/gathering.md for the whole routine.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1]
_GITHUB = re.compile(r"github\.com/([^/]+/[^/]+)/(?:blob|tree|raw)/[^/]+/(.*)")
_RAW = re.compile(r"raw\.githubusercontent\.com/([^/]+/[^/]+)/[^/]+/(.*)")


def normalised(url: str) -> str:
    """The address with the spelling differences that do not change the page removed."""
    url = re.sub(r"^https?://(www\.)?", "", url.strip().lower()).rstrip("/").split("#")[0]
    for pattern in (_GITHUB, _RAW):
        if match := pattern.match(url):
            return f"github.com/{match.group(1)}/{match.group(2)}"
    return url


def sources(path: Path) -> list[tuple[str, str]]:
    """(row id, source address) for every row of a labelled file that names one."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            url = (row.get("source") or {}).get("url")
            if url:
                found.append((str(row.get("id")), url))
    return found


def main(paths: list[Path]) -> int:
    fresh = {path.resolve() for path in paths}
    used = {
        normalised(url)
        for labelled in DATA.rglob("*.jsonl")
        if labelled.resolve() not in fresh
        for _, url in sources(labelled)
    }
    rows = [row for path in paths for row in sources(path)]
    reused = [(row_id, url) for row_id, url in rows if normalised(url) in used]
    for row_id, url in reused:
        print(f"reused: {row_id} {url}")
    distinct = len({normalised(url) for _, url in rows})
    print(f"{len(rows)} rows, {distinct} distinct sources, {len(reused)} reused")
    return 1 if reused else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: new_sources.py NEW.jsonl [MORE.jsonl ...]", file=sys.stderr)
        sys.exit(2)
    sys.exit(main([Path(arg) for arg in sys.argv[1:]]))
