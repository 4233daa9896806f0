"""The draft editor: text widget, live checks, underlines and quick fixes."""
