"""The leak test: a credential added to an account shows up in no file Composer writes.

It goes through the real container and library with logging at debug level into a file,
adds accounts with a known credential, autosaves and approves a post that uses one,
makes backups, then reads every byte under the data folder and the log folder.
(Exports join this test once composer.export lands.)
"""

from __future__ import annotations

import logging

import pytest

from composer.app.container import Services
from composer.domain.findings import CheckResult
from composer.domain.posts import PostDraft
from composer.secrets import MemoryKeyring, Secret
from composer.secrets.store import SERVICE_ENV
from tests.helpers.keyrings import installed_keyring

SECRET = "Leak-Canary-4c1e!SECRET"


class _NoFindings:
    """The guideline engine is not under test here; approval only needs a checker."""

    def check(self, request: object) -> CheckResult:
        return CheckResult(findings=())


@pytest.fixture
def debug_log(tmp_path):
    folder = tmp_path / "logs"
    folder.mkdir()
    handler = logging.FileHandler(folder / "composer.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield folder
    root.removeHandler(handler)
    root.setLevel(previous)
    handler.close()


def test_the_credential_is_in_no_file_under_the_data_or_log_folder(
    tmp_path, debug_log, monkeypatch
):
    monkeypatch.setenv(SERVICE_ENV, "Composer-leak-test")
    data = tmp_path / "data"
    with (
        installed_keyring(MemoryKeyring()) as memory,
        Services.open(data, engine_loader=_NoFindings) as services,
    ):
        linkedin = services.accounts.add("linkedin", "jane-doe", "Jane Doe", Secret(SECRET))
        x = services.accounts.add("x", "jane", secret=SECRET)
        services.accounts.check(linkedin.id)
        services.accounts.rename(x.id, "Jane on X")
        services.accounts.set_secret(x.id, Secret(SECRET + "-2"))

        draft = PostDraft(
            body="Spring home insurance check-up: call us for a quote.",
            platforms=("linkedin",),
            account_id=linkedin.id,
        )
        post = services.library.create(draft)
        services.library.autosave(post.id, PostDraft(**{**_fields(draft), "title": "Spring"}))
        services.approval.approve(post.id, reason="reviewed by compliance")
        services.database.daily_backup()
        services.database.backup_to(data / "backups" / "manual.sqlite3")
        services.accounts.remove(x.id)

        entry = f"{services.library_id}/{linkedin.id}"
        assert memory.get_password("Composer-leak-test", entry) == SECRET

    files = [path for folder in (data, debug_log) for path in folder.rglob("*") if path.is_file()]
    assert any(path.suffix == ".sqlite3" for path in files)
    log_text = (debug_log / "composer.log").read_text(encoding="utf-8")
    assert "composer.secrets.store DEBUG credential for 1 saved" in log_text  # debug was on
    for path in files:
        content = path.read_bytes()
        for needle in (SECRET.encode(), SECRET.encode("utf-16-le")):
            assert needle not in content, f"the credential leaked into {path}"


def _fields(draft: PostDraft) -> dict:
    return {name: getattr(draft, name) for name in draft.__slots__}
