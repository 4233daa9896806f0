"""Split gathered real-world posts into a tuning part and an untouched evaluation part.

The split is fixed by each post's id alone (SHA-256 of the id, 35 of every 100 to
evaluation), so it was decided before any rule was written against these posts and does
not change when posts are added. Run: `uv run python tests/data/real/split.py PART.jsonl...`
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVALUATION_SHARE = 35  # of 100


def is_evaluation(post_id: str) -> bool:
    digest = hashlib.sha256(post_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100 < EVALUATION_SHARE


def main(paths: list[str]) -> None:
    tuning: list[str] = []
    evaluation: list[str] = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            post = json.loads(line)
            (evaluation if is_evaluation(post["id"]) else tuning).append(
                json.dumps(post, ensure_ascii=False)
            )
    (HERE / "tuning.jsonl").write_text("\n".join(tuning) + "\n", encoding="utf-8")
    (HERE / "evaluation.jsonl").write_text("\n".join(evaluation) + "\n", encoding="utf-8")
    print(f"{len(tuning)} tuning, {len(evaluation)} evaluation")


if __name__ == "__main__":
    main(sys.argv[1:])
