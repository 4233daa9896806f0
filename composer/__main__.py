"""Entry point: `composer` and `python -m composer`."""

import sys


def main(argv: list[str] | None = None) -> int:
    from composer.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
