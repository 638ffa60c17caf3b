"""ascenso-kg serve: publish a build over HTTP (SPARQL endpoint, query editor, VoID, dumps).

Runs gunicorn in-process (``LoopWorker``: each web process answers from an event loop what never waits and the rest
in its threads, with its own pool of query processes over the same read-only store) behind nginx (``front.py``,
``deploy/nginx.conf``), which holds slow clients and keeps cacheable answers; ``--no-front`` (or no nginx installed)
serves gunicorn directly; ``--dev`` runs Flask's single-process server instead. Builds the release first if the
output folder has none.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
from pathlib import Path

from gunicorn.app.base import BaseApplication

from ..build.release import has_release
from ..server.gunicorn_worker import WORKER_CLASS
from ..workspace import ARTICLES_DIR, DEFAULT_OUT_DIR
from .front import Front, nginx_binary

HELP = "serve the SPARQL endpoint, query editor, dataset description and dumps of a build"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT_DIR, metavar="DIR",
                        help=f"the build output folder to serve, OUT/current (default: {DEFAULT_OUT_DIR})")
    parser.add_argument("--workers", type=int, default=2, help="web processes (default: 2)")
    parser.add_argument("--threads", type=int, default=8, help="request threads per web process (default: 8)")
    parser.add_argument("--query-timeout", type=float, default=None, metavar="SECONDS",
                        help="stop queries running longer than this (default: 10)")
    parser.add_argument("--dev", action="store_true", help="use Flask's development server (one process)")
    parser.add_argument("--no-front", action="store_true",
                        help="serve gunicorn directly, without nginx in front (slow clients can then hold its threads)")


def ensure_release(out_dir: Path) -> None:
    """Build the articles into ``out_dir`` unless it already holds a published release.

    The build runs in a process of its own: it leaves threads and Oxigraph's (RocksDB's) background threads behind,
    and gunicorn's workers, forked from this process, could inherit a lock one of them held and wait on it forever.
    """
    if has_release(out_dir):
        return
    print(f"ascenso-kg serve: no build in {out_dir}; building it from {ARTICLES_DIR}", file=sys.stderr)
    build = subprocess.run([sys.executable, "-m", "ascenso_kg.cli", "build", "--articles", str(ARTICLES_DIR),
                            "--out", str(out_dir)], stdin=subprocess.DEVNULL, check=False)
    if build.returncode != 0:
        raise RuntimeError(f"the build exited with status {build.returncode} (its messages are above)")


class _Gunicorn(BaseApplication):
    """gunicorn run from Python: each worker process calls ``create_app`` after it is forked."""

    def __init__(self, app_config: dict, options: dict):
        self.app_config = app_config
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in self.cfg.settings:  # control_socket_disable exists from gunicorn 27 on
                self.cfg.set(key, value)

    def load(self):
        from ..server.app import create_app

        return create_app(self.app_config)


def run(args: argparse.Namespace) -> int:
    try:
        ensure_release(args.out)
    except (OSError, RuntimeError, ValueError) as error:
        print(f"ascenso-kg serve: could not build {args.out}: {error}", file=sys.stderr)
        return 1
    app_config = {"OUT_DIR": str(args.out)}
    if args.query_timeout is not None:
        app_config["QUERY_TIMEOUT"] = args.query_timeout
    if args.dev:
        from ..server.app import create_app

        create_app(app_config).run(host=args.host, port=args.port, threaded=True)
        return 0
    timeout = app_config.get("QUERY_TIMEOUT", 10.0)
    bind, front = f"{args.host}:{args.port}", None
    if not args.no_front:
        if nginx_binary() is None:
            print("ascenso-kg serve: nginx is not installed, so gunicorn answers directly and slow clients can hold "
                  "its threads (apt-get install nginx)", file=sys.stderr)
        else:
            bind = f"127.0.0.1:{_free_port()}"
            app_config["TRUSTED_PROXIES"] = ["127.0.0.1"]  # nginx names the client in X-Forwarded-For
            try:
                front = Front(f"{args.host}:{args.port}", bind, read_timeout=timeout)
            except (OSError, RuntimeError) as error:
                print(f"ascenso-kg serve: could not start nginx: {error}", file=sys.stderr)
                return 1
    try:
        _serve_gunicorn(app_config, bind, args, timeout)
    finally:
        if front is not None:
            front.stop()
    return 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve_gunicorn(app_config: dict, bind: str, args: argparse.Namespace, timeout: float) -> None:
    _Gunicorn(app_config, {
        "bind": bind,
        "workers": args.workers,
        "worker_class": WORKER_CLASS,
        "threads": args.threads,
        "timeout": max(30, int(timeout * 3)),  # gunicorn must never kill a worker before the query limit does
        "accesslog": "-",
        "control_socket_disable": True,  # one shared path in $HOME: two servers would fight over it
    }).run()
