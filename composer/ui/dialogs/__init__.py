"""The window's dialogs: each is freed on close and hands its result back through a signal."""
