"""Only http(s) links leave Composer as links: an older post's `javascript:` link is left
out of every file, and the plan says so."""

from __future__ import annotations

import pytest

from composer.services.export import ExportRequest

FORMATS = ("hootsuite", "sprout", "csv", "json", "md", "pdf")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_non_web_link_is_left_out_with_a_note(exporter, make_post, tmp_path, fmt):
    bad = make_post("Storm kit tips?", link="javascript:alert(document.cookie)")
    good = make_post("Flood cover is separate.", link="https://naic.org/flood")
    plan = exporter.plan(ExportRequest(format=fmt, post_ids=(bad.id, good.id), platform="x"))
    notes = [p.message for p in plan.warnings if "not an http:// or https://" in p.message]
    assert notes == [
        f"post(s) {bad.id} have a link that is not an http:// or https:// web address "
        "(such as javascript:); it was left out of the file"
    ]
    out = tmp_path / f"out.{fmt}"
    exporter.write(plan, out)
    data = out.read_bytes()
    assert b"javascript" not in data
    if fmt != "pdf":  # the PDF's text is compressed
        assert b"https://naic.org/flood" in data
