"""Bytes of a transcript file -> text, whatever encoding the producer's tool used.

Order of trust: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32), then UTF-8
(strict, or with a few damaged bytes shown as U+FFFD and named in a warning), then
UTF-16 without a BOM (recognised by its NUL pattern), then what
charset-normalizer detects (GB18030 for a Chinese SRT, Windows-1251 for a
Russian one, ...), Windows-1252 when the text is Latin script either way
(what older Windows tools write, and what short Western texts are most often
in). Every guess is reported as a warning naming the encoding assumed, and
the caller can force another (``encoding=``) when the guess was wrong.
Binary files (images, audio, archives) are refused with the byte offset of
the first thing that cannot be text; text followed by binary garbage (a crash's
zero padding) is read up to it, with a warning naming the byte where it starts.
Line ends become ``\\n``.
"""

from __future__ import annotations

import codecs
import itertools
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
_PADDING_SHARE = 0.5       # a tail from the first NUL on that is half NULs or more: zero padding
_BINARY_TAIL_SHARE = 0.1   # a tail that is a tenth control bytes or more: binary, not text

# A file is UTF-8 with a few damaged bytes, rather than text in a legacy code page, when at most a
# third of its bytes outside ASCII cannot be read as UTF-8: in Windows-1252 text nearly every
# accented letter is such a byte (UTF-8 reads one only by coincidence), while reading a UTF-8 file
# as Windows-1252 garbles every letter outside ASCII to save the few damaged bytes.
_MAX_DAMAGED_SHARE = 1 / 3
# When UTF-8 is forced, or promised by a byte-order mark, this many damaged bytes are replaced
# even in a file with few letters outside ASCII to weigh them against.
_PROMISED_UTF8_DAMAGE = 8
_ASCII = bytes(range(128))
_DAMAGE_PLACES_SHOWN = 5
_DETECT_HEAD = 65536   # bytes weighed first, before the whole file, to tell damaged UTF-8
_ESCAPED = re.compile("[\udc80-\udcff]+")   # bytes UTF-8 could not decode, escaped by surrogateescape

# cp1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D); Windows maps them to the
# same code points as Latin-1, so do that instead of failing.
_LATIN1_FALLBACK = "transcript-editor-latin1"
def _as_latin1(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)   # registered for decoding only
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error(_LATIN1_FALLBACK, _as_latin1)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, list[str]]:
    """The text of *data* with ``\\n`` line ends, and warnings about the encoding guess.

    *encoding* (a Python codec name) overrides detection: the producer saw the guess was wrong.
    Raises :class:`TranscriptError` (with ``offset``) for empty, enormous or binary data.
    """
    if not data:
        raise TranscriptError("the file is empty")
    if len(data) > MAX_BYTES:
        raise TranscriptError(f"the file is {len(data) / 1e6:.0f} MB; transcripts over "
                              f"{MAX_BYTES // (1024 * 1024)} MB are refused as not being transcripts")
    warnings: list[str] = []
    if not encoding or _ascii_compatible(encoding):
        data = _without_binary_tail(data, warnings)
    if encoding:
        text = _decode_as(data, encoding, warnings)
    else:
        for bom, bom_encoding in _BOMS:
            if data.startswith(bom):
                text = _decode_unicode(data, len(bom), bom_encoding, warnings)
                break
        else:
            text = _decode_without_bom(data, warnings)
    text = _normalise_newlines(text)
    if not text.strip():
        raise TranscriptError("the file holds no text (only blank space)")
    return text, warnings


def _decode_unicode(data: bytes, skip: int, encoding: str, warnings: list[str]) -> str:
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        damaged = _utf8_despite_damage(data, skip, promised=True) if encoding == "utf-8" else None
        if damaged is not None:
            warnings.append(damaged[1])
            return damaged[0]
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
        text = _decode_unicode(data, 0, utf16, warnings)
        warnings.append(f"the file is {utf16.upper()} without a byte-order mark; read as such")
        return text
    _check_control_bytes(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = error.start
    damaged = _utf8_despite_damage(data, 0, promised=False)
    if damaged is not None:
        warnings.append(damaged[1])
        return damaged[0]
    guessed = detect_encoding(data)
    warnings.append(f"the file is not UTF-8 (byte {bad} is not valid UTF-8); its encoding was taken to be "
                    f"{encoding_label(guessed)}: if letters look wrong, reopen it with another encoding")
    if guessed == "cp1252":
        # cp1252 leaves five bytes undefined; Latin-1 maps them to the same code points Windows does.
        return data.decode("cp1252", errors=_LATIN1_FALLBACK)
    return data.decode(guessed, errors="replace")


_DETECT_SAMPLE = 1 << 20   # charset-normalizer's cost grows with the input; a megabyte is plenty to tell


def detect_encoding(data: bytes) -> str:
    """The most likely single encoding of non-UTF-8 *data* (a Python codec name).

    charset-normalizer ranks the candidates. For Latin-script text many code
    pages decode the same bytes equally well (it often ranks Windows-1250 first
    for French or Spanish); Windows-1252 is then the one Western tools wrote.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_DETECT_SAMPLE]).best()
    if best is None:
        return "cp1252"
    guessed = codecs.lookup(best.encoding).name
    if guessed != "cp1252" and _ascii_compatible(guessed) and _latin_script(data, guessed):
        return "cp1252"
    if len(data) > _DETECT_SAMPLE:
        try:
            data.decode(guessed)
        except UnicodeDecodeError:
            return "cp1252"
    return guessed


def encoding_label(encoding: str) -> str:
    """``cp1252`` → ``Windows-1252 (cp1252)``: the name producers know, and the codec to ask for."""
    name = codecs.lookup(encoding).name
    if name.startswith("cp125"):
        return f"Windows-{name[2:]} ({name})"
    return name.upper().replace("_", "-")


def _ascii_compatible(encoding: str) -> bool:
    sample = b"Speaker 1 00:01 -->,.:;'\"[]<>"
    try:
        return sample.decode(encoding) == sample.decode("ascii")
    except (UnicodeDecodeError, LookupError):
        return False


def _latin_script(data: bytes, encoding: str) -> bool:
    """True when *data* read as *encoding* has letters, all of them Latin (no Cyrillic, Greek, CJK, ...)."""
    import unicodedata

    text = data[:65536].decode(encoding, errors="ignore")
    letters = {c for c in text if c.isalpha() and ord(c) > 127}
    return all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def _decode_as(data: bytes, encoding: str, warnings: list[str]) -> str:
    """*data* in the encoding the producer chose; a byte it cannot hold is an error naming the offset
    (UTF-8 with a few damaged bytes is read with them replaced, and a warning naming them)."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise TranscriptError(f"unknown encoding {encoding!r}") from None
    skip = next((len(bom) for bom, name in _BOMS if data.startswith(bom)
                 and codecs.lookup(name).name == codecs.lookup(encoding).name), 0)
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        damaged = _utf8_despite_damage(data, skip, promised=True) if codecs.lookup(encoding).name == "utf-8" else None
        if damaged is not None:
            warnings.append(damaged[1])
            return damaged[0]
        raise TranscriptError(f"not valid {encoding_label(encoding)}: byte {skip + error.start} cannot be "
                              "read in that encoding", offset=skip + error.start) from None
    _check_text_chars(text, lambda index: index)
    return text


def _utf8_despite_damage(data: bytes, skip: int, promised: bool) -> tuple[str, str] | None:
    """*data* from byte *skip* read as UTF-8, its undecodable bytes shown as U+FFFD, and a warning
    naming where they are; None when too many of its bytes are not UTF-8 for it to be UTF-8 text.

    *promised*: UTF-8 was forced or announced by a byte-order mark, so a few damaged bytes are
    replaced even where few letters outside ASCII vouch for the rest.
    """
    body = data[skip:]
    # The head first: a file in another encoding is told there, without decoding all of it.
    if len(body) > _DETECT_HEAD and _escaped_utf8(body[:_DETECT_HEAD], promised) is None:
        return None
    escaped = _escaped_utf8(body, promised)
    if escaped is None or escaped[1] == 0:
        return None
    text, damaged = escaped
    places = [skip + len(text[:run.start()].encode("utf-8", "surrogateescape"))
              for run in itertools.islice(_ESCAPED.finditer(text), _DAMAGE_PLACES_SHOWN + 1)]
    shown = ", ".join(f"line {_line_at(data, offset)} (byte {offset})" for offset in places[:_DAMAGE_PLACES_SHOWN])
    more = " and more" if len(places) > _DAMAGE_PLACES_SHOWN else ""
    # Taken for UTF-8 by weighing its bytes, it is a guess like any other, and said to be one.
    guess = "" if promised else "; if letters look wrong, reopen it with another encoding"
    return (body.decode("utf-8", errors="replace"),
            f"the file is UTF-8 except for {damaged} byte(s) that are not, shown as \ufffd: {shown}{more}{guess}")


def _escaped_utf8(data: bytes, promised: bool) -> tuple[str, int] | None:
    """*data* as UTF-8 with each undecodable byte escaped (a lone surrogate), and how many there
    are; None when they are too many for UTF-8 text (see _MAX_DAMAGED_SHARE)."""
    text = data.decode("utf-8", errors="surrogateescape")
    damaged = len(text) - len(_ESCAPED.sub("", text))
    allowance = int(len(data.translate(None, _ASCII)) * _MAX_DAMAGED_SHARE)  # (translate: the bytes past ASCII)
    if promised:
        allowance = max(allowance, _PROMISED_UTF8_DAMAGE)
    return (text, damaged) if damaged <= allowance else None


def _without_binary_tail(data: bytes, warnings: list[str]) -> bytes:
    """*data* up to the binary garbage that ends it (a warning naming the byte where it starts), or
    all of *data* when it does not end so.

    From the first NUL on, the tail is garbage when it is mostly NULs (zero padding, as a crash
    leaves), or when it is binary (a tenth control bytes or more) and no longer than the text
    before it. A NUL inside text, or a binary file with a few text-like bytes at its head, is
    left for the caller to refuse. Control bytes just before the NUL, on its line, go with it.
    """
    nul = data.find(b"\x00")
    if nul <= 0 or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _bomless_utf16(data):
        return data   # (UTF-16 and UTF-32 text is full of NULs)
    tail = data[nul:]
    nuls = tail.count(0)
    binary = len(tail) - len(tail.translate(None, _CONTROL_BYTES))
    if not (nuls >= _PADDING_SHARE * len(tail) or (binary >= _BINARY_TAIL_SHARE * len(tail) and len(tail) <= nul)):
        return data
    start = nul
    line_start = data.rfind(b"\n", 0, nul) + 1
    if len(data[line_start:nul].translate(None, _CONTROL_BYTES)) < nul - line_start:
        start = line_start
    if not data[:start].strip():
        return data   # no text before it: a binary file
    warnings.append(f"the text ends at byte {start}: the {len(data) - start} bytes after it are binary data "
                    "(NUL bytes), not text, and were left out")
    return data[:start]


def _line_at(data: bytes, offset: int) -> int:
    """The 1-based line of *data* holding byte *offset*."""
    return data.count(b"\n", 0, offset) + 1


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
