"""dmgbuild settings for Composer-<version>.dmg: the app and a link to /Applications.

packaging/build.py passes the app's path as `defines={"app": ...}`; dmgbuild runs this file
with `defines` in its namespace.
"""

import os.path

application = defines.get("app", "dist/Composer.app")  # noqa: F821 (given by dmgbuild)
appname = os.path.basename(application)

format = "UDZO"  # compressed, read-only
filesystem = "HFS+"
files = [application]
symlinks = {"Applications": "/Applications"}
icon_locations = {appname: (140, 160), "Applications": (420, 160)}
window_rect = ((200, 200), (560, 340))
default_view = "icon-view"
show_icon_preview = False
icon_size = 96
text_size = 13
