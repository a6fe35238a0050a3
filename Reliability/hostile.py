#!/usr/bin/env python3
"""What a hostile API, archive or watch receiver can do to caravan, tried.

1. `caravan fetch comtrade` against Reliability/hostile_comtrade.py: a Retry-After past any
   duration, an answer trickling in a byte every 2 s, a redirect to another origin, a 2 GB
   availability answer, periods that would steer the next call, a record with a key given twice.
   Each: no trap, no hang past the stated timeout, the key never seen by another origin, peak
   memory measured, nothing stored from a refused answer; a fetch killed outright leaves a scratch
   folder the next one removes.
2. `caravan import` of BACI archives made to hurt: a member declaring 100 bytes that inflates to
   8 GB, a yearly member of one 3.5 GB line taken with --pairs, a bad year between two good ones.
   Each: refused in seconds with the limit named, peak memory measured; the good years stored.
3. Watches against Reliability/hostile_receiver.py: every spelling of loopback, private and
   link-local refused when the watch is made; a name resolving to loopback refused when a change is
   delivered, the receiver reached by nothing; a receiver redirecting to another not followed; the
   recorded reasons free of internal detail; the limit on watches per token.

Usage: python3 Reliability/hostile.py [--binary .build/debug/caravan]
"""
import argparse
import http.client
import json
import os
import pathlib
import signal
import socket
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zipfile
import zlib

import common
from common import WORK
from hostile_comtrade import HostileComtrade
from hostile_receiver import HostileReceiver

KEY = "hostile-campaign-key-7f3a91"
findings = []


def check(condition, what):
    print(("  ok    " if condition else "  FAIL  ") + what)
    if not condition:
        findings.append(what)


def run(arguments, environment=None, timeout=600):
    """Runs caravan; its exit status, stderr (its lines joined), seconds taken and peak resident memory
    in MB, as /usr/bin/time measures it: a child's own rusage would count this script's memory too,
    which it shares until exec."""
    started = time.monotonic()
    measure = tempfile.NamedTemporaryFile(dir=WORK, suffix=".rss")
    process = subprocess.Popen(["/usr/bin/time", "-q", "-o", measure.name, "-f", "%M", str(common.CARAVAN), *map(str, arguments)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **(environment or {})})
    stderr = b""
    deadline = started + timeout
    os.set_blocking(process.stderr.fileno(), False)
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        chunk = process.stderr.read() or b""
        stderr += chunk
        if pid:
            break
        if time.monotonic() > deadline:
            process.kill()
            pid, status, usage = os.wait4(process.pid, 0)
            stderr += b"\n(killed at the campaign's timeout)"
            break
        time.sleep(0.05)
    stderr += process.stderr.read() or b""
    code = os.waitstatus_to_exitcode(status)
    kilobytes = pathlib.Path(measure.name).read_text().split()
    return code, stderr.decode(errors="replace"), time.monotonic() - started, int(kilobytes[-1]) / 1024 if kilobytes else float("nan")


def batches(store):
    if not store.exists():
        return 0
    with sqlite3.connect(store) as connection:
        return connection.execute("SELECT count(*) FROM import_batch").fetchone()[0]


def fetch(api, store, *extra, timeout=600):
    return run(["fetch", "comtrade", "--reporter", "KAZ", "--partner", "IRN", "--period", "2022", "--api-url", api.base,
                "--db", store, *extra], {"COMTRADE_KEY": KEY}, timeout=timeout)


def comtrade(scratch):
    print("== 1. a hostile Comtrade")
    honest = HostileComtrade()
    code, stderr, seconds, _ = fetch(honest, scratch / "honest.sqlite")
    check(code == 0 and batches(scratch / "honest.sqlite") == 2, f"an honest answer is stored ({seconds:.1f} s)")
    honest.close()

    for value in ["1e21", "1e308", "Fri, 31 Dec 9999 23:59:59 GMT"]:
        api = HostileComtrade("retry-after", value)
        process = subprocess.Popen([str(common.CARAVAN), "fetch", "comtrade", "--reporter", "KAZ", "--partner", "IRN",
                                    "--period", "2022", "--api-url", api.base, "--db", scratch / "retry.sqlite"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "COMTRADE_KEY": KEY})
        time.sleep(3)
        alive = process.poll() is None
        process.send_signal(signal.SIGKILL)
        stderr = process.communicate()[1].decode(errors="replace")
        check(alive and "trying again in 300" in stderr,
              f"Retry-After: {value} waits the longest wait (300 s), no trap: {stderr.strip().splitlines()[-1:]}")
        api.close()
    leftovers = [name for name in os.listdir(tempfile.gettempdir()) if name.startswith("caravan-fetch-")]
    honest = HostileComtrade()
    fetch(honest, scratch / "after-kill.sqlite")
    honest.close()
    remaining = [name for name in os.listdir(tempfile.gettempdir()) if name.startswith("caravan-fetch-")]
    check(leftovers and not remaining, f"{len(leftovers)} scratch folders of killed fetches, removed by the next fetch")

    api = HostileComtrade("drip", 2.0)
    code, stderr, seconds, memory = fetch(api, scratch / "drip.sqlite", "--timeout", "5", "--tries", "2", timeout=120)
    check(code == 1 and seconds < 5 * 2 + 2 + 5 and "no whole answer within 5 s (after 2 tries)" in stderr,
          f"a byte every 2 s: ended after {seconds:.1f} s (2 tries of 5 s), exit {code}")
    check(batches(scratch / "drip.sqlite") == 0, "nothing stored from the trickle")
    api.close()

    sink = HostileComtrade()
    for location in [f"{sink.base}/data/v1/get/C/A/HS?reporterCode=398", f"http://localhost:{sink.base.rsplit(':', 1)[1]}/x"]:
        api = HostileComtrade("redirect", location)
        code, stderr, seconds, _ = fetch(api, scratch / "redirect.sqlite")
        check(code == 1 and "to another origin" in stderr and "refused" in stderr, f"302 to {location[:40]}…: refused unfollowed")
        check(api.keys and all(key == KEY for key in api.keys), "the API itself was sent the key")
        api.close()
    check(not sink.keys and not sink.calls, f"the other origin saw no call and no key ({len(sink.calls)} calls)")
    check(batches(scratch / "redirect.sqlite") == 0, "nothing stored from a redirect")
    sink.close()

    api = HostileComtrade("huge-availability", 2 << 30)
    code, stderr, seconds, memory = fetch(api, scratch / "huge.sqlite", "--timeout", "600", "--tries", "1")
    check(code == 1 and "runs past 16 MiB" in stderr and memory < 100,
          f"a 2 GB availability answer: refused after {seconds:.1f} s, peak memory {memory:.0f} MB (bound 100 MB)")
    api.close()

    for periods in [["2020&reporterCode=1"], ["2021#frag"], ["../../x"]]:
        api = HostileComtrade("periods", periods)
        code, stderr, _, _ = fetch(api, scratch / "periods.sqlite")
        check(code == 1 and "neither a year" in stderr and not api.data_calls, f"period {periods[0]!r}: refused, no data call")
        api.close()

    api = HostileComtrade("repeated-key")
    code, stderr, _, _ = fetch(api, scratch / "repeated.sqlite", "--tries", "5")
    check(code == 1 and "appears twice in one object" in " ".join(stderr.split()) and len(api.data_calls) == 1,
          f"a key given twice: refused at once, {len(api.data_calls)} data call")
    check(batches(scratch / "repeated.sqlite") == 0, "nothing stored from the answer with a key given twice")
    longest = max(len(line) for line in stderr.splitlines())
    check(longest <= 100, f"the error in lines of at most 100 columns (longest {longest})")
    api.close()


def zip_member(name, chunks, declared=None):
    """A one-member ZIP whose member is `chunks` deflated; its size declared as `declared` when given."""
    crc, size, compressor, data = 0, 0, zlib.compressobj(9, zlib.DEFLATED, -15), bytearray()
    for chunk in chunks:
        crc = zlib.crc32(chunk, crc)
        size += len(chunk)
        data += compressor.compress(chunk)
    data += compressor.flush()
    declared = size if declared is None else declared
    name = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), declared, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), declared, len(name),
                          0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    return bytes(local) + bytes(data) + central + end


def repeated(piece, total):
    block = piece * ((1 << 24) // len(piece))
    for _ in range(total // len(block)):
        yield block


def archives(scratch):
    print("== 2. archives made to hurt")
    bomb = WORK / "hostile-bomb.zip"
    if not bomb.exists():
        rows = b"t,i,j,k,v,q\n"
        bomb.write_bytes(zip_member("BACI_HS17_Y2022_V202501.csv",
                                    [rows, *repeated(b"2022,398,364,100199,1,1\n", 8 << 30)], declared=100))
    code, stderr, seconds, memory = run(["import", bomb, "--db", scratch / "bomb.sqlite"])
    check(code == 1 and "inflates past the 100 bytes" in stderr and memory < 100,
          f"a member declaring 100 bytes that inflates to 8 GB ({bomb.stat().st_size >> 20} MB zipped): refused after "
          f"{seconds:.2f} s, peak memory {memory:.0f} MB (bound 100 MB)")

    line = WORK / "hostile-line.zip"
    if not line.exists():
        line.write_bytes(zip_member("BACI_HS17_Y2022_V202501.csv",
                                    [b"t,i,j,k,v,q\n2022,398,364,100199,1,1\n2022,251,842,100199,",
                                     *repeated(b"9", 3584 << 20), b",1\n"]))
    code, stderr, seconds, memory = run(["import", line, "--pairs", "IRN-KAZ", "--db", scratch / "line.sqlite"])
    check(code == 1 and "runs past 1 MiB" in stderr and memory < 100,
          f"one 3.5 GB line, with --pairs: refused after {seconds:.2f} s, peak memory {memory:.0f} MB (bound 100 MB)")
    check(batches(scratch / "line.sqlite") == 0, "nothing stored from the year with the long line")

    years = scratch / "years.zip"
    with zipfile.ZipFile(years, "w", zipfile.ZIP_DEFLATED) as archive:
        for year in [2021, 2022, 2023]:
            value = "lots" if year == 2022 else "1"
            archive.writestr(f"BACI_HS17_Y{year}_V202501.csv", f"t,i,j,k,v,q\n{year},398,364,100199,{value},1\n")
    code, stderr, _, _ = run(["import", years, "--db", scratch / "years.sqlite"])
    check(code == 1 and "BACI_HS17_Y2022_V202501.csv:2: v:" in stderr and batches(scratch / "years.sqlite") == 2,
          "a bad year between two good ones: refused, naming its line; the two others stored")


def request(base, method, path, token=None, body=None):
    """(status, parsed JSON or text) of one call to a running server."""
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    connection.request(method, path, body=body, headers={"Authorization": f"Bearer {token}"} if token else {})
    response = connection.getresponse()
    text = response.read().decode(errors="replace")
    connection.close()
    try:
        return response.status, json.loads(text)
    except ValueError:
        return response.status, text


def add_watch(base, token, url):
    return request(base, "POST", "/api/v1/watches?" + urllib.parse.urlencode({"url": url}), token)


def judge_again(base, token):
    """A change to deliver: the bundled dossier put again under another id, whose tests are new."""
    dossier = (common.ROOT / "Data" / "dossiers" / "iran-kazakhstan.yaml").read_text()
    renamed = dossier.replace("id: iran-kazakhstan", "id: iran-kazakhstan-hostile", 1)
    status, answer = request(base, "PUT", "/api/v1/dossiers/iran-kazakhstan-hostile", token, renamed.encode())
    assert status in (200, 201), (status, answer)


def standing(base, token, deadline=30):
    """The token's watches once each has a recorded failure, or as they stand at the deadline."""
    until = time.monotonic() + deadline
    while True:
        watches = request(base, "GET", "/api/v1/watches", token)[1]["watches"]
        if all(watch.get("last_error") for watch in watches) or time.monotonic() > until:
            return watches
        time.sleep(0.5)


def loopback_name():
    """A name other than localhost that /etc/hosts gives a loopback address, if there is one."""
    for line in pathlib.Path("/etc/hosts").read_text().splitlines():
        fields = line.split("#")[0].split()
        if fields and fields[0].startswith("127."):
            names = [name for name in fields[1:] if name != "localhost" and not name.endswith(".localhost")]
            if names:
                return names[0]
    return None


def watches(scratch):
    print("== 3. watches made to reach inside")
    receiver, target = HostileReceiver(), HostileReceiver()
    redirecting = HostileReceiver(location=target.url)
    spellings = ["127.0.0.1", "0x7f.1", "2130706433", "127.1", "017700000001", "[::ffff:127.0.0.1]", "[::1]", "0.0.0.0",
                 "localhost", "10.0.0.8", "172.16.5.4", "192.168.0.1", "100.64.0.1", "169.254.169.254", "[fe80::1]",
                 "[fd00::1]", "[64:ff9b::7f00:1]"]
    for allowed in [False, True]:
        store = common.demo_store("sqlite", f"hostile-watch-{'open' if allowed else 'closed'}")
        token = common.caravan("token", "create", "--name", "watcher", *store.option()).stdout.strip()
        other = common.caravan("token", "create", "--name", "many", *store.option()).stdout.strip()
        log = scratch / f"serve-{allowed}.log"
        process, base = common.serve(store, log, *(["--allow-private-watches"] if allowed else []))
        try:
            if not allowed:
                refused = [host for host in spellings
                           if (answer := add_watch(base, token, f"http://{host}:{receiver.port}/hook"))[0] == 400
                           and "public addresses only" in json.dumps(answer[1])]
                check(len(refused) == len(spellings), f"{len(refused)} of {len(spellings)} spellings of loopback, private and "
                      f"link-local refused when the watch is made (400)")
                name = loopback_name()
                if name:
                    status, _ = add_watch(base, token, f"http://{name}:{receiver.port}/hook")
                    judge_again(base, token)
                    listed = standing(base, token)
                    check(status == 201 and listed and listed[0]["last_error"].startswith("refused: not a public address"),
                          f"'{name}', which /etc/hosts gives 127.0.0.1: added, then refused at delivery "
                          f"({listed[0]['last_error'] if listed else 'no watch'})")
                else:
                    print("  (no name but localhost resolves to loopback here: the delivery-time check is left to GuardTests)")
                codes = [add_watch(base, other, f"https://example.org/{n}")[0] for n in range(101)]
                check(codes[:100] == [201] * 100 and codes[100] == 409,
                      f"100 watches a token, the 101st refused (409): {sorted(set(codes[:100]))}, then {codes[100]}")
            else:
                add_watch(base, token, redirecting.url)
                closed = socket.socket()
                closed.bind(("127.0.0.1", 0))
                closed_port = closed.getsockname()[1]
                closed.close()
                add_watch(base, token, f"http://127.0.0.1:{closed_port}/hook")
                judge_again(base, token)
                listed = {watch["url"]: watch.get("last_error") for watch in standing(base, token)}
                check(redirecting.received > 0 and target.received == 0,
                      f"a receiver answering 307: {redirecting.received} deliveries to it, {target.received} followed elsewhere")
                check((listed.get(redirecting.url) or "").startswith("failed: HTTP 3xx, not followed"),
                      f"the redirect recorded as: {listed.get(redirecting.url)}")
                check((listed.get(f"http://127.0.0.1:{closed_port}/hook") or "").startswith("failed: no answer"),
                      f"a closed port recorded as: {listed.get(f'http://127.0.0.1:{closed_port}/hook')}")
        finally:
            started = time.monotonic()
            common.stop(process)
            print(f"  (the server stopped {time.monotonic() - started:.1f} s after SIGTERM)")
        text = log.read_text(errors="replace")
        leaks = [word for word in ["errno", "onnection refused", "HTTPClientError", "NIOConnectionError"] if word in text]
        check(not leaks, f"the server's log names no internal detail ({leaks or 'none'})")
    check(receiver.received == 0, f"the loopback receiver was reached by nothing ({receiver.received})")
    for each in [receiver, target, redirecting]:
        each.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", help="the caravan binary to try (default: the release build, built here)")
    arguments = parser.parse_args()
    common.CARAVAN = pathlib.Path(arguments.binary).resolve() if arguments.binary else common.build()
    WORK.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK) as folder:
        scratch = pathlib.Path(folder)
        comtrade(scratch)
        archives(scratch)
        watches(scratch)
    print(f"{len(findings)} findings" + "".join(f"\n  {finding}" for finding in findings))
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
