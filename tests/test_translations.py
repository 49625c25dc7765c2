"""The committed Thai catalogue is complete: every message translated, none fuzzy, placeholders and HTML kept, and
the committed django.mo compiled from this very .po.

`scripts/check_translations.sh` (`make check-translations`) refreshes the catalogue from the source first; this test
checks what is committed, so a merge that brings new strings without their translations fails here.
"""

import gettext
import json
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "ecotown" / "locale" / "th" / "LC_MESSAGES"
PO, MO = LOCALE / "django.po", LOCALE / "django.mo"

# %(name)s, %s, %d; {name}, {0}, {lon:.5f}; HTML tags and entities.
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[^{}\s]*\}|</?[a-zA-Z][^>]*>|&[a-z]+;")


def read_po(text: str) -> list[dict]:
    """The entries of a PO file: msgctxt, msgid, msgid_plural, msgstr (a list: one item per plural form), flags."""
    entries, entry, field = [], None, None
    for line in [*text.splitlines(), ""]:
        if not line.strip() or line.startswith("#~"):
            if entry is not None and field is not None:
                entries.append(entry)
            entry, field = (None, None) if not line.strip() else (entry, field)
            continue
        if entry is None or (field and field.startswith("msgstr") and not line.startswith(('"', "msgstr"))):
            if entry is not None:
                entries.append(entry)
            entry, field = {"flags": set(), "msgctxt": None, "msgid_plural": None, "msgstr": {}}, None
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            value = json.loads(line)
            if field.startswith("msgstr"):
                entry["msgstr"][field] += value
            else:
                entry[field] += value
        else:
            keyword, _, value = line.partition(" ")
            field = keyword
            if keyword.startswith("msgstr"):
                entry["msgstr"][keyword] = json.loads(value)
            else:
                entry[keyword] = json.loads(value)
    for entry in entries:
        entry["msgstr"] = [entry["msgstr"][key] for key in sorted(entry["msgstr"])]
    return [entry for entry in entries if entry.get("msgid")]  # the header has an empty msgid


def problems(entries: list[dict]) -> list[str]:
    """What keeps the catalogue from being complete and safe to show."""
    found = []
    for entry in entries:
        msgid = entry["msgid"]
        if "fuzzy" in entry["flags"]:
            found.append(f"fuzzy: {msgid!r}")
        if not all(entry["msgstr"]):
            found.append(f"untranslated: {msgid!r}")
            continue
        # The same set: a translation may name a placeholder twice ("เฉพาะ{place}ใด{place}หนึ่ง") but never drop,
        # misspell or invent one.
        expected = sorted(set(PLACEHOLDER.findall(msgid + (entry["msgid_plural"] or ""))))
        for translation in entry["msgstr"]:
            got = sorted(set(PLACEHOLDER.findall(translation)))
            if got != expected:
                found.append(f"placeholders or HTML differ: {msgid!r} {expected} → {translation!r} {got}")
    return found


def test_every_message_is_translated_and_none_is_fuzzy():
    entries = read_po(PO.read_text(encoding="utf-8"))
    assert len(entries) > 800  # the parser read the catalogue, not an empty file
    found = problems(entries)
    assert not found, f"{PO.name}: {len(found)} problems (run scripts/check_translations.sh):\n" + "\n".join(found)


def test_the_committed_mo_is_compiled_from_the_po():
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    for entry in read_po(PO.read_text(encoding="utf-8")):
        key = entry["msgid"] if entry["msgctxt"] is None else f"{entry['msgctxt']}\x04{entry['msgid']}"
        if entry["msgid_plural"]:
            assert compiled.get((key, 0)) == entry["msgstr"][0], f"django.mo is stale for {entry['msgid']!r}"
        else:
            assert compiled.get(key) == entry["msgstr"][0], (
                f"django.mo is stale for {entry['msgid']!r}: run msgfmt --check -o {MO} {PO}"
            )


SAMPLE = r"""
msgid ""
msgstr ""
"Language: th\n"

#: a.py:1
msgid "Saved {object}."
msgstr "บันทึก {object} เรียบร้อยแล้ว"

#, fuzzy
#| msgid "Old text"
msgid "New text"
msgstr "ข้อความเดิม"

msgid "Nothing yet"
msgstr ""

msgid "Hello %(name)s, <strong>welcome</strong>"
msgstr "สวัสดี %(nam)s ยินดีต้อนรับ"

msgid "%(counter)s record"
msgid_plural "%(counter)s records"
msgstr[0] "%(counter)s รายการ"

msgctxt "button"
msgid "Open"
msgstr ""
"เปิด"
"ดู"
"""


def test_the_check_finds_fuzzy_untranslated_and_broken_placeholders():
    entries = read_po(SAMPLE)
    assert [entry["msgid"] for entry in entries] == [
        "Saved {object}.", "New text", "Nothing yet", "Hello %(name)s, <strong>welcome</strong>", "%(counter)s record",
        "Open",
    ]  # fmt: skip
    assert entries[-1]["msgctxt"] == "button"
    assert entries[-1]["msgstr"] == ["เปิดดู"]
    found = problems(entries)
    assert found[0] == "fuzzy: 'New text'"
    assert found[1] == "untranslated: 'Nothing yet'"
    assert found[2].startswith("placeholders or HTML differ: 'Hello %(name)s")
    assert len(found) == 3


@pytest.mark.parametrize(
    ("text", "wrong"), [("{object} บันทึกแล้ว", False), ("บันทึกแล้ว", True), ("บันทึก {obj}", True), ("{object} {0}", True)]
)
def test_a_translation_keeps_the_placeholders_of_its_message(text, wrong):
    entries = read_po(f'msgid "Saved {{object}}."\nmsgstr "{text}"\n')
    assert bool(problems(entries)) is wrong
