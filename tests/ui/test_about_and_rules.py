"""Help > About, and Settings > Reload Custom Rules without a restart."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

import composer
from composer.app import paths
from composer.ui.dialogs.about import AboutDialog
from tests.helpers.widgets import assert_freed_on_close, wait_checked

ZEBRA_PACK = """
[[rule]]
id = "style.caps.zebra"
category = "style.caps"
severity = "warning"
check = "phrases"
phrases = ["zebra"]
message = "No zebras, please"
explanation = "A custom rule written by the agent."
[rule.examples]
trigger = ["a zebra crossing"]
pass = ["a horse"]
"""


# --- About -------------------------------------------------------------------------------


def test_about_box_shows_version_data_folder_and_privacy(qtbot, data_dir):
    dialog = AboutDialog(data_dir)
    qtbot.addWidget(dialog)
    texts = {key: label.text() for key, label in dialog.labels.items()}
    assert composer.__version__ in texts["version"]
    assert str(data_dir) in texts["data"]
    assert str(paths.user_rules_dir(data_dir)) in texts["rules"]
    assert "sends nothing anywhere" in texts["privacy"] and "telemetry" in texts["privacy"]


def test_help_about_opens_the_box_from_the_window(qtbot, window):
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, AboutDialog):
            seen.append(box.labels["version"].text())
            box.reject()
        else:
            QTimer.singleShot(20, read_and_close)

    QTimer.singleShot(0, read_and_close)
    window.actions_.about.trigger()
    assert seen == [f"Composer {composer.__version__}"]


def test_about_box_is_freed_on_close(qtbot, data_dir):
    owner = QWidget()
    qtbot.addWidget(owner)

    def make() -> AboutDialog:
        dialog = AboutDialog(data_dir, owner)
        dialog.show()
        return dialog

    assert_freed_on_close(make, lambda d: d.close())


# --- reloading the rules -----------------------------------------------------------------


def _reload(qtbot, window) -> None:
    with qtbot.waitSignal(window.rules.ready, timeout=30_000):
        window.actions_.reload_rules.trigger()


def test_a_new_custom_rule_applies_after_reload(qtbot, window, data_dir, services):
    window.centre.editor.setPlainText("Look out for the zebra crossing. What do you think?")
    wait_checked(qtbot, window)
    assert not any(i.finding.rule == "style.caps.zebra" for i in window.checks.items)
    rules = paths.user_rules_dir(data_dir)
    rules.mkdir(parents=True, exist_ok=True)
    (rules / "zebra.toml").write_text(ZEBRA_PACK, encoding="utf-8")
    _reload(qtbot, window)
    qtbot.waitUntil(
        lambda: any(i.finding.rule == "style.caps.zebra" for i in window.checks.items),
        timeout=10_000,
    )
    assert "Rules reloaded" in window.statusBar().currentMessage()
    assert services.approval.engine is window.checks.checker.service.engine


def test_a_broken_pack_is_named_and_the_notice_goes_once_fixed(qtbot, window, data_dir):
    rules = paths.user_rules_dir(data_dir)
    rules.mkdir(parents=True, exist_ok=True)
    pack = rules / "mine.toml"
    pack.write_text("this is = = not toml", encoding="utf-8")
    _reload(qtbot, window)
    assert any(k.startswith("pack-") and "mine.toml" in t for k, t in window.banner.texts().items())
    pack.write_text(ZEBRA_PACK, encoding="utf-8")
    _reload(qtbot, window)
    assert not any(k.startswith("pack-") for k in window.banner.texts())


def test_a_pack_reusing_a_rule_id_is_reported_in_the_window(qtbot, window, data_dir):
    rules = paths.user_rules_dir(data_dir)
    rules.mkdir(parents=True, exist_ok=True)
    (rules / "a.toml").write_text(ZEBRA_PACK, encoding="utf-8")
    (rules / "b.toml").write_text(ZEBRA_PACK, encoding="utf-8")
    shipped = ZEBRA_PACK.replace("style.caps.zebra", "etiquette.hard-sell.urgency").replace(
        'category = "style.caps"', 'category = "etiquette.hard-sell"'
    )
    (rules / "c.toml").write_text(shipped, encoding="utf-8")
    _reload(qtbot, window)
    texts = [t for k, t in window.banner.texts().items() if k.startswith("pack-")]
    assert any("b.toml: rule 'style.caps.zebra'" in t and "also used in a.toml" in t for t in texts)
    assert any("c.toml" in t and "replaces the shipped rule" in t for t in texts)
    (rules / "b.toml").unlink()
    (rules / "c.toml").unlink()
    _reload(qtbot, window)
    assert not any(k.startswith("pack-") for k in window.banner.texts())


def test_a_failed_reload_keeps_the_old_rules_and_says_so(qtbot, window, monkeypatch):
    import composer.services.guidelines as guidelines

    def broken(*_args, **_kwargs):
        raise OSError("disk on fire")

    before = window.checks.checker.service
    monkeypatch.setattr(guidelines, "build_engine", broken)
    with qtbot.waitSignal(window.rules.failed, timeout=10_000):
        window.actions_.reload_rules.trigger()
    assert "disk on fire" in window.banner.texts()["reload"]
    assert window.checks.checker.service is before
