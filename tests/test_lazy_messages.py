"""A message kept in a module constant must be lazy: `gettext` at import time freezes it in the language of
whichever request or test imported the module first (the stale-result message came out in English on Thai pages)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "ecotown"
EAGER = re.compile(r"^from django\.utils\.translation import .*\bgettext as _\b", re.M)
CONSTANT = re.compile(r"^[A-Z][A-Z0-9_]* = _\(", re.M)


def test_no_module_constant_is_translated_at_import_time():
    offenders = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if "migrations" not in path.parts
        and EAGER.search(text := path.read_text(encoding="utf-8"))
        and CONSTANT.search(text)
    ]
    assert offenders == []
