"""Composer: an offline post composer for insurance agents."""
