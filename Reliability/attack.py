#!/usr/bin/env python3
"""Attack surface: what a hostile client can do to `caravan serve`, tried.

1. schemathesis generates requests from /api/v1/openapi.json (examples, coverage, fuzzing
   phases): no 5xx, every answer in its documented schema, status and content type, and 405
   for methods a path does not take.
2. SQL metacharacters and path traversal in every string parameter of every operation, and in
   the names of uploads and dossiers: no 5xx, no file outside the store, and the database the same
   afterwards (row counts of every table) but for the uploads that were accepted as labels.
3. Bodies over --max-upload-mb get 413, with and without a Content-Length.
4. Every write with no token, an unknown one, another scheme or a revoked one gets 401 or 403 and
   changes nothing.
5. No secret appears in the server's log, even at trace level.

Runs on SQLite, and on PostgreSQL when CARAVAN_TEST_POSTGRES is set (scripts/with-postgres).
Usage: scripts/with-postgres python3 Reliability/attack.py [--examples 100]
"""
import argparse
import http.client
import json
import pathlib
import re
import subprocess
import urllib.parse

from common import WORK, backends, caravan, demo_store, pip, serve, stop

TABLES = ["import_batch", "source", "observation", "document", "freight_flow", "tariff_line", "access_token"]
HOSTILE = [
    "' OR '1'='1", "'; DROP TABLE observation; --", "\" OR 1=1 --", "1; DELETE FROM import_batch", "%' --",
    "../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "/etc/passwd", "....//....//etc/passwd", "C:\\Windows\\win.ini",
    "\u0000", "%00", "$(touch /tmp/caravan-pwned)", "`id`", "{{7*7}}", "<script>alert(1)</script>", "A" * 10_000,
]
FIGURES = ("reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote\n"
           "KAZ,IRN,export,TOTAL,2018,{n},,,Attack test,,,\n")


class Client:
    def __init__(self, base):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname, parts.port

    def send(self, method, path, body=None, headers=None, chunked=False):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            if chunked:
                connection.putrequest(method, path)
                for name, value in (headers or {}).items():
                    connection.putheader(name, value)
                connection.putheader("Transfer-Encoding", "chunked")
                connection.endheaders()
                for start in range(0, len(body), 65536):
                    piece = body[start:start + 65536]
                    connection.send(b"%x\r\n" % len(piece) + piece + b"\r\n")
                connection.send(b"0\r\n\r\n")
            else:
                connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read()
        except (OSError, http.client.HTTPException) as error:
            return type(error).__name__, b""
        finally:
            connection.close()


def fingerprint(store):
    return {table: store.query(f"SELECT count(*) FROM {table}")[0][0] for table in TABLES}


def schemathesis(base, token, examples, report):
    pip("schemathesis")
    checks = ("not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance,"
              "response_headers_conformance,unsupported_method")
    result = subprocess.run(
        ["schemathesis", "run", f"{base}/api/v1/openapi.json", "--checks", checks, "-H", f"Authorization: Bearer {token}",
         "--max-examples", str(examples), "--workers", "2", "--phases", "examples,coverage,fuzzing", "--seed", "1",
         "--suppress-health-check", "all", "--no-color"],
        capture_output=True, text=True, cwd=WORK)  # its cache stays with the other scratch files
    report.write_text(result.stdout + result.stderr)
    generated = re.search(r"(\d+) generated", result.stdout)
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr
    return result.returncode == 0, f"{generated.group(1) if generated else '?'} requests: {summary.strip('= ')}"


def injection(client, store, token, spec):
    """Every string parameter of every GET operation, and upload and dossier names, hostile."""
    problems, tried = [], 0
    before = fingerprint(store)
    for path, operations in spec["paths"].items():
        operation = operations.get("get")
        if not operation:
            continue
        parameters = operation.get("parameters", [])
        base = {p["name"]: p.get("example") or p.get("schema", {}).get("example") for p in parameters if p.get("required")}
        for parameter in parameters:
            if parameter.get("schema", {}).get("type", "string") != "string" or parameter["in"] != "query":
                continue
            for value in HOSTILE:
                query = {**{k: v for k, v in base.items() if v is not None}, parameter["name"]: value}
                status, body = client.send("GET", path + "?" + urllib.parse.urlencode(query))
                tried += 1
                if not isinstance(status, int) or status >= 500 or b"root:x:" in body:
                    problems.append(f"GET {path} {parameter['name']}={value[:40]!r}: {status}")
    for page in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/trade/..%2f..%2f..%2fetc%2fpasswd",
                 "/api/v1/../../../etc/passwd", "/corridor?from=../../etc/passwd&to=%00"]:
        status, body = client.send("GET", page)
        tried += 1
        if not isinstance(status, int) or status >= 500 or b"root:x:" in body:
            problems.append(f"GET {page}: {status}")
    after = fingerprint(store)
    if after != before:
        problems.append(f"reads changed the database: {before} → {after}")
    auth = {"Authorization": f"Bearer {token}"}
    accepted = 0
    for n, value in enumerate(HOSTILE):
        status, body = client.send("POST", "/api/v1/imports?" + urllib.parse.urlencode({"name": value}),
                                   FIGURES.format(n=n + 1).encode(), auth)
        tried += 1
        if status == 201:
            accepted += 1
        elif not isinstance(status, int) or status >= 500:
            problems.append(f"POST imports name={value[:40]!r}: {status}")
        status, body = client.send("PUT", "/api/v1/dossiers/" + urllib.parse.quote(value, safe=""), b"partnership: {id: x}\n", auth)
        tried += 1
        if not isinstance(status, int) or status >= 500:
            problems.append(f"PUT dossiers/{value[:40]!r}: {status}")
    expected = dict(before, import_batch=before["import_batch"] + accepted, source=before["source"] + accepted,
                    observation=before["observation"] + accepted)
    if fingerprint(store) != expected:
        problems.append(f"hostile names changed more than their uploads: {fingerprint(store)}, expected {expected}")
    for path in ["/tmp/caravan-pwned", "/etc/passwd.csv", str(WORK / "etc")]:
        if pathlib.Path(path).exists() and path.startswith("/tmp"):
            problems.append(f"{path} was created")
    return problems, tried, accepted


def oversized(client, token, limit_mb):
    body = b"reporter,partner\n" + b"x" * (limit_mb * 1024 * 1024 + 1)
    auth = {"Authorization": f"Bearer {token}"}
    answers = [client.send("POST", "/api/v1/imports?name=big.csv", body, auth)[0],
               client.send("POST", "/api/v1/imports?name=big.csv", body, auth, chunked=True)[0],
               client.send("PUT", "/api/v1/dossiers/iran-kazakhstan", body, auth)[0]]
    return [f"oversized body answered {a}" for a in answers if a != 413], len(answers)


def unauthorized(client, store, spec, revoked):
    problems, tried = [], 0
    before = fingerprint(store)
    for path, operations in spec["paths"].items():
        for method in operations:
            if method == "get":
                continue
            target = path.replace("{partnership}", "iran-kazakhstan") + ("?name=x.csv" if "imports" in path else "")
            for headers, expected in [({}, 401), ({"Authorization": "Bearer cvn_" + "0" * 64}, 401),
                                      ({"Authorization": "Basic YWRtaW46YWRtaW4="}, 401),
                                      ({"Authorization": f"Bearer {revoked}"}, 403), ({"Authorization": "Bearer"}, 401)]:
                status, _ = client.send(method.upper(), target, FIGURES.format(n=9).encode(), headers)
                tried += 1
                if status != expected:
                    problems.append(f"{method.upper()} {target} with {headers or 'no token'}: {status}, expected {expected}")
    if fingerprint(store) != before:
        problems.append("a refused write changed the database")
    return problems, tried


def run_backend(backend, examples):
    store = demo_store(backend, "attack")
    # What the pair trades and a schedule, so products and tariff coverage answer rather than 404.
    (WORK / "BACI_HS92_Y2024_V202501.csv").write_text("t,i,j,k,v,q\n2024,364,398,100111,1500,600\n2024,398,364,720839,600,NA\n")
    (WORK / "attack-schedule.csv").write_text(
        "reporter,partner_or_regime,hs_code,mfn_rate_pct,preferential_rate_pct,effective_from,source,url\n"
        "KAZ,IRN,10,5,0,2025-05-15,EAEU Council decision,\n")
    caravan("import", *store.option(), WORK / "BACI_HS92_Y2024_V202501.csv", WORK / "attack-schedule.csv")
    token = caravan("token", "create", "--name", "attacker-test", *store.option()).stdout.strip()
    revoked = caravan("token", "create", "--name", "revoked", *store.option()).stdout.strip()
    caravan("token", "revoke", "revoked", *store.option())
    log = WORK / f"attack-{backend}.log"
    log.unlink(missing_ok=True)
    process, base = serve(store, log, "--max-upload-mb", "1", "--log-level", "trace")
    client = Client(base)
    spec = json.loads(client.send("GET", "/api/v1/openapi.json")[1])
    results = []
    try:
        passed, summary = schemathesis(base, token, examples, WORK / f"schemathesis-{backend}.txt")
        results.append(("schemathesis", [] if passed else [f"see {WORK / f'schemathesis-{backend}.txt'}"], summary))
        problems, tried, accepted = injection(client, store, token, spec)
        results.append(("injection", problems, f"{tried} requests, {accepted} hostile upload names stored as labels only"))
        problems, tried = oversized(client, token, 1)
        results.append(("oversized", problems, f"{tried} bodies over 1 MB"))
        problems, tried = unauthorized(client, store, spec, revoked)
        results.append(("no token", problems, f"{tried} writes"))
    finally:
        stop(process)
    text = log.read_text(errors="replace")
    leaked = [s for s in (token, revoked, "cvn_") if s in text]
    results.append(("log", [f"the log holds {s[:8]}…" for s in leaked], f"{len(text.splitlines())} lines at trace level"))
    store.drop()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=100, help="schemathesis examples per operation and phase")
    options = parser.parse_args()
    failed = False
    for backend in backends():
        for name, problems, summary in run_backend(backend, options.examples):
            print(f"{backend:9} {name:13} {'ok' if not problems else 'FAILED':7} {summary}")
            for problem in problems[:20]:
                print(f"    {problem}")
            failed |= bool(problems)
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
