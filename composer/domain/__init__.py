"""Frozen dataclasses shared by every layer: nothing here imports Qt or SQLAlchemy."""
