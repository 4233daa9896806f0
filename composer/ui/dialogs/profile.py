"""The agent's profile (who they are, their disclosures) and a few settings.

State advertising rules generally require an agent's name as licensed and license number
on every ad, and social posts count as ads; the guideline checks and the disclosure
snippet read them from here. The preview shows the sign-off exactly as it would be added
to a post, and names what is still missing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from composer.domain.accounts import PLATFORMS
from composer.domain.platforms import PLATFORM_NAMES
from composer.domain.preferences import Preferences
from composer.domain.profile import Profile
from composer.services.library import LibraryError
from composer.services.preferences import PreferencesService

if TYPE_CHECKING:
    from composer.services.library import LibraryService

# Settings keys (library.setting / set_setting) the rest of the window reads.
THEMES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))

WHY = (
    "Most states' advertising rules require your name as licensed and your license number "
    "on every ad, and a social media post is an ad. Carriers and broker-dealers may require "
    "their own disclosure too. Composer checks each post against what you enter here."
)
_STATE = re.compile(r"^[A-Z]{2}$")


class ProfileError(ValueError):
    """What the agent typed cannot be saved; the message is one plain line."""


def parse_states(text: str) -> tuple[str, ...]:
    """'tx, ok ny' -> ('TX', 'OK', 'NY'); two-letter codes only, each once."""
    states: list[str] = []
    for part in re.split(r"[,;\s]+", text.strip()):
        code = part.strip().upper()
        if not code:
            continue
        if not _STATE.match(code):
            raise ProfileError(f"“{part}” is not a two-letter state code (for example TX).")
        if code not in states:
            states.append(code)
    return tuple(states)


def missing_fields(profile: Profile) -> list[str]:
    """What state rules usually expect on an ad and the profile does not have yet."""
    missing = []
    if not profile.name:
        missing.append("your name as licensed")
    if not profile.license_number:
        missing.append("your license number")
    return missing


_LICENCE_IN_TEXT = re.compile(
    r"\blicen[cs]e\b\.?\s*(?:#|no\.?|number|nr\.?)?\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{3,})",
    re.IGNORECASE,
)


def licence_mismatch(profile: Profile) -> str | None:
    """The licence number the disclosure states, when it differs from the License field."""
    if not profile.license_number:
        return None
    own = profile.license_number.replace(" ", "").upper()
    for match in _LICENCE_IN_TEXT.finditer(profile.disclosure):
        stated = match.group(1)
        if stated.upper() != own and any(c.isdigit() for c in stated):
            return stated
    return None


def disclosure_preview(profile: Profile) -> str:
    """The sign-off as it would appear under a post: the parts the disclosure already says
    (name, agency, licence) are not said twice."""
    said = profile.disclosure.casefold()
    first = " · ".join(
        part
        for part in (
            profile.name if profile.name.casefold() not in said else "",
            profile.agency if profile.agency.casefold() not in said else "",
            f"License #{profile.license_number}"
            if profile.license_number and profile.license_number.casefold() not in said
            else "",
            f"Licensed in {', '.join(profile.states)}" if profile.states else "",
        )
        if part
    )
    lines = [first, profile.disclosure, profile.broker_dealer_disclosure]
    return "\n".join(line for line in lines if line)


class ProfileDialog(QDialog):
    """Edit the profile and settings; Save stores both and hands the profile back."""

    profileSaved = Signal(object)  # the saved Profile

    def __init__(self, library_service: LibraryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Profile and settings")
        self._library = library_service
        self._preferences = PreferencesService(library_service)
        self.saved_profile: Profile | None = None
        self._lines: tuple[str, ...] = ()  # set from the command line; kept as they are

        self.name = self._line("Name as licensed", "e.g. Jane Q. Agent")
        self.agency = self._line("Agency", "e.g. Agent Insurance Group")
        self.license_number = self._line("License number", "e.g. 1234567")
        self.states = self._line("States", "Two-letter codes, e.g. TX, OK")
        self.disclosure = self._text("Disclosure", "Added to posts that need a disclosure")
        self.broker_dealer = self._text(
            "Broker-dealer disclosure",
            "Only if you offer variable products through a broker-dealer",
        )
        self.why = QLabel(WHY, self)
        self.why.setWordWrap(True)
        self.preview = QLabel(self)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName("Disclosure preview")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.missing = QLabel(self)
        self.missing.setTextFormat(Qt.TextFormat.PlainText)
        self.missing.setWordWrap(True)
        self.missing.setAccessibleName("What the profile is missing")

        self.platform_boxes: dict[str, QCheckBox] = {}
        for platform in PLATFORMS:
            box = QCheckBox(PLATFORM_NAMES.get(platform, platform), self)
            box.setAccessibleName(f"Target {PLATFORM_NAMES.get(platform, platform)} by default")
            self.platform_boxes[platform] = box
        self.theme = QComboBox(self)
        self.theme.setAccessibleName("Theme")
        for key, label in THEMES:
            self.theme.addItem(label, key)
        self.approver = self._line("Approver name", "Leave empty to sign approvals with your name")
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self._load()
        for field in (self.name, self.agency, self.license_number, self.states):
            field.textChanged.connect(self._update_preview)
        for edit in (self.disclosure, self.broker_dealer):
            edit.textChanged.connect(self._update_preview)
        self._update_preview()

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setAccessibleName(name)
        field.setPlaceholderText(placeholder)
        return field

    def _text(self, name: str, placeholder: str) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setAccessibleName(name)
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * 3 + 12)
        return box

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Agency", self.agency)
        form.addRow("&License number", self.license_number)
        form.addRow("&States", self.states)
        form.addRow("&Disclosure", self.disclosure)
        form.addRow("&Broker-dealer", self.broker_dealer)
        profile = QGroupBox("Your profile", self)
        profile_layout = QVBoxLayout(profile)
        profile_layout.addWidget(self.why)
        profile_layout.addLayout(form)
        preview = QGroupBox("How your sign-off reads", self)
        preview_layout = QVBoxLayout(preview)
        preview_layout.addWidget(self.preview)
        preview_layout.addWidget(self.missing)

        platforms = QHBoxLayout()
        for box in self.platform_boxes.values():
            platforms.addWidget(box)
        platforms.addStretch(1)
        settings_form = QFormLayout()
        settings_form.addRow("Default platforms", platforms)
        settings_form.addRow("&Theme", self.theme)
        settings_form.addRow("A&pprover", self.approver)
        settings = QGroupBox("Settings", self)
        settings.setLayout(settings_form)

        layout = QVBoxLayout(self)
        layout.addWidget(profile)
        layout.addWidget(preview)
        layout.addWidget(settings)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _load(self) -> None:
        try:
            profile = self._library.profile() or Profile()
            preferences = self._preferences.load()
        except (LibraryError, ValueError) as exc:  # an unreadable stored profile
            self.message.setText(f"The saved profile could not be read: {exc}")
            profile, preferences = Profile(), Preferences()
        self._lines = profile.lines
        self.name.setText(profile.name)
        self.agency.setText(profile.agency)
        self.license_number.setText(profile.license_number)
        self.states.setText(", ".join(profile.states))
        self.disclosure.setPlainText(profile.disclosure)
        self.broker_dealer.setPlainText(profile.broker_dealer_disclosure)
        for platform, box in self.platform_boxes.items():
            box.setChecked(platform in preferences.default_platforms)
        self.theme.setCurrentIndex(max(0, self.theme.findData(preferences.theme)))
        self.approver.setText(preferences.approver)

    def profile(self) -> Profile:
        """The profile as typed (raises ProfileError for a bad state code)."""
        return Profile(
            name=self.name.text().strip(),
            agency=self.agency.text().strip(),
            license_number=self.license_number.text().strip(),
            states=parse_states(self.states.text()),
            disclosure=self.disclosure.toPlainText().strip(),
            broker_dealer_disclosure=self.broker_dealer.toPlainText().strip(),
            lines=self._lines,
        )

    def _update_preview(self) -> None:
        try:
            profile = self.profile()
        except ProfileError as exc:
            self.missing.setText(str(exc))
            return
        self.preview.setText(disclosure_preview(profile) or "(nothing yet)")
        missing = missing_fields(profile)
        stated = licence_mismatch(profile)
        if stated is not None:
            self.missing.setText(
                f"Your disclosure says license {stated}, but the License number field says "
                f"{profile.license_number}: make them the same."
            )
            return
        self.missing.setText(
            f"Still missing: {' and '.join(missing)}." if missing else "Ready for your posts."
        )

    def save(self) -> None:
        """Store the profile and settings; stay open with one plain line if that fails."""
        try:
            profile = self.profile()
            self._library.set_profile(profile)
            chosen = tuple(p for p, box in self.platform_boxes.items() if box.isChecked())
            self._preferences.save(
                Preferences.from_stored(
                    {
                        "theme": self.theme.currentData(),
                        "approver": self.approver.text(),
                        "default_platforms": chosen,
                    }
                )
            )
        except (ProfileError, LibraryError) as exc:
            self.message.setText(str(exc))
            return
        self.saved_profile = profile
        self.profileSaved.emit(profile)
        self.accept()
