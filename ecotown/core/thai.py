"""Thai dictionary order, the same in Python and in both databases.

Plain code-point order puts words with a leading vowel (เ แ โ ใ ไ) after อ; Thai dictionaries sort them by the
consonant that follows. ICU knows the rule: PostgreSQL sorts with its ICU collation "th-x-icu", Python with
PyICU, and on SQLite we register a collation of the same name backed by PyICU, so `Collate(field, THAI)` is
one expression that works everywhere.
"""

import functools

import icu
from django.db.backends.signals import connection_created
from django.db.models.functions import Collate
from django.dispatch import receiver

THAI = "th-x-icu"


@functools.cache
def _collator() -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale("th_TH"))


def thai_sort_key(text: str) -> bytes:
    """A key for sorted() that gives Thai dictionary order."""
    return _collator().getSortKey(text or "")


def thai_sorted(items, key=lambda item: item):
    return sorted(items, key=lambda item: thai_sort_key(key(item)))


def thai_order(field_name: str) -> Collate:
    """An ordering expression for a Thai text column: `Model.objects.order_by(thai_order("name_th"))`."""
    return Collate(field_name, THAI)


def _compare(left: str, right: str) -> int:
    return _collator().compare(left, right)


@receiver(connection_created)
def register_sqlite_collation(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_collation(THAI, _compare)
