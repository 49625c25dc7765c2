"""Personal data never appears in the open data: every exported file is scanned for the names, e-mail
addresses and phone numbers of every user, area contact, committee member, participant and factory operator."""

import re

import pytest

from ecotown.accounts.models import User
from ecotown.areas.models import AreaContact
from ecotown.engagement.models import Membership, Participant
from ecotown.factories.models import Factory
from ecotown.opendata.dictionary import dictionary_rows
from ecotown.opendata.formats import to_csv

pytestmark = pytest.mark.django_db
# Test personas named after their role, not a person: the words occur in requirement titles ("public
# participation"). Every other username is scanned, as are every name, e-mail address and phone number.
ROLE_WORDS = {"public", "operator", "consultant"}


def personal_values() -> set[str]:
    values = set()
    for user in User.objects.all():
        values |= {user.username, user.email, user.first_name, user.last_name, user.get_full_name(), user.phone}
    for contact in AreaContact.objects.all():
        values |= {contact.name, contact.email, contact.phone}
    values |= set(Membership.objects.values_list("person_name", flat=True))
    values |= set(Participant.objects.values_list("name", flat=True))
    values |= set(Factory.objects.values_list("operator_name", flat=True))
    found = {value.strip() for value in values if value and len(value.strip()) >= 4} - ROLE_WORDS
    # Phone numbers also as bare digits, however they were typed.
    found |= {re.sub(r"\D", "", value) for value in found if re.fullmatch(r"[\d\s()+-]{9,}", value)}
    return found


def test_the_scan_knows_the_people_a_leak_would_show(published):
    people = personal_values()
    assert {"สมชาย ใจดีมาก", "081-234-5678", "0812345678", "somchai.private@example.com", "มาลี ศรีสุขสันต์",
            "นายประเสริฐ ทองคำ0", "diw_admin", "officer_a@example.go.th"} <= people  # fmt: skip


def test_no_exported_file_holds_a_name_an_email_or_a_phone_number(published):
    people = personal_values()
    files = [(f.file_name, bytes(f.content.content).decode("utf-8-sig")) for f in published.files.all()]
    files.append(("dictionary.csv", to_csv(dictionary_rows()).decode("utf-8-sig")))
    assert len(files) == 13
    leaks = [(name, value) for name, text in files for value in people if value in text]
    assert not leaks, leaks


def test_the_scan_would_catch_a_leak(published):
    """The scan itself can fail: a contact's name in an area's name is found."""
    people = personal_values()
    text = "RYG-PCZ,พื้นที่ สมชาย ใจดีมาก"
    assert [value for value in people if value in text] == ["สมชาย ใจดีมาก"]
