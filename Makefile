# Shortcuts; the scripts in scripts/ do the work.
.PHONY: run test build setup bench size
run:
	scripts/run.sh
test:
	scripts/test.sh
build:
	scripts/build.sh
setup:
	scripts/setup.sh
size: build
	@cat target/size-report.md
# Benchmarks (never timed tests) on a generated 200-question service: the core natively,
# then the release app in Chromium (render a page, react to a keystroke).
bench: build
	cargo bench -p rathaus-core
	. scripts/env.sh && node scripts/bench-browser.mjs
