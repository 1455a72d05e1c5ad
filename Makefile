# Spotter: `make run` sets everything up and opens the app; `make test` runs every test.
SHELL := /bin/bash
export TAURI_APP_PATH := src-tauri
APP := target/debug/spotter
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(PATH)

.PHONY: run test setup setup-test npm ui app package test-rust test-updater test-ui test-e2e test-install bindings bench fmt clean dev studio-demo studio-demo-stop

run: setup app
	./$(APP) $(ARGS)

# `make dev`: hot-reloading UI against a plain cargo build (which points at the dev server).
dev: setup
	npx tauri dev

setup:
	scripts/setup-debian.sh
	$(MAKE) npm

setup-test:
	scripts/setup-debian.sh --test
	$(MAKE) npm .venv-test/.installed

# Independent iCalendar parsers (Python) that the .ics tests check our files with.
.venv-test/.installed: tests/ics/requirements.txt
	python3 -m venv .venv-test
	.venv-test/bin/pip install --quiet --disable-pip-version-check -r tests/ics/requirements.txt
	touch $@

npm: node_modules/.package-lock.json ui/node_modules/.package-lock.json

# `npm install`, not `npm ci`: the lock file npm writes here leaves out the Tauri CLI's
# other-platform binaries, which `npm ci` then reports as missing. install still honours the lock.
node_modules/.package-lock.json: package.json package-lock.json
	npm install --no-audit --no-fund

ui/node_modules/.package-lock.json: ui/package.json ui/package-lock.json
	npm --prefix ui ci --no-audit --no-fund

ui: npm
	npm --prefix ui run build

# The bundled debug build: the UI is embedded (custom protocol), as in a release.
app: npm
	npx tauri build --debug --no-bundle

test: setup-test
	$(MAKE) test-rust test-updater test-ui app test-e2e test-install

# Core against real SQLite files, the CLI as a process, the IPC bindings check, and the AI
# runtime against a local OpenAI-compatible server, with the real keychain (a private
# D-Bus session with its own unlocked gnome-keyring).
test-rust:
	scripts/with-keyring.sh cargo test --locked

# The real updater plugin against a static update server on localhost: offers, signatures
# (throwaway keys from the Tauri CLI), refusals, an unreachable server. src-tauri is not a
# default workspace member, so test-rust does not run it.
test-updater: npm
	cargo test --locked -p spotter --test updater

test-ui: npm
	npm --prefix ui test

# The real app through WebDriver, under Xvfb inside a D-Bus session with its own keyring.
test-e2e:
	cargo build --locked -p spotter-cli
	NO_AT_BRIDGE=1 scripts/with-keyring.sh xvfb-run -a -s "-screen 0 1400x900x24" \
		node --test --test-concurrency=1 tests/e2e/

# The debug app as a .deb (`make app`'s build, not compiled again), installed with apt-get,
# started from /usr/bin under Xvfb, then removed. Needs root or password-less sudo.
test-install: app
	scripts/debug-deb.sh
	NO_AT_BRIDGE=1 scripts/with-keyring.sh xvfb-run -a -s "-screen 0 1400x900x24" \
		node --test --test-concurrency=1 tests/install/

# Release bundles that build here: the .deb (no AppImage: docs/DECISIONS.md). With
# TAURI_SIGNING_PRIVATE_KEY (and _PASSWORD) set, the updater signature (.deb.sig) is made too;
# without it, an unsigned package for installing by hand.
package: npm
	@if [ -n "$$TAURI_SIGNING_PRIVATE_KEY" ]; then \
		npx tauri build --bundles deb; \
	else \
		echo "TAURI_SIGNING_PRIVATE_KEY is not set: building an unsigned .deb (no updater signature)"; \
		npx tauri build --bundles deb --config '{"bundle":{"createUpdaterArtifacts":false}}'; \
	fi
	@ls -l target/release/bundle/deb/*.deb

# A studio on this machine: a PostgreSQL in ./studio-demo, an owner and a trainer data folder.
studio-demo:
	scripts/setup-debian.sh --test
	scripts/studio-demo.sh

studio-demo-stop:
	scripts/studio-demo.sh stop

# Types shared with the UI, and the fixtures the UI's stand-in backend serves (recorded from the core).
# Generated files, committed and checked for staleness by the same tests: ui/src/bindings.ts (ts-rs),
# and from the command table src-tauri/src/contract.rs (the one place an IPC command is declared)
# ui/src/commands.gen.ts and src-tauri/capabilities/main.json. Add a command there, then run this.
bindings:
	UPDATE_BINDINGS=1 cargo test -p spotter-core --test bindings --test contract
	UPDATE_BINDINGS=1 cargo test -p spotter-core --test ui_fixtures

bench: setup-test app
	scripts/bench.sh

fmt:
	cargo fmt --all

clean:
	cargo clean
	rm -rf ui/dist node_modules ui/node_modules
