"""Hypothesis strategies for capacitylib values and programmes, for your own property tests.

Needs the ``testing`` extra (``pip install "capacitylib[testing]"``).

>>> from hypothesis import given, settings
>>> from capacitylib.testing import programmes
>>> @settings(max_examples=20)
... @given(programmes(max_activities=2))
... def test_every_programme_has_a_title(programme):
...     assert programme.title.best("en")
>>> test_every_programme_has_a_title()

Strategies that end in ``_documents`` give plain JSON-ready data (what a file holds); the others
give validated models. :func:`rich_programme_documents` fills every field of every model with
values that are hard for flat formats (separators, quotes, a leading "=", ``1E+3``), and
:func:`programme_collections` gives one to three of them with distinct ids.
:func:`extreme_programme_documents` and :func:`extreme_programmes` draw figures at the edges of
what the models accept (10^18, 10^-1000000, 40-digit decimals, 0001-01-01, 9999-12-31); pass
:data:`EXTREME` or your own :class:`Figures` to :func:`rich_programme_documents` to mix.
:func:`nearly_valid_documents` gives documents that break exactly one named rule, with the
error code and path a validator must report. :func:`as_data` turns any value strategy into
the plain data a file holds (:func:`to_data` for one value); every document strategy draws its
values that way, from the value strategies here.
"""

from capacitylib.io import _extras

_extras.require("hypothesis", extra="testing")

from capacitylib.testing._documents import (  # noqa: E402 - after the extra check
    NearlyValid,
    extreme_programmes,
    nearly_valid_documents,
    programme_documents,
    programmes,
)
from capacitylib.testing._figures import EXTREME, ORDINARY, Figures  # noqa: E402
from capacitylib.testing._plain import as_data, to_data  # noqa: E402
from capacitylib.testing._rich import (  # noqa: E402
    extreme_programme_documents,
    programme_collections,
    rich_programme_documents,
)
from capacitylib.testing._values import (  # noqa: E402
    LANGUAGES,
    estimates,
    hours,
    localized_texts,
    money,
    partial_dates,
    periods,
)

__all__ = [
    "EXTREME",
    "LANGUAGES",
    "ORDINARY",
    "Figures",
    "NearlyValid",
    "as_data",
    "estimates",
    "extreme_programme_documents",
    "extreme_programmes",
    "hours",
    "localized_texts",
    "money",
    "nearly_valid_documents",
    "partial_dates",
    "periods",
    "programme_collections",
    "programme_documents",
    "programmes",
    "rich_programme_documents",
    "to_data",
]
