"""Export the selected posts: pick a format and a file, see the problems, then write.

Everything the export decides (what is approved, what a scheduler would refuse) comes from
the export service's plan, shown here before anything is written. Leaving posts out,
exporting despite warnings and overwriting a file each need a yes; the result is said in
plain words and handed back through `exported`. The dialog is freed on close.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.domain.accounts import PLATFORMS, Account
from composer.domain.platforms import PLATFORM_NAMES
from composer.domain.posts import Post
from composer.export import EXTENSIONS, SCHEDULERS
from composer.export.pdf_fonts import describe
from composer.services.export import (
    ExportError,
    ExportPlan,
    ExportRequest,
    ExportResult,
    ExportService,
    ExportTargetExistsError,
)
from composer.services.export_checks import MISSING_GLYPHS, TIMING_CODES, TOOL_NAMES, Problem
from composer.services.library import LibraryError
from composer.services.output_paths import DataFolderTargetError, refuse_data_folder_target
from composer.services.scheduler_rules import TimeFix
from composer.ui import alerts
from composer.ui.compose.schedule import when_label
from composer.ui.dialogs.account_words import account_name
from composer.ui.dialogs.export_selection import ExportSelection
from composer.ui.dialogs.export_words import ExportWords
from composer.ui.history.history_model import post_heading

if TYPE_CHECKING:
    from composer.app.container import Services

FORMAT_LABELS: tuple[tuple[str, str], ...] = (
    ("hootsuite", "Hootsuite bulk schedule (CSV)"),
    ("sprout", "Sprout Social bulk schedule (CSV)"),
    ("pdf", "Compliance record (PDF)"),
    ("csv", "Spreadsheet (CSV, every field)"),
    ("json", "Records (JSON)"),
    ("md", "Copy and paste (Markdown)"),
    ("bundle", "Bundle for posting by hand: CSV, images, README (zip)"),
)
REMEMBERED = "export.choices"  # the last format, platform, dates, options and folder
FILE_FILTERS = {
    ".csv": "CSV files (*.csv)",
    ".json": "JSON files (*.json)",
    ".md": "Markdown files (*.md)",
    ".pdf": "PDF files (*.pdf)",
    ".zip": "Zip files (*.zip)",
}


class ExportDialog(QDialog):
    """Choose how to export `post_ids`; `exported` carries the ExportResult."""

    exported = Signal(object)

    def __init__(
        self,
        services: Services,
        post_ids: list[int] | tuple[int, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Export approved posts")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._service = ExportService.over(services)
        self._data_dir = services.data_dir
        self._library = services.library
        self.selection = ExportSelection(services, _posts(services, tuple(post_ids)), self)
        self.words = ExportWords({})
        self._plan: ExportPlan | None = None
        self.export_result: ExportResult | None = None  # not `result`: QDialog.result()

        self.format = QComboBox(self)
        for key, label in FORMAT_LABELS:
            self.format.addItem(label, key)
        self.platform = QComboBox(self)
        self.platform.addItem("Every approved platform", None)
        for key in PLATFORMS:
            self.platform.addItem(PLATFORM_NAMES.get(key, key), key)
        self.account = QComboBox(self)
        self.account.addItem("Any account", None)
        for account in _accounts(services):
            self.account.addItem(account_name(account), account.id)
        self.scheduler = QComboBox(self)
        self.scheduler.setAccessibleName("The CSV inside the bundle")
        self.scheduler.addItem("Hootsuite", "hootsuite")
        self.scheduler.addItem("Sprout Social", "sprout")
        self.date_order = QComboBox(self)
        self.date_order.addItem("Month first (05/13/2026)", "mdy")
        self.date_order.addItem("Day first (13/05/2026)", "dmy")
        self.bom = QCheckBox("Add a byte-order mark (for Excel)", self)
        self.neutralise = QCheckBox("Protect spreadsheet cells (a ' before =, +, -, @)", self)
        self.neutralise.setChecked(True)
        self.include_exported = QCheckBox(self)
        self.fix_times = QCheckBox(
            "Fix the times for the scheduler: round to 5 minutes, spread posts 10 minutes "
            "apart, move past ones to the first time allowed",
            self,
        )
        self.fix_times.setAccessibleName("Fix the times for the scheduler")
        self.path = QLineEdit(self)
        self.path.setAccessibleName("File to write")
        self.browse = QPushButton("Choose…", self)
        self.browse.setAutoDefault(False)
        self.problems = QPlainTextEdit(self)
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName("What to know before exporting")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_file = self.buttons.addButton("Open File", QDialogButtonBox.ButtonRole.ActionRole)
        self.show_folder = self.buttons.addButton(
            "Show in Folder", QDialogButtonBox.ButtonRole.ActionRole
        )
        for button in (self.open_file, self.show_folder):
            button.setAutoDefault(False)
            button.hide()
        self.export_button.setDefault(True)  # Enter exports (never the file picker)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow("Posts", self.selection)
        form.addRow("Format", self.format)
        form.addRow("Platform", self.platform)
        form.addRow("Account", self.account)
        form.addRow("Bundle CSV for", self.scheduler)
        form.addRow("Dates", self.date_order)
        form.addRow("", self.bom)
        form.addRow("", self.neutralise)
        form.addRow("", self.include_exported)
        form.addRow("", self.fix_times)
        form.addRow("File", file_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(620, 480)

        for combo in (self.format, self.platform, self.account, self.date_order, self.scheduler):
            combo.currentIndexChanged.connect(self.refresh)
        self.format.currentIndexChanged.connect(self._match_extension)
        for box in (self.bom, self.neutralise, self.include_exported, self.fix_times):
            box.toggled.connect(self.refresh)
        self.selection.changed.connect(self.refresh)
        self.path.textChanged.connect(self._update_button)
        self.browse.clicked.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export)
        self.open_file.clicked.connect(lambda: self._open(False))
        self.show_folder.clicked.connect(lambda: self._open(True))
        self._folder = self._restore_choices()
        self.path.setText(str(self._folder / self._suggested_name()))
        self.refresh()

    # --- reading the form ----------------------------------------------------------------

    def request(self) -> ExportRequest:
        return ExportRequest(
            format=self.format.currentData(),
            post_ids=self.chosen_ids(),
            platform=self.platform.currentData(),
            account_id=self.account.currentData(),
            date_order=self.date_order.currentData(),
            bom=self.bom.isChecked(),
            neutralise=self.neutralise.isChecked(),
            skip_unapproved=True,  # listed here, and agreed to before writing
            scheduler=self.scheduler.currentData(),
            allow_missing_glyphs=True,  # listed here, and asked about before writing
            fix_times=self.fix_times.isChecked() and self.fix_times.isEnabled(),
        )

    def chosen_ids(self) -> tuple[int, ...]:
        """The posts asked for, less those exported before unless the agent includes them."""
        posts = self._in_scope()
        if not self.include_exported.isChecked():
            posts = [p for p in posts if p.status != "exported"]
        return tuple(p.id for p in posts)

    def _in_scope(self) -> list[Post]:
        """The posts in scope, within the chosen days if any."""
        posts = self.selection.posts()
        since, until = self.selection.since(), self.selection.until()
        if since is None or until is None:
            return posts
        return [p for p in posts if p.scheduled_at and since <= p.scheduled_at < until]

    def _update_scope(self) -> None:
        """Name the posts in scope, and offer those exported before."""
        posts = self.selection.posts()
        self.words = ExportWords({p.id: post_heading(p, 60) for p in posts})
        count = sum(1 for p in self._in_scope() if p.status == "exported")
        self.include_exported.setText(
            f"Include {count} post{'s' if count != 1 else ''} exported before"
        )
        self.include_exported.setVisible(bool(count))

    def refresh(self) -> None:
        """Plan again and show what would be exported and every problem."""
        fmt = self.format.currentData()
        is_csv = EXTENSIONS[fmt] == ".csv" or fmt == "bundle"
        self.date_order.setEnabled(fmt in SCHEDULERS or fmt == "bundle")
        self.scheduler.setEnabled(fmt == "bundle")
        self.bom.setEnabled(is_csv)
        self.neutralise.setEnabled(is_csv)
        self.fix_times.setEnabled(fmt in SCHEDULERS or fmt == "bundle")
        self._update_scope()
        self._plan = None
        try:
            self._plan = self._service.plan(self.request())
        except ExportError as exc:
            self.summary.setText("This cannot be exported yet.")
            self.problems.setPlainText(self.words.error(exc))
            self._update_button()
            return
        except LibraryError as exc:
            self.summary.setText("This cannot be exported yet.")
            self.problems.setPlainText(_sentence(str(exc)))
            self._update_button()
            return
        plan = self._plan
        words = self.words
        lines = [f"Cannot export: {words.problem(p)}" for p in plan.refusals]
        lines += [f"Left out: {words.skipped(s)}" for s in plan.skipped]
        lines += [f"Check: {words.problem(p)}" for p in plan.warnings]
        lines += [f"New time: {self._moved(fix)}" for fix in plan.moved]
        self.problems.setPlainText("\n".join(lines) or "No problems found.")
        posts = len(plan.items)
        timing = [p for p in plan.refusals if p.code in TIMING_CODES]
        if timing and len(timing) == len(plan.refusals) and self.fix_times.isEnabled():
            self.summary.setText(
                f"The times break {TOOL_NAMES.get(timing[0].tool, 'the scheduler')}'s rules. "
                "Tick “Fix the times” to move the posts, then export."
            )
        else:
            self.summary.setText(
                "This cannot be exported as it is."
                if plan.refusals
                else f"Ready to export {posts} approved post{'s' if posts != 1 else ''}."
            )
        self._update_button()

    def _moved(self, fix: TimeFix) -> str:
        """`“Storm kit” from Tue 13 May, 09:03 to Tue 13 May, 09:05`."""
        return (
            f"{self.words.post(fix.post_id)} from {when_label(fix.before)} "
            f"to {when_label(fix.after)}"
        )

    def _update_button(self) -> None:
        ready = self._plan is not None and not self._plan.refusals
        self.export_button.setEnabled(ready and bool(self.path.text().strip()))

    # --- the file --------------------------------------------------------------------------

    def choose_file(self) -> None:
        extension = EXTENSIONS[self.format.currentData()]
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            "Export to",
            self.path.text() or str(_default_folder() / self._suggested_name()),
            FILE_FILTERS[extension],
            options=QFileDialog.Option.DontConfirmOverwrite,  # asked once, when writing
        )
        if chosen:
            if not Path(chosen).suffix:
                chosen += extension
            if self._refused(Path(chosen)):
                return
            self.path.setText(chosen)

    def _refused(self, path: Path) -> bool:
        """Say so (and write nothing) when `path` is inside Composer's data folder."""
        try:
            refuse_data_folder_target(path, self._data_dir)
        except DataFolderTargetError as exc:
            self.message.setText(f"Nothing was exported. {_sentence(str(exc))}")
            alerts.warning(self, "Choose another place", _sentence(str(exc)))
            return True
        return False

    def _suggested_name(self) -> str:
        fmt = self.format.currentData()
        return f"composer-{fmt}-{date.today():%Y-%m-%d}{EXTENSIONS[fmt]}"

    def _match_extension(self) -> None:
        """Keep the file name in step with the format: a suggested name is suggested anew,
        a name the agent chose keeps its stem and takes the new extension."""
        text = self.path.text().strip()
        if not text:
            return
        current = Path(text)
        if _is_suggested(current.name):
            self.path.setText(str(current.with_name(self._suggested_name())))
        elif current.suffix.lower() in FILE_FILTERS:
            self.path.setText(str(current.with_suffix(EXTENSIONS[self.format.currentData()])))

    # --- remembered choices ------------------------------------------------------------

    def _restore_choices(self) -> Path:
        """Set the form as the agent left it last time; the folder to suggest."""
        try:
            saved = self._library.setting(REMEMBERED, {})
        except LibraryError:
            saved = {}
        saved = saved if isinstance(saved, dict) else {}
        combos = {
            "format": self.format,
            "platform": self.platform,
            "date_order": self.date_order,
            "scheduler": self.scheduler,
        }
        for key, combo in combos.items():
            index = combo.findData(saved.get(key))
            if key in saved and index >= 0:
                combo.setCurrentIndex(index)
        for key, box in (("bom", self.bom), ("neutralise", self.neutralise)):
            if isinstance(saved.get(key), bool):
                box.setChecked(saved[key])
        folder = Path(str(saved.get("folder", ""))) if saved.get("folder") else None
        return folder if folder is not None and folder.is_dir() else _default_folder()

    def _remember_choices(self, path: Path) -> None:
        choices = {
            "format": self.format.currentData(),
            "platform": self.platform.currentData(),
            "date_order": self.date_order.currentData(),
            "scheduler": self.scheduler.currentData(),
            "bom": self.bom.isChecked(),
            "neutralise": self.neutralise.isChecked(),
            "folder": str(path.parent),
        }
        # A preference, not a record: the export itself is done and recorded either way.
        with contextlib.suppress(LibraryError):
            self._library.set_setting(REMEMBERED, choices)

    def _open(self, folder: bool) -> None:
        """Open the exported file, or the folder holding it, with the system's own app."""
        if self.export_result is None:
            return
        target = Path(self.export_result.path)
        target = target.parent if folder else target
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self.message.setText(f"Could not open {target} from here; the file is saved there.")

    # --- writing ---------------------------------------------------------------------------

    def export(self) -> None:
        """Ask what needs a yes, write the file, and say what happened."""
        self.refresh()
        plan = self._plan
        if plan is None or plan.refusals or not self.path.text().strip():
            self.message.setText("Nothing was exported: see the problems above.")
            return
        path = Path(self.path.text().strip()).expanduser()
        if self._refused(path):
            return
        if plan.missing_glyphs and not alerts.question(
            self,
            "Characters without a font",
            _missing_glyphs_text(self.words, plan.missing_glyphs),
        ):
            self.message.setText("Nothing was exported.")
            return
        notes = [self.words.skipped(s) for s in plan.skipped]
        notes += [self.words.problem(p) for p in plan.warnings if p.code != MISSING_GLYPHS]
        notes += [f"{self._moved(fix)} (in the file and in the library)" for fix in plan.moved]
        if notes and not alerts.question(
            self, "Export anyway?", "Before exporting, please check:\n\n• " + "\n• ".join(notes)
        ):
            self.message.setText("Nothing was exported.")
            return
        force = False
        if path.exists():
            if not alerts.question(
                self, "Replace the file?", f"{path} already exists. Replace it?"
            ):
                self.message.setText("Nothing was exported; the existing file was kept.")
                return
            force = True
        try:
            result = self._service.write(plan, path, force=force)
        except ExportTargetExistsError as exc:
            if exc.replaceable:  # another program made it after the question
                self.message.setText(f"Nothing was exported: {path} appeared meanwhile.")
            else:
                self.message.setText(f"Nothing was exported. {self.words.error(exc)}")
            return
        except ExportError as exc:
            self.message.setText(f"Nothing was exported. {self.words.error(exc)}")
            self.refresh()
            return
        except LibraryError as exc:
            self.message.setText(f"Nothing was exported. {_sentence(str(exc))}")
            self.refresh()
            return
        self.export_result = result
        posts = len(result.post_ids)
        moved = len(result.moved)
        self.message.setText(
            f"Exported {posts} post{'s' if posts != 1 else ''} to {result.path}. "
            "The export is recorded in the audit log and the posts are marked exported."
            + (f" {moved} post{'s' if moved != 1 else ''} got a new time." if moved else "")
        )
        self.export_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Close")
        self.open_file.show()
        self.show_folder.show()
        self._remember_choices(Path(result.path))
        self.exported.emit(result)


def _missing_glyphs_text(words: ExportWords, problems: tuple[Problem, ...]) -> str:
    """The question: which posts, which characters, and what happens to them."""
    lines = [f"• {words.posts(p.post_ids)}: {describe(p.characters)}" for p in problems]
    return (
        "No font Composer has can show these characters, so the PDF would print them as "
        "empty boxes:\n\n" + "\n".join(lines) + "\n\nThe PDF's text and its attached "
        "approved texts still hold them exactly. Export anyway?"
    )


def _accounts(services: Services) -> list[Account]:
    try:
        return list(services.account_repository.list())
    except LibraryError:
        return []


def _is_suggested(name: str) -> bool:
    """A name this dialog suggested (`composer-FORMAT-DATE.EXT`), not one the agent chose."""
    stem = Path(name).stem
    return any(stem.startswith(f"composer-{key}-") for key, _label in FORMAT_LABELS)


def _posts(services: Services, post_ids: tuple[int, ...]) -> list[Post]:
    """The chosen posts the library still has, to name them and see which went out before."""
    posts = []
    for post_id in post_ids:
        try:
            posts.append(services.library.get(post_id))
        except LibraryError:
            continue
    return posts


def _default_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."
