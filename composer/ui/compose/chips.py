"""One chip per target platform: its count against its limit (weighted for X), and the
post's images against what the platform takes.

Amber from 90 % of the limit, red past it (or with too many or too few images); the
accessible name says the same in words.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from composer.domain.findings import PlatformCount
from composer.guidelines.platforms import Platform, load_platforms
from composer.ui.shell import theme

NEAR = 0.9


def chip_state(count: PlatformCount) -> str:
    if count.length > count.limit:
        return "over"
    if count.length >= NEAR * count.limit:
        return "near"
    return "ok"


class ChipsBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chipsBar")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 6, 4, 6)
        self._layout.setSpacing(8)
        self._chips: dict[str, QLabel] = {}
        self._hint = QLabel("Choose where this post goes to see each platform's count.")
        self._hint.setObjectName("chipsHint")
        self._hint.setWordWrap(True)
        self._layout.addWidget(self._hint)
        self._layout.addStretch(1)
        self._counts: dict[str, PlatformCount] = {}
        self._images = 0

    def set_images(self, count: int) -> None:
        """The number of images on the post; each chip shows it against its platform."""
        if count == self._images:
            return
        self._images = count
        for name, chip in self._chips.items():
            self._update(chip, name, self._counts[name], force=True)

    def chips(self) -> dict[str, QLabel]:
        return dict(self._chips)

    def set_counts(self, counts: Mapping[str, PlatformCount]) -> None:
        if list(counts) == list(self._chips) and self._chips:
            self._counts = dict(counts)
            for name, count in counts.items():
                self._update(self._chips[name], name, count)
            return
        self._counts = dict(counts)
        for chip in self._chips.values():
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips = {}
        self._hint.setVisible(not counts)
        self._hint.setStyleSheet(f"color: {theme.colours().muted};")
        for index, (name, count) in enumerate(counts.items()):
            chip = QLabel()
            chip.setObjectName(f"chip_{name}")
            self._update(chip, name, count, force=True)
            self._layout.insertWidget(index + 1, chip)
            self._chips[name] = chip

    def _update(self, chip: QLabel, name: str, count: PlatformCount, force: bool = False) -> None:
        platform = load_platforms().get(name)
        display = platform.display_name if platform else name
        state = chip_state(count)
        images, image_words, images_ok = self._image_part(platform)
        if not images_ok:
            state = "over"
        chip.setText(f"{display}  {count.length:,} / {count.limit:,}{images}")
        if force or chip.property("state") != state:
            chip.setProperty("state", state)
            chip.setStyleSheet(theme.chip_style(state))
        words = {"ok": "", "near": ", close to the limit", "over": ", over the limit"}[state]
        if not images_ok:
            words = ""
        chip.setAccessibleName(f"{display}: {count.length} of {count.limit}{words}{image_words}")
        chip.setToolTip(chip.accessibleName())

    def _image_part(self, platform: Platform | None) -> tuple[str, str, bool]:
        """(chip text, words, within the rules) for the images on the post."""
        count = self._images
        rules = platform.images if platform else None
        low = rules.min_images if rules else 0
        high = rules.max_images if rules else None
        if not count and not low:
            return "", "", True
        shown = f"{count}/{high}" if high is not None else f"{count}"
        ok = count >= low and (high is None or count <= high)
        noun = "image" if count == 1 else "images"
        words = f"; {count} {noun}"
        if high is not None:
            words += f" of at most {high}"
        if count < low:
            words += f", needs at least {low}"
        return f"  ·  {shown} {noun}", words, ok

    def restyle(self) -> None:
        self._hint.setStyleSheet(f"color: {theme.colours().muted};")
        for name, chip in self._chips.items():
            self._update(chip, name, self._counts[name], force=True)
