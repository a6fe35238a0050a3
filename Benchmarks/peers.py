"""The peers the benchmarks run, found and timed the same way by each script."""
import collections
import os
import pathlib
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
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


def pip_install(*packages):
    """Installs PyPI packages into this Python, quietly."""
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", *packages], check=True)


def cpu_seconds():
    """(CPU seconds the whole machine has been busy, CPU seconds of this process and its finished children):
    the difference between the two over a run is what other processes took."""
    fields = [int(x) for x in pathlib.Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    busy = sum(fields) - fields[3] - fields[4]  # all but idle and iowait
    t = os.times()
    return busy / os.sysconf("SC_CLK_TCK"), t.user + t.system + t.children_user + t.children_system


Run = collections.namedtuple("Run", "seconds peak stdout cpu")


def measure(command, stdin=None, cwd=None):
    """Runs a fresh process, its standard input from the bytes `stdin` when given; returns a Run: wall
    seconds, peak resident bytes of that process alone, stdout as text, and the CPU seconds it used
    (user and system: on a shared machine, what it cost beside how long it took). Exits on failure.

    The peak is GNU time's (`/usr/bin/time -f %M`), not this process's `wait4`: Linux carries a
    process's peak across exec, and a child forked from Python starts at Python's own size, so
    `wait4` would floor every peak at what this script holds (the inputs it generated, say)."""
    gnu_time = os.access("/usr/bin/time", os.X_OK)
    with tempfile.TemporaryFile() as source, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r") as peak:
        if stdin is not None:
            source.write(stdin)
            source.seek(0)
        wrapper = ["/usr/bin/time", "-f", "%M %U %S", "-o", peak.name] if gnu_time else []
        start = time.perf_counter()
        process = subprocess.Popen([*wrapper, *map(str, command)], stdin=source if stdin is not None else subprocess.DEVNULL,
                                   stdout=out, stderr=err, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            err.seek(0)
            sys.exit(f"failed ({code}): {' '.join(map(str, command))}\n{err.read().decode(errors='replace')[-3000:]}")
        if gnu_time:  # GNU time writes a note first when the command was signalled; its figures are the last line
            rss, user, system = peak.read().strip().splitlines()[-1].split()
            rss, cpu = int(rss) * 1024, float(user) + float(system)
        else:
            rss, cpu = usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime
        out.seek(0)
        return Run(elapsed, rss, out.read().decode(), cpu)


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


def tool(name):
    """The path of a tool, looking in sbin too (nginx lives in /usr/sbin, off some PATHs)."""
    return shutil.which(name) or next((p for p in (f"/usr/sbin/{name}", f"/usr/bin/{name}") if os.access(p, os.X_OK)), None)


def ensure_web_tools():
    """wrk and nginx, from Debian's packages with apt-get when missing (root or sudo)."""
    missing = [name for name in ("wrk", "nginx") if not tool(name)]
    if not missing:
        return
    print(f"installing {' '.join(missing)} with apt-get", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*sudo, "apt-get", "update", "-qq"], env=env, check=True)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", *missing], env=env, check=True, stdout=subprocess.DEVNULL)
    if any(not tool(name) for name in missing):
        sys.exit(f"could not install {' '.join(missing)}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nginx_config(tmp, http):
    """An nginx.conf in the foreground, one worker a core, its files in `tmp`, around `http`'s body."""
    return f"""
daemon off;
worker_processes auto;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/nginx-body;
    proxy_temp_path {tmp}/nginx-proxy;
    fastcgi_temp_path {tmp}/nginx-fastcgi;
    uwsgi_temp_path {tmp}/nginx-uwsgi;
    scgi_temp_path {tmp}/nginx-scgi;
{http}
}}
"""
