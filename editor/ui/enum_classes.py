"""Qt's enum classes made as Python's ``enum`` makes them, in a fifth of the time.

PySide makes a Python enum class for every enum of a Qt class the first time the class is used,
through the functional API (``IntEnum("Key", [("Key_Escape", 16777216), ...], boundary=KEEP)``).
The ``enum`` module makes each member through a chain of checks meant for class bodies written by
hand (is the name a descriptor, a dunder, reserved; a placeholder member made, removed and put back;
the flag masks recomputed at every member): ~25 µs a member. Opening a file makes ~250 of these
classes with ~3,700 members (``Qt`` alone: 96 enums, ``Qt.Key`` ~480 members), ~120 ms of the GUI
thread's CPU before the window can show, more than the window's own modules cost to import.

:func:`create` makes the same class for the calls shaped as PySide's are (a list of ``(name, int)``
pairs, on ``Enum``, ``IntEnum``, ``Flag`` or ``IntFlag`` themselves, names that are plain
identifiers clashing with nothing the base class has): the class is made by ``enum`` with no members,
and the members are then added as ``enum`` adds them (same objects, attributes, aliases, maps and
masks), without the checks a list of ints from a C++ header cannot fail. Any other call, and every
enum class made from a class body, is ``enum``'s own. The steps copied are those of Python 3.11's
``enum`` (:data:`SUPPORTED`); on another version :func:`install` leaves ``enum`` as it is.
"""

from __future__ import annotations

import contextlib
import enum
import sys
from enum import Enum, EnumType, Flag, IntEnum, IntFlag
from itertools import repeat

SUPPORTED = (3, 11)   # the version of ``enum`` whose member-making steps create() repeats
_BASES = (Enum, IntEnum, Flag, IntFlag)
_standard_create = EnumType.__dict__["_create_"]   # a method of the metaclass: called on the base enum
_set_on_type = type.__setattr__          # what EnumType.__setattr__ does once it finds no member of the name
_names_of_bases: dict[type, frozenset[str]] = {}
_TUPLE, _STR, _INT = frozenset({tuple}), frozenset({str}), frozenset({int})
_templates: dict[tuple, dict] = {}   # (base, boundary) -> the attributes of its enum classes with no members
# What every enum class has of its own (its member tables), or is given by create() (its module).
_MADE_NEW = frozenset({"_member_names_", "_member_map_", "_value2member_map_", "_unhashable_values_", "__module__",
                       "__reduce_ex__"})


def install() -> None:
    """Make the functional API's enum classes with :func:`create` from now on (once, at start-up)."""
    if sys.version_info[:2] == SUPPORTED:
        EnumType._create_ = create  # type: ignore[attr-defined]


def create(cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None):
    """``EnumType._create_``: the class ``enum`` makes of *names*, made faster when the call is shaped
    as PySide's are (see the module's docstring), else made by ``enum`` itself."""
    if type is not None or qualname is not None or cls not in _BASES or not _plain_pairs(cls, names):
        return _standard_create(cls, class_name, names, module=module, qualname=qualname, type=type,
                                start=start, boundary=boundary)
    if module is None:   # as enum names it: the caller of the call that made the class
        with contextlib.suppress(AttributeError, ValueError, KeyError):
            module = sys._getframe(2).f_globals["__name__"]
    enum_class = _empty_class(cls, class_name, boundary, module)
    _add_members(enum_class, names)
    return enum_class


def _empty_class(cls, class_name: str, boundary, module: str | None):
    """The class ``enum`` makes with no members, made from a copy of the attributes it gave the first
    such class of *cls* and *boundary* (all the same but the four member tables, made new here): its
    checks and look-ups of the base's methods, the same at every call, were most of an enum's cost
    once its members were quick."""
    template = _templates.get((cls, boundary))
    if template is None:
        made = _standard_create(cls, "Template", [], module=__name__, boundary=boundary)
        template = _templates[cls, boundary] = {name: value for name, value in made.__dict__.items()
                                                if name not in _MADE_NEW}
    classdict = dict(template, _member_names_=[], _member_map_={}, _value2member_map_={},
                     _unhashable_values_=[])
    if module is None:
        enum._make_class_unpicklable(classdict)  # type: ignore[attr-defined]
    else:
        classdict["__module__"] = module
    # enum sets __new__ on the made class: given in the class's namespace, type() would make it a
    # staticmethod.
    new = classdict.pop("__new__")
    enum_class = cls.__class__.__new__(cls.__class__, class_name, (cls,), classdict, _simple=True)
    _set_on_type(enum_class, "__new__", new)
    return enum_class


def _plain_pairs(cls: type, names) -> bool:
    """Are *names* a list of ``(identifier, int)`` pairs, no name twice, none reserved by ``enum``
    (``_sunder_``, ``__dunder__``, private) or found on *cls* (``name``, ``value``: ``enum`` then puts
    a redirect in place, which :func:`create` does not copy)? (Checked a whole list at a time: a
    Python loop over the pairs was a fifth of making the class.)"""
    if names.__class__ is not list:
        return False
    taken = _names_of_bases.get(cls)
    if taken is None:
        taken = _names_of_bases[cls] = frozenset(n for base in cls.__mro__ for n in base.__dict__) | {"mro", ""}
    try:
        given = dict(names)
    except (TypeError, ValueError):   # an item that is not a pair
        return False
    return (len(given) == len(names) and set(map(type, names)) <= _TUPLE and set(map(type, given)) <= _STR
            and set(map(type, given.values())) <= _INT and taken.isdisjoint(given)
            and not any(map(str.startswith, given, repeat("_"))))


def _add_members(enum_class, names: list[tuple[str, int]]) -> None:
    """The members, in order, as ``_proto_member.__set_name__`` adds each (a value met before makes
    the name an alias of that member; a flag's multi-bit value is a member left out of
    ``_member_names_``), and the masks and iteration order ``EnumType.__new__`` then gives a flag.
    (The bases' ``__new__`` set no ``_value_``, their ``__init__`` does nothing, and an int is its
    own ``int()``: the steps ``enum`` takes for other classes are left out.)"""
    new_member = enum_class._new_member_
    use_args = enum_class._use_args_
    member_names = enum_class._member_names_
    member_map = enum_class._member_map_
    by_value = enum_class._value2member_map_
    is_flag = issubclass(enum_class, Flag)
    single_bit = enum._is_single_bit  # type: ignore[attr-defined]
    flag_mask = singles = 0
    for name, value in names:
        member = new_member(enum_class, value) if use_args else new_member(enum_class)
        member._value_ = value
        member._name_ = name
        member.__objclass__ = enum_class
        member._sort_order_ = len(member_names)
        if is_flag:
            flag_mask |= value
            if single_bit(value):
                singles |= value
        existing = by_value.get(value)
        if existing is not None:
            member = existing
        elif not is_flag or single_bit(value):
            member_names.append(name)
        _set_on_type(enum_class, name, member)
        member_map[name] = member
        by_value.setdefault(value, member)
    if is_flag:
        _set_on_type(enum_class, "_flag_mask_", flag_mask)
        _set_on_type(enum_class, "_singles_mask_", singles)
        _set_on_type(enum_class, "_all_bits_", 2 ** flag_mask.bit_length() - 1)
        values = [member._value_ for member in enum_class]
        if values != sorted(values):
            enum_class._iter_member_ = enum_class._iter_member_by_def_
