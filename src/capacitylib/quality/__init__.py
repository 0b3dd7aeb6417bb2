"""Quality of a whole dataset: counts, problem codes, fill rates, and checks across records.

* :mod:`.summary`: :class:`DatasetSummary` and :func:`summarise`, one pass, mergeable.
* :mod:`.fill`: which fields a record states.
* :mod:`.across`: the same programme, code or organisation in several records.
* :mod:`.render`: the summary as text and as a self-contained HTML page.
"""

from capacitylib.quality.summary import CodeStats, DatasetSummary, Example, summarise, versions

__all__ = ["CodeStats", "DatasetSummary", "Example", "summarise", "versions"]
