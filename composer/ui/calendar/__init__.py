"""The calendar: posts by date in a week, a month or an agenda list, moved by dragging."""
