"""Import: JSON array, JSON lines and CSV; one bad row imports nothing and is named."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from composer.domain.posts import PostDraft, PostQuery
from composer.services.importer import ImportFileError, parse_posts


def all_posts(services):
    return services.history.page(PostQuery(limit=100))


def test_json_array(services, tmp_path):
    path = tmp_path / "posts.json"
    rows = [
        {"text": "One", "platforms": ["x", "linkedin"], "tags": ["a"], "title": "First"},
        {"text": "Two", "scheduled_at": "2026-05-13T19:00", "link": "https://ex.com"},
    ]
    path.write_text(json.dumps(rows), encoding="utf-8")
    ids = services.importer.import_file(path)
    assert len(ids) == 2
    one, two = (services.library.get(i) for i in ids)
    assert (one.title, one.platforms, one.tags) == ("First", ("x", "linkedin"), ("a",))
    assert two.scheduled_at == datetime(2026, 5, 13, 19, 0)
    assert two.link == "https://ex.com"
    assert services.library.revisions(one.id) == []  # one version so far: the post itself
    services.library.autosave(one.id, PostDraft(body="One, edited", platforms=("x",)))
    revisions = services.library.revisions(one.id)
    assert [(r.kind, r.content.body) for r in revisions] == [
        ("autosave", "One, edited"),
        ("import", "One"),
    ]
    assert services.history.page(PostQuery(search="one"))[0].id == one.id
    assert services.library.setting("fts.bulk-insert") is None  # indexing is back on
    later = services.library.create(PostDraft(body="Created after the import"))
    assert services.history.page(PostQuery(search="created"))[0].id == later.id


def test_json_lines_ignores_unknown_fields(services, tmp_path):
    path = tmp_path / "posts.jsonl"
    path.write_text(
        '{"id": "s1", "text": "Hello", "expect": [], "clean": true}\n\n{"text": "World"}\n',
        encoding="utf-8",
    )
    assert len(services.importer.import_file(path)) == 2


def test_csv_with_header(services, tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text(
        "\ufefftitle,Text,platforms,tags,scheduled_at\n"
        'Hi,"Line one\nline two","x, linkedin",home auto,2026-05-13 19:00\n'
        ",Plain,facebook,,\n",
        encoding="utf-8",
    )
    ids = services.importer.import_file(path)
    first = services.library.get(ids[0])
    assert first.body == "Line one\nline two"
    assert first.platforms == ("x", "linkedin")
    assert first.tags == ("auto", "home")
    assert services.library.get(ids[1]).title == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[{"text": "ok"}, {"text": ""}]', "row 2, field 'text'"),
        ('[{"text": "ok"}, {"text": "x", "platforms": ["myspace"]}]', "row 2, field 'platforms'"),
        ('{"text": "ok"}\n{"text": "ok", "scheduled_at": "soon"}\n', "row 2, field 'scheduled_at'"),
        ('{"text": "ok"}\n\n{"text": "ok"\n', "row 3"),
        ("text,platforms\nok,x\nfine,tiktok\n", "row 3, field 'platforms'"),
        ("title,body\nA,B\n", "no 'text' column"),
        ('[{"text": "ok", "tags": 3}]', "row 1, field 'tags'"),
        ('[{"text": "ok", "variants": {"x": 1}}]', "row 1, field 'variants'"),
        ('{"a": 1}', "row 1, field 'text'"),
        ('[{"text": "ok"}, "just text"]', "row 2: each post must be an object"),
        ("", "empty"),
        ("[]", "no posts"),
    ],
)
def test_one_bad_row_imports_nothing(services, content, message):
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(")):
        services.importer.import_drafts(parse_posts(content))
    assert all_posts(services) == []


def test_not_utf8_is_refused(services, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("text\ncaf\xe9\n".encode("latin-1"))
    with pytest.raises(ImportFileError, match="not UTF-8"):
        services.importer.import_file(path)


def test_missing_file(services, tmp_path):
    with pytest.raises(ImportFileError, match="no file"):
        services.importer.import_file(tmp_path / "nope.csv")


def test_a_failing_write_rolls_back_everything(services, monkeypatch):
    drafts = parse_posts('[{"text": "a"}, {"text": "b"}]')
    from composer.storage import posts as storage_posts

    original = storage_posts.PostRepository.insert_many

    def explode(self, drafts, now):
        original(self, drafts, now)
        raise RuntimeError("disk full")

    monkeypatch.setattr(storage_posts.PostRepository, "insert_many", explode)
    with pytest.raises(RuntimeError):
        services.importer.import_drafts(drafts)
    assert all_posts(services) == []
