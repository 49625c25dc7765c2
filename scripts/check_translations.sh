#!/usr/bin/env bash
# Refresh the Thai catalogue from the source and fail when a message is untranslated or fuzzy.
#
#   scripts/check_translations.sh          run makemessages, compile django.mo, list what is left to translate
#
# makemessages rewrites ecotown/locale/th/LC_MESSAGES/django.po in place (new messages come in empty, changed ones
# come in marked fuzzy with the old translation as a suggestion); translate them, remove the fuzzy flags and run
# this again until it passes. The compiled django.mo is committed: commit it with the .po.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
PO=ecotown/locale/th/LC_MESSAGES/django.po
MO=ecotown/locale/th/LC_MESSAGES/django.mo

for tool in msgfmt msgattrib; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: install gettext (make setup does)." >&2; exit 2; }
done

PYTHONPATH=$PWD "$PYTHON" -m ecotown makemessages -l th --no-obsolete -i node_modules -i .venv -i var >/dev/null
# The front end has no translatable JavaScript yet; when it does, add: makemessages -d djangojs -l th ...
msgfmt --check -o "$MO" "$PO"

untranslated=$(msgattrib --untranslated --no-fuzzy --no-obsolete --no-wrap "$PO" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$PO" | grep -c '^msgid ' || true)
# Each count includes the header entry when there is anything else to show.
untranslated=$(( untranslated > 0 ? untranslated - 1 : 0 ))
fuzzy=$(( fuzzy > 0 ? fuzzy - 1 : 0 ))

if (( untranslated + fuzzy > 0 )); then
  echo "$PO: $untranslated untranslated and $fuzzy fuzzy messages:" >&2
  { msgattrib --untranslated --no-fuzzy --no-obsolete --no-wrap "$PO"; msgattrib --only-fuzzy --no-obsolete --no-wrap "$PO"; } \
    | grep -E '^(#: |msgid )' | grep -v '^msgid ""$' >&2
  exit 1
fi
msgfmt --statistics -o /dev/null "$PO"
