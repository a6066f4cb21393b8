"""What the candidate search reads of one text, kept between runs.

Candidate pairs come from LSH bands (kept in the :class:`~.index.SignatureIndex`), equal
text hashes (kept there too), passage anchors and key terms. The last two are read from the
text's tokens, so without them every stored text was tokenised and shingled again on every
run. :class:`TextFeatures` holds them (about 120 32-bit keys per news article) with the
text's token count, and encodes them as one base64 string for the store.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

import numpy as np

_HEAD = np.dtype([("size", "<i8"), ("anchors", "<u4")])
_KEY = np.dtype("<u4")


@dataclass(frozen=True, eq=False)
class TextFeatures:
    """A text's token count, its distinct passage anchors and its distinct key terms."""

    size: int
    anchors: np.ndarray  # uint32
    terms: np.ndarray  # uint32

    def encode(self) -> str:
        head = np.array([(self.size, len(self.anchors))], dtype=_HEAD).tobytes()
        keys = np.concatenate([self.anchors, self.terms]).astype(_KEY).tobytes()
        return base64.b64encode(head + keys).decode("ascii")

    @classmethod
    def decode(cls, text: str) -> TextFeatures:
        """The features of :meth:`encode`; ValueError when ``text`` is not such a string."""
        try:
            raw = base64.b64decode(text, validate=True)
        except binascii.Error as error:
            raise ValueError(f"text features are not base64: {error}") from error
        if len(raw) < _HEAD.itemsize or (len(raw) - _HEAD.itemsize) % _KEY.itemsize:
            raise ValueError("text features of the wrong length")
        head = np.frombuffer(raw[: _HEAD.itemsize], dtype=_HEAD)[0]
        keys = np.frombuffer(raw[_HEAD.itemsize :], dtype=_KEY).astype(np.uint32)
        split = int(head["anchors"])
        if split > len(keys) or int(head["size"]) < 0:
            raise ValueError("text features of the wrong length")
        return cls(int(head["size"]), keys[:split], keys[split:])
