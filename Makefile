# The two commands of the README. Browser tests drive Debian's Chromium (/usr/bin/chromium) with Playwright;
# `make test` installs it with apt when it is missing (as root, or with sudo).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# `ascenso-kg serve` runs Debian's nginx in front of gunicorn (deploy/nginx.conf); both targets install it likewise.
.PHONY: serve test browser front

serve: front
	pip install -e . && ascenso-kg serve

browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

front:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q nginx; }

test: browser front
	pip install -e '.[test]' && python -m pytest
