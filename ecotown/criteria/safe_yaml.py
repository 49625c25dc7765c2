"""Reading a YAML file into dicts and lists that remember their lines, and refusing files built to hurt the server.

A real catalogue is a few hundred requirements nested five blocks deep. Left alone, PyYAML expands aliases (a
51 KB "billion laughs" file took 56 s and 3.3 GB), recurses once per nesting level (20,000 levels raised
RecursionError), accepts lists as mapping keys (a TypeError later) and turns a 600 KB "1:1:1…" into a number
in quadratic time. libyaml still does the parsing; the composer below builds the nodes in Python so that it can
count them, and stops at limits far above any real catalogue with the line where it stopped (issue 13).
"""

import reprlib

import yaml
from django.utils.translation import gettext as _
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import ScalarNode

from ecotown.criteria import yaml_errors

MAX_DEPTH = 32  # blocks inside blocks; a catalogue needs 5
MAX_ALIASES = 1_000
MAX_VALUES = 50_000  # keys, values and list items, each alias counted as all it stands for; eit-2022 has 1,495
MAX_NUMBER_LENGTH = 30  # characters: ample for any count, level or year
QUOTED_LENGTH = 80  # characters of an offending value an error message quotes

_quoting = reprlib.Repr(maxlevel=2, maxlist=4, maxdict=4, maxstring=QUOTED_LENGTH, maxother=QUOTED_LENGTH)
_VISIBLE = {code: f"\\x{code:02x}" for code in range(32)} | {10: "\\n", 9: "\\t", 13: "\\r", 127: "\\x7f"}


def quoted(value) -> str:
    """`value` as an error message may quote it: control characters shown, cut to about 80 characters."""
    text = value if isinstance(value, str) else _quoting.repr(value)
    text = text[: QUOTED_LENGTH * 2].translate(_VISIBLE)
    return text if len(text) <= QUOTED_LENGTH else text[: QUOTED_LENGTH - 1] + "…"


class Mapping(dict):
    """A YAML mapping that remembers its line and the line of each key."""

    line = 1
    lines: dict


class Sequence(list):
    line = 1
    lines: list


class Refusal(Exception):
    """The file is refused as a whole at `line`: reading further would cost too much or make no sense."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineLoader(_Base):
    """A safe loader that records lines, keeps dates as text (the schema checks them), spots duplicate keys and
    counts depth, aliases and values as it composes."""

    get_single_node = Composer.get_single_node
    compose_document = Composer.compose_document
    compose_scalar_node = Composer.compose_scalar_node
    compose_sequence_node = Composer.compose_sequence_node
    compose_mapping_node = Composer.compose_mapping_node

    def __init__(self, stream):
        super().__init__(stream)
        self.anchors = {}
        self.duplicates: list[tuple[int, object]] = []
        self.depth = self.aliases = self.values = 0
        self.sizes: dict[str, int] = {}  # anchor -> how many values it stands for

    def compose_node(self, parent, index):
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, AliasEvent):
            return self._compose_alias(event, line, parent, index)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise Refusal(
                line,
                _("The file nests blocks more than {limit} deep; a catalogue needs five or six.").format(
                    limit=MAX_DEPTH
                ),
            )
        before = self.values
        self._count(1, line)
        try:
            node = Composer.compose_node(self, parent, index)
        finally:
            self.depth -= 1
        if event.anchor is not None:
            self.sizes[event.anchor] = self.values - before
        return node

    def _compose_alias(self, event, line, parent, index):
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise Refusal(line, _("The file uses more than {limit} aliases (*name).").format(limit=MAX_ALIASES))
        if event.anchor in self.anchors and event.anchor not in self.sizes:
            raise Refusal(
                line,
                _("The alias *{name} is inside the block it names.").format(name=quoted(event.anchor)),
            )
        self._count(self.sizes.get(event.anchor, 0), line)
        return Composer.compose_node(self, parent, index)

    def _count(self, values: int, line: int) -> None:
        self.values += values
        if self.values > MAX_VALUES:
            raise Refusal(
                line,
                _(
                    "The file holds more than {limit} values once its aliases are expanded; a catalogue needs far "
                    "fewer."
                ).format(limit=f"{MAX_VALUES:,}"),
            )


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = Mapping()
    mapping.line, mapping.lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, ScalarNode):
            raise Refusal(line, _("A key must be plain text, not a list or a block."))
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            loader.duplicates.append((line, key))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = line
    return mapping


def _construct_sequence(loader, node):
    sequence = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line, sequence.lines = node.start_mark.line + 1, [child.start_mark.line + 1 for child in node.value]
    return sequence


def _construct_number(loader, node):
    if len(node.value) > MAX_NUMBER_LENGTH:
        raise Refusal(
            node.start_mark.line + 1,
            _("The number “{value}” is too long; put quotes around it if it is text.").format(value=quoted(node.value)),
        )
    constructor = yaml.SafeLoader.yaml_constructors[node.tag]
    return constructor(loader, node)


LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
LineLoader.add_constructor("tag:yaml.org,2002:int", _construct_number)
LineLoader.add_constructor("tag:yaml.org,2002:float", _construct_number)


def line_of(data, path) -> int:
    """The line of the value at `path` (keys and indexes), or of the nearest enclosing one that exists."""
    line, node = getattr(data, "line", 1), data
    for part in path:
        if (isinstance(node, Mapping) and part in node) or (
            isinstance(node, Sequence) and isinstance(part, int) and part < len(node)
        ):
            line, node = node.lines[part], node[part]
        else:
            break
    return line


def read_yaml(text: str) -> tuple[object, list[tuple[int, str]]]:
    """The data in `text` and the problems found while reading it, as (line, message) pairs."""
    loader = LineLoader(text)
    try:
        data = loader.get_single_data()
    except Refusal as refusal:
        return None, [(refusal.line, refusal.message)]
    except yaml.MarkedYAMLError as error:
        return None, [_describe_yaml_error(error)]
    except yaml.YAMLError as error:
        return None, [(1, _("This is not valid YAML: {problem}.").format(problem=yaml_errors.problem(str(error))))]
    finally:
        loader.dispose()
    duplicates = [
        (line, _("The key “{key}” appears twice in the same block.").format(key=quoted(key)))
        for line, key in loader.duplicates
    ]
    return data, duplicates


def _describe_yaml_error(error: yaml.MarkedYAMLError) -> tuple[int, str]:
    mark = error.problem_mark or error.context_mark
    problem = yaml_errors.problem(error.problem or str(error))
    message = _("This is not valid YAML: {problem}.").format(problem=problem)
    context = yaml_errors.context(error.context) if error.context else None
    if context and error.context_mark and error.context_mark is not mark:
        message += " " + _("(The {context} that starts on line {line}.)").format(
            context=context, line=error.context_mark.line + 1
        )
    return (mark.line + 1 if mark else 1), message
