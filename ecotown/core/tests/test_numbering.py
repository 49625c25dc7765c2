"""The shared retry that numbers meetings and certificates."""

import pytest
from django.db import IntegrityError

from ecotown.core.numbering import numbered


def test_a_clash_runs_create_again_and_returns_its_result(db):
    calls = []

    def create():
        calls.append(1)
        if len(calls) < 3:
            raise IntegrityError("number taken")
        return "ครั้งที่ 3/2569"

    assert numbered(create) == "ครั้งที่ 3/2569"
    assert len(calls) == 3


def test_after_the_last_retry_the_clash_goes_up(db):
    calls = []

    def create():
        calls.append(1)
        raise IntegrityError("number taken")

    with pytest.raises(IntegrityError):
        numbered(create, retries=2)
    assert len(calls) == 2
