"""Widgets for live workshops: each factory returns a :class:`Panel` tests can drive.

See :mod:`workbench.widgets._base` for the pattern. Factories take ``language=`` for labels.
"""

from __future__ import annotations

from workbench.widgets._actions import action_economics_panel
from workbench.widgets._base import Panel, html_text
from workbench.widgets._churn import retention_panel, threshold_panel
from workbench.widgets._client_card import client_card_panel, describe_client_card
from workbench.widgets._dashboard import Dashboard, dashboard
from workbench.widgets._expectations import (
    ipa_panel,
    ladder_panel,
    priorities_panel,
    quotes_panel,
)
from workbench.widgets._feedback import nps_panel
from workbench.widgets._loop import second_round_panel
from workbench.widgets._offers import offer_table_panel, ukor_panel
from workbench.widgets._segmentation import abc_xyz_panel, segmentation_panel
from workbench.widgets._workshop import deliverables_panel, load_report_panel

__all__ = (
    "Dashboard",
    "Panel",
    "abc_xyz_panel",
    "action_economics_panel",
    "client_card_panel",
    "dashboard",
    "deliverables_panel",
    "describe_client_card",
    "html_text",
    "ipa_panel",
    "ladder_panel",
    "load_report_panel",
    "nps_panel",
    "offer_table_panel",
    "priorities_panel",
    "quotes_panel",
    "retention_panel",
    "second_round_panel",
    "segmentation_panel",
    "threshold_panel",
    "ukor_panel",
)
