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
