"""Only http(s) links leave Composer as links: an older post's `javascript:` link is left
out of every file, and the plan says so."""

from __future__ import annotations

import pytest

from composer.services.export import ExportRequest, ProblemCode

FORMATS = ("hootsuite", "sprout", "csv", "json", "md", "pdf")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_non_web_link_is_left_out_with_a_note(exporter, make_post, tmp_path, fmt):
    bad = make_post("Storm kit tips?", link="javascript:alert(document.cookie)")
    good = make_post("Flood cover is separate.", link="https://naic.org/flood")
    plan = exporter.plan(ExportRequest(format=fmt, post_ids=(bad.id, good.id), platform="x"))
    notes = [p.post_ids for p in plan.warnings if p.code is ProblemCode.DROPPED_LINK]
    assert notes == [(bad.id,)]
    out = tmp_path / f"out.{fmt}"
    exporter.write(plan, out)
    data = out.read_bytes()
    assert b"javascript" not in data
    if fmt != "pdf":  # the PDF's text is compressed
        assert b"https://naic.org/flood" in data
