"""What each page of the PDF record says: the cover, one page (or more) per post, and the
reviewer's signature page, as HTML in Qt's rich-text subset.

Written for an examiner: plain words for every code (composer.export.record_words),
platforms by their names, the approved text once however many platforms it went to, who
approved it and against which rules, findings with the reasons they were kept (dismissed
ones apart, marked as such), where and when it ran, and the SHA-256 of each text so a
page can be matched with the audit log and the attached `approved-texts.json`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from html import escape

from composer.domain.platforms import display_name
from composer.domain.profile import LINE_NAMES
from composer.export.model import (
    ExportImage,
    ExportItem,
    RecordCover,
    RenderOptions,
    account_label,
    local_naive,
)
from composer.export.record_words import (
    audience_name,
    category_name,
    severity_name,
    status_name,
)

IMAGE_BOX = (260, 200)  # the most room one image takes on the page, in 96-dpi pixels
TITLE_WORDS = 10  # a post without a title is headed by its first words

STYLE = """
body { font-size: 10pt; }
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 11pt; margin-top: 12px; margin-bottom: 2px; }
h3 { font-size: 10pt; margin-top: 6px; margin-bottom: 0; }
table.facts td { padding: 1px 8px 1px 0; }
table.index td { padding: 1px 6px 1px 0; }
td.label { color: #444; }
p.sub { color: #444; margin: 2px 0 6px 0; }
p.text { white-space: pre-wrap; margin: 2px 0 4px 0; }
p.hash { font-family: monospace; font-size: 8pt; color: #333; }
p.none { color: #444; }
p.image { margin: 4px 0 8px 0; }
p.sign { margin-top: 28px; }
"""


def platform_list(platforms: Sequence[str]) -> str:
    """ "LinkedIn, Facebook and X": platforms by the names people know them by."""
    names = [display_name(p) for p in platforms]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def post_title(item: ExportItem) -> str:
    """The post's title, else its first words (never just a number)."""
    if item.title.strip():
        return item.title.strip()
    first = next(iter(item.approval.texts.values()), "")
    words = first.split()
    shown = " ".join(words[:TITLE_WORDS])
    return shown + ("…" if len(words) > TITLE_WORDS else "") if shown else f"Post {item.post_id}"


def text_groups(item: ExportItem) -> list[tuple[str, tuple[str, ...]]]:
    """Each distinct approved text with the platforms it went to, in platform order."""
    groups: dict[str, list[str]] = {}
    for platform in item.platforms:
        groups.setdefault(item.text(platform), []).append(platform)
    return [(text, tuple(platforms)) for text, platforms in groups.items()]


# -- the cover ---------------------------------------------------------------------------------


def cover_html(items: Sequence[ExportItem], options: RenderOptions) -> str:
    cover = options.cover or RecordCover()
    first, last = period(items)
    covered = f"{first} to {last}" if first and last and first != last else first or "-"
    facts = [
        ("Agent", cover.agent or "not set in the profile"),
        ("Agency", cover.agency),
        ("Licence number", cover.license_number),
        ("States", ", ".join(cover.states)),
        ("Lines of authority", ", ".join(LINE_NAMES.get(line, line) for line in cover.lines)),
        ("Period covered", covered),
        ("Posts in this record", str(len(items))),
        ("Library id", cover.library_id),
        ("Record made", _when(options.generated_at) if options.generated_at else ""),
    ]
    rows = [
        "<tr><td><b>Post</b></td><td><b>Title</b></td><td><b>Status</b></td>"
        "<td><b>Approved</b></td><td><b>Platforms</b></td></tr>"
    ]
    for item in items:
        rows.append(
            f"<tr><td>{item.post_id}</td><td>{escape(post_title(item))}</td>"
            f"<td>{escape(status_name(item.status)) if item.status else '-'}</td>"
            f"<td>{_day(item.approval.approved_at)}</td>"
            f"<td>{escape(platform_list(item.platforms))}</td></tr>"
        )
    return (
        "<h1>Record of approved posts</h1>"
        "<p class='sub'>Social media posts: what was approved, by whom, against which rules, "
        "and where it ran.</p>"
        f"{_facts(facts)}"
        "<h2>Posts in this record</h2>"
        f"<table class='index'>{''.join(rows)}</table>"
        "<h2>How to check this record</h2>"
        "<p>Each post's approved text is printed once, with the SHA-256 of its exact "
        "characters. The same texts and hashes are attached to this PDF as "
        "approved-texts.json, and each approval is an entry in the library's "
        "tamper-evident audit log ('composer audit verify').</p>"
    )


def period(items: Sequence[ExportItem]) -> tuple[str, str]:
    """The first and last day (local) of the approvals and publications in the record."""
    moments = [item.approval.approved_at for item in items]
    moments += [p.published_at for item in items for p in item.publications]
    if not moments:
        return "", ""
    return _day(min(moments)), _day(max(moments))


def signature_html(items: Sequence[ExportItem]) -> str:
    line = "_" * 44
    return (
        "<h1>Review</h1>"
        f"<p>Reviewed: the {len(items)} post{'s' if len(items) != 1 else ''} in this record.</p>"
        f"<p class='sign'>Reviewer's name and title: {line}</p>"
        f"<p class='sign'>Organisation: {line}</p>"
        f"<p class='sign'>Signature: {line}&nbsp;&nbsp;Date: {'_' * 16}</p>"
    )


def footer_text(cover: RecordCover | None, page: int, pages: int) -> str:
    """The foot of every page: whose record, and "Page N of M"."""
    who = f" · {cover.agent}" if cover is not None and cover.agent else ""
    return f"Record of approved posts{who} · Page {page} of {pages}"


# -- one post ----------------------------------------------------------------------------------


def post_html(item: ExportItem, options: RenderOptions) -> str:
    scheduled = (
        local_naive(item.scheduled_at).strftime("%Y-%m-%d %H:%M") if item.scheduled_at else ""
    )
    status = status_name(item.status) if item.status else ""
    facts = [
        ("Platforms", platform_list(item.platforms)),
        ("Account", account_label(item.account)),
        ("Scheduled", scheduled),
        ("Link", item.link),
        ("Tags", ", ".join(item.tags)),
    ]
    parts = [
        f"<h1>{escape(post_title(item))}</h1>",
        f"<p class='sub'>Post {item.post_id}{' · ' + escape(status) if status else ''}</p>",
        _facts(facts),
    ]
    comment = item.in_reply_to
    if comment is not None:  # a reply: the comment it answers, as context
        when = comment.at.astimezone().strftime("%Y-%m-%d %H:%M") if comment.at else ""
        told = (comment.author, comment.platform, comment.rating_words(), when)
        said = " · ".join(escape(f) for f in told if f)
        parts.append(f"<h2>In reply to</h2><p class='sub'>{said or 'a comment'}</p>")
        if comment.url:
            parts.append(f"<p class='sub'>{escape(comment.url)}</p>")
        parts.append(f"<p class='text'>{_text(comment.text)}</p>")
    groups = text_groups(item)
    parts.append("<h2>Approved text</h2>")
    for text, platforms in groups:
        if len(groups) > 1:
            parts.append(f"<h3>For {escape(platform_list(platforms))}</h3>")
        parts.append(f"<p class='text'>{_text(text)}</p>")
        parts.append(f"<p class='hash'>SHA-256 {escape(item.text_hash(platforms[0]))}</p>")
    if item.images:
        parts.append("<h2>Images</h2>")
        for number, (name, image) in enumerate(item.image_files(), start=1):
            width, height = shown_size(image)
            alt = escape(image.alt_text) if image.alt_text else "<i>none given</i>"
            parts.append(
                f"<p class='image'><img src='{image_url(image)}' width='{width}' "
                f"height='{height}'/><br/>Image {number} ({escape(name)}). "
                f"Description (alt text): {alt}</p>"
                f"<p class='hash'>SHA-256 {escape(image.sha256)}</p>"
            )
    parts.append("<h2>Approval</h2>")
    parts.append(_approval(item))
    parts.append("<h2>Findings</h2>")
    for _, platforms in groups:
        if len(groups) > 1:
            parts.append(f"<h3>For {escape(platform_list(platforms))}</h3>")
        parts.append(_findings(item, platforms))
    parts.append("<h2>Publication</h2>")
    parts.append(_publications(item))
    return "".join(parts)


def _approval(item: ExportItem) -> str:
    approval = item.approval
    review = approval.review
    facts: list[tuple[str, str]] = [("Approved", _when(approval.approved_at))]
    if review is None:
        facts.append(("Approved by", f"{approval.approver or 'unknown'} (self-approval)"))
    else:
        facts += [
            ("Approved by", f"{review.reviewer or 'unknown'} (outside review)"),
            ("Organisation", review.organisation),
            ("Approval code", review.code),
            ("Expires", review.expires_on.isoformat() if review.expires_on else ""),
            ("Submitted by", approval.approver),
        ]
    rules = approval.rules
    if rules is None:
        facts.append(("Rules", "not recorded (approved before Composer kept the rules version)"))
    else:
        shipped = sum(1 for p in rules.packs if p.source == "shipped")
        custom = [p.file for p in rules.custom]
        own = f"; the agency's own: {', '.join(custom)}" if custom else "; no custom packs"
        facts.append(("Rules", f"Composer {rules.version}, {shipped} shipped packs{own}"))
        facts.append(("Rules SHA-256", rules.sha256))
    facts.append(("Approval record", f"approval {approval.id}, logged in the audit log"))
    return _facts(facts)


def _findings(item: ExportItem, platforms: Sequence[str]) -> str:
    """The group's findings, each once (with the platforms it applies to when not all)."""
    seen: dict[tuple[object, ...], tuple[Mapping[str, object], list[str]]] = {}
    for platform in platforms:
        for found in item.findings(platform):
            key = (found.get("rule"), found.get("start"), found.get("end"))
            seen.setdefault(key, (found, []))[1].append(platform)
    open_rows: list[str] = []
    dismissed_rows: list[str] = []
    for finding, where in seen.values():
        only = f" ({platform_list(where)} only)" if len(where) < len(platforms) else ""
        quoted = f" “{escape(str(finding['text']))}”" if finding.get("text") else ""
        words = (
            f"{escape(category_name(str(finding.get('category', ''))))}{escape(only)}: "
            f"{escape(str(finding.get('message', '')))}{quoted}"
        )
        if item.is_dismissed(finding):
            dismissed_rows.append(f"<li>{words}</li>")
            continue
        reason = (
            f"<br/><i>Kept because: {escape(str(finding['reason']))}</i>"
            if finding.get("reason")
            else ""
        )
        severity = escape(severity_name(str(finding.get("severity", ""))))
        open_rows.append(f"<li><b>{severity}.</b> {words}{reason}</li>")
    if not open_rows and not dismissed_rows:
        return "<p class='none'>None: the checks found nothing in this text.</p>"
    out = f"<ul>{''.join(open_rows)}</ul>" if open_rows else ""
    if dismissed_rows:
        out += (
            "<p>Dismissed by the agent (seen and set aside, not open):</p>"
            f"<ul>{''.join(dismissed_rows)}</ul>"
        )
    return out


def _publications(item: ExportItem) -> str:
    if not item.publications:
        return "<p class='none'>Not recorded as published yet.</p>"
    zone = item.publications[0].published_at.astimezone().strftime("%Z")
    rows = [
        f"<tr><td><b>Platform</b></td><td><b>When ({escape(zone)})</b></td>"
        "<td><b>Audience</b></td><td><b>Paid</b></td><td><b>Live text</b></td>"
        "<td><b>Link</b></td></tr>"
    ]
    differing: list[str] = []
    for p in item.publications:
        account = f" ({escape(p.account)})" if p.account else ""
        live = {True: "as approved", False: "<b>DIFFERS</b>", None: "not compared"}
        rows.append(
            f"<tr><td>{escape(display_name(p.platform))}{account}</td>"
            f"<td>{p.published_at.astimezone().strftime('%Y-%m-%d %H:%M')}</td>"
            f"<td>{escape(audience_name(p.audience))}</td>"
            f"<td>{escape(p.spend) if p.spend else '-'}</td><td>{live[p.live_matches]}</td>"
            f"<td>{escape(p.url) if p.url else '-'}</td></tr>"
        )
        if p.live_matches is False and p.live_text is not None:
            differing.append(
                f"<p><b>Error: the text on {escape(display_name(p.platform))} "
                f"({_when(p.published_at)}) is not the approved text.</b> As it reads there:</p>"
                f"<p class='text'>{_text(p.live_text)}</p>"
            )
    return f"<table class='index'>{''.join(rows)}</table>{''.join(differing)}"


# -- pieces ------------------------------------------------------------------------------------


def image_url(image: ExportImage) -> str:
    return f"composer-image:{image.sha256}"


def shown_size(image: ExportImage) -> tuple[int, int]:
    """The image's size on the page: scaled down to fit IMAGE_BOX, never up."""
    if not image.width or not image.height:
        return IMAGE_BOX
    scale = min(1.0, IMAGE_BOX[0] / image.width, IMAGE_BOX[1] / image.height)
    return max(1, round(image.width * scale)), max(1, round(image.height * scale))


def _facts(facts: Sequence[tuple[str, str]]) -> str:
    rows = "".join(
        f"<tr><td class='label'>{escape(label)}</td><td>{escape(value)}</td></tr>"
        for label, value in facts
        if value
    )
    return f"<table class='facts'>{rows}</table>"


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()


def _day(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d")
