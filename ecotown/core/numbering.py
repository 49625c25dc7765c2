"""Numbers people read and cite (meeting ครั้งที่ 2/2569, certificate EIT-2569-0001): the next number is the highest
so far plus one, and a unique constraint settles a race between two writers — the loser runs again and takes the
number after. A plain function so that every app numbering its records this way shares one tested loop."""

from django.db import IntegrityError, transaction

RETRIES = 3


def numbered(create, retries: int = RETRIES):
    """Run `create()` (which reads the highest number and inserts the next) again when a concurrent insert took
    the same number; after `retries` clashes the IntegrityError goes up."""
    for attempt in range(retries):
        try:
            with transaction.atomic():
                return create()
        except IntegrityError:
            if attempt == retries - 1:
                raise
    raise AssertionError  # unreachable
