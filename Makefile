# Seatwise: `make demo` runs a selection round on the bundled MAG example; `make test` runs every test.
# Both install what they need if missing: GLPK (libglpk-dev), zlib (for .xlsx), the independent solvers the
# tests cross-check against (glpk-utils, coinor-cbc, and HiGHS from PyPI with pytest), Chromium with
# chromedriver and selenium, which render the HTML reports in the tests, and LibreOffice Calc, openpyxl and
# sortition-algorithms, which open Seatwise's workbooks and read its files in the tests.

SWIFT ?= swift
BIN = .build/release/seatwise
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test build release deps clean install bench fuzz docs serve

deps:
	@missing=""; \
	[ -f /usr/include/glpk.h ] || missing="$$missing libglpk-dev"; \
	command -v glpsol >/dev/null || missing="$$missing glpk-utils"; \
	command -v cbc >/dev/null || missing="$$missing coinor-cbc"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	command -v libreoffice >/dev/null || missing="$$missing libreoffice-calc-nogui"; \
	[ -f /usr/include/zlib.h ] || missing="$$missing zlib1g-dev"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	@python3 -c "import highspy, yaml, pytest, selenium, openpyxl, sortition_algorithms, numpy, scipy" 2>/dev/null || pip install -q -r Tests/crosscheck/requirements.txt

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: release
	$(BIN) select examples/mag/nominations.csv --policy examples/mag/policy.yaml

# Swift's own tests, then the cross-checks against HiGHS on an independent model (Tests/crosscheck), then
# the HTML reports and the workbench in Chromium through chromedriver (Tests/browser), then the
# workbench's JSON API against the real server (Tests/server).
test: deps
	$(SWIFT) build
	$(SWIFT) test
	python3 -m pytest -q Tests/crosscheck Tests/browser Tests/server

# The workbench on this machine, with the shipped examples one click away (its URL is printed first).
serve: release
	$(BIN) serve --data seatwise-data

install: release
	install -d $(DESTDIR)/usr/local/bin
	install $(BIN) $(DESTDIR)/usr/local/bin/seatwise
	cp -R .build/release/Seatwise_Seatwise.resources .build/release/Seatwise_SeatwiseExamples.resources $(DESTDIR)/usr/local/bin/

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan

# Benchmarks print figures (medians); they are not part of `make test`.
bench: release
	@command -v cbc >/dev/null || $(MAKE) deps
	@[ -x /usr/bin/time ] || $(SUDO) apt-get install -y -qq time >/dev/null
	@python3 -c "import highspy, sortition_algorithms, openpyxl" 2>/dev/null || pip install -q -r Tests/crosscheck/requirements.txt
	python3 bench/run.py

# Fuzzing (libFuzzer, with AddressSanitizer): FUZZ_SECONDS per reader; new inputs go to .build-fuzz/corpus.
# Then FUZZ_SECONDS of random requests to the workbench (Tests/server/fuzz_server.py): it must never die or answer 5xx.
FUZZ_SECONDS ?= 600
fuzz: deps
	SEATWISE_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz --product FuzzNominations -Xswiftc -sanitize=fuzzer,address
	SEATWISE_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz --product FuzzPolicy -Xswiftc -sanitize=fuzzer,address
	SEATWISE_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz --product FuzzCountries -Xswiftc -sanitize=fuzzer,address
	mkdir -p .build-fuzz/corpus/nominations .build-fuzz/corpus/policy .build-fuzz/corpus/countries .build-fuzz/crashes
	.build-fuzz/debug/FuzzNominations -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -artifact_prefix=.build-fuzz/crashes/ .build-fuzz/corpus/nominations Fuzz/Corpus/nominations
	.build-fuzz/debug/FuzzPolicy -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -artifact_prefix=.build-fuzz/crashes/ .build-fuzz/corpus/policy Fuzz/Corpus/policy
	.build-fuzz/debug/FuzzCountries -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -artifact_prefix=.build-fuzz/crashes/ .build-fuzz/corpus/countries Fuzz/Corpus/countries
	# The workbench: random form and JSON values of every type to every route of a running server.
	$(SWIFT) build --product seatwise
	python3 Tests/server/fuzz_server.py --seconds $(FUZZ_SECONDS)

# The DocC catalogue (Sources/Seatwise/Seatwise.docc), built into .build/docs.
docs: deps
	$(SWIFT) package --allow-writing-to-directory .build/docs generate-documentation --target Seatwise --output-path .build/docs --disable-indexing
