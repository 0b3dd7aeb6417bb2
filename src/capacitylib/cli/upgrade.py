"""``capacitylib upgrade``: documents of an earlier format version rewritten as the current one."""

from __future__ import annotations

import argparse

from capacitylib._version import SCHEMA_VERSION
from capacitylib.cli.convert import report_result
from capacitylib.cli.outputs import check_outputs
from capacitylib.io.conversion import convert, format_of_path


def cmd_upgrade(args: argparse.Namespace) -> int:
    """Rewrite ``args.input`` (format 1.0 or later) as the current format.

    The format written is OUT's (from its suffix), or IN's own on standard output.

    Every record is validated first; nothing is written unless all are valid. The output is
    ``args.output`` (atomic) or standard output; the input is never written.
    """
    output = args.output or "-"
    check_outputs([args.input], {"OUT": output})
    fmt = format_of_path(args.input)
    to_fmt = fmt if output == "-" else format_of_path(output)
    result = convert(args.input, output, from_format=fmt, to_format=to_fmt)
    done = f"{result.written} upgraded to format {SCHEMA_VERSION} in"
    return report_result(result, args.input, output, done)
