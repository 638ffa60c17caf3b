"""Starting and stopping servers on loopback for the live tests (the helpers are the package's own)."""

from __future__ import annotations

import sys

from ascenso_kg.server.gunicorn_worker import WORKER_CLASS
from ascenso_kg.loopback import free_port, stop, wait_until_serving  # noqa: F401 (the live tests import them from here)


def gunicorn_command(port: int, workers: int = 2) -> list[str]:
    import gunicorn  # here: only the live tests need it

    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-k", WORKER_CLASS, "--threads", "4",
               "-b", f"127.0.0.1:{port}"]
    if gunicorn.version_info >= (27,):
        command.append("--no-control-socket")
    return command + ["ascenso_kg.server.app:create_app()"]
