"""Finding the audio that belongs to a transcript (no Qt)."""

from __future__ import annotations

from pathlib import Path

from editor.core.files import AUDIO_EXTENSIONS  # one list: `check` warns about transcripts named like these

__all__ = ["AUDIO_EXTENSIONS", "file_dialog_filter", "find_audio_next_to", "is_audio", "resolve_audio"]


def file_dialog_filter() -> str:
    """The Choose Audio dialog's filter, from :data:`AUDIO_EXTENSIONS`."""
    return f"Audio ({' '.join('*' + e for e in AUDIO_EXTENSIONS)});;All files (*)"


def is_audio(path: str | Path) -> bool:
    return Path(path).suffix.lower() in AUDIO_EXTENSIONS


def _stems(path: Path) -> list[str]:
    """``show.tep.json`` -> ["show.tep", "show"]: projects have a double suffix."""
    stems = [path.stem]
    if "." in path.stem:
        stems.append(path.stem.split(".")[0])
    return stems


def find_audio_next_to(transcript_path: str | Path) -> str | None:
    """An audio file with the transcript's stem in its folder, in AUDIO_EXTENSIONS order."""
    path = Path(transcript_path)
    folder = path.parent
    for stem in _stems(path):
        for extension in AUDIO_EXTENSIONS:
            for candidate in (folder / f"{stem}{extension}", folder / f"{stem}{extension.upper()}"):
                if candidate.is_file():
                    return str(candidate)
    return None


def resolve_audio(recorded: str, transcript_path: str | Path | None) -> str:
    """The recorded audio path made absolute against the transcript's folder ("" when none)."""
    if not recorded:
        return ""
    audio = Path(recorded).expanduser()
    if not audio.is_absolute() and transcript_path is not None:
        audio = Path(transcript_path).resolve().parent / audio
    return str(audio)


def episode_key(transcript_path: str | Path) -> str:
    """What transcripts of one episode share: their folder and stem (``ep12.srt``, ``ep12.tep.json``)."""
    path = Path(transcript_path).resolve()
    return str(path.parent / _stems(path)[-1])


def audio_files_in(folder: str | Path) -> list[str]:
    """The audio files directly in *folder*, sorted (an unreadable folder has none)."""
    try:
        return sorted(str(p) for p in Path(folder).iterdir() if p.is_file() and is_audio(p))
    except OSError:
        return []


def choose_audio_start(transcript_path: str, fallback_dir: str) -> str:
    """Where the Choose audio dialog opens: on the folder's only audio file when there is exactly one."""
    folder = str(Path(transcript_path).parent) if transcript_path else fallback_dir
    found = audio_files_in(folder) if folder else []
    return found[0] if len(found) == 1 else folder
