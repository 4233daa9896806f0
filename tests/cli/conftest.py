"""`composer ...` in process on a real library in tmp_path, with the fake engine."""

from tests.helpers.cli import cli
from tests.helpers.library import clock, engine, exporter, make_post, open_services, services

__all__ = ["cli", "clock", "engine", "exporter", "make_post", "open_services", "services"]
