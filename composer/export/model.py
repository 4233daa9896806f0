"""The plain values the formats take: one approved post, and how to lay the file out."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from composer.domain.accounts import Account
from composer.domain.conversations import Comment
from composer.domain.findings import dismissal_key
from composer.domain.links import is_web_link
from composer.domain.posts import Approval, finding_key
from composer.domain.record import Publication

DateOrder = Literal["mdy", "dmy"]
DATE_ORDERS: tuple[DateOrder, ...] = ("mdy", "dmy")


@dataclass(frozen=True, slots=True)
class ExportImage:
    """One approved image: hash and alt text from the approval, facts about the file, where
    the stored original is (`path`, for the PDF) and how to read it with its metadata
    removed (`clean`, for the bundle)."""

    sha256: str
    alt_text: str = ""
    format: str = ""
    width: int = 0
    height: int = 0
    path: Path | None = None
    clean: Callable[[], bytes] | None = field(default=None, compare=False, repr=False)

    def file_name(self, post_id: int, number: int) -> str:
        """The name the image gets in exports: the post and its place in the post."""
        extension = {"jpeg": ".jpg", "png": ".png", "gif": ".gif", "webp": ".webp"}
        return f"post-{post_id}-{number}{extension.get(self.format, '.bin')}"


@dataclass(frozen=True, slots=True)
class ExportItem:
    """One post as it was approved. Texts and link come from the approval, never the draft;
    title, tags, schedule and account are not part of what an approval signs off."""

    post_id: int
    approval: Approval
    platforms: tuple[str, ...]  # the approved platforms this export covers, in order
    title: str = ""
    tags: tuple[str, ...] = ()
    scheduled_at: datetime | None = None  # naive local wall time
    account: Account | None = None
    images: tuple[ExportImage, ...] = ()  # the approved images, in order
    in_reply_to: Comment | None = None  # for a reply, the comment it answers (context)
    status: str = ""  # the post's status when exported ("approved", "exported"...)
    publications: tuple[Publication, ...] = ()  # where and when it ran, oldest first
    dismissed: frozenset[str] = frozenset()  # the agent's dismissal keys for this post

    def image_files(self) -> list[tuple[str, ExportImage]]:
        """(file name, image) for each image, in order."""
        return [(image.file_name(self.post_id, n), image) for n, image in enumerate(self.images, 1)]

    @property
    def link(self) -> str:
        """The approved link when it is an http(s) web address; any other kind (an old
        `javascript:` import) is left out of every file (the plan says so)."""
        return self.approval.link if is_web_link(self.approval.link) else ""

    @property
    def dropped_link(self) -> str:
        """The approved link that `link` leaves out, if any."""
        return self.approval.link if self.approval.link and not self.link else ""

    def text(self, platform: str) -> str:
        return self.approval.texts[platform]

    def text_hash(self, platform: str) -> str:
        return self.approval.hashes[platform]

    def findings(self, platform: str | None = None) -> list[dict[str, object]]:
        """The approval's findings (for one platform if given), each with its `reason`."""
        out: list[dict[str, object]] = []
        for finding in self.approval.findings:
            where = str(finding.get("platform", ""))
            if platform is not None and where != platform:
                continue
            reason = self.approval.overrides.get(finding_key(where, finding), "")
            out.append({**finding, "reason": reason})
        return out

    def is_dismissed(self, finding: Mapping[str, object]) -> bool:
        """Whether the agent dismissed this finding in the editor (for the text it was
        found in: the platform's own variant, or the body). Errors cannot be dismissed."""
        if finding.get("severity") == "error" or not self.dismissed:
            return False
        rule, text = str(finding.get("rule", "")), str(finding.get("text", ""))
        platform = str(finding.get("platform", ""))
        return bool(
            {dismissal_key(rule, text, platform), dismissal_key(rule, text, None)} & self.dismissed
        )


@dataclass(frozen=True, slots=True)
class RecordCover:
    """Who the record is for, on its cover: the agent's profile and the library's id."""

    agent: str = ""
    agency: str = ""
    license_number: str = ""
    states: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()
    library_id: str = ""


@dataclass(frozen=True, slots=True)
class RenderOptions:
    platform: str | None = None  # schedulers: the one platform whose text goes out
    date_order: DateOrder = "mdy"
    bom: bool = False
    neutralise: bool = True
    generated_at: datetime | None = None
    title: str = "Approved posts"
    scheduler: str = "hootsuite"  # the CSV inside a bundle: hootsuite or sprout
    cover: RecordCover | None = None  # the PDF record's cover (None: no profile facts)


def local_naive(moment: datetime) -> datetime:
    """A schedule as the agent's wall clock shows it (aware values converted to local)."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def schedule_date(moment: datetime, order: DateOrder) -> str:
    moment = local_naive(moment)
    return moment.strftime("%d/%m/%Y" if order == "dmy" else "%m/%d/%Y")


def schedule_time(moment: datetime) -> str:
    return local_naive(moment).strftime("%H:%M")


def iso(moment: datetime | None) -> str:
    return "" if moment is None else moment.isoformat(timespec="seconds")


def account_label(account: Account | None) -> str:
    if account is None:
        return ""
    name = f" ({account.display_name})" if account.display_name else ""
    return f"{account.platform} {account.handle}{name}"
