"""A real library in tmp_path, on a settable clock with the fake engine."""

from tests.helpers.library import clock, engine, open_services, services

__all__ = ["clock", "engine", "open_services", "services"]
