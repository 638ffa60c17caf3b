"""Servers on loopback: a free port, waiting until one answers, stopping one. The bench, `publish virtuoso`'s test
engine and the live tests all start real servers on 127.0.0.1 this way."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen, seconds: float = 20.0, name: str = "the server") -> float:
    """Seconds until ``url`` answered; an error when ``process`` exits first or nothing answers within ``seconds``."""
    started = time.perf_counter()
    deadline = started + seconds
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode} before serving {url}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return time.perf_counter() - started
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing answered at {url} within {seconds:g} s")


def stop(process: subprocess.Popen, seconds: float = 15.0) -> None:
    """Terminate, and kill what is still running after ``seconds``."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
