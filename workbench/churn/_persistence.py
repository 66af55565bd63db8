"""Save and load a fitted :class:`~workbench.churn.ChurnModel` (skops payload, no pickle)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from workbench.errors import WorkbenchError

#: Identifies files written by :meth:`ChurnModel.save`.
MODEL_FORMAT = "workbench-churn-model"
MODEL_FORMAT_VERSION = 1

#: Types (beyond skops' defaults) that :meth:`ChurnModel.load` accepts in a model file. Reviewed:
#: scikit-learn estimators and their numeric internals only - nothing that runs code on load.
TRUSTED_TYPES: tuple[str, ...] = (
    "collections.OrderedDict",
    "numpy.arcsinh",
    "numpy.dtype",
    "sklearn._loss.link.IdentityLink",
    "sklearn._loss.link.Interval",
    "sklearn._loss.link.LogitLink",
    "sklearn._loss.loss.HalfBinomialLoss",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.ensemble._hist_gradient_boosting.binning._BinMapper",
    "sklearn.ensemble._hist_gradient_boosting.gradient_boosting.HistGradientBoostingClassifier",
    "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
    "sklearn.frozen._frozen.FrozenEstimator",
    "sklearn.impute._base.SimpleImputer",
    "sklearn.isotonic.IsotonicRegression",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.model_selection._split.StratifiedKFold",
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._data.StandardScaler",
    "sklearn.preprocessing._function_transformer.FunctionTransformer",
    "workbench.churn._impute.MedianImputer",  # SimpleImputer with a faster median
)


def save_model(model, path: str | Path) -> Path:
    """Write the fitted model to ``path`` (a zip: skops payload + JSON header).

    Parameters
    ----------
    path : str or Path
        Target file; ``.wbmodel`` is a good suffix.

    Returns
    -------
    Path
        The path written.

    Notes
    -----
    The payload is written with ``skops.io`` (no pickle); the header records the format,
    the workbench version and the SHA-256 of the payload. :meth:`load` refuses a file whose
    header or checksum does not match, and any type outside :data:`TRUSTED_TYPES`. The
    checksum detects corruption and naive edits; it is not a signature (anyone can write a
    new header), the type allow-list is what keeps loading safe. The file holds aggregate
    statistics (feature medians) but no client rows.
    """
    import skops.io as sio
    from sklearn.utils.validation import check_is_fitted

    from workbench import __version__

    check_is_fitted(model, "predictor_")
    state = {
        "params": {
            "horizon": model.horizon_,
            "estimator": model.estimator,
            "calibrate": bool(model.calibrate),
            "calibration": str(model.calibration),
            "max_windows": int(model.max_windows),
            "btyd": bool(model.btyd),
            "random_state": model.random_state,
            "n_threads": model.n_threads,
        },
        "predictor": model.predictor_,
        "baseline": model.baseline_,
        "feature_names": list(model.feature_names_in_),
        "categories": {k: list(v) for k, v in model.categories_.items()},
        "tables": list(model.tables_),
        "reference": [float(model.reference_[c]) for c in model.feature_names_in_],
        "importances": {
            "feature": list(model.importances_["feature"]),
            "importance": [float(v) for v in model.importances_["importance"]],
            "importance_std": [float(v) for v in model.importances_["importance_std"]],
        },
        "windows": [w.isoformat() for w in model.windows_],
        "asof": model.asof_.isoformat(),
        "n_train": int(model.n_train_),
        "base_rate": float(model.base_rate_),
    }
    payload = sio.dumps(state)
    header = {
        "format": MODEL_FORMAT,
        "format_version": MODEL_FORMAT_VERSION,
        "workbench_version": __version__,
        "sha256": hashlib.sha256(payload).hexdigest(),
    }
    path = Path(path)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("header.json", json.dumps(header, indent=1))
        zf.writestr("model.skops", payload)
    return path


def load_model(cls, path: str | Path, trusted: Sequence[str] = ()):
    """Read a model written by :meth:`save`, refusing foreign, altered or unsafe files.

    Parameters
    ----------
    path : str or Path
    trusted : sequence of str, optional
        Extra type names to accept (only after reviewing them; needed for a custom
        ``estimator``).

    Returns
    -------
    ChurnModel

    Raises
    ------
    WorkbenchError
        If the file is not a workbench churn model, comes from another workbench version
        or format version, its payload does not match its checksum, or it contains types
        outside :data:`TRUSTED_TYPES` and ``trusted``.
    """
    import skops.io as sio

    from workbench import __version__

    path = Path(path)
    try:
        with zipfile.ZipFile(path) as zf:
            header = json.loads(zf.read("header.json").decode("utf-8"))
            payload = zf.read("model.skops")
    except (OSError, KeyError, zipfile.BadZipFile, json.JSONDecodeError, UnicodeDecodeError):
        raise WorkbenchError(
            f"{path}: not a workbench churn model file (expected a zip with header.json and "
            "model.skops, as written by ChurnModel.save)"
        ) from None
    if not isinstance(header, dict) or header.get("format") != MODEL_FORMAT:
        raise WorkbenchError(f"{path}: not a workbench churn model file (format "
                             f"{header.get('format') if isinstance(header, dict) else None!r})")
    if header.get("format_version") != MODEL_FORMAT_VERSION:
        raise WorkbenchError(
            f"{path}: model file format version {header.get('format_version')!r}; this "
            f"workbench reads version {MODEL_FORMAT_VERSION}. Refit the model"
        )
    if header.get("workbench_version") != __version__:
        raise WorkbenchError(
            f"{path}: saved by workbench {header.get('workbench_version')!r}, this is "
            f"workbench {__version__}; models are not carried across versions. Refit the "
            "model with this version"
        )
    if hashlib.sha256(payload).hexdigest() != header.get("sha256"):
        raise WorkbenchError(
            f"{path}: the model payload does not match its SHA-256 checksum: the file was "
            "altered or damaged; refusing to load it"
        )
    try:
        untrusted = sio.get_untrusted_types(data=payload)
    except Exception as exc:  # skops raises various errors on malformed payloads
        raise WorkbenchError(f"{path}: unreadable model payload ({exc})") from None
    allowed = set(TRUSTED_TYPES) | set(trusted)
    unexpected = sorted(set(untrusted) - allowed)
    if unexpected:
        raise WorkbenchError(
            f"{path}: the model contains types that are not on the reviewed list: "
            f"{unexpected}. Refusing to load; if you wrote this file with a custom "
            "estimator, review these types and pass them as trusted="
        )
    state = sio.loads(payload, trusted=list(untrusted))
    params = state["params"]
    model = cls(**params)
    model.predictor_ = state["predictor"]
    model.baseline_ = state["baseline"]
    model.feature_names_in_ = list(state["feature_names"])
    model.categories_ = {k: list(v) for k, v in state["categories"].items()}
    model.tables_ = tuple(state["tables"])
    model.reference_ = pd.Series(state["reference"], index=model.feature_names_in_,
                                 dtype="float64")
    model.importances_ = pd.DataFrame(state["importances"])
    model.windows_ = [pd.Timestamp(w) for w in state["windows"]]
    model.asof_ = pd.Timestamp(state["asof"])
    model.n_train_ = int(state["n_train"])
    model.base_rate_ = float(state["base_rate"])
    model.horizon_ = str(params["horizon"])
    return model
