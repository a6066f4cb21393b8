"""Compact JSON for the vectors of the story state.

A vector was written as one ``[key, value]`` pair per entry: at 100k articles the state
holds millions of them, and parsing them took most of the time of loading it, in every
incremental run. A packed vector is two strings: its keys joined by single spaces, and its
values as little-endian float64 in base64. Loading is then a split and one array read, and
every float comes back bit for bit. Keys are words, names and figures, which hold no white
space; a vector with a key that does is written the old way, and both forms are read.
"""

from __future__ import annotations

import base64
import binascii
import sys
from collections.abc import Mapping
from typing import Any

import numpy as np

_FLOAT = np.dtype("<f8")


def pack(vector: Mapping[str, float]) -> list[Any]:
    """``vector`` as ``[keys, values]`` (the entry order kept); as pairs when it is empty or
    a key is empty or holds a space (then the keys could not be split back)."""
    keys = " ".join(vector)
    if not vector or "" in vector or keys.count(" ") != len(vector) - 1:
        return [[key, value] for key, value in vector.items()]
    values = np.fromiter(vector.values(), dtype=_FLOAT, count=len(vector))
    return [keys, base64.b64encode(values.tobytes()).decode("ascii")]


def unpack(item: Any) -> dict[str, float]:
    """The vector of a :func:`pack` result, or of a list of pairs; keys interned (one string
    per word, shared by every centroid, as when built). Raises ValueError on anything else."""
    intern = sys.intern
    if len(item) == 2 and isinstance(item[0], str) and isinstance(item[1], str):
        keys = item[0].split(" ") if item[0] else []
        try:
            raw = base64.b64decode(item[1], validate=True)
        except binascii.Error as error:
            raise ValueError(f"packed vector values are not base64: {error}") from error
        if len(raw) % _FLOAT.itemsize:
            raise ValueError("packed vector values are not float64")
        values = np.frombuffer(raw, dtype=_FLOAT).tolist()
        if len(values) != len(keys):
            raise ValueError(f"packed vector has {len(keys)} keys and {len(values)} values")
        return dict(zip(map(intern, keys), values, strict=True))
    return {intern(str(key)): float(value) for key, value in item}
