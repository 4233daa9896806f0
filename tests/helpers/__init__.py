"""What the tests share: fakes, fixtures, paths and checks for what a machine must have.

- `fakes`: FakeClock, StepClock and FakeEngine.
- `keyrings`: the in-memory keyring every test starts with, and swapping backends.
- `library`: fixtures for a real library in tmp_path (clock, engine, services, exports).
- `cli`: running `composer ...` in process (`CliRunner`, the `cli` fixture).
- `accounts`, `audit`, `images`, `pdftext`, `widgets`: helpers of one area each.
- `paths`: where the repository, tests/data, tests/fixtures and ../shared are.
- `requirements`: skip for a missing tool, or fail where CI is set.
"""
