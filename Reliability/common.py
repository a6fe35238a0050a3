"""What the reliability scripts share: the release build, stores on SQLite and PostgreSQL,
`caravan serve` started and stopped, counts read straight from the database."""
import os
import pathlib
import re
import select
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[1]
WORK = ROOT / "Reliability" / "work"
CARAVAN = ROOT / ".build" / "release" / "caravan"
POSTGRES = os.environ.get("CARAVAN_TEST_POSTGRES")


def build(product="caravan"):
    """The release build of a product, built when missing or older than the sources."""
    subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return ROOT / ".build" / "release" / product


def pip(*packages):
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", *packages], check=True)


def caravan(*arguments, check=True, **kwargs):
    result = subprocess.run([str(CARAVAN), *map(str, arguments)], capture_output=True, text=True, **kwargs)
    if check and result.returncode != 0:
        sys.exit(f"caravan {' '.join(map(str, arguments))} failed ({result.returncode}):\n{result.stderr}")
    return result


def baci_file(rows, path):
    """A BACI file of `rows` rows, written by the benchmarks' generator unless already there."""
    if not path.exists():
        subprocess.run([sys.executable, ROOT / "Benchmarks" / "generate-baci.py", str(rows), str(path)], check=True)
    return path


class SQLiteStore:
    """A store in a SQLite file."""
    kind = "sqlite"

    def __init__(self, path):
        self.path = pathlib.Path(path)

    def option(self):
        return ["--db", str(self.path)]

    def create(self):
        """An empty store: caravan makes the file on first use."""
        self.drop()

    def copy_from(self, other):
        for suffix in ("", "-wal", "-shm", "-journal"):
            target = pathlib.Path(str(self.path) + suffix)
            target.unlink(missing_ok=True)
            source = pathlib.Path(str(other.path) + suffix)
            if source.exists():
                shutil.copy(source, target)

    def query(self, sql, *parameters):
        with sqlite3.connect(self.path) as db:
            return db.execute(sql, parameters).fetchall()

    def integrity(self):
        """SQLite's own check of every page, index and constraint: 'ok' or what is wrong."""
        with sqlite3.connect(self.path) as db:
            problems = [row[0] for row in db.execute("PRAGMA integrity_check")]
            problems += [f"foreign key: {row}" for row in db.execute("PRAGMA foreign_key_check")]
        return "ok" if problems == ["ok"] else "; ".join(problems)

    def drop(self):
        for suffix in ("", "-wal", "-shm", "-journal"):
            pathlib.Path(str(self.path) + suffix).unlink(missing_ok=True)


class PostgresStore:
    """A database of its own in the PostgreSQL that CARAVAN_TEST_POSTGRES points at."""
    kind = "postgres"

    def __init__(self, name):
        self.name = name
        parts = urllib.parse.urlsplit(POSTGRES)
        self.url = urllib.parse.urlunsplit(parts._replace(path="/" + name))
        self.admin = POSTGRES

    def option(self):
        return ["--postgres", self.url]

    @staticmethod
    def psql(url, sql):
        result = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"psql: {sql}\n{result.stderr}")
        return result.stdout

    def create(self, template=None):
        """An empty, migrated database, or a copy of `template`."""
        self.drop()
        self.psql(self.admin, f'CREATE DATABASE "{self.name}"' + (f' TEMPLATE "{template.name}"' if template else ""))
        if not template:
            caravan("migrate", *self.option())

    def copy_from(self, other):
        self.create(template=other)

    def query(self, sql, *parameters):
        for value in parameters:
            sql = sql.replace("?", "'" + str(value).replace("'", "''") + "'", 1)
        lines = self.psql(self.url, sql).strip().splitlines()
        return [tuple(int(v) if re.fullmatch(r"-?\d+", v) else v for v in line.split("|")) for line in lines]

    def integrity(self):
        """amcheck over every B-tree index (structure and heap entries) and the foreign keys."""
        self.psql(self.url, "CREATE EXTENSION IF NOT EXISTS amcheck")
        out = self.psql(self.url, """
            SELECT count(*) FROM (SELECT bt_index_check(c.oid, true) FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
            JOIN pg_namespace n ON n.oid = c.relnamespace WHERE a.amname = 'btree' AND n.nspname = 'public') checked""")
        orphans = self.query("""SELECT count(*) FROM observation o LEFT JOIN source s ON s.id = o.source_id WHERE s.id IS NULL""")
        return "ok" if out.strip().isdigit() and orphans == [(0,)] else f"amcheck: {out}; orphans: {orphans}"

    def drop(self):
        self.psql(self.admin, f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def backends():
    """Builds the release binary; SQLite, and PostgreSQL when CARAVAN_TEST_POSTGRES is set."""
    WORK.mkdir(parents=True, exist_ok=True)
    build()
    if not POSTGRES:
        print("CARAVAN_TEST_POSTGRES is not set: SQLite only (run under scripts/with-postgres for both)")
    return ["sqlite"] + (["postgres"] if POSTGRES else [])


def store_named(backend, name):
    """A store on `backend`: a file in WORK, or a database of its own."""
    return SQLiteStore(WORK / f"{name}.sqlite") if backend == "sqlite" else PostgresStore(f"caravan_{name}")


def demo_store(backend, name):
    """A new store holding what `caravan demo` loads."""
    store = store_named(backend, name)
    store.create()
    caravan("demo", *store.option(), "--report", WORK / f"{name}-demo.html", cwd=WORK)
    return store


def file_state(store, file_name):
    """(batches, observations, observations the batch says it holds) for one imported file."""
    batches = store.query("SELECT count(*) FROM import_batch WHERE file_name = ?", file_name)[0][0]
    held = store.query("""SELECT count(*) FROM observation o JOIN source s ON s.id = o.source_id
                          JOIN import_batch b ON b.id = s.import_id WHERE b.file_name = ?""", file_name)[0][0]
    claimed = store.query("SELECT coalesce(sum(observations), 0) FROM import_batch WHERE file_name = ?", file_name)[0][0]
    return batches, held, claimed


def serve(store, log, *extra):
    """`caravan serve` on a free port; returns the process and its base URL."""
    process = subprocess.Popen([str(CARAVAN), "serve", "--port", "0", "--log-level", "warning", *store.option(), *extra],
                               stdout=subprocess.PIPE, stderr=open(log, "ab"))
    ready, _, _ = select.select([process.stdout], [], [], 60)
    line = process.stdout.readline().decode() if ready else ""
    match = re.search(r"on (http://[^/\s]+)/", line)
    if not match:
        process.kill()
        sys.exit(f"caravan serve did not say where it listens: {line!r} (log: {log})")
    base = match.group(1)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):
                return process, base
        except OSError:
            time.sleep(0.1)
    sys.exit(f"{base}/healthz did not answer")


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")
