"""Images on a post: the strip, dropping and pasting, background work, the viewer."""
