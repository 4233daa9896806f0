"""What the checks found: the live checks, the findings panel and its cards."""
