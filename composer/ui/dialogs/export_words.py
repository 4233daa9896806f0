"""Export problems and errors in the window's words: posts by their titles, platforms and
accounts by the names the agent knows ("LinkedIn jane"), and the control that fixes each
problem ("choose a platform above"); never a command-line flag or an internal id.

The export service hands back codes and facts (`Problem`, `Skipped`, `ExportError`); the
command line words the same codes in `composer/cli/export_words.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from composer.domain.accounts import Account
from composer.domain.platforms import display_name
from composer.export.pdf_fonts import describe
from composer.services.export_checks import TOOL_NAMES, Problem, ProblemCode, Skipped
from composer.services.export_errors import (
    ExportError,
    ExportNotRecordedError,
    ExportRefusedError,
    ExportTargetExistsError,
    ExportWriteError,
)
from composer.ui.dialogs.account_words import account_name

SHOWN = 3  # posts named in one sentence before "and 2 more"
_SKIP = (
    ProblemCode.IN_BIN,
    ProblemCode.EDITED,
    ProblemCode.NOT_APPROVED,
    ProblemCode.OTHER_ACCOUNT,
    ProblemCode.OTHER_PLATFORM,
    ProblemCode.OUTSIDE_DATES,
)


class ExportWords:
    """Words for one dialog's posts; `headings` maps a post id to its title or first line."""

    def __init__(self, headings: Mapping[int, str]) -> None:
        self._headings = headings

    # --- posts ---------------------------------------------------------------------------

    def post(self, post_id: int) -> str:
        heading = self._headings.get(post_id)
        return f"“{heading}”" if heading else "a post not in this selection"

    def posts(self, post_ids: Sequence[int]) -> str:
        """`“A”`, `“A” and “B”`, `“A”, “B”, “C” and 2 more`."""
        names = [self.post(i) for i in post_ids[:SHOWN]]
        more = len(post_ids) - len(names)
        if more:
            return f"{', '.join(names)} and {more} more"
        if len(names) > 1:
            return f"{', '.join(names[:-1])} and {names[-1]}"
        return names[0] if names else "no posts"

    # --- problems ------------------------------------------------------------------------

    def skipped(self, skipped: Skipped) -> str:
        """A post left out, as a sentence: `“Storm kit” is not approved.`"""
        return self.problem(skipped.as_problem())

    def problem(self, p: Problem) -> str:
        """One problem as one or two plain sentences."""
        if p.code in _SKIP:
            return _sentence(f"{self.posts(p.post_ids)} {_reason(p)}")
        word = _WORDS.get(p.code)
        if word is None:
            return "Composer cannot export these posts as they are."
        return word(self, p)

    def error(self, exc: ExportError) -> str:
        """Why nothing was exported, in sentences after "Nothing was exported."."""
        if isinstance(exc, ExportRefusedError):
            return " ".join(self.problem(p) for p in exc.problems)
        if isinstance(exc, ExportTargetExistsError):
            if not exc.replaceable:
                return f"{exc.path} is a folder that is not an earlier bundle; choose another name."
            return f"{exc.path} already exists; choose another name."
        if isinstance(exc, ExportNotRecordedError):
            return (
                "Composer could not record the export in your library "
                f"({exc.detail}), so the file was removed again."
            )
        if isinstance(exc, ExportWriteError):
            return _sentence(exc.detail or f"Composer could not write {exc.path}")
        return "Composer could not export these posts."


def _reason(p: Problem) -> str:
    if p.code is ProblemCode.OTHER_ACCOUNT:
        account = p.accounts[0] if p.accounts else None
        return f"is not for {account_name(account)}" if account else "is not for that account"
    if p.code is ProblemCode.OTHER_PLATFORM:
        return f"is not approved for {display_name(p.platform)}"
    return {
        ProblemCode.IN_BIN: "is in the bin",
        ProblemCode.EDITED: "was edited after it was approved; approve it again",
        ProblemCode.NOT_APPROVED: "is not approved",
        ProblemCode.OUTSIDE_DATES: "is not scheduled within the chosen dates",
    }.get(p.code, "cannot be exported")


def _tool(p: Problem) -> str:
    return TOOL_NAMES.get(p.tool, "The scheduler")


def _accounts(accounts: Sequence[Account]) -> str:
    names = [account_name(a) for a in accounts]
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


def _platforms(platforms: Sequence[str]) -> str:
    names = [display_name(p) for p in platforms]
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def _many(ids: Sequence[int], one: str, several: str) -> str:
    return one if len(ids) == 1 else several


_Word = Callable[[ExportWords, Problem], str]
_WORDS: dict[ProblemCode, _Word] = {
    ProblemCode.NAMED_POSTS_LEFT: lambda w, p: "Leave these posts out of the selection.",
    ProblemCode.NO_POSTS: lambda w, p: "There are no approved posts to export.",
    ProblemCode.NOT_SCHEDULED: lambda w, p: _sentence(
        f"{w.posts(p.post_ids)} {_many(p.post_ids, 'has', 'have')} no date and time; "
        f"{_tool(p)} needs one on every post. Set one (Post > Schedule, or Add to Next "
        f"Free Slot), or leave {_many(p.post_ids, 'it', 'them')} out by choosing the days above"
    ),
    ProblemCode.TOO_MANY_POSTS: lambda w, p: (
        f"{p.count} posts: {_tool(p)} takes at most {p.limit} in one file. Choose fewer "
        "days above, and export the rest in another file."
    ),
    ProblemCode.SEVERAL_ACCOUNTS: lambda w, p: (
        f"These posts are for {len(p.accounts)} accounts ({_accounts(p.accounts)}); "
        f"{_tool(p)} takes one account per file. Choose an account above."
    ),
    ProblemCode.SEVERAL_PLATFORMS: lambda w, p: (
        f"{_tool(p)} takes one platform per file and these posts go to "
        f"{_platforms(p.platforms) or 'none'}. Choose a platform above."
    ),
    ProblemCode.DUPLICATE_TEXT: lambda w, p: (
        f"{w.posts(p.post_ids)} have the same text; schedulers and networks reject or hide repeats."
    ),
    ProblemCode.TOO_CLOSE: lambda w, p: (
        f"{w.posts(p.post_ids)} are less than {p.limit} minutes apart; {_tool(p)} needs "
        f"at least {p.limit} minutes between posts."
    ),
    ProblemCode.IN_THE_PAST: lambda w, p: _sentence(
        f"{w.posts(p.post_ids)} {_many(p.post_ids, 'is', 'are')} in the past or less than "
        f"{p.limit} minutes ahead; {_tool(p)} will refuse {_many(p.post_ids, 'it', 'them')}"
    ),
    ProblemCode.OFF_STEP: lambda w, p: _sentence(
        f"{w.posts(p.post_ids)} {_many(p.post_ids, 'is', 'are')} not on a {p.limit}-minute "
        f"step (such as 9:00, 9:05, 9:10); {_tool(p)} takes only those"
    ),
    ProblemCode.TOO_LONG: lambda w, p: _sentence(
        f"{w.posts(p.post_ids)} is {p.count:,} characters for {display_name(p.platform)}, "
        f"over its limit of {p.limit:,}; {display_name(p.platform)} will refuse it"
    ),
    ProblemCode.DROPPED_LINK: lambda w, p: _sentence(
        f"{w.posts(p.post_ids)} {_many(p.post_ids, 'has', 'have')} a link that is not a "
        "web address (http:// or https://); it was left out of the file"
    ),
    ProblemCode.NEUTRALISED: lambda w, p: _sentence(
        f"{w.posts(p.post_ids)} {_many(p.post_ids, 'begins', 'begin')} with =, +, - or @; "
        "a ' was added so spreadsheets do not run it as a formula. For a file that goes "
        "straight to the scheduler, untick “Protect spreadsheet cells”"
    ),
    ProblemCode.MISSING_GLYPHS: lambda w, p: _sentence(
        f"{w.posts(p.post_ids)} has characters no font here can show, which the PDF would "
        f"print as empty boxes: {describe(p.characters)}"
    ),
    ProblemCode.MISSING_IMAGE: lambda w, p: _sentence(
        f"{w.posts(p.post_ids)}: image {p.count} is missing from the library folder; "
        "attach it again and approve the post again"
    ),
    ProblemCode.UNREADABLE_IMAGE: lambda w, p: _sentence(p.detail),
    ProblemCode.UNKNOWN_FORMAT: lambda w, p: "Composer cannot make this kind of file.",
    ProblemCode.UNKNOWN_PLATFORM: lambda w, p: "Composer does not know this platform.",
    ProblemCode.UNKNOWN_SCHEDULER: lambda w, p: (
        "A bundle's spreadsheet is for Hootsuite or Sprout Social; choose one above."
    ),
    ProblemCode.UNKNOWN_DATE_ORDER: lambda w, p: "Choose month first or day first above.",
    ProblemCode.UNKNOWN_STATUS: lambda w, p: "Only approved or exported posts can be exported.",
    ProblemCode.IDS_AND_STATUS: lambda w, p: "Choose the posts in the list, not by status.",
    ProblemCode.NO_SUCH_ACCOUNT: lambda w, p: (
        "The chosen account no longer exists. Choose another account above."
    ),
    ProblemCode.ACCOUNT_PLATFORM: lambda w, p: (
        f"{_accounts(p.accounts) or 'The chosen account'} posts to "
        f"{_platforms([a.platform for a in p.accounts]) or 'another platform'}, not "
        f"{display_name(p.platform)}. Choose another platform or account above."
    ),
    ProblemCode.DATA_FOLDER: lambda w, p: _sentence(p.detail),
    ProblemCode.APPROVAL_EXPIRED: lambda w, p: (
        f"The {'outside ' if p.detail == 'outside' else ''}approval of this post expired on "
        f"{p.value}. Have it approved again before it is used."
    ),
    ProblemCode.RETIRED: lambda w, p: (
        "This post is retired: it is no longer in use. Only the PDF record includes it."
        if len(p.post_ids) == 1
        else f"{len(p.post_ids)} posts are retired: no longer in use. Only the PDF record "
        "includes them."
    ),
    ProblemCode.APPROVAL_CHANGED: lambda w, p: (
        "A post was edited or removed while it was being exported, so the file was removed "
        "again. Check the posts and export again."
    ),
}
