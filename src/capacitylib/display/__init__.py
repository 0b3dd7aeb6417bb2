"""Readable views of a programme and its report: HTML tables for Jupyter, text for a terminal.

``Programme._repr_html_`` and ``ProgrammeReport._repr_html_`` call :func:`programme_html` and
:func:`report_html`, so a notebook shows tables instead of a wall of ``repr``;
``Programme.render_text()`` calls :func:`programme_text`. Every text from the document is
escaped with :func:`html.escape`. No dependency beyond the standard library.

>>> import capacitylib
>>> cz = capacitylib.load_examples()[0]
>>> print(programme_text(cz).splitlines()[6])
period   actual 2016-11-01 .. 2018-02-28, 485 days
>>> "<td>supervision_team</td>" in programme_html(cz)
True
"""

from capacitylib.display._programme import programme_html, programme_text
from capacitylib.display._report import report_html

__all__ = ["programme_html", "programme_text", "report_html"]
