"""The peers the benchmarks run, found and timed the same way by each script."""
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import time


def duckdb_binary():
    """The DuckDB CLI itself. PyPI's duckdb-cli installs `duckdb` as a Python script that starts the
    bundled binary in a subprocess (behind pyenv, a shell shim in front of that): some 30-90 ms a
    call that are not DuckDB's. Its binary is used directly when it is there."""
    try:
        import duckdb_cli
        binary = pathlib.Path(duckdb_cli.__file__).parent / "duckdb"
        if binary.is_file() and os.access(binary, os.X_OK):
            return str(binary)
    except ImportError:
        pass
    return shutil.which("duckdb")


def ensure_peers():
    missing = []
    if not shutil.which("duckdb"):
        missing.append("duckdb-cli")
    try:
        import pandas  # noqa: F401
    except ImportError:
        missing.append("pandas")
    if missing:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", *missing], check=True)


def run(command):
    """Runs a command; returns (seconds, stdout)."""
    start = time.perf_counter()
    result = subprocess.run(list(map(str, command)), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{result.stderr}")
    return elapsed, result.stdout


def timed(command, repeat=5):
    """Median wall time of fresh processes."""
    return statistics.median(run(command)[0] for _ in range(repeat))
