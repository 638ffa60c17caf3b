"""The buffering front of ``ascenso-kg serve``: Debian's nginx with ``deploy/nginx.conf``, run as a child process.

gunicorn's threaded workers gave each connection a thread from its first byte: 16 clients sending their headers
slowly held every thread of two web processes, and everyone else waited. The loop worker that replaced them holds
a connection without a thread, but still in the web process, and only until its keep-alive timeout; nginx holds any
number of them outside it, drops a client that has not sent its headers within 10 s, passes gunicorn only complete
requests, and keeps the answers the app marks cacheable for every web process at once.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from ..resources import NGINX_CONFIG

CONFIG_TEMPLATE = NGINX_CONFIG


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)


def write_config(prefix: Path, listen: str, upstream: str, read_timeout: float) -> Path:
    text = CONFIG_TEMPLATE.read_text(encoding="utf-8")
    fields = {"prefix": prefix, "listen": listen, "upstream": upstream, "read_timeout": int(read_timeout) + 5}
    for name, value in fields.items():  # ${name}; nginx's own $variables stay as they are
        text = text.replace("${" + name + "}", str(value))
    config = prefix / "nginx.conf"
    config.write_text(text, encoding="utf-8")
    return config


class Front:
    """nginx listening on ``listen`` and passing requests to ``upstream``; ``stop()`` ends it and removes its files."""

    def __init__(self, listen: str, upstream: str, read_timeout: float):
        binary = nginx_binary()
        if binary is None:
            raise FileNotFoundError("nginx is not installed (apt-get install nginx, or serve with --no-front)")
        self.prefix = Path(tempfile.mkdtemp(prefix="ascenso-kg-front-"))
        self.prefix.chmod(0o755)  # run as root, nginx's workers are another user and write temp files in here
        config = write_config(self.prefix, listen, upstream, read_timeout)
        self.process = subprocess.Popen([binary, "-p", str(self.prefix), "-c", str(config), "-e",
                                         str(self.prefix / "error.log"), "-g", "daemon off;"],
                                        stdin=subprocess.DEVNULL, start_new_session=True)
        time.sleep(0.2)
        if self.process.poll() is not None:
            error_log = self.prefix / "error.log"
            log = error_log.read_text(errors="replace") if error_log.exists() else ""
            self.stop()
            raise RuntimeError(f"nginx did not start: {log.strip()[-500:]}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful: finish the answers in flight
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.prefix, ignore_errors=True)
