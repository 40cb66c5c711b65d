"""Bytes of a transcript file -> text, whatever encoding the producer's tool used.

Order of trust: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32), then strict
UTF-8, then UTF-16 without a BOM (recognised by its NUL pattern), then
Windows-1252, which can decode anything and is what older Windows tools write;
that last guess is reported as a warning because accented letters may be
wrong. Binary files (images, audio, archives) are refused with the byte offset
of the first thing that cannot be text. Line ends become ``\\n``.
"""

from __future__ import annotations

import codecs
import re

from editor.core.errors import TranscriptError

MAX_BYTES = 200 * 1024 * 1024  # a 10-hour word-level JSON is ~10 MB; 200 MB is not a transcript

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 control characters that never appear in text files (tab, LF, VT, FF, CR and ESC excepted).
_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 11, 12, 13, 27))
_CONTROL_CHARS = re.compile("[" + re.escape(_CONTROL_BYTES.decode("ascii")) + "\x7f]")
_MAX_CONTROL_SHARE = 0.01  # more than 1% control characters: not a text file

# cp1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D); Windows maps them to the
# same code points as Latin-1, so do that instead of failing.
_LATIN1_FALLBACK = "transcript-editor-latin1"
def _as_latin1(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)   # registered for decoding only
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error(_LATIN1_FALLBACK, _as_latin1)


def decode(data: bytes) -> tuple[str, list[str]]:
    """The text of *data* with ``\\n`` line ends, and warnings about the encoding guess.

    Raises :class:`TranscriptError` (with ``offset``) for empty, enormous or binary data.
    """
    if not data:
        raise TranscriptError("the file is empty")
    if len(data) > MAX_BYTES:
        raise TranscriptError(f"the file is {len(data) / 1e6:.0f} MB; transcripts over "
                              f"{MAX_BYTES // (1024 * 1024)} MB are refused as not being transcripts")
    warnings: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _decode_unicode(data, len(bom), encoding)
            break
    else:
        text = _decode_without_bom(data, warnings)
    text = _normalise_newlines(text)
    if not text.strip():
        raise TranscriptError("the file holds no text (only blank space)")
    return text, warnings


def _decode_unicode(data: bytes, skip: int, encoding: str) -> str:
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        raise TranscriptError(f"not valid {encoding.upper()} although it starts with a "
                              f"{encoding.upper()} byte-order mark", offset=skip + error.start) from None
    width = 2 if "16" in encoding else 4 if "32" in encoding else 1
    _check_text_chars(text, lambda index: skip + index * width)
    return text


def _decode_without_bom(data: bytes, warnings: list[str]) -> str:
    nul = data.find(b"\x00")
    if nul >= 0:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise TranscriptError("binary data (a NUL byte), not a text transcript", offset=nul)
        text = _decode_unicode(data, 0, utf16)
        warnings.append(f"the file is {utf16.upper()} without a byte-order mark; read as such")
        return text
    _check_control_bytes(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = error.start
    warnings.append(f"the file is not UTF-8 (byte {bad} is not valid UTF-8); it was read as "
                    "Windows-1252, so check accented letters and quotes")
    # cp1252 leaves five bytes undefined; Latin-1 maps them to the same code points Windows does.
    return data.decode("cp1252", errors=_LATIN1_FALLBACK)


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when *data* has the NUL pattern of ASCII text in UTF-16."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    odd_nuls = sample[1::2].count(0)
    even_nuls = sample[0::2].count(0)
    if odd_nuls >= 0.7 * pairs and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= 0.7 * pairs and odd_nuls == 0:
        return "utf-16-be"
    return None


def _check_control_bytes(data: bytes) -> None:
    """Refuse byte strings made mostly of control characters (UTF-8 and cp1252 share C0)."""
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls and controls > _MAX_CONTROL_SHARE * len(data):
        first = min(i for i in (data.find(bytes([c])) for c in _CONTROL_BYTES) if i >= 0)
        raise TranscriptError(f"binary data (control byte 0x{data[first]:02x}), not a text transcript",
                              offset=first)


def _check_text_chars(text: str, byte_offset) -> None:
    """NULs or a flood of control characters in decoded text: binary, not a transcript."""
    nul = text.find("\x00")
    if nul >= 0:
        raise TranscriptError("binary data (a NUL character), not a text transcript",
                              offset=byte_offset(nul))
    first = _CONTROL_CHARS.search(text)
    if first is None:
        return
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise TranscriptError("binary data (control characters), not a text transcript",
                              offset=byte_offset(first.start()))


def _normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):  # a second BOM some tools add after converting
        text = text[1:]
    return text
