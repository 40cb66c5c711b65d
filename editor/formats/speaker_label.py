"""A speaker's name as the text formats write it before a turn (SRT ``Name: text``, TXT ``Name (00:09):``),
and read back.

A name with a colon in it ("Host: Maya", "Dr. Who:") cannot be told from the colon that ends the
label, so it is written in double quotes: ``"Host: Maya": And if…``, ``"Dr. Who:" (00:15):``.
Readers take a quoted label with a colon inside as the whole name. Other names are written as
they are.
"""

from __future__ import annotations

# A quoted label as written: the name (with a colon in it) between double quotes. Insert into a
# reader's pattern; the group is named by the caller.
QUOTED_NAME = r'"[^"\n]{0,60}:[^"\n]{0,60}"'


def written(name: str) -> str:
    """*name* as it is written before a turn's text."""
    return f'"{name}"' if ":" in name else name


def read(label: str) -> str:
    """The name a label read from a file stands for: a quoted one without its quotes."""
    if len(label) >= 2 and label[0] == label[-1] == '"' and ":" in label:
        return label[1:-1]
    return label
