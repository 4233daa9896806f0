"""A real library in tmp_path, on a settable clock with the fake engine; posts to export."""

from tests.helpers.cli import cli
from tests.helpers.library import clock, engine, exporter, make_post, open_services, services

__all__ = ["cli", "clock", "engine", "exporter", "make_post", "open_services", "services"]
