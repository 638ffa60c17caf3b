# The two commands of the README. Browser tests drive Debian's Chromium (/usr/bin/chromium) with Playwright;
# `make test` installs it with apt when it is missing (as root, or with sudo).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve test browser

serve:
	pip install -e . && ascenso-kg serve

browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

test: browser
	pip install -e '.[test]' && python -m pytest
