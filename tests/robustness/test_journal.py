"""The journal and recovery in-process: what each line holds, torn tails, bases, rotation, unsaved work."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edit_script import fingerprint, fixture_transcript, generate, run_script, saved_fixture_project  # noqa: E402

from editor.core import ops, project  # noqa: E402
from editor.core.errors import TranscriptError  # noqa: E402
from editor.session import journal_replay, leftovers, recovery  # noqa: E402
from editor.session.journal import Journal  # noqa: E402
from editor.session.journal_lines import DELTA_JOURNAL_VERSION, JOURNAL_VERSION, decode_line, encode_line  # noqa: E402
from editor.session.journal_places import journal_path_for, snapshot_paths_for  # noqa: E402


@pytest.fixture
def saved(tmp_path):
    return saved_fixture_project(tmp_path)


def _records(journal_path: Path) -> list[dict]:
    return [decode_line(line) for line in journal_path.read_bytes().splitlines(keepends=True)[1:]]


def test_a_typing_edit_writes_only_its_row(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.run(transcript, ops.set_text(transcript, 5, transcript.segments[5].text + " tiller"))
    journal.run(transcript, ops.set_text(transcript, 5, transcript.segments[5].text + "s"))
    first, second = _records(journal.path)
    assert [row for row, _ in first["set"]] == [5] and "speakers" in first and "meta" in first
    assert [row for row, _ in second["set"]] == [5]
    assert "speakers" not in second and "meta" not in second   # unchanged since the line before
    assert second["set"][0][1]["text"].endswith("tillers")
    journal.close()


def test_a_line_writes_the_speakers_meta_and_chapters_its_edit_or_the_app_changed(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.run(transcript, ops.set_text(transcript, 5, transcript.segments[5].text + " tiller"))
    journal.run(transcript, ops.rename_speaker(transcript, "spk1", "Ada Quist"))
    journal.run(transcript, ops.add_chapter(transcript, 60_000, "Second half"))
    journal.run(transcript, ops.set_audio(transcript, duration_ms=901_000))
    ops.run(transcript, ops.set_audio(transcript, path=str(path.parent / "found.wav")))   # linked, not an edit
    journal.meta_derived()
    journal.run(transcript, ops.set_text(transcript, 6, transcript.segments[6].text + " oakum"))
    journal.run(transcript, ops.set_text(transcript, 7, transcript.segments[7].text + " ketch"))
    first, rename, chapter, length, after_link, typing = _records(journal.path)
    parts = {"speakers", "meta", "chapters"}
    assert parts <= first.keys()                    # replay never depends on the base's
    assert parts & rename.keys() == {"speakers"}
    assert parts & chapter.keys() == {"chapters"}
    assert parts & length.keys() == {"meta"} and length["meta"]["duration_ms"] == 901_000
    assert parts & after_link.keys() == {"meta"} and after_link["meta"]["audio_path"].endswith("found.wav")
    assert not parts & typing.keys()
    journal.close()
    assert fingerprint(recovery.recover(journal.path)) == fingerprint(transcript)


def test_replace_in_many_rows_is_sparse_and_split_is_one_window(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    spans = [(r, 0, 0, "X ") for r in (2, 30, 55)]
    journal.run(transcript, ops.replace_spans(transcript, spans))
    journal.run(transcript, ops.split(transcript, 10, transcript.segments[10].text.index(" ") + 1))
    journal.run(transcript, ops.merge_with_next(transcript, 58))   # the last two rows
    journal.run(transcript, ops.rename_speaker(transcript, "spk1", "Ada Quist"))
    replace, split, merge, rename = _records(journal.path)
    assert [row for row, _ in replace["replace"]] == [2, 30, 55]   # the spans, not the turns they made
    assert split["rows"] == [10, 1] and len(split["segments"]) == 2
    assert merge["rows"] == [58, 2] and len(merge["segments"]) == 1
    assert "set" not in rename and "rows" not in rename and ["spk1", "Ada Quist"] in rename["speakers"]
    journal.close()
    assert fingerprint(recovery.recover(journal.path)) == fingerprint(transcript)


def test_a_merge_with_an_overlapping_turn_and_its_undo_and_redo_replay(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    first = transcript.segments[20]
    inside = (first.start_ms + first.end_ms) // 2   # the next turn put inside this one, then merged
    journal.run(transcript, ops.set_bounds(transcript, 21, first.end_ms, first.end_ms))
    journal.run(transcript, ops.SetFields(((21, {"start_ms": inside, "end_ms": inside + 1}),)))
    end = first.end_ms
    undo = journal.run(transcript, ops.merge_with_next(transcript, 20))
    assert transcript.segments[20].end_ms == end
    redo = journal.run(transcript, undo)
    journal.run(transcript, redo)
    journal.close()
    restored = recovery.recover(journal.path)
    assert restored.segments[20].end_ms == end
    assert fingerprint(restored) == fingerprint(transcript)


def test_a_shift_of_every_time_and_its_undo_replay(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    starts = [segment.start_ms for segment in transcript.segments]
    undo = journal.run(transcript, ops.shift_times(transcript, 15_000).op)
    shifted = fingerprint(transcript)
    journal.close()
    assert [s.start_ms for s in recovery.recover(journal.path).segments] == [ms + 15_000 for ms in starts]
    assert fingerprint(recovery.recover(journal.path)) == shifted
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.run(transcript, undo)
    journal.close()
    assert [s.start_ms for s in recovery.recover(journal.path).segments] == starts


def _header_says(journal_path: Path, version: int) -> None:
    """The journal with its first line naming *version* (its edits' lines as written)."""
    header, *lines = journal_path.read_bytes().splitlines(keepends=True)
    record = decode_line(header)
    record["journal"] = version
    journal_path.write_bytes(encode_line(record, small=True) + b"".join(lines))


def _journal_of_edits(path, transcript) -> Journal:
    """Typing, a split, a rename and a replace journaled (every kind of line version 1 journals hold)."""
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.run(transcript, ops.set_text(transcript, 5, transcript.segments[5].text + " tiller"))
    journal.run(transcript, ops.split(transcript, 10, transcript.segments[10].text.index(" ") + 1))
    journal.run(transcript, ops.rename_speaker(transcript, "spk1", "Ada Quist"))
    journal.run(transcript, ops.replace_spans(transcript, [(r, 0, 0, "X ") for r in (2, 30, 55)]))
    journal.close()
    return journal


def test_a_journal_names_its_version_and_one_written_as_version_1_still_restores(saved):
    path, transcript = saved
    journal = _journal_of_edits(path, transcript)
    assert decode_line(journal.path.read_bytes().splitlines(keepends=True)[0])["journal"] == JOURNAL_VERSION == 2
    _header_says(journal.path, 1)
    pending = recovery.find_for(path)
    assert pending is not None and pending.recoverable
    assert fingerprint(pending.recover()) == fingerprint(transcript)


def test_a_journal_of_a_newer_version_is_not_replayed_and_says_why(saved):
    # Its lines may be of kinds this version has no rule for: read as damage or skipped, the edits
    # they hold would be lost or misplaced. It stays for the version that wrote it.
    path, transcript = saved
    journal = _journal_of_edits(path, transcript)
    _header_says(journal.path, DELTA_JOURNAL_VERSION + 1)   # newer than any this version reads
    written = journal.path.read_bytes()
    pending = recovery.find_for(path)
    assert pending is not None and not pending.recoverable
    assert "written by a newer version of Transcript Editor" in pending.problem
    assert journal.path.read_bytes() == written


def test_torn_or_corrupt_tail_is_ignored(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    script = generate(project.load(path).transcript, 40, seed=4)
    states = []
    run_script(transcript, script, run=lambda op: journal.run(transcript, op),
               after=lambda n: states.append(fingerprint(transcript)))
    journal.close()
    data = journal.path.read_bytes()
    lines = data.splitlines(keepends=True)
    # Cut the last line in half: a kill in the middle of write().
    journal.path.write_bytes(b"".join(lines[:-1]) + lines[-1][: len(lines[-1]) // 2])
    pending = recovery.find_for(path)
    assert pending.torn and pending.last_seq == 39
    assert fingerprint(pending.recover()) == states[38]
    # A flipped byte in line 21 (edit 20): the checksum stops replay before it.
    damaged = bytearray(data)
    start = sum(len(line) for line in lines[:20])
    damaged[start + 30] ^= 0x01
    journal.path.write_bytes(bytes(damaged))
    pending = recovery.find_for(path)
    assert pending.torn and pending.last_seq == 19
    assert fingerprint(pending.recover()) == states[18]
    # Zeros after a power cut.
    journal.path.write_bytes(b"".join(lines[:11]) + b"\0" * 4096)
    assert recovery.find_for(path).last_seq == 10


def test_journal_never_replays_onto_a_changed_base(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.run(transcript, ops.set_text(transcript, 0, "changed"))
    journal.close()
    with open(path, "a", encoding="utf-8") as handle:   # another program touched the project
        handle.write(" ")
    pending = recovery.find_for(path)
    assert not pending.recoverable and "changed on disk" in pending.problem
    with pytest.raises(TranscriptError, match="changed on disk"):
        pending.recover()
    pending.discard()
    assert not journal.path.exists()


def test_a_live_journal_is_not_offered(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.run(transcript, ops.set_text(transcript, 0, "live"))
    pending = recovery.find_for(path)
    assert not pending.recoverable and "another running" in pending.problem
    journal.close()
    assert recovery.find_for(path).recoverable


def test_two_looks_at_once_at_a_journal_left_behind_both_find_it_to_offer(saved):
    # Two windows (or two instances starting) reading the same journal left behind at once: neither
    # look may take the other's for a running window writing it, or the work is not offered.
    from editor.session.journal_files import is_locked
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.run(transcript, ops.set_text(transcript, 0, "left behind"))
    journal.close()
    stop = threading.Event()

    def another_window_looking() -> None:
        while not stop.is_set():
            is_locked(journal.path)
    other = threading.Thread(target=another_window_looking, daemon=True)
    other.start()
    try:
        found = [recovery.find_for(path) for _ in range(300)]
    finally:
        stop.set()
        other.join()
    assert [pending.problem for pending in found if not pending.recoverable] == []


def test_save_rotates_and_a_clean_journal_is_not_offered(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.run(transcript, ops.set_text(transcript, 0, "before the save"))
    project.save(transcript, path)
    journal.saved(path)
    assert _records(journal.path) == [] and journal.seq == 1
    journal.close()
    assert recovery.find_for(path) is None and not journal.path.exists()   # nothing to offer: removed


def test_snapshot_rotation_keeps_edits_made_while_it_was_written(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    script = generate(project.load(path).transcript, 400, seed=9)
    run = lambda op: journal.run(transcript, op)  # noqa: E731
    started = []
    run_script(transcript, script, run=run,
               after=lambda n: n % 15 == 0 and started.append(journal.snapshot_async(transcript)))
    journal.wait_snapshot()
    assert any(started)
    expected = fingerprint(transcript)
    os.close(journal._fd)   # die without closing
    journal._closed = True
    pending = recovery.find_for(path)
    assert pending.base.kind == "snapshot" and pending.last_seq == 400
    assert pending.edit_count < 400   # replay starts at the snapshot, not at the save
    assert fingerprint(pending.recover()) == expected
    # Old snapshots were removed: what is left is the base, and the whole snapshot it adds to if it is a delta.
    needed = {Path(ref.path) for ref in (pending.base, pending.anchor) if ref is not None and ref.kind == "snapshot"}
    assert set(snapshot_paths_for(pending.journal_path)) == needed and len(needed) in (1, 2)
    pending.discard()
    assert snapshot_paths_for(pending.journal_path) == []


def test_a_save_during_a_snapshot_wins(saved, monkeypatch):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.run(transcript, ops.set_text(transcript, 0, "one"))
    gate, entered = threading.Event(), threading.Event()
    real_dumps = project.dumps

    def slow_dumps(*args, **kwargs):
        entered.set()
        gate.wait(5)
        return real_dumps(*args, **kwargs)
    monkeypatch.setattr(project, "dumps", slow_dumps)
    assert journal.snapshot_async(transcript)
    entered.wait(5)
    monkeypatch.setattr(project, "dumps", real_dumps)
    journal.run(transcript, ops.set_text(transcript, 0, "two"))
    project.save(transcript, path)
    journal.saved(path)
    gate.set()
    journal.wait_snapshot()
    assert journal.base.kind == "project" and snapshot_paths_for(journal.path) == []
    journal.close()


def test_unsaved_work_is_journaled_in_the_data_folder_against_its_source(tmp_path):
    source = tmp_path / "episode.srt"
    source.write_text("1\n00:00:01,000 --> 00:00:03,000\nHarlowe: the keel was cedar\n\n"
                      "2\n00:00:03,500 --> 00:00:06,000\nBrindle: and the mast was oak\n", encoding="utf-8")
    from editor.formats import read_file
    result = read_file(source)
    transcript = result.transcript
    data_dir = tmp_path / "data"
    journal = Journal.for_document(source, saved=False, format=result.format, data_dir=data_dir,
                                   fsync_interval=None)
    assert journal.path.parent == data_dir / "recovery"
    journal.run(transcript, ops.set_text(transcript, 1, "and the mast was larch"))
    transcript.meta.audio_path = str(tmp_path / "episode.mp3")   # relinked without an op
    journal.run(transcript, ops.add_speaker(transcript, "Vessik"))
    journal.snapshot_now(transcript)
    journal.run(transcript, ops.set_speaker(transcript, 0, list(transcript.speakers)[-1]))
    expected = fingerprint(transcript)
    journal.close()
    [pending] = recovery.find_unsaved(data_dir)
    assert pending.source_path == str(source) and "episode.srt" in pending.describe()
    assert ": autosaved and 1 edit after it, last change " in pending.describe()
    restored = pending.recover()
    assert fingerprint(restored) == expected and restored.meta.audio_path == str(tmp_path / "episode.mp3")
    assert recovery.find_for(source, saved=False, data_dir=data_dir).last_seq == 3
    # The first save moves the journal beside the new project and drops the data-folder copy.
    resumed = pending.resume(fsync_interval=None)
    target = tmp_path / "episode.tep.json"
    project.save(restored, target)
    resumed.saved(target)
    assert resumed.path == journal_path_for(target) and not pending.journal_path.exists()
    assert recovery.find_unsaved(data_dir) == []
    resumed.discard()



def test_work_autosaved_with_no_edit_after_it_is_offered_as_autosaved(tmp_path):
    # (it said "0 edits after the last autosave", which reads as if there were nothing to restore)
    source = tmp_path / "episode.srt"
    source.write_text("1\n00:00:01,000 --> 00:00:03,000\nHarlowe: the keel was cedar\n", encoding="utf-8")
    from editor.formats import read_file
    result = read_file(source)
    transcript = result.transcript
    journal = Journal.for_document(source, saved=False, format=result.format, data_dir=tmp_path / "data",
                                   fsync_interval=None)
    journal.run(transcript, ops.set_text(transcript, 0, "the keel was oak"))
    journal.snapshot_now(transcript)
    journal.close()
    [pending] = recovery.find_unsaved(tmp_path / "data")
    assert "Unsaved work on episode.srt: autosaved, last change " in pending.describe()
    assert "0 edits" not in pending.describe()
    assert pending.recover().segments[0].text == "the keel was oak"


def test_a_lone_edit_is_synced_at_once_and_the_edits_right_after_it_together(saved, monkeypatch):
    """The background fsync: an edit after a quiet spell goes to the disk at once (not an interval
    later), and the edits that follow within the interval wait for one fsync at its end."""
    from editor.session import journal as journal_module
    synced = []   # (what the test was doing, thread) of every fsync of the journal's descriptor
    first = threading.Event()
    doing = ["editing"]

    def fsync_and_close(fd):
        synced.append((doing[0], threading.current_thread().name))
        first.set()
        os.close(fd)
    monkeypatch.setattr(journal_module, "fsync_and_close", fsync_and_close)
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=3600.0)
    journal.run(transcript, ops.set_text(transcript, 5, transcript.segments[5].text + " tiller"))
    assert first.wait(30), "a lone edit was not synced within the hour-long interval"
    journal.run(transcript, ops.set_text(transcript, 5, transcript.segments[5].text + "s"))
    journal.run(transcript, ops.set_text(transcript, 6, transcript.segments[6].text + " yes"))
    doing[0] = "closing"
    journal.close()
    syncer = [what for what, thread in synced if thread == "journal-fsync"]
    assert syncer[0] == "editing" and all(what == "closing" for what in syncer[1:])   # the rest waited
    journal.discard()

@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), count=st.integers(1, 120), snapshot_every=st.sampled_from([0, 5, 17]))
def test_any_edit_sequence_is_restored_exactly(tmp_path_factory, seed, count, snapshot_every):
    folder = tmp_path_factory.mktemp("prop")
    path = folder / "ep.tep.json"
    project.save(fixture_transcript(), path)
    transcript = project.load(path).transcript
    script = generate(project.load(path).transcript, count, seed=seed)
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    run_script(transcript, script, run=lambda op: journal.run(transcript, op),
               after=lambda n: snapshot_every and n % snapshot_every == 0 and journal.snapshot_now(transcript))
    journal.close()
    pending = recovery.find_for(path)
    assert pending.last_seq == count
    assert fingerprint(pending.recover()) == fingerprint(transcript)


def test_a_journal_kept_aside_keeps_its_snapshot_and_is_neither_offered_nor_cleaned_up(tmp_path, monkeypatch):
    source = tmp_path / "episode.srt"
    source.write_text("1\n00:00:01,000 --> 00:00:03,000\nHarlowe: the keel was cedar\n", encoding="utf-8")
    from editor.formats import read_file
    result = read_file(source)
    transcript = result.transcript
    data_dir = tmp_path / "data"
    journal = Journal.for_document(source, saved=False, format=result.format, data_dir=data_dir,
                                   fsync_interval=None)
    journal.run(transcript, ops.set_text(transcript, 0, "the keel was oak"))
    journal.snapshot_now(transcript)
    journal.run(transcript, ops.set_text(transcript, 0, "the keel was larch"))
    journal.close()
    [pending] = recovery.find_unsaved(data_dir)
    [snapshot] = snapshot_paths_for(pending.journal_path)
    held = pending.journal_path.read_bytes(), snapshot.read_bytes()

    kept = pending.keep_aside()
    assert kept.parent == pending.journal_path.parent and ".journal.unrestored-" in kept.name
    assert not pending.journal_path.exists() and not snapshot.exists()
    [kept_snapshot] = kept.parent.glob(f"{snapshot.name}.unrestored-*")
    assert (kept.read_bytes(), kept_snapshot.read_bytes()) == held
    monkeypatch.setattr(leftovers, "ORPHAN_AGE_S", -1.0)   # old enough for any leftover to go
    assert recovery.find_unsaved(data_dir) == []
    leftovers.clean_leftovers(pending.journal_path)
    assert kept.exists() and kept_snapshot.exists()
    assert pending.keep_aside() is None                    # nothing left there to keep


def test_a_journal_cut_after_the_lines_that_fit_resumes_after_them(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.run(transcript, ops.set_text(transcript, 0, "the keel was oak"))
    journal.run(transcript, ops.set_text(transcript, 0, "the keel was larch"))
    expected = fingerprint(transcript)
    journal.close()
    from editor.session.journal_lines import encode_line
    fitting = journal.path.read_bytes()
    with open(journal.path, "ab") as handle:
        handle.write(encode_line({"seq": 3, "rows": [999, 1], "segments": []}))
    pending = recovery.inspect(journal.path)
    base, _ = pending.load_base()
    applied, misfit = journal_replay.replay_fitting(base, pending.records, pending.journal_path)
    assert applied == 2 and "journal entry 3 does not fit" in str(misfit)
    assert fingerprint(base) == expected
    with pytest.raises(TranscriptError, match="does not fit"):
        journal_replay.replay(project.load(path).transcript, pending.records)

    pending.cut(applied)
    resumed = pending.resume(fsync_interval=None)
    assert journal.path.read_bytes() == fitting
    resumed.run(base, ops.set_text(base, 0, "the keel was ash"))
    resumed.close()
    again = recovery.inspect(journal.path)
    assert again.last_seq == 3 and again.recover().segments[0].text == "the keel was ash"


def test_discarding_a_journal_leaves_what_an_earlier_one_kept_aside(tmp_path):
    journal = tmp_path / "episode.tep.json.journal"
    snapshot = tmp_path / "episode.tep.json.autosave-3-0a1b2c"
    kept = [tmp_path / "episode.tep.json.journal.unrestored-20260101-120000",
            tmp_path / "episode.tep.json.autosave-1-abcdef.unrestored-20260101-120000"]
    for path in [journal, snapshot, *kept]:
        path.write_bytes(b"the producer's work")
    recovery.Pending(journal, None, problem="the journal's header is damaged").discard()
    assert not journal.exists() and not snapshot.exists()
    assert all(path.exists() for path in kept)


def test_discarding_a_journal_does_not_wait_for_its_snapshot_and_leaves_no_file(saved, monkeypatch):
    """The window discards the journal as the producer undoes the last edit: a long episode's snapshot
    being written meanwhile must not hold the window, and its rotation, finding the journal gone, removes
    its own file. (The snapshot's writing is held at its start so that it is under way for sure.)"""
    path, transcript = saved
    started, go = threading.Event(), threading.Event()
    real_to_dict = project.to_dict

    def held_to_dict(*args, **kwargs):
        started.set()
        go.wait()
        return real_to_dict(*args, **kwargs)

    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.run(transcript, ops.set_text(transcript, 5, "the keel was ash"))
    monkeypatch.setattr(project, "to_dict", held_to_dict)
    assert journal.snapshot_async(transcript)
    assert started.wait(60)
    guard = threading.Timer(60, go.set)     # a hang guard: had discard() waited, it would wait for this
    guard.start()
    journal.discard()
    assert not go.is_set()                  # returned while the snapshot was still being written
    go.set()
    guard.cancel()
    journal.wait_snapshot()
    assert not journal.path.exists() and snapshot_paths_for(journal.path) == []
    assert recovery.find_for(path) is None


def test_passages_said_right_are_restored_where_typing_moved_them(saved):
    """Ignore on a suspect is an edit like the others: its line, its undo's and redo's, and the
    typing that moved the passage along come back after a crash, as the undo stack left them."""
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    segment = transcript.segments[5]
    words = segment.text.split()[-1]
    start = segment.text.rindex(words)
    undo = journal.run(transcript, ops.ignore_passages(transcript, 5, [(start, start + len(words))]))
    redo = journal.run(transcript, undo)
    assert segment.ignored == ()
    journal.run(transcript, redo)
    journal.run(transcript, ops.set_text(transcript, 5, "So " + transcript.segments[5].text))
    (kept,) = transcript.segments[5].ignored
    assert kept.start == start + 3 and kept.words == words
    journal.close()
    restored = recovery.recover(journal.path)
    assert restored.segments[5].ignored == (kept,)
    assert fingerprint(restored) == fingerprint(transcript)
