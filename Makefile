# The two commands of the README. Browser tests drive Debian's Chromium (/usr/bin/chromium) with Playwright;
# `make test` installs it with apt when it is missing (as root, or with sudo), and Virtuoso's server and isql
# (virtuoso-opensource-7-bin: the binaries only, no system service and no debconf question) for tests/virtuoso.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# `ascenso-kg serve` runs Debian's nginx in front of gunicorn (deploy/nginx.conf); both targets install it likewise.
.PHONY: serve test browser front virtuoso node

PORT ?= 8000

# `make serve PORT=8080` serves on another port.
serve: front
	pip install -e . && ascenso-kg serve --port $(PORT)

browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

front:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q nginx; }

virtuoso:
	@command -v virtuoso-t >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends virtuoso-opensource-7-bin; }

# axe-core and Lighthouse (tests/browser), pinned in package.json/package-lock.json, with Debian's node and npm.
node:
	@command -v npm >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q nodejs npm; }
	npm ci --no-audit --no-fund

test: browser front virtuoso node
	pip install -e '.[test]' && python -m pytest
