"""Comparing the step-4 criteria: segment_criteria, Cramér's V, crosstabs and their prose."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workbench.errors import WorkbenchError
from workbench.narrative import (
    describe_agreement,
    describe_crosstab,
    format_criteria_agreement,
    format_crosstab,
)
from workbench.segmentation.compare import (
    cramers_v,
    criteria_agreement,
    segment_criteria,
    segment_crosstab,
)


def _criteria():
    return pd.DataFrame(
        {
            "cluster": ["Big", "Big", "Big", "Small"],
            "rung": ["regular", "advocate", "regular", "first_purchase"],
            "abc": ["A", "A", "B", "C"],
        },
        index=pd.Index(list("abcd"), name="customer_id"),
    )


class TestSegmentCriteria:
    def test_inner_join_drops_leads_and_sorts(self):
        rfm = pd.DataFrame({"segment": ["lost", "champions"]}, index=["b", "a"])
        lad = pd.DataFrame({"rung": ["buyer", "regular", "potential"]}, index=["a", "b", "lead:1"])
        abc = pd.DataFrame({"abc": ["A", "C"], "xyz": ["X", "Z"], "cell": ["AX", "CZ"]},
                           index=["a", "b"])
        clusters = pd.Series(["Big", "Small"], index=["a", "b"])
        got = segment_criteria(rfm=rfm, abc_xyz=abc, ladder=lad, clusters=clusters,
                               extra={"type": pd.Series(["B2B", "B2C"], index=["a", "b"])})
        expected = pd.DataFrame(
            {"rfm_segment": ["champions", "lost"], "abc": ["A", "C"], "xyz": ["X", "Z"],
             "cell": ["AX", "CZ"], "rung": ["buyer", "regular"], "cluster": ["Big", "Small"],
             "type": ["B2B", "B2C"]},
            index=pd.Index(["a", "b"], name="customer_id"),
        ).astype("string")
        pd.testing.assert_frame_equal(got, expected)

    def test_nothing_given(self):
        with pytest.raises(WorkbenchError, match="at least one"):
            segment_criteria()


class TestCramersV:
    def test_perfect_and_none(self):
        assert cramers_v(pd.Series(list("aabb")), pd.Series(list("xxyy"))) == 1.0
        assert cramers_v(pd.Series(list("aabb")), pd.Series(list("xyxy"))) == 0.0

    def test_single_category_is_zero(self):
        assert cramers_v(pd.Series(list("aaaa")), pd.Series(list("xyxy"))) == 0.0

    def test_agreement_matrix_symmetric(self):
        ag = criteria_agreement(_criteria(), columns=["cluster", "abc"])
        assert ag.shape == (2, 2)
        assert np.allclose(np.diag(ag), 1.0)
        assert ag.loc["cluster", "abc"] == ag.loc["abc", "cluster"] == pytest.approx(1.0)
        with pytest.raises(WorkbenchError, match="not among the criteria"):
            criteria_agreement(_criteria(), columns=["cell"])

    def test_format_agreement_translates(self):
        shown = format_criteria_agreement(criteria_agreement(_criteria()), language="ru")
        assert list(shown.columns) == ["Кластер", "Ступень лестницы", "Класс ABC"]
        assert shown.iloc[0].tolist() == ["1,00", "1,00", "1,00"]


class TestCrosstab:
    def test_natural_order_with_keys(self):
        ct = segment_crosstab(_criteria(), "rung", "cluster")
        expected = pd.DataFrame(
            [[0, 1], [2, 0], [1, 0]],
            index=pd.Index(["first_purchase", "regular", "advocate"], name="rung"),
            columns=pd.Index(["Big", "Small"], name="cluster"),
        )
        pd.testing.assert_frame_equal(ct, expected, check_dtype=False)

    def test_format_crosstab_names_criteria_and_values(self):
        ct = format_crosstab(segment_crosstab(_criteria(), "rung", "cluster"), language="ru")
        expected = pd.DataFrame(
            [[0, 1], [2, 0], [1, 0]],
            index=pd.Index(["Первая покупка", "Постоянный", "Приверженец"],
                           name="Ступень лестницы"),
            columns=pd.Index(["Big", "Small"], name="Кластер"),
        )
        pd.testing.assert_frame_equal(ct, expected, check_dtype=False)

    def test_format_crosstab_names_cluster_keys(self):
        crit = pd.DataFrame({"cluster": ["recency_low+frequency_high", "average"],
                             "abc": ["A", "C"]})
        ct = format_crosstab(segment_crosstab(crit, "cluster", "abc"), language="en")
        assert ct.index.tolist() == ["Average", "Recent frequent"]
        assert ct.index.name == "Cluster"

    def test_row_shares(self):
        ct = segment_crosstab(_criteria(), "cluster", "abc", normalize=True)
        assert ct.loc["Big"].tolist() == pytest.approx([2 / 3, 1 / 3, 0.0])

    def test_unknown_criterion(self):
        with pytest.raises(WorkbenchError, match="'cell' is not a criterion"):
            segment_crosstab(_criteria(), "cell", "abc")

    def test_describe_crosstab_english_and_russian(self):
        assert describe_crosstab(_criteria(), "cluster", "rung", language="en") == (
            "Cluster against Ladder rung: Cramér's V = 1.00 (a strong link).\n"
            "«Big» (3): most often Regular (67%), then Advocate (33%)\n"
            "«Small» (1): most often First purchase (100%)"
        )
        assert describe_crosstab(_criteria(), "cluster", "rung", language="ru") == (
            "Кластер и Ступень лестницы: V Крамера = 1,00 (сильная связь).\n"
            "«Big» (3): чаще всего Постоянный (67\u00a0%), затем Приверженец (33\u00a0%)\n"
            "«Small» (1): чаще всего Первая покупка (100\u00a0%)"
        )

    def test_describe_agreement(self):
        ag = pd.DataFrame([[1, 0.8, 0.2], [0.8, 1, 0.4], [0.2, 0.4, 1]],
                          index=["abc", "rung", "cluster"], columns=["abc", "rung", "cluster"])
        assert describe_agreement(ag, language="ru") == (
            "Сильнее всего совпадают: Класс ABC и Ступень лестницы (V = 0,80); меньше всего: "
            "Класс ABC и Кластер (V = 0,20). Похожие критерии делят клиентов одинаково и "
            "заменяют друг друга; непохожие добавляют новую информацию."
        )
        assert describe_agreement(ag.iloc[:1, :1], language="en") == (
            "Give at least two criteria to compare."
        )


class TestExtraCriteria:
    def test_extra_named_after_a_known_criterion_sorts_and_labels_like_it(self):
        crit = pd.DataFrame({"cell": ["AX", "CZ", "BY"], "cell_profit": ["CZ", "AX", "BY"]})
        ct = format_crosstab(segment_crosstab(crit, "cell", "cell_profit"), language="ru")
        assert ct.columns.tolist() == ["AX", "BY", "CZ"]
        assert ct.columns.name == "Ячейка ABC-XYZ по прибыли"
