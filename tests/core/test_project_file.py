"""A project is told apart the same way everywhere: by the schema key near the start of a JSON object."""

from __future__ import annotations

import pytest

from editor import formats
from editor.core import project
from editor.core.project_file import EXTENSION, looks_like_project

HEAD = '{"transcript_editor_project": 1, "segments": []}'


@pytest.mark.parametrize("before", ["", "\n  ", "\ufeff", "\ufeff\r\n"])
def test_a_project_s_head_is_known_as_text_as_bytes_and_as_a_file(before, tmp_path):
    path = tmp_path / f"show{EXTENSION}"
    path.write_bytes((before + HEAD).encode("utf-8"))
    assert looks_like_project(before + HEAD) and looks_like_project((before + HEAD).encode("utf-8"))
    assert formats.is_project_text(before + HEAD)
    assert project.is_project(path)     # a file saved by an editor that adds a byte order mark, too


@pytest.mark.parametrize("text", ['["transcript_editor_project"]', 'WEBVTT\n\n"transcript_editor_project"',
                                  '{"segments": []}'])
def test_other_files_are_not_projects(text, tmp_path):
    path = tmp_path / "other.json"
    path.write_text(text, encoding="utf-8")
    assert not looks_like_project(text) and not formats.is_project_text(text) and not project.is_project(path)


def test_every_list_names_the_one_extension():
    assert formats.PROJECT_EXTENSION == EXTENSION
    assert formats.readable_extensions()[0] == EXTENSION
