"""Running `composer ...` in this process, as the CLI tests do.

`CliRunner` calls `composer.cli.run` with `--data-dir` (and any leading arguments), feeds
stdin, and returns (status, stdout, stderr); no run may print a traceback, and none may
print a text given as `forbidden` (a credential). The `cli` fixture is one on
`<tmp_path>/data` whose library uses the test's `engine` fixture.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pytest


class CliRunner:
    def __init__(
        self,
        data: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        *,
        engine: object | None = None,
        prefix: Sequence[str] = (),
        forbidden: Sequence[str] = (),
        log: pytest.LogCaptureFixture | None = None,
    ) -> None:
        self.data = data
        self.library = data / "library.sqlite3"
        self._capsys = capsys
        self._monkeypatch = monkeypatch
        self._prefix = tuple(prefix)
        self._forbidden = tuple(forbidden)
        self._log = log
        if engine is not None:
            monkeypatch.setattr("composer.app.container.load_engine", lambda data_dir: engine)

    def __call__(self, *argv: str, stdin: str | io.TextIOBase = "") -> tuple[int, str, str]:
        from composer.cli import run

        stream = io.StringIO(stdin) if isinstance(stdin, str) else stdin
        self._monkeypatch.setattr("sys.stdin", stream)
        status = run(["--data-dir", str(self.data), *self._prefix, *argv])
        out, err = self._capsys.readouterr()
        assert "Traceback" not in err
        seen = out + err + (self._log.text if self._log is not None else "")
        for text in self._forbidden:
            assert text not in seen
        return status, out, err


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys, engine) -> CliRunner:
    """`composer --data-dir <tmp>/data ...` in process; returns (status, out, err)."""
    return CliRunner(tmp_path / "data", capsys, monkeypatch, engine=engine)
