"""Names in the order of the Vietnamese alphabet: CLDR's `vi` collation through ICU, never code
points. Ă and Â come after A, Đ after D, Ê after E, Ô and Ơ after O, Ư after U; tones weigh less
than letters (Hà after Ha, before Hạnh); numbers by value (Khóa 8 before Khóa 79). Every sorted listing of names goes through `by_name`, in
English too (by the English name, with the same collator), so both languages list alike."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import TypeVar

import icu

T = TypeVar("T")


@cache
def _collator() -> icu.Collator:
    # Made once per process and never changed; its sort keys are bytes, fixed by ICU's version
    # (pinned in pyproject.toml), so the order is the same in every build.
    collator = icu.Collator.createInstance(icu.Locale("vi"))
    collator.setAttribute(icu.UCollAttribute.NUMERIC_COLLATION, icu.UCollAttributeValue.ON)
    return collator


def collation_key(text: str) -> bytes:
    """What `text` sorts by in the Vietnamese alphabet."""
    return bytes(_collator().getSortKey(text))


def by_name(items: Iterable[T], name: Callable[[T], str], tie: Callable[[T], str] = str) -> list[T]:
    """`items` in the order of their names; equal names (two people called alike) by `tie`."""
    return sorted(items, key=lambda item: (collation_key(name(item)), tie(item)))
