# The commands of the README. Each does all of its own set-up.
# Material prints its end-of-life notice (5 May 2027) on every build: it stays visible, and
# decisions/engines.md says what the project does about it.
.PHONY: serve test check lint build offline links facts bench clean handout
# The engine that builds the HTML: mkdocs (default) or zensical. The project's checks and
# post-build steps (akun_diblokir/) run on the output of either.
ENGINE ?= mkdocs
# make test runs the test files on one worker process per core (at most 4), each file whole on
# one worker, so a module's browser and built site are made once: on 2 cores about half the
# time of one process (decisions/tests.md). TEST_WORKERS= runs them in one process.
TEST_WORKERS ?= -n auto --maxprocesses 4 --dist loadfile
# Where make build writes the site, make handout and make offline their files (tests use other folders).
SITE_DIR ?= site
DIST_DIR ?= dist

serve:  ## Serve the site with live reload on http://127.0.0.1:8000
	scripts/setup-env.sh --inexact
	.venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000

test:  ## Run the whole test suite (ruff, then strict build, linkchecker, headless Chromium)
	scripts/setup-env.sh --inexact --group test
	.venv/bin/ruff check .
	CHROMIUM_PATH="$$(scripts/ensure-chromium.sh)" .venv/bin/python -m pytest $(TEST_WORKERS) $(PYTEST_ARGS)

check:  ## Fast feedback while writing (under a minute): ruff, the sources, one build and the tests without a browser
	scripts/setup-env.sh --inexact --group test
	.venv/bin/ruff check .
	.venv/bin/python -m akun_diblokir check
	.venv/bin/python -m pytest -q -m "sources or site" $(PYTEST_ARGS)

# Canonical URLs, link previews, QR codes, the sitemap and robots.txt are absolute: a deploy
# build must know its address (serve, check and test set their own).
build:  ## Build the site into site/ for SITE_URL (required): the engine (ENGINE=mkdocs or zensical), then finish, then audit
	@scripts/require-site-url.sh
	scripts/setup-env.sh --inexact $(if $(filter zensical,$(ENGINE)),--group test)
	scripts/build.sh $(ENGINE) "$(SITE_DIR)"

offline:  ## Zip of the site that works opened from disk, search included (SITE_URL required: its QR codes and kit name the online pages): dist/akun-prakerja-diblokir-offline.zip
	@scripts/require-site-url.sh offline
	scripts/setup-env.sh --inexact
	.venv/bin/python scripts/make-offline.py --out "$(DIST_DIR)"

handout:  ## Files for trainers (SITE_URL required): dist/selebaran.pdf (A4, one page), the webinar deck dist/slides.pptx and dist/slides.pdf
	@scripts/require-site-url.sh handout
	scripts/setup-env.sh --inexact --group test
	CHROMIUM_PATH="$$(scripts/ensure-chromium.sh)" SOFFICE="$$(scripts/ensure-libreoffice.sh)" \
		.venv/bin/python scripts/make-handout.py --out "$(DIST_DIR)"

links:  ## Print the pages, headings and redirects missing from published-links.txt (append them)
	scripts/setup-env.sh --inexact --group test
	.venv/bin/python -m akun_diblokir.publishedlinks

facts:  ## Pages by the date they were last checked against their sources (oldest first), and each source's date; never fails on the calendar
	scripts/setup-env.sh --inexact
	.venv/bin/python scripts/facts.py

bench:  ## Performance report (about an hour on 2 cores; BENCH_ARGS=--quick about 3 minutes): Lighthouse, first-load transfer, build time, scaling
	scripts/setup-env.sh --inexact --group test
	scripts/ensure-lighthouse.sh
	CHROMIUM_PATH="$$(scripts/ensure-chromium.sh)" NGINX="$$(scripts/ensure-nginx.sh)" \
		.venv/bin/python benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf site .pytest_cache
