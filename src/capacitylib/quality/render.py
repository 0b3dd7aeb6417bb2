"""The dataset summary as text for a terminal and as one self-contained HTML page.

Every text from the data is escaped: control characters on the terminal (by the command line),
HTML special characters in the page (``html.escape``). The page needs no server, no script and
no file beside it: styles are inline and fill rates are drawn as CSS bars.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from capacitylib.quality.summary import DatasetSummary

#: Fill rates shown in the text summary: the least filled first.
_TEXT_FILL_SHOWN = 15


def _percent(part: float) -> str:
    return f"{part * 100:.1f}%"


def summary_text(summary: DatasetSummary) -> str:
    """The summary as lines of plain text."""
    lines = [
        f"{summary.records} records: {summary.valid} valid, {summary.rejected} rejected"
        + (
            f"; {summary.unreadable} input{'' if summary.unreadable == 1 else 's'} "
            "could not be read"
            if summary.unreadable
            else ""
        ),
    ]
    share = summary.records or 1
    if summary.codes:
        lines += ["", "problems by code (records, share of records, severity):"]
        for stats in summary.sorted_codes():
            lines.append(
                f"  {stats.code:<40} {stats.records:>8} {_percent(stats.records / share):>7}"
                f"  {stats.severity}"
            )
            for example in stats.examples[:3]:
                from capacitylib.quality.across import where_text  # noqa: PLC0415

                where = where_text(example.where)
                path = f" {example.path}" if example.path else ""
                lines.append(f"      e.g. {where}{path}: {example.message}")
    findings = summary.findings()
    if findings:
        lines += ["", "across records:"]
        lines += [f"  {p.severity:<7} {p.message} [{p.code}]" for p in findings]
    rates = summary.fill_rates()
    if rates:
        lowest = sorted(rates.items(), key=lambda item: (item[1], item[0]))[:_TEXT_FILL_SHOWN]
        lines += ["", f"least filled fields (share of {summary.with_programme} programmes):"]
        lines += [f"  {path:<40} {_percent(rate):>7}" for path, rate in lowest]
    return "\n".join(lines) + "\n"


_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;max-width:70rem}
table{border-collapse:collapse;margin:0.5rem 0 1.5rem}
th,td{border:1px solid #ccc;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}.num{text-align:right}.error{color:#a00}.warning{color:#a60}
.info{color:#046}.bar{background:#dde;width:12rem;height:0.8rem}
.fill{background:#447;height:0.8rem}small{color:#555}
"""


def summary_html(summary: DatasetSummary) -> str:
    """The summary as one HTML document, every text escaped."""
    from capacitylib.quality.across import where_text  # noqa: PLC0415

    share = summary.records or 1
    versions = summary.as_dict()["versions"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>capacitylib dataset summary</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Dataset summary</h1>",
        f'<p id="counts"><strong>{summary.records}</strong> records: '
        f"<strong>{summary.valid}</strong> valid, <strong>{summary.rejected}</strong> rejected"
        f"; {summary.unreadable} input{'' if summary.unreadable == 1 else 's'} could not be "
        "read</p>",
        "<p><small>" + escape(", ".join(f"{k} {v}" for k, v in versions.items())) + "</small></p>",
        "<h2>Problems by code</h2>",
        '<table id="codes"><tr><th>code</th><th>severity</th><th>records</th><th>share</th>'
        "<th>problems</th><th>examples</th></tr>",
    ]
    for stats in summary.sorted_codes():
        examples = "<br>".join(
            escape(f"{where_text(e.where)} {e.path}: {e.message}".strip()) for e in stats.examples
        )
        parts.append(
            f'<tr><td><code>{escape(stats.code)}</code></td><td class="{stats.severity}">'
            f'{stats.severity}</td><td class="num">{stats.records}</td>'
            f'<td class="num">{_percent(stats.records / share)}</td>'
            f'<td class="num">{stats.problems}</td><td>{examples}</td></tr>'
        )
    parts.append("</table>")
    parts += [
        "<h2>Across records</h2>",
        '<table id="across"><tr><th>code</th><th>severity</th><th>finding</th></tr>',
    ]
    for finding in summary.findings():
        parts.append(
            f"<tr><td><code>{escape(finding.code)}</code></td>"
            f'<td class="{finding.severity}">{finding.severity}</td>'
            f"<td>{escape(finding.message)}</td></tr>"
        )
    parts.append("</table>")
    parts += [
        f"<h2>Fill rates</h2><p>Share of the {summary.with_programme} programmes that state "
        "each field.</p>",
        '<table id="fill"><tr><th>field</th><th>share</th><th></th></tr>',
    ]
    for path, rate in summary.fill_rates().items():
        width = f"{rate * 100:.1f}%"
        parts.append(
            f'<tr><td><code>{escape(path)}</code></td><td class="num">{_percent(rate)}</td>'
            f'<td><div class="bar"><div class="fill" style="width:{width}"></div></div></td></tr>'
        )
    parts += ["</table>", "</body></html>", ""]
    return "\n".join(parts)


__all__ = ["summary_html", "summary_text"]
