"""A network of process units and the streams between them, read from plain data and checked."""

import math
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _
from scipy import sparse


class NetworkError(ValueError):
    """The network cannot be reconciled as given; the message says what to fix."""


@dataclass(frozen=True)
class Network:
    """`nodes` maps a unit's name to (streams in, streams out); every stream must appear in at least one
    balance. `measured` and `sigma` hold the measured value and its standard deviation for measured streams;
    the others are unknowns estimated from the balances when they can be."""

    streams: tuple
    nodes: dict
    measured: dict
    sigma: dict
    unit: str = ""

    @classmethod
    def from_dict(cls, data) -> "Network":
        if not isinstance(data, dict):
            raise NetworkError(_("A network is an object with streams, nodes, measured and sigma."))
        streams = data.get("streams")
        if not isinstance(streams, list) or not streams or not all(isinstance(s, str) and s for s in streams):
            raise NetworkError(_("“streams” must be a non-empty list of stream names."))
        if len(set(streams)) != len(streams):
            raise NetworkError(_("A stream is listed twice in “streams”."))
        nodes = {}
        raw_nodes = data.get("nodes")
        if not isinstance(raw_nodes, dict) or not raw_nodes:
            raise NetworkError(_("“nodes” must map each unit's name to its “in” and “out” streams."))
        for name, ends in raw_nodes.items():
            if not isinstance(ends, dict):
                raise NetworkError(_("Node “{node}” must have “in” and “out” lists.").format(node=name))
            nodes[name] = (tuple(_names(ends.get("in", []), name)), tuple(_names(ends.get("out", []), name)))
        network = cls(
            streams=tuple(streams),
            nodes=nodes,
            measured=_numbers(data.get("measured", {}), "measured"),
            sigma=_numbers(data.get("sigma", {}), "sigma"),
            unit=str(data.get("unit", "")),
        )
        network.check()
        return network

    def check(self) -> None:
        known = set(self.streams)
        used = set()
        for node, (ins, outs) in self.nodes.items():
            for stream in (*ins, *outs):
                if stream not in known:
                    raise NetworkError(
                        _("Node “{node}” names stream “{stream}”, which is not in “streams”.").format(
                            node=node, stream=stream
                        )
                    )
            if set(ins) & set(outs):
                raise NetworkError(_("Node “{node}” has a stream both in and out.").format(node=node))
            used.update(ins, outs)
        unused = [stream for stream in self.streams if stream not in used]
        if unused:
            raise NetworkError(
                _("Stream “{stream}” is in no balance: add it to a node's “in” or “out”.").format(stream=unused[0])
            )
        for stream in (*self.measured, *self.sigma):
            if stream not in known:
                raise NetworkError(_("“{stream}” is measured but not in “streams”.").format(stream=stream))
        for stream, value in self.sigma.items():
            if value <= 0:
                raise NetworkError(
                    _("The standard deviation of “{stream}” is {value}; it must be above zero.").format(
                        stream=stream, value=value
                    )
                )
        missing = [stream for stream in self.measured if stream not in self.sigma]
        if missing:
            raise NetworkError(
                _("“{stream}” is measured but has no standard deviation in “sigma”.").format(stream=missing[0])
            )

    def incidence(self):
        """The balance matrix (nodes × streams, CSR): +1 where a stream enters a node, −1 where it leaves."""
        index = {stream: position for position, stream in enumerate(self.streams)}
        rows, columns, values = [], [], []
        for row, (ins, outs) in enumerate(self.nodes.values()):
            for stream in ins:
                rows.append(row), columns.append(index[stream]), values.append(1.0)
            for stream in outs:
                rows.append(row), columns.append(index[stream]), values.append(-1.0)
        shape = (len(self.nodes), len(self.streams))
        return sparse.csr_matrix((np.array(values), (rows, columns)), shape=shape)


def _names(value, node) -> list:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise NetworkError(_("The “in” and “out” of node “{node}” must be lists of stream names.").format(node=node))
    return value


def _numbers(value, key) -> dict:
    if not isinstance(value, dict):
        raise NetworkError(_("“{key}” must map stream names to numbers.").format(key=key))
    numbers = {}
    for stream, number in value.items():
        if isinstance(number, bool) or not isinstance(number, int | float) or not math.isfinite(number):
            raise NetworkError(
                _("“{key}” of “{stream}” is not a number: {value!r}.").format(key=key, stream=stream, value=number)
            )
        numbers[stream] = float(number)
    return numbers
