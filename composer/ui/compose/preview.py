"""The post as each chosen network's feed would show it, one card per platform: the agent's
name and picture, the text cut at the network's "more", the first image in the network's
crop or a card for the first link, and a note when the network would refuse the post.

It follows the live checks (already debounced), so it costs nothing while the agent types;
a card is built once per platform and only its texts and images change afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from composer.domain.accounts import Account
from composer.domain.findings import PlatformCount
from composer.guidelines.platforms import Platform, load_platforms
from composer.services.feed_preview import Folded, author_name, first_link, fold
from composer.ui.compose.preview_card import FeedCard
from composer.ui.shell import theme

EMPTY_TEXT = "Choose one or more platforms to preview how each one shows the post."


def cut_at_fold(text: str, platform: Platform) -> Folded:
    """What `platform`'s feed shows before its "more" link."""
    look = platform.preview
    return fold(text, platform.fold, look.fold_lines, look.line_chars)


class PreviewView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAccessibleName("Preview as each platform shows the post")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        host = QWidget()
        host.setObjectName("previewHost")
        self._column = QVBoxLayout(host)
        self._column.setContentsMargins(8, 8, 8, 8)
        self._column.setSpacing(12)
        self.empty = QLabel(EMPTY_TEXT, host)
        self.empty.setWordWrap(True)
        self._column.addWidget(self.empty)
        self._column.addStretch(1)
        self.setWidget(host)
        self.cards: dict[str, FeedCard] = {}
        self._texts: dict[str, str] = {}
        self._counts: dict[str, PlatformCount] = {}
        self._images: list[tuple[QPixmap | None, str]] = []
        self._accounts: tuple[Account, ...] = ()
        self._selected: int | None = None
        self._profile_name = ""
        self._picture: QPixmap | None = None
        self._shown: tuple[object, ...] = ()
        self.restyle()

    # -- what to show -----------------------------------------------------------------

    def set_author(
        self,
        accounts: Sequence[Account],
        selected: int | None,
        profile_name: str,
        picture: QPixmap | None = None,
    ) -> None:
        """Who posts: the accounts (the chosen one first on its platform), the profile's name
        and picture (None: initials in a circle)."""
        self._accounts, self._selected = tuple(accounts), selected
        self._profile_name, self._picture = profile_name, picture
        for name, card in self.cards.items():
            card.set_author(self._author(name), picture)
        self._shown = ()  # a caption may start with the name
        self.show_texts(self._texts, self._counts)

    def set_images(self, images: list[tuple[str, QPixmap | None, str]]) -> None:
        """The post's images in order: (sha256, picture or None while loading, alt text)."""
        self._images = [(pixmap, alt) for _, pixmap, alt in images]
        self._shown = ()
        self.show_texts(self._texts, self._counts)

    def show_texts(self, texts: Mapping[str, str], counts: Mapping[str, PlatformCount]) -> None:
        """Each platform's text (its variant or the main text) and its length count."""
        self._texts, self._counts = dict(texts), dict(counts)
        key = (tuple(texts.items()), tuple(counts.items()), theme.is_dark())
        if key == self._shown:
            return
        self._shown = key
        platforms = load_platforms()
        wanted = [name for name in texts if name in platforms]
        self._keep_cards(wanted, platforms)
        self.empty.setVisible(not wanted)
        for name in wanted:
            platform, text = platforms[name], texts[name]
            self.cards[name].show_post(
                cut_at_fold(text, platform),
                first_link(text),
                self._images,
                self._note(platform, text, counts.get(name)),
            )

    def restyle(self) -> None:
        self.empty.setStyleSheet(f"color: {theme.colours().muted};")
        for card in self.cards.values():
            card.restyle()
        self._shown = ()
        self.show_texts(self._texts, self._counts)

    # -- inside -----------------------------------------------------------------------

    def _author(self, platform: str) -> str:
        return author_name(platform, self._accounts, self._selected, self._profile_name)

    def _keep_cards(self, wanted: list[str], platforms: Mapping[str, Platform]) -> None:
        """One card per wanted platform, in the order given; others are freed."""
        if list(self.cards) == wanted:
            return
        for name in [n for n in self.cards if n not in wanted]:
            card = self.cards.pop(name)
            self._column.removeWidget(card)
            card.deleteLater()
        for name in wanted:
            if name not in self.cards:
                self.cards[name] = FeedCard(platforms[name], self.widget())
                self.cards[name].set_author(self._author(name), self._picture)
            self._column.removeWidget(self.cards[name])
        for index, name in enumerate(wanted):
            self._column.insertWidget(index + 1, self.cards[name])
        self.cards = {name: self.cards[name] for name in wanted}

    @staticmethod
    def _note(platform: Platform, text: str, count: PlatformCount | None) -> tuple[str, str] | None:
        c = theme.colours()
        if count is not None and count.length > count.limit:
            over = count.length - count.limit
            return (
                f"Over the limit by {over:,}: {platform.display_name} will not accept it.",
                c.error,
            )
        if not text.strip():
            return f"Nothing to post on {platform.display_name} yet.", c.muted
        return None
