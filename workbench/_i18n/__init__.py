"""Parts of the i18n catalogue, one module per area; merged by :mod:`workbench.i18n`.

Each module defines ``MESSAGES: dict[str, dict[str, str]]`` with ``"en"`` and ``"ru"`` texts.
Keys are prefixed by area (``common.``, ``load.``, ``rfm.``, ``churn.`` ...).
"""
