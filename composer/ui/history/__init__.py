"""The history list: every post, searchable, with its actions."""
