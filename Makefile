# Shortcuts; the scripts in scripts/ do the work.
.PHONY: run test build setup bench size lighthouse
run:
	scripts/run.sh
test:
	scripts/test.sh
build:
	scripts/build.sh
setup:
	scripts/setup.sh
# What a visit transfers, measured in Chromium by the build (scripts/measure-transfer.mjs).
size: build
	@cat target/size-report.md
# Benchmarks (never timed tests) on a generated 200-question service: the core natively,
# then the release app in Chromium (render a page, react to a keystroke); then Lighthouse.
bench: build
	cargo bench -p rathaus-core
	. scripts/env.sh && node scripts/bench-browser.mjs
	. scripts/env.sh && node scripts/lighthouse.mjs
# Lighthouse on every kind of page, mobile preset, median of 3 runs
# (target/lighthouse-report.md). Measures the last build (scripts/build.sh), so that it
# also runs while that build fails the size budget.
lighthouse:
	. scripts/env.sh && node scripts/lighthouse.mjs
