r"""Text from records made safe to print on a terminal: control characters shown, not obeyed.

A programme title holding ``\\x1b[2J`` (clear the screen) or ``\\x1b]8;;...`` (a hidden link)
would act on the terminal of whoever runs ``capacitylib validate`` or ``report``. Every text
the command line prints goes through :func:`safe_line` or :func:`safe_text`, which write C0
and C1 control characters, DEL and the bidirectional overrides used in "Trojan source"
attacks as escapes (``\\x1b``, ``\\u202e``). JSON output is not touched: it stays exact.
"""

from __future__ import annotations

import re

#: Characters that act on a terminal: C1 controls, DEL and the bidirectional controls.
_ACTING = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_RE = re.compile(f"[\x00-\x1f{_ACTING}]")
_UNSAFE_KEEPING_LINES_RE = re.compile(f"[\x00-\x08\x0b-\x1f{_ACTING}]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\t":
        return "\t"
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_line(text: str) -> str:
    r"""One line of text with every control character escaped, line ends included.

    >>> safe_line("Title\x1b[2J\nforged line")
    'Title\\x1b[2J\\x0aforged line'
    """
    return _UNSAFE_RE.sub(_escape, text)


def safe_text(text: str) -> str:
    r"""Text of several lines: ``\n`` stays a line end, every other control is escaped.

    >>> safe_text("Report\n  title: a\x1b]8;;http://x\x07b\n")
    'Report\n  title: a\\x1b]8;;http://x\\x07b\n'
    """
    return _UNSAFE_KEEPING_LINES_RE.sub(_escape, text)


__all__ = ["safe_line", "safe_text"]
