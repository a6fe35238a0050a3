"""The peers the benchmarks run, found the same way by each script."""
import os
import pathlib
import shutil


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
