"""Planning's codes (composer.services.planning.PlanningCode) in the window's words: menus
and controls by name, never a command-line flag; `cli/planning.py` words them for the
terminal."""

from __future__ import annotations

from composer.services.planning import PlanningCode, PlanningError


def planning_words(exc: PlanningError) -> str:
    """A planning refusal in the window's words."""
    words = {
        PlanningCode.NO_SLOTS: "You have no posting slots for this post's platforms yet "
        "(Settings > Posting Slots).",
        PlanningCode.NO_FREE_SLOT: "Every posting slot in the coming year is taken. Add more "
        "slots in Settings > Posting Slots.",
        PlanningCode.NO_SUCH_TIME: "That time does not exist here: the clocks skip that hour "
        "that day. Choose another time.",
        PlanningCode.NOT_SCHEDULED: "Give the post a date and time first (Post > Schedule): "
        "the cooldown counts from it.",
        PlanningCode.COOLDOWN_TOO_SHORT: f"Choose at least {exc.value} days, so a copy never "
        "repeats a post the duplicate check would flag.",
    }
    return words.get(exc.code, "That time cannot be used.")
