"""Checks written in code rather than as rule-pack data.

A built-in check is a callable `(CheckInput, TextFacts) -> Iterable[Finding]`.
"""
