"""The sections of a programme report, one module per topic (import from ``report``).

:func:`~capacitylib.calculators.build_report` runs each section's builder on one
:class:`~._inputs.ReportInputs` and puts the figures together in a
:class:`~capacitylib.calculators.ProgrammeReport`:

* :mod:`.duration`: the period and its durations;
* :mod:`.budget`: the budget's totals, shares, splits and unit costs;
* :mod:`.activities`: activities per kind and scope, training per participant;
* :mod:`.indicators`: each indicator's target, latest actual and achievement;
* :mod:`.notes`: notes on the defaults the figures rely on.

A new section is a module here with its figures (a frozen dataclass, exact values) and a
builder taking the ``ReportInputs``; ``report.py`` adds a field for it, and ``_render.py``
(through :mod:`.._presentation`, which does all rounding) its JSON and text.
"""
