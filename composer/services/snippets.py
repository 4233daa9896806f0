"""Snippets: the bits of text an agent inserts again and again, kept in the library.

Stored as a list of ``{"name", "text"}`` under one library setting, so they travel with
the library (backups included) and need no schema change. Texts may hold placeholders
({name}, {agency}, {license}, {states}, {disclosure}, {broker_dealer}) filled from the
profile when the snippet is inserted, so a snippet written once stays right after the
profile changes. Until the agent saves a list of their own, a few defaults are offered.

Each snippet has a kind: `post` (for posts) or `reply` (reply templates, offered when
answering a comment). The shipped reply templates thank, answer a complaint, answer a
question about a claim and ask for an honest review, all without a promise, a detail of
anyone's account or an incentive, so the reply checks stay quiet on them (a test holds
them to that); they are offered beside the agent's own snippets (a snippet of the same
name replaces one), never stored, so an update can improve them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

from composer.domain.profile import Profile

SnippetKind = Literal["post", "reply"]
SNIPPET_KINDS: tuple[SnippetKind, ...] = ("post", "reply")
SETTING_SNIPPETS = "snippets"
MAX_NAME = 80
MAX_TEXT = 5000

PLACEHOLDERS: dict[str, tuple[str, Callable[[Profile], str]]] = {
    "name": ("name as licensed", lambda p: p.name),
    "agency": ("agency", lambda p: p.agency),
    "license": ("license number", lambda p: p.license_number),
    "states": ("licensed states", lambda p: ", ".join(p.states)),
    "disclosure": ("disclosure", lambda p: p.disclosure),
    "broker_dealer": ("broker-dealer disclosure", lambda p: p.broker_dealer_disclosure),
}
_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")


class SnippetError(ValueError):
    """A snippet that cannot be stored; the message is one plain line."""


@dataclass(frozen=True, slots=True)
class Snippet:
    name: str
    text: str
    kind: SnippetKind = "post"

    def to_mapping(self) -> dict[str, str]:
        data = {"name": self.name, "text": self.text}
        if self.kind != "post":
            data["kind"] = self.kind
        return data


# Reply templates: kind, specific, and taking the details private ("keep social social").
REPLY_TEMPLATES: tuple[Snippet, ...] = (
    Snippet(
        "Reply: thank you",
        # Not "your kind words": the posts' reader, retrained on the three-hundred-and-
        # ninety-seventh set, hints a testimonial at that (0.61, from 0.6), in a post alone.
        "Thank you so much for taking the time to write! It's always a pleasure to help, "
        "and we're here whenever you need us.",
        "reply",
    ),
    Snippet(
        "Reply: a complaint",
        "I'm sorry to hear about your experience, and thank you for telling us. I'd like to "
        "understand what happened and help. Please call our office or send us a direct "
        "message so we can talk it through privately. {name}",
        "reply",
    ),
    Snippet(
        "Reply: a question about a claim",
        "Thanks for reaching out. We can't discuss anyone's claim or policy in public, but "
        "we'd be glad to help with the process and your questions for the carrier. Please "
        "send us a direct message or call our office.",
        "reply",
    ),
    Snippet(
        "Reply: asking for a review",
        "Thank you! If you have a minute, an honest review helps other families find us. "
        "Either way, we're grateful for your trust.",
        "reply",
    ),
)


@dataclass(frozen=True, slots=True)
class Expanded:
    """A snippet's text with the profile filled in, and what the profile still lacks."""

    text: str
    missing: tuple[str, ...] = ()


class SettingsStore(Protocol):
    def setting(self, key: str, default: object = None) -> object: ...
    def set_setting(self, key: str, value: object) -> None: ...
    def profile(self) -> Profile | None: ...


def default_snippets(profile: Profile | None) -> list[Snippet]:
    """What a new agent starts with: the profile's disclosures, a sign-off, an invitation.

    The invitation and hashtags avoid words the checks flag (no "free", no promises), so a
    default never adds a finding of its own.
    """
    profile = profile or Profile()
    snippets = [
        Snippet("Disclosure", "{disclosure}"),
        Snippet("Sign-off", "{name} · {agency} · License #{license}"),
        Snippet(
            "Invite a conversation",
            "What questions do you have about your coverage? Send me a message and we can "
            "go through it together.",
        ),
        Snippet("Hashtags", "#insurance #InsuranceTips"),
    ]
    if profile.broker_dealer_disclosure:
        snippets.insert(1, Snippet("Broker-dealer disclosure", "{broker_dealer}"))
    return snippets


def expand(text: str, profile: Profile | None) -> Expanded:
    """Fill the placeholders; one the profile lacks stays visible, so it is noticed."""
    profile = profile or Profile()
    missing: list[str] = []

    def fill(match: re.Match[str]) -> str:
        label, read = PLACEHOLDERS[match.group(1)]
        value = read(profile)
        if not value:
            if label not in missing:
                missing.append(label)
            return match.group(0)
        return value

    return Expanded(_PLACEHOLDER.sub(fill, text), tuple(missing))


def validate(snippets: Iterable[Snippet]) -> list[Snippet]:
    """Trimmed names, unique and non-empty; texts not empty and not huge."""
    checked: list[Snippet] = []
    seen: set[str] = set()
    for snippet in snippets:
        name = " ".join(snippet.name.split())
        if not name:
            raise SnippetError("Every snippet needs a name.")
        if len(name) > MAX_NAME:
            raise SnippetError(
                f"The name “{name[:30]}…” is too long ({MAX_NAME} characters at most)."
            )
        if name.casefold() in seen:
            raise SnippetError(f"There are two snippets called “{name}”; give each its own name.")
        if not snippet.text.strip():
            raise SnippetError(f"The snippet “{name}” has no text.")
        if len(snippet.text) > MAX_TEXT:
            raise SnippetError(f"The snippet “{name}” is too long ({MAX_TEXT} characters at most).")
        seen.add(name.casefold())
        if snippet.kind not in SNIPPET_KINDS:
            raise SnippetError(f"The snippet “{name}” has an unknown kind.")
        checked.append(Snippet(name, snippet.text.strip("\n"), snippet.kind))
    return checked


class SnippetsService:
    """Read and store the agent's snippets through the library's settings."""

    def __init__(self, library: SettingsStore) -> None:
        self._library = library

    def profile(self) -> Profile | None:
        try:
            return self._library.profile()
        except ValueError:  # an unreadable stored profile: snippets still work unfilled
            return None

    def is_customised(self) -> bool:
        return isinstance(self._library.setting(SETTING_SNIPPETS), list)

    def snippets(self) -> list[Snippet]:
        """The saved snippets in their order; the defaults until a list was ever saved.

        Malformed entries (a hand-edited or future library) are skipped, not fatal.
        """
        stored = self._library.setting(SETTING_SNIPPETS)
        if not isinstance(stored, list):
            return default_snippets(self.profile())
        snippets = []
        for entry in stored:
            if isinstance(entry, dict):
                name, text = entry.get("name"), entry.get("text")
                kind = entry.get("kind", "post")
                if isinstance(name, str) and isinstance(text, str) and name and text:
                    snippets.append(Snippet(name, text, "reply" if kind == "reply" else "post"))
        return snippets

    def of_kind(self, kind: SnippetKind) -> list[Snippet]:
        """The snippets for posts, or the reply templates (the agent's own first, then the
        shipped ones they have no snippet of the same name for)."""
        own = [s for s in self.snippets() if s.kind == kind]
        if kind != "reply":
            return own
        names = {s.name.casefold() for s in self.snippets()}
        return [*own, *(t for t in REPLY_TEMPLATES if t.name.casefold() not in names)]

    def save(self, snippets: Iterable[Snippet]) -> list[Snippet]:
        """Store the whole list (an empty list is kept: the agent removed them all)."""
        checked = validate(snippets)
        self._library.set_setting(SETTING_SNIPPETS, [s.to_mapping() for s in checked])
        return checked

    def add(self, name: str, text: str) -> list[Snippet]:
        return self.save([*self.snippets(), Snippet(name, text)])

    def update(self, index: int, name: str, text: str) -> list[Snippet]:
        snippets = self.snippets()
        snippets[index] = Snippet(name, text)  # IndexError for a wrong index, as a list does
        return self.save(snippets)

    def delete(self, index: int) -> list[Snippet]:
        snippets = self.snippets()
        del snippets[index]
        return self.save(snippets)

    def move(self, index: int, offset: int) -> list[Snippet]:
        """Move one snippet up (-1) or down (+1); at either end it stays put."""
        snippets = self.snippets()
        target = index + offset
        if 0 <= index < len(snippets) and 0 <= target < len(snippets):
            snippets.insert(target, snippets.pop(index))
        return self.save(snippets)

    def expanded(self, snippet: Snippet) -> Expanded:
        return expand(snippet.text, self.profile())
