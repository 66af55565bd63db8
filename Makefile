# Two commands for a newcomer: `make run` and `make test`. Needs only python3 (>= 3.11) and make.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
EXTRAS  ?= test,lab,dashboard
export UV_PYTHON_DOWNLOADS := never
export MPLBACKEND := Agg
export PYTHONHASHSEED := 0
# Installed packages are compiled to bytecode once, here: where the environment sets
# PYTHONDONTWRITEBYTECODE (as some CI images do) every kernel would otherwise recompile pandas,
# matplotlib and sklearn from source at each import (~5 s of CPU per notebook).
export UV_COMPILE_BYTECODE := 1

.PHONY: setup run test test-unit test-notebooks test-notebooks-blas test-browser lab dashboard bench lint clean notebooks exercises

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check uv || true
	if [ -x $(BIN)/uv ]; then $(BIN)/uv pip install -q --python $(BIN)/python -e '.[$(EXTRAS)]'; \
	else $(BIN)/python -m pip install -q --disable-pip-version-check -e '.[$(EXTRAS)]'; fi
	$(BIN)/python -m ipykernel install --sys-prefix --name workbench --display-name "Python (workbench)" >/dev/null
	$(BIN)/python -m compileall -q -j 0 workbench >/dev/null
	touch $@

run: $(STAMP)
	$(BIN)/workbench run --data data/samples --out reports

test: $(STAMP)
	$(BIN)/python -m pytest

# The notebook checks (nbval) again under another OpenBLAS kernel than this machine's default
# (CI runs both): a check cell that depends on the last bits of a float fails here first.
test-notebooks-blas: $(STAMP)
	core=$$($(BIN)/python .ci/blas_core.py) && \
	  OPENBLAS_CORETYPE=$$core $(BIN)/python .ci/blas_core.py --check $$core && \
	  OPENBLAS_CORETYPE=$$core $(BIN)/python -m pytest notebooks -q -p no:cacheprovider

notebooks: $(STAMP)      # rebuild notebooks/NN_*.ipynb from notebooks/src/*.py and execute them
	$(BIN)/python tools/build_notebooks.py

exercises: $(STAMP)      # regenerate notebooks/exercises/ from the solution sources
	$(BIN)/python tools/make_exercises.py

# Voila dashboard on localhost only; DATA=folder LANGUAGE=ru HOST=0.0.0.0 PORT=... to change.
# Decisions are saved into DATA's workshop file; on the shipped sample into a copy in OUT.
HOST     ?= 127.0.0.1
PORT     ?= 8866
DATA     ?= data/samples
LANGUAGE ?= en
OUT      ?= reports/dashboard
dashboard: $(STAMP)
	test -f notebooks/dashboard.ipynb || $(BIN)/python tools/build_notebooks.py dashboard
	WORKBENCH_DATA="$(abspath $(DATA))" WORKBENCH_LANGUAGE=$(LANGUAGE) WORKBENCH_OUT="$(abspath $(OUT))" \
	  $(BIN)/voila --no-browser --Voila.ip=$(HOST) --port=$(PORT) notebooks/dashboard.ipynb

# Browser tests (Voila + headless Chromium): needs `apt-get install chromium`; fails if missing.
test-browser: $(STAMP)
	$(BIN)/python -c "import playwright" 2>/dev/null || \
	  $(BIN)/uv pip install -q --python $(BIN)/python -e '.[test,browser,dashboard]'
	WORKBENCH_REQUIRE_BROWSER=1 $(BIN)/python -m pytest tests/test_browser.py -q

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

bench: $(STAMP)
	$(BIN)/uv pip install -q --python $(BIN)/python -e '.[test,bench]'
	$(BIN)/python benchmarks/run_all.py

lint: $(STAMP)
	$(BIN)/ruff check workbench tests benchmarks

clean:
	rm -rf $(VENV) reports build .pytest_cache
