"""The frame around the work: launch, startup, the main window, menus, theme and banners."""
