"""The first-run welcome (inside the window, never modal) and the sample post."""

from __future__ import annotations

from composer.domain.posts import PostDraft

WELCOMED_KEY = "ui.welcomed"

WELCOME_TEXT = (
    "Welcome to Composer. Write a post in the middle; what could get you in trouble or turn "
    "people away is underlined as you type and explained on the right, often with a "
    "one-click fix. Choose the platforms above the text, then Approve when it is ready. "
    "We opened a sample post so you can see the checks at work."
)

SAMPLE = PostDraft(
    title="Sample: spring home insurance review",
    body=(
        "Spring is here 🌷 and it's a great time to review your home insurance!\n\n"
        "We offer the best rates in town and a free gift card for every new policy. "
        "Your claim is guaranteed to be paid fast, no questions asked.\n\n"
        "Call me today to recieve your quote."
    ),
    platforms=("facebook", "linkedin", "x"),
)
