# The course's commands. `make book` and `make test` work on a fresh Debian machine with
# Python 3.11: each target installs what it needs (virtualenv, npm, Debian packages).
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
JB_FLAGS := -W -n --keep-going
# Python writes bytecode for the course's own code and pytest's rewritten tests: with
# PYTHONDONTWRITEBYTECODE set (as on some machines), every kernel and test worker would
# compile coursekit/ and tests/ again from source.
unexport PYTHONDONTWRITEBYTECODE
# JupyterLab's settings for everyone using this environment (news pop-up and update check off).
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings
# Offline guard: every Python process (notebook kernels too) may reach only loopback.
OFFLINE := PYTHONPATH=$(CURDIR)/tools/offline
# Where a chapter page's map iframes find Leaflet: the copy the build puts in _static/vendor
# (from node_modules), relative to chapters/*.html. The PDF build sets it too, because both
# builds share the executed notebooks.
ASSET_BASE := ../_static/vendor
BUILD_ENV := $(OFFLINE) COURSEKIT_ASSET_BASE=$(ASSET_BASE)
APT_PDF := texlive-xetex texlive-latex-extra texlive-fonts-recommended latexmk fonts-freefont-otf poppler-utils
APT_BROWSER := chromium nginx
# The tests that need no build, no PDF and no browser: `make unit`.
UNIT := not build and not pdf and not browser and not nbgrader and not slow
# pytest-xdist: two worker processes (one per core); a test module with its own server
# (JupyterLab, JupyterHub) stays on one worker (xdist_group), so the server starts once.
# The workers take the tests in the order tests/xdist_order.py gives (not xdist's own).
XDIST := -n 2 --dist loadgroup --no-loadscope-reorder
# Where make test's background site build writes its exit status (the tests of the built
# site wait for it: tests/conftest.py).
SITE_STATUS := _build/site.status
# make test's site build. Expanded here (:=) so that the recipe line does not name $(MAKE):
# `make -n test` then only prints it, and does not run the tests on that line.
SITE_IN_BACKGROUND := $(MAKE) --no-print-directory site
NOTEBOOKS := $(wildcard chapters/*.ipynb backmatter/*.ipynb)
CACHE := _build/.jupyter_cache
CACHE_STAMP := _build/.cache-stamp
# jupyter-cache keys on notebook text only: when the helper package, the data or the asset
# base change, drop the executed outputs so that every notebook runs again. Bytecode that
# Python writes when it imports coursekit (a kernel, a test) is no change.
define fresh_cache
	mkdir -p _build
	if [ -f $(CACHE_STAMP) ] && { [ -n "$$(find coursekit data -type f -newer $(CACHE_STAMP) \
		! -path '*/__pycache__/*' -print -quit)" ] \
		|| [ "$$(cat $(CACHE_STAMP))" != "$(ASSET_BASE)" ]; }; then \
		echo "coursekit/, data/ or the asset base changed: notebooks will run again"; \
		rm -rf $(CACHE) _build/.doctrees; fi
	echo "$(ASSET_BASE)" > $(CACHE_STAMP)
endef
# The HTML build; $(1) is extra environment (the PDF to include, for make site). It starts
# from an empty _build/html: both builders share the doctrees, and after a PDF build has
# re-read the notebooks Sphinx would think old HTML pages current (it compares them with
# the notebooks' own dates). Executed notebooks stay cached, so this costs seconds.
define html_build
	$(fresh_cache)
	rm -rf _build/html
	$(1) $(BUILD_ENV) $(BIN)/jupyter-book build . --builder html $(JB_FLAGS) 2>&1 | tee _build/html-build.log
endef

.PHONY: installs help install book site pdf test lint unit lab hub serve strip bench clean apt-pdf apt-browser node lms assignments

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

# The pins are installed by uv (itself pinned in requirements.txt, installed by pip): the same
# exact versions as `pip install -r requirements.txt`, in a fraction of the time. The
# virtualenv is made without pip (venv's own copy of pip took 5 s to set up): the system's
# pip installs uv into it (`pip --python`; without a usable system pip, ensurepip), and uv
# installs the pins, pip, setuptools and wheel among them. Bytecode is written when a module
# is first imported (PYTHONDONTWRITEBYTECODE is unexported above): compiling all of
# site-packages at install took 22 s on two cores, most of it for modules that no command
# here imports.
UV_PIN = "$$(grep -E '^uv==' requirements.txt)"
UV_INSTALL = $(BIN)/uv pip install --python $(BIN)/python --quiet
$(STAMP): requirements.txt pyproject.toml binder/overrides.json
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'
	test -x $(BIN)/python || $(PYTHON) -m venv --without-pip $(VENV)
	$(PYTHON) -m pip --python $(BIN)/python install --quiet $(UV_PIN) 2>/dev/null \
		|| { $(BIN)/python -m ensurepip --upgrade && $(BIN)/python -m pip install --quiet $(UV_PIN); }
	$(UV_INSTALL) -r requirements.txt
	$(UV_INSTALL) --no-deps --no-build-isolation -e .
	mkdir -p $(LAB_SETTINGS) && cp binder/overrides.json $(LAB_SETTINGS)/overrides.json
	touch $@

install: $(STAMP)  ## Make the virtualenv (.venv) with the pinned packages

$(NODE_STAMP): package.json package-lock.json
	command -v npm >/dev/null || scripts/apt-ensure.sh nodejs npm
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

node: $(NODE_STAMP)  ## Install Leaflet (copied into the web book, served by make lab) and axe-core from npm

apt-pdf:
	@scripts/apt-ensure.sh $(APT_PDF)

apt-browser:
	@scripts/apt-ensure.sh $(APT_BROWSER)

book: $(STAMP) node  ## Build the HTML book (executes every notebook); warnings are errors
	$(call html_build,)
	@echo "The book is at file://$(CURDIR)/_build/html/index.html"

site: pdf node  ## The web book with the PDF inside (_build/html), ready to copy to any static host
	$(call html_build,COURSEKIT_PDF=_build/latex/course.pdf)
	@echo "The site is _build/html (open index.html, or copy the folder to a web host)"

# LATEXMKOPTS reaches the Makefile that Sphinx writes into _build/latex: latexmk's XeLaTeX
# mode runs xelatex without PDF output until the references settle, then xdvipdfmx once
# (not once per run: about half of each run's time).
pdf: $(STAMP) node apt-pdf  ## Build the PDF with XeLaTeX
	$(fresh_cache)
	LATEXMKOPTS=-xelatex $(BUILD_ENV) $(BIN)/jupyter-book build . --builder pdflatex $(JB_FLAGS) 2>&1 \
		| tee _build/pdf-build.log
	@echo "The PDF is at $(CURDIR)/_build/latex/course.pdf"

lms: $(STAMP)  ## The quizzes for Moodle and Canvas: Moodle XML, GIFT and a QTI zip per chapter and for the course (_build/lms)
	rm -rf _build/lms
	$(OFFLINE) $(BIN)/python -m coursekit.lms _build/lms

assignments: $(STAMP)  ## nbgrader assignments: a course folder with one source notebook per chapter (_build/assignments)
	rm -rf _build/assignments/source
	$(OFFLINE) $(BIN)/python -m coursekit.nbgrader _build/assignments
	@echo "Then, in _build/assignments: PATH=$(CURDIR)/$(BIN):\$$PATH nbgrader generate_assignment 01_visit"

lint: $(STAMP)  ## ruff, and no outputs in committed notebooks
	$(BIN)/ruff check .
	$(BIN)/ruff format --check coursekit tests scripts tools

unit: $(STAMP) node  ## Fast tests only: no build, PDF, browser, nbgrader or slow ones (on two workers)
	$(OFFLINE) $(BIN)/pytest -m "$(UNIT)" $(XDIST)

# make test keeps both cores busy: the site build (Sphinx, XeLaTeX: one core) runs in the
# background while one pytest run on two workers goes through every test, those that need no
# build first (tests/xdist_order.py); the tests of the built site wait for it, which has
# finished by the time they come up. Each notebook runs once: the notebook tests go first and
# hand their executed notebooks to the build's jupyter-cache, and the build starts when each
# has left its mark (tests/test_notebooks.py), or when pytest has ended, and then runs what
# the cache lacks. pytest names the slowest tests at the end.
RUN_MARKS := _build/.notebook-runs
TEST_ENV := COURSE_SITE_STATUS=$(SITE_STATUS) COURSE_BUILD_CACHE=$(CACHE) \
	COURSE_BUILD_ASSET_BASE=$(ASSET_BASE) COURSE_NOTEBOOK_MARKS=$(RUN_MARKS)
# The virtualenv and the npm packages install side by side (two jobs; the Debian packages
# after them, as two apt-get runs at once would fight over dpkg's lock).
installs:
	@$(MAKE) --no-print-directory -j2 $(STAMP) $(NODE_STAMP)

test: installs apt-pdf apt-browser lint  ## Install everything, build the site (web book + PDF), run every test
	@$(fresh_cache)
	@rm -rf $(SITE_STATUS) $(RUN_MARKS)
	@echo "make site: in the background once the notebook tests have run, its output in _build/site.log"
	{ until [ "$$(ls $(RUN_MARKS) 2>/dev/null | wc -l)" -ge $(words $(NOTEBOOKS)) ] \
		|| [ -e $(RUN_MARKS)/.tests-over ]; do sleep 1; done; \
	  $(SITE_IN_BACKGROUND) >_build/site.log 2>&1; echo $$? >$(SITE_STATUS); } & \
	tests=0; $(TEST_ENV) $(OFFLINE) $(BIN)/pytest $(XDIST) || tests=$$?; \
	mkdir -p $(RUN_MARKS) && touch $(RUN_MARKS)/.tests-over; \
	wait; \
	if [ "$$(cat $(SITE_STATUS) 2>/dev/null)" != 0 ]; then \
		tail -n 60 _build/site.log; echo "make site failed: see _build/site.log"; exit 1; fi; \
	grep -E "^The (PDF|site) is" _build/site.log || true; \
	exit $$tests

lab: $(STAMP) node  ## JupyterLab for instructors (offline: maps carry Leaflet from node_modules)
	$(BIN)/jupyter lab --notebook-dir=$(CURDIR) \
		$$( [ "$$(id -u)" = 0 ] && echo --allow-root )

hub: $(STAMP) node  ## A trial JupyterHub for a class on this machine (http://127.0.0.1:8000, any name and password)
	@echo "A TRIAL, not a deployment: anyone who reaches 127.0.0.1:8000 may log in. Ctrl-C stops it."
	@echo "Log in with any name and password, then open this nbgitpuller link to pull the course:"
	@echo "  http://127.0.0.1:8000/hub/user-redirect/git-pull?repo=$(CURDIR)&branch=$$(git rev-parse --abbrev-ref HEAD)&targetpath=course&urlpath=lab/tree/course/chapters/01_visit.ipynb"
	@echo "Graded notebooks (nbgrader): log in as 'instructor' and open the Formgrader in a tab of its own,"
	@echo "  http://127.0.0.1:8000/user/instructor/formgrader ; the students are student1 to student5."
	COURSE_HUB_STATE=$(CURDIR)/_build/hub $(BIN)/jupyterhub -f hub/jupyterhub_config.py

serve:  ## Serve the built book on http://127.0.0.1:8000
	@test -f _build/html/index.html || $(MAKE) book
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory _build/html 8000

strip: $(STAMP)  ## Remove outputs from the notebooks before a commit
	$(BIN)/nbstripout $(NOTEBOOKS)

# make bench: Lighthouse (its own npm install in tools/bench, not needed for anything else)
# on every page of the site served by nginx, beside a default `jupyter-book create` book.
BENCH := _build/bench
define timed
	start=$$(date +%s); $(MAKE) --no-print-directory $(2) >>$(BENCH)/$(2).log 2>&1; \
		echo "$(1): $$(( $$(date +%s) - start )) s" | tee -a $(BENCH)/times.txt
endef

bench: $(STAMP) node apt-pdf apt-browser  ## Build times (clean, cached, PDF) and Lighthouse per page against the budgets
	npm ci --prefix tools/bench --no-audit --no-fund --loglevel=error
	rm -rf _build && mkdir -p $(BENCH)
	$(call timed,clean HTML build (executes every notebook),book)
	$(call timed,cached HTML rebuild,book)
	$(call timed,PDF build,pdf)
	$(call html_build,COURSEKIT_PDF=_build/latex/course.pdf) >/dev/null
	$(BIN)/jupyter-book create $(BENCH)/defaultbook >/dev/null
	$(OFFLINE) $(BIN)/jupyter-book build $(BENCH)/defaultbook >$(BENCH)/defaultbook.log 2>&1
	$(BIN)/python tools/bench/bench.py --site _build/html --reference $(BENCH)/defaultbook/_build/html \
		--json $(BENCH)/lighthouse.json | tee $(BENCH)/lighthouse.txt
	@cat $(BENCH)/times.txt

clean:  ## Remove the build (keeps .venv and node_modules)
	rm -rf _build .pytest_cache
