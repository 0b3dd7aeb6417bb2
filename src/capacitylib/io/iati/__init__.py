"""IATI Activity Standard 2.03: publish programmes as IATI activity XML and read IATI activities.

Needs the ``iati`` extra (lxml): ``pip install "capacitylib[iati]"``.
"""

from __future__ import annotations

__all__: list[str] = []
