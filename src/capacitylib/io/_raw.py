"""The exact bytes of an input line that cannot be kept as text (not UTF-8, or too long).

Small lines are held in memory; longer ones are spooled to an anonymous temporary file, so a
rejected line of hundreds of megabytes is kept whole without being held. A :class:`RawLine`
pickles as its bytes.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import IO, Any

#: Bytes of a raw line held in memory before it is spooled to a temporary file.
_IN_MEMORY_BYTES = 1 << 20
#: Chunk size for reading and encoding; a multiple of 3, so base64 chunks concatenate.
_CHUNK = 3 << 18


class RawLine:
    r"""The bytes of one line, exactly as read (without its line end).

    >>> raw = RawLine.from_bytes(b"caf\xe9")
    >>> raw.size, raw.head(3), raw.base64()
    (4, b'caf', 'Y2Fm6Q==')
    """

    __slots__ = ("_file", "_memory", "size")

    def __init__(self) -> None:
        self._memory: bytearray | None = bytearray()
        self._file: IO[bytes] | None = None
        self.size = 0

    @classmethod
    def from_bytes(cls, data: bytes) -> RawLine:
        """A raw line holding ``data``."""
        raw = cls()
        raw.append(data)
        return raw

    def append(self, data: bytes) -> None:
        """Add bytes at the end (spooled to an anonymous temporary file past 1 MiB)."""
        self.size += len(data)
        if self._memory is not None:
            self._memory += data
            if len(self._memory) <= _IN_MEMORY_BYTES:
                return
            import tempfile  # noqa: PLC0415 - only a long line needs a spool file

            self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()/__del__
            data, self._memory = bytes(self._memory), None
        assert self._file is not None  # noqa: S101 - set when memory is dropped
        self._file.write(data)

    def chunks(self) -> Iterator[bytes]:
        """The bytes in order, in chunks of at most 768 KiB."""
        if self._memory is not None:
            for start in range(0, len(self._memory), _CHUNK):
                yield bytes(self._memory[start : start + _CHUNK])
            return
        assert self._file is not None  # noqa: S101
        self._file.seek(0)
        while chunk := self._file.read(_CHUNK):
            yield chunk
        self._file.seek(0, 2)

    def head(self, count: int) -> bytes:
        """The first ``count`` bytes."""
        if self._memory is not None:
            return bytes(self._memory[:count])
        assert self._file is not None  # noqa: S101
        self._file.seek(0)
        data = self._file.read(count)
        self._file.seek(0, 2)
        return data

    def close(self) -> None:
        """Drop the bytes and remove the temporary file, if any."""
        if self._file is not None:
            self._file.close()
        self._file = None
        self._memory = bytearray()
        self.size = 0

    def __del__(self) -> None:
        if self._file is not None:
            self._file.close()

    def getvalue(self) -> bytes:
        """All bytes (held in memory: for small lines and tests)."""
        return b"".join(self.chunks())

    def base64(self) -> str:
        """The bytes as standard base64 text (RFC 4648, with padding)."""
        return "".join(base64_chunks(self))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RawLine):
            return NotImplemented
        return self.size == other.size and self.getvalue() == other.getvalue()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"RawLine({self.size} bytes: {self.head(40)!r}...)"

    def __reduce__(self) -> tuple[Any, ...]:
        return (RawLine.from_bytes, (self.getvalue(),))


def base64_chunks(raw: RawLine) -> Iterator[str]:
    """The base64 text of ``raw`` in pieces whose concatenation is its base64 encoding."""
    for chunk in raw.chunks():
        yield base64.b64encode(chunk).decode("ascii")


__all__ = ["RawLine", "base64_chunks"]
