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
# Benchmarks (never timed tests): the core on a 200-question service.
bench:
	cargo bench -p rathaus-core
