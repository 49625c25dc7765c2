"""libyaml's (and PyYAML's) error messages said in the reader's language.

The parser reports problems in English ("mapping values are not allowed in this context", "did not find expected
key"); a secretariat reading a Thai page needs them in Thai and in the words of the file it wrote. `problem()` and
`context()` turn the parser's text into ours; a problem no rule knows becomes a general message (the line number
still says where), never the parser's English.
"""

import re

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# (the parser's text, libyaml's or PyYAML's wording; our message, which may use the pattern's named groups)
PROBLEMS = [
    (r"mapping values are not allowed (?:in this context|here)",
     _("“key: value” is not allowed here; check the indentation, or put quotes around text that holds “: ”")),
    (r"did not find expected key",
     _("a key was expected here; check the indentation")),
    (r"did not find expected '-' indicator",
     _("a list item (“- ”) was expected here; check the indentation")),
    (r"(?:block )?sequence entries are not allowed (?:in this context|here)",
     _("a list item (“- ”) is not allowed here; check the indentation")),
    (r"did not find expected ',' or '\]'|expected ',' or '\]', but got .*",
     _("“,” or “]” was expected: a list in square brackets is not closed")),
    (r"did not find expected ',' or '\}'|expected ',' or '\}', but got .*",
     _("“,” or “}” was expected: a block in curly brackets is not closed")),
    (r"could not find expected ':'",
     _("“:” was expected after the key")),
    (r"found character (?:'(?P<character>.*)' )?that cannot start any token",
     _("a value cannot start with this character (a tab, “@” or “`”): indent with spaces and put quotes around "
       "such text")),
    (r"found undefined alias '?(?P<name>[^']*)'?",
     _("the alias *{name} refers to no anchor &{name}")),
    (r"found duplicate anchor.*|second occurrence",
     _("the same anchor (&) is defined twice")),
    (r"found unexpected end of stream",
     _("the file ends before the closing quote")),
    (r"found unexpected document (?:separator|indicator)",
     _("“---” or “...” inside quoted text: close the quotes first")),
    (r"found unknown escape character.*",
     _("an unknown escape (“\\”) in double quotes: use single quotes, or write “\\\\”")),
    (r"but found another document|expected a single document in the stream",
     _("the file holds more than one document (“---”); a catalogue is one document")),
    (r"could not determine a constructor for the tag '?(?P<tag>[^']*)'?",
     _("the tag {tag} is not allowed: a catalogue holds only text, numbers, lists and blocks")),
    (r"found an indentation indicator equal to 0|expected indentation indicator in the range 1-9, but found 0",
     _("the indentation of a block of text cannot be 0")),
    (r"found incompatible YAML document.*",
     _("this YAML version is not supported; leave out the %YAML line")),
    (r"did not find expected <document start>|expected '<document start>', but found .*",
     _("the file goes on after its end; check the brackets and the indentation")),
    (r"did not find expected node content|expected the node content, but found .*",
     _("a value was expected here")),
    (r"(?:found a )?tab character (?:that violates|where an indentation space is expected).*",
     _("a tab where spaces are expected: indent with spaces")),
    (r"control characters are not allowed|unacceptable character.*",
     _("the file holds a character YAML does not allow; save it as UTF-8 text")),
]  # fmt: skip
PROBLEMS = [(re.compile(pattern, re.DOTALL), message) for pattern, message in PROBLEMS]

CONTEXTS = {
    "flow sequence": pgettext_lazy("YAML structure", "list in square brackets"),
    "flow mapping": pgettext_lazy("YAML structure", "block in curly brackets"),
    "block mapping": pgettext_lazy("YAML structure", "block"),
    "block collection": pgettext_lazy("YAML structure", "list"),
    "quoted scalar": pgettext_lazy("YAML structure", "quoted text"),
    "double-quoted scalar": pgettext_lazy("YAML structure", "quoted text"),
    "block scalar": pgettext_lazy("YAML structure", "block of text"),
    "simple key": pgettext_lazy("YAML structure", "key"),
    "plain scalar": pgettext_lazy("YAML structure", "text"),
}


def problem(text: str) -> str:
    """The parser's problem in the reader's language."""
    text = text.strip().rstrip(".")
    for pattern, message in PROBLEMS:
        found = pattern.fullmatch(text)
        if found and found.groupdict():
            from ecotown.criteria.safe_yaml import quoted

            return str(message).format(**{name: quoted(value or "") for name, value in found.groupdict().items()})
        if found:
            return str(message)  # may hold braces: “}” was expected
    return str(_("the file's structure is not valid here"))


def context(text: str) -> str | None:
    """What the parser was reading ("while parsing a flow sequence"), or None when it says nothing useful."""
    for prefix in ("while ", "parsing ", "scanning ", "a ", "an "):
        text = text.removeprefix(prefix)
    label = CONTEXTS.get(text)
    return str(label) if label is not None else None
