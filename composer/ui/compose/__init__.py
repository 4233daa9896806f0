"""Writing a post: the centre column, targeting, chips, preview, approval and snippets."""
