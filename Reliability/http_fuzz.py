#!/usr/bin/env python3
"""HTTP fuzzing: seeded, bounded byte-level mutations of raw HTTP/1.1 requests sent to `caravan serve`.

Seeds are well-formed requests: every operation in the served /api/v1/openapi.json with its
parameters' examples (a small figures file for the import, the bundled dossier for its PUT, a
bearer token for writes), every dashboard page and /healthz, each without a Connection header,
with keep-alive and with close, the bodies also chunked, and pipelined pairs. Each seed is sent
once as it is, then every input is a seed mutated one to three times: bit flips, bytes inserted,
deleted or duplicated, truncation, two seeds spliced, header lines duplicated or removed, headers
up to 200 KB, huge, negative or non-numeric Content-Length, Transfer-Encoding games, obs-fold,
bare LF and CR, NUL and non-UTF-8 bytes, long paths and queries, percent-encoding oddities,
other methods and versions, absolute-form targets, repeated parameters, Persian and Arabic
digits. Input i comes from random.Random(f"{seed}:{i}") alone: a run is the same inputs again
(but for the token's secret), and one input can be made again without the others.

Each input goes on a connection of its own, whose write side is then half-closed; the answer is
read until the server closes, or for 10 s of silence. Findings:
- `caravan serve` exited (the input, the one before, the exit code and the log's tail are kept;
  the run stops there);
- silence for 10 s although every request sent was whole (one still owed body bytes may wait),
  or the connection closed with no answer at all to a whole request;
- what the server sent does not parse as HTTP/1.1 answers: status line, header lines, framing by
  Content-Length or chunks, nothing left over;
- a 5xx, but for a 503 with Retry-After;
- a 4xx to a request under /api/ or /healthz, or one from the HTTP layer itself (no Server
  header: a request that is not HTTP), without a JSON {"error":{"code","message"}} body;
- /healthz not answering 200 (asked every 100 inputs), or the server not exiting 0 on SIGTERM.
Findings go to Reliability/work/http-fuzz/ (emptied first): every one is listed in findings.txt,
and the first inputs of each kind are kept as raw bytes (.bin) with a .txt saying why. The run
ends with a summary and exits 1 when there was any finding. --replay sends saved inputs to a
fresh server and prints what it answered. The store is a demo one in a temporary folder, or with
--backend postgres a database of its own in CARAVAN_TEST_POSTGRES (as under scripts/with-postgres).

Usage: python3 Reliability/http_fuzz.py [--inputs 20000] [--seed 1] [--binary PATH] [--backend sqlite] [--replay FILE]
"""
import argparse
import collections
import json
import pathlib
import random
import re
import select
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

import common
from common import ROOT, WORK, SQLiteStore, caravan, serve, stop, store_named

OUT = WORK / "http-fuzz"
TIMEOUT = 10            # seconds of silence before an answer counts as missing
DEADLINE = 60           # seconds an input may take at most, however it trickles
HEALTH_EVERY = 100      # inputs between two /healthz checks
KEPT_PER_KIND = 5       # inputs kept as files for each kind of finding; all are listed
FIGURES = (b"reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote\n"
           b"KAZ,IRN,export,TOTAL,2018,5,,,Fuzz,,,\n")
DOSSIER = ROOT / "Data" / "dossiers" / "iran-kazakhstan.yaml"
PAGES = ["/", "/?partnership=iran-kazakhstan&as-of=2026-01-31", "/trade?reporter=IRN&partner=KAZ",
         "/trade?reporter=IRN&partner=KAZ&flow=export&commodity=TOTAL&by=year", "/trade.csv?reporter=IRN&partner=KAZ",
         "/corridor", "/corridor?from=astana&to=bandar_abbas", "/corridor?from=astana&to=bandar_abbas&by=cost&avoid-country=TKM",
         "/projects", "/claims", "/claims?as-of=2026-01-31", "/healthz"]
HEALTH = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"

# ---------------------------------------------------------------------------------------------
# Seeds


def request(method, target, body=None, token=None, connection=None, chunked=False):
    """A well-formed request, as bytes."""
    lines = [f"{method} {target} HTTP/1.1".encode(), b"Host: localhost", b"User-Agent: caravan-http-fuzz", b"Accept: */*"]
    if connection:
        lines.append(b"Connection: " + connection)
    if token:
        lines.append(b"Authorization: Bearer " + token.encode())
    if body is not None:
        lines.append(b"Content-Type: " + (b"application/yaml" if method == "PUT" else b"text/csv"))
        if chunked:
            lines.append(b"Transfer-Encoding: chunked")
            body = b"".join(b"%x\r\n%s\r\n" % (len(body[at:at + 4096]), body[at:at + 4096])
                            for at in range(0, len(body), 4096)) + b"0\r\n\r\n"
        else:
            lines.append(b"Content-Length: %d" % len(body))
    return b"\r\n".join(lines) + b"\r\n\r\n" + (body or b"")


def example(parameter):
    return parameter.get("example", parameter.get("schema", {}).get("example"))


def make_seeds(spec, token):
    """Every operation of the description and every page, in each connection style; then pipelined pairs.
    Returns (label, bytes) pairs."""
    plain = []
    for path, operations in sorted(spec["paths"].items()):
        for method, operation in sorted(operations.items()):
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            parameters = operation.get("parameters", [])
            target = path
            for parameter in parameters:
                if parameter["in"] == "path":
                    target = target.replace("{%s}" % parameter["name"], urllib.parse.quote(str(example(parameter)), safe=""))
            query = {p["name"]: example(p) for p in parameters if p["in"] == "query" and example(p) is not None}
            body = None
            if method == "post" and path == "/api/v1/imports":
                query, body = {"name": "fuzz.csv"}, FIGURES
            elif method in ("post", "put", "patch"):
                body = DOSSIER.read_bytes()
            plain.append((method.upper(), target + ("?" + urllib.parse.urlencode(query) if query else ""), body))
    plain += [("GET", page, None) for page in PAGES if ("GET", page, None) not in plain]
    made = []
    for method, target, body in plain:
        auth = token if method != "GET" else None
        for connection in (None, b"keep-alive", b"close"):
            made.append((f"{method} {target} ({(connection or b'no Connection').decode()})",
                         request(method, target, body, auth, connection)))
        if body is not None:
            made.append((f"{method} {target} (chunked)", request(method, target, body, auth, b"keep-alive", chunked=True)))
    alive = [(label, data) for label, data in made if b"Connection: keep-alive" in data]
    for number, (label, data) in enumerate(alive):
        other_label, other = alive[(number * 7 + 3) % len(alive)]
        made.append((f"pipelined: {label}, then {other_label}", data + other))
    return made

# ---------------------------------------------------------------------------------------------
# Mutations: each takes (rng, data, seeds) and returns (data, what it did), or None when it does not apply.


INTERESTING = [b"\x00", b"\r", b"\n", b"\r\n", b" ", b"\t", b":", b"%", b"?", b"#", b"/", b"&", b"=", b";", b",",
               b"\xff", b"\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"\x7f", b"\r\n\r\n", b"0", b"-1", b"\xdb\xb1"]


def split(data):
    """(request line, header lines, rest) of the first request, or None when there is no whole head."""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return None
    lines = data[:end].split(b"\r\n")
    return lines[0], lines[1:], data[end + 4:]


def join(line, headers, rest):
    return b"\r\n".join([line, *headers]) + b"\r\n\r\n" + rest


def request_line(data):
    """(method, target, version, header lines, rest) of the first request, or None."""
    parts = split(data)
    if not parts or parts[0].count(b" ") != 2:
        return None
    method, target, version = parts[0].split(b" ")
    return method, target, version, parts[1], parts[2]


def with_target(data, change):
    """`data` with its first request's target changed by `change(target)`."""
    parts = request_line(data)
    if not parts:
        return None
    method, target, version, headers, rest = parts
    return join(b" ".join([method, change(target), version]), headers, rest)


def flip_bits(rng, data, seeds):
    data, spots = bytearray(data), []
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(data))
        data[at] ^= 1 << rng.randrange(8)
        spots.append(at)
    return bytes(data), f"bits flipped at {sorted(spots)}"


def insert_bytes(rng, data, seeds):
    at = rng.randrange(len(data) + 1)
    piece = rng.choice(INTERESTING) if rng.random() < 0.7 else rng.randbytes(rng.randint(1, 16))
    return data[:at] + piece + data[at:], f"{piece!r} inserted at {at}"


def delete_bytes(rng, data, seeds):
    at = rng.randrange(len(data))
    end = min(len(data), at + rng.randint(1, 16))
    return data[:at] + data[end:], f"bytes {at}..{end} deleted"


def duplicate_bytes(rng, data, seeds):
    at = rng.randrange(len(data))
    end = min(len(data), at + rng.randint(1, 64))
    return data[:end] + data[at:end] + data[end:], f"bytes {at}..{end} duplicated"


def truncate(rng, data, seeds):
    at = rng.randrange(len(data))
    return data[:at], f"cut at byte {at} of {len(data)}"


def splice(rng, data, seeds):
    number = rng.randrange(len(seeds))
    other = seeds[number][1]
    at, there = rng.randrange(len(data) + 1), rng.randrange(len(other) + 1)
    return data[:at] + other[there:], f"bytes 0..{at} then seed {number} from byte {there}"


def duplicate_header(rng, data, seeds):
    parts = split(data)
    if not parts or not parts[1]:
        return None
    line, headers, rest = parts
    at = rng.randrange(len(headers))
    copy = headers[at] if rng.random() < 0.5 else headers[at].split(b":")[0] + b": " + rng.choice([b"0", b"x", b"", b"-1"])
    headers = headers[:at + 1] + [copy] + headers[at + 1:]
    return join(line, headers, rest), f"header {copy[:40]!r} added after its first"


def remove_header(rng, data, seeds):
    parts = split(data)
    if not parts or not parts[1]:
        return None
    line, headers, rest = parts
    at = rng.randrange(len(headers))
    return join(line, headers[:at] + headers[at + 1:], rest), f"header {headers[at][:40]!r} removed"


def huge_header(rng, data, seeds):
    parts = split(data)
    if not parts:
        return None
    line, headers, rest = parts
    size = rng.choice([8 << 10, 64 << 10, (80 << 10) - 200, 80 << 10, (80 << 10) + 1, 200 << 10, rng.randint(1, 200 << 10)])
    name = rng.choice([b"X-Fuzz", b"Cookie", b"User-Agent", b"Host", b"Authorization", b"Accept", b"Content-Type"])
    fill = rng.choice([b"a", b"%00", b"\xd9\xa1", b" ", b"a,"])
    header = name + b": " + (fill * (size // len(fill) + 1))[:size]
    if rng.random() < 0.3:  # many small headers instead of one large
        header = b"\r\n".join(b"X-%d: %s" % (n, b"v" * 64) for n in range(size // 72 + 1))
        name = b"many"
    at = rng.randrange(len(headers) + 1)
    return join(line, headers[:at] + [header] + headers[at:], rest), f"{name.decode()} header(s) of {size} bytes"


CONTENT_LENGTHS = [b"99999999999999999999999", b"18446744073709551616", b"9223372036854775807", b"-1", b"-0", b"abc",
                   b"1e3", b"0x10", b" 5", b"5 5", b"5, 5", b"+5", b"", b"\xd9\xa5", b"\xdb\xb5", b"0", b"00000000000000000001"]


def content_length(rng, data, seeds):
    parts = split(data)
    if not parts:
        return None
    line, headers, rest = parts
    value = rng.choice(CONTENT_LENGTHS + [b"%d" % (len(rest) + rng.choice([1, 100, 1 << 20])),
                                          b"%d" % max(0, len(rest) - rng.randint(1, 10))])
    if rng.random() < 0.6:
        headers = [h for h in headers if not h.lower().startswith(b"content-length:")]
    at = rng.randrange(len(headers) + 1)
    return join(line, headers[:at] + [b"Content-Length: " + value] + headers[at:], rest), f"Content-Length: {value!r}"


def chunks(rng, body, sizes=None, extension=b"", last=b"0\r\n\r\n"):
    pieces, at = [], 0
    while at < len(body):
        length = rng.randint(1, max(1, len(body) // 3 + 1))
        pieces.append(b"%x%s\r\n%s\r\n" % (len(body[at:at + length]), extension, body[at:at + length]))
        at += length
    if sizes is not None and pieces:
        at = rng.randrange(len(pieces))
        pieces[at] = sizes + pieces[at][pieces[at].index(b"\r\n"):]
    return b"".join(pieces) + last


def transfer_encoding(rng, data, seeds):
    parts = split(data)
    if not parts:
        return None
    line, headers, rest = parts
    headers = [h for h in headers if not h.lower().startswith(b"transfer-encoding:")]
    plain = [h for h in headers if not h.lower().startswith(b"content-length:")]
    body = rest if b"Transfer-Encoding: chunked" not in data else FIGURES
    game = rng.choice(["chunked and length", "bad size", "extension", "coding", "no last chunk", "trailer", "twice",
                       "wrong size"])
    coding = b"chunked"
    if game == "chunked and length":
        headers, rest = plain + [b"Content-Length: %d" % len(body)], chunks(rng, body)
    elif game == "bad size":
        size = rng.choice([b"zz", b"-1", b"ffffffffffffffffff", b"0x10", b" 5", b"5 ", b"", b"1" * 40, b"\xd9\xa1", b"+1"])
        headers, rest = plain, chunks(rng, body, sizes=size)
        game += f" {size!r}"
    elif game == "extension":
        extension = rng.choice([b";a=b", b";" * 1000, b';x="q\\"q"', b";\x00", b" ;a", b";a=" + b"b" * 100_000])
        headers, rest = plain, chunks(rng, body, extension=extension)
        game += f" {extension[:20]!r}"
    elif game == "coding":
        coding = rng.choice([b"chunked, identity", b"identity, chunked", b"xchunked", b"chunked ", b"Chunked", b"gzip, chunked",
                             b"\tchunked", b"chunked\x00", b"chunked;q=1", b"identity", b"", b"chunked, chunked"])
        headers, rest = plain, chunks(rng, body)
        game += f" {coding!r}"
    elif game == "no last chunk":
        headers, rest = plain, chunks(rng, body, last=b"")
    elif game == "trailer":
        trailer = rng.choice([b"X-T: 1\r\n", b"Content-Length: 5\r\n", b"bad\r\n"])
        headers, rest = plain, chunks(rng, body, last=b"0\r\n" + trailer + b"\r\n")
    elif game == "twice":
        headers, rest = plain + [b"Transfer-Encoding: chunked"], chunks(rng, body)
    else:
        wrong = rng.choice([1, 2, 100, 1 << 20])
        headers, rest = plain, b"%x\r\n" % (len(body) + wrong) + body + b"\r\n0\r\n\r\n"
        game += f" (+{wrong})"
    return join(line, headers + [b"Transfer-Encoding: " + coding], rest), f"Transfer-Encoding game: {game}"


def obs_fold(rng, data, seeds):
    parts = split(data)
    if not parts or not parts[1]:
        return None
    line, headers, rest = parts
    at = rng.randrange(len(headers))
    fold = rng.choice([b"\r\n folded", b"\r\n\tfolded", b"\r\n ", b"\r\n  \t "])
    headers = headers[:at] + [headers[at] + fold] + headers[at + 1:]
    return join(line, headers, rest), f"obs-fold {fold!r} after header {at}"


def line_endings(rng, data, seeds):
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return None
    head, rest = data[:end + 4], data[end + 4:]
    ending = rng.choice([b"\n", b"\r"])
    if rng.random() < 0.4:
        return head.replace(b"\r\n", ending) + rest, f"every CRLF of the head made {ending!r}"
    spots = [m.start() for m in re.finditer(b"\r\n", head)]
    at = rng.choice(spots)
    if rng.random() < 0.5:
        return head[:at] + ending + head[at + 2:] + rest, f"CRLF at {at} made {ending!r}"
    inside = rng.randrange(at + 1)
    return head[:inside] + ending + head[inside:] + rest, f"bare {ending!r} at {inside}"


def bad_bytes(rng, data, seeds):
    piece = rng.choice([b"\x00", b"\xff", b"\xfe\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\x80", b"\x1b[31m", b"\x7f",
                        b"\xf4\x90\x80\x80"])

    def change(target):
        at = rng.randrange(1, len(target) + 1)
        return target[:at] + piece + target[at:]
    changed = with_target(data, change)
    return (changed, f"{piece!r} in the target") if changed else None


def long_target(rng, data, seeds):
    size = rng.choice([1 << 10, 8 << 10, 64 << 10, 100 << 10, 200 << 10, rng.randint(1, 200 << 10)])
    shape = rng.choice(["segment", "segments", "value", "parameters", "ampersands"])

    def change(target):
        path, mark, query = target.partition(b"?")
        if shape == "segment":
            return path + b"/" + b"a" * size + mark + query
        if shape == "segments":
            return b"/x" * (size // 2) + path + mark + query
        if shape == "value":
            return target + (b"&" if mark else b"?") + b"from=" + b"9" * size
        if shape == "parameters":
            return target + (b"&" if mark else b"?") + b"&".join(b"p%d=1" % n for n in range(size // 6))
        return target + b"?" + b"&" * size
    changed = with_target(data, change)
    return (changed, f"target longer by a {shape} of about {size} bytes") if changed else None


PERCENT = [b"%", b"%G1", b"%00", b"%C0%AF", b"%E0%80%AF", b"%F0%80%80%AF", b"%FF", b"%2", b"%%", b"%u0041", b"%2F", b"%252F",
           b"%2e%2e", b"%0D%0A", b"%C0%80", b"%ED%A0%80", b"%DB%B1", b"%zz", b"%-1", b"+", b"%20"]


def percent(rng, data, seeds):
    piece = rng.choice(PERCENT)

    def change(target):
        path, mark, query = target.partition(b"?")
        if query and rng.random() < 0.6:
            pairs = query.split(b"&")
            at = rng.randrange(len(pairs))
            name, equals, value = pairs[at].partition(b"=")
            pairs[at] = name + b"=" + (piece if rng.random() < 0.5 else value + piece) if equals else name + piece
            return path + mark + b"&".join(pairs)
        at = rng.randrange(1, len(path) + 1)
        return path[:at] + piece + path[at:] + mark + query
    changed = with_target(data, change)
    return (changed, f"{piece!r} in the target") if changed else None


METHODS = [b"PATCH", b"TRACE", b"OPTIONS", b"HEAD", b"DELETE", b"CONNECT", b"PUT", b"POST", b"GET", b"get", b"PRI", b"QUERY",
           b"PROPFIND", b"G\x00T", b"\xffGET", b"M" * 1000, b"", b"GET GET", b"\xd8\xa7"]


def method(rng, data, seeds):
    parts = request_line(data)
    if not parts:
        return None
    _, target, version, headers, rest = parts
    new = rng.choice(METHODS) if rng.random() < 0.9 else rng.randbytes(rng.randint(1, 12))
    return join(b" ".join([new, target, version]), headers, rest), f"method {new[:20]!r}"


VERSIONS = [b"HTTP/1.0", b"HTTP/2.0", b"HTTP/2", b"HTTP/3", b"HTTP/0.9", b"HTTP/1.2", b"HTTP/9.9", b"http/1.1", b"HTTP/1.1 ",
            b"HTTP/1.10", b"HTTP/01.1", b"HTTP/1.1\x00", b"HTTP/1", b"HTTP/1.1 extra", b"HTTP/\xd9\xa1.\xd9\xa1", b"HTCPCP/1.0"]


def version(rng, data, seeds):
    parts = request_line(data)
    if not parts:
        return None
    verb, target, _, headers, rest = parts
    if rng.random() < 0.1:
        return b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + data, "the HTTP/2 preface first"
    if rng.random() < 0.1:
        return join(verb + b" " + target, headers, rest), "no version (HTTP/0.9)"
    new = rng.choice(VERSIONS)
    return join(b" ".join([verb, target, new]), headers, rest), f"version {new!r}"


def absolute_form(rng, data, seeds):
    form = rng.choice([b"http://localhost", b"http://127.0.0.1:1", b"https://example.com", b"http://user:pw@localhost",
                       b"HTTP://LOCALHOST", b"ftp://x", b"http://[::1]", b"http://localhost:99999999999", b"//localhost",
                       b"http:/", b"*", b"localhost:80", b"http://localhost?", b"http://local\x00host"])

    def change(target):
        if form in (b"*", b"localhost:80"):
            return form
        return form + target
    changed = with_target(data, change)
    return (changed, f"target in the form {form!r}") if changed else None


def repeat_parameter(rng, data, seeds):
    def change(target):
        path, mark, query = target.partition(b"?")
        if not query:
            return path + b"?as-of=2026-01-31&as-of=2025-01-31"
        pairs = query.split(b"&")
        at = rng.randrange(len(pairs))
        name = pairs[at].partition(b"=")[0]
        again = pairs[at] if rng.random() < 0.5 else name + b"=" + rng.choice([b"", b"x", b"IRN", b"2024", b"astana"])
        return path + mark + b"&".join(pairs[:at + 1] + [again] * rng.randint(1, 3) + pairs[at + 1:])
    changed = with_target(data, change)
    return (changed, "a query parameter repeated") if changed else None


def eastern_digits(rng, data, seeds):
    zero = rng.choice([0x06F0, 0x0660])  # Persian, Arabic-Indic
    encoded = rng.random() < 0.5

    def digit(match):
        glyph = chr(zero + int(match.group())).encode()
        return "".join(f"%{b:02X}" for b in glyph).encode() if encoded else glyph

    def change(target):
        path, mark, query = target.partition(b"?")
        if not query:
            query, mark = b"as-of=2026-01-31", b"?"
        return path + mark + re.sub(rb"\d", digit, query, count=rng.choice([1, 2, 0]))
    changed = with_target(data, change)
    label = "Persian" if zero == 0x06F0 else "Arabic-Indic"
    return (changed, f"{label} digits in the query{', percent-encoded' if encoded else ''}") if changed else None


ODD_HEADERS = [b"Expect: 100-continue", b"Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA", b"Connection: Upgrade",
               b"Host: a\r\nHost: b", b"Content-Encoding: gzip", b"Authorization: Bearer cvn_" + b"0" * 64,
               b"Authorization: Basic Og==", b"Authorization: Bearer", b"Authorization: Bearer \xff",
               b"Connection: close, keep-alive", b"Transfer-Encoding: identity", b"Range: bytes=0-1", b"If-None-Match: *",
               b": novalue", b"NoColon", b"Bad Name: x", b"X:\x00", b"X-\xd9\xa1: 1", b"Content-Type: multipart/form-data",
               b"Connection: keep-alive\r\nKeep-Alive: timeout=1", b"Host:", b"Content-Length:  7 "]


def odd_header(rng, data, seeds):
    parts = split(data)
    if not parts:
        return None
    line, headers, rest = parts
    header = rng.choice(ODD_HEADERS)
    at = rng.randrange(len(headers) + 1)
    return join(line, headers[:at] + [header] + headers[at:], rest), f"header {header[:40]!r}"


MUTATORS = [flip_bits, insert_bytes, delete_bytes, duplicate_bytes, truncate, splice, duplicate_header, remove_header,
            huge_header, content_length, transfer_encoding, obs_fold, line_endings, bad_bytes, long_target, percent, method,
            version, absolute_form, repeat_parameter, eastern_digits, odd_header]


def make_input(seeds, seed, index):
    """Input `index`: seed `index` as it is while there are seeds, then a random seed mutated 1 to 3 times."""
    if index < len(seeds):
        return index, seeds[index][1], []
    rng = random.Random(f"{seed}:{index}")
    number = rng.randrange(len(seeds))
    data, done = seeds[number][1], []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        for _attempt in range(10):
            mutator = rng.choice(MUTATORS)
            result = mutator(rng, data, seeds) if data else (rng.randbytes(rng.randint(1, 64)), "nothing left: random bytes")
            if result:
                data = result[0]
                done.append(f"{mutator.__name__}: {result[1]}" if "nothing left" not in result[1] else result[1])
                break
    return number, data, done

# ---------------------------------------------------------------------------------------------
# Sending and reading


def exchange(port, data):
    """Sends `data` on a connection of its own, half-closes, and reads until the server closes or is
    silent for TIMEOUT s. Returns (what it sent back, how it ended, seconds to the last byte)."""
    start = time.monotonic()
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    except OSError as error:
        return b"", f"connect: {type(error).__name__}", 0.0
    sock.setblocking(False)
    received, sent, ended, last = bytearray(), 0, None, start
    if not data:
        sock.shutdown(socket.SHUT_WR)
    try:
        while ended is None:
            writing = [sock] if sent < len(data) else []
            readable, writable, _ = select.select([sock], writing, [], TIMEOUT)
            if not readable and not writable:
                ended = "silence" + (" while sending" if writing else "")
            elif time.monotonic() - start > DEADLINE:
                ended = "deadline"
            if readable:
                piece = sock.recv(1 << 16)
                if not piece:
                    ended = "closed"
                received += piece
                last = time.monotonic()
            if writable and ended is None:
                try:
                    sent += sock.send(data[sent:sent + (1 << 16)])
                except (BrokenPipeError, ConnectionResetError):
                    sent = len(data)  # the server stopped reading: what it says is still to be read
                if sent == len(data):
                    try:
                        sock.shutdown(socket.SHUT_WR)
                    except OSError:
                        pass
    except ConnectionResetError:
        ended = "reset"
    finally:
        sock.close()
    return bytes(received), ended, last - start


def skip_chunks(data, at):
    """Where a chunked body that starts at `at` ends, and whether it is whole (a malformed one counts as whole:
    the server ought to refuse it at once)."""
    while True:
        end = data.find(b"\r\n", at)
        if end < 0:
            return len(data), False
        size = data[at:end].split(b";")[0].strip()
        if not re.fullmatch(rb"[0-9A-Fa-f]{1,15}", size):
            return len(data), True
        at = end + 2
        if int(size, 16) == 0:
            if data.startswith(b"\r\n", at):
                return at + 2, True
            end = data.find(b"\r\n\r\n", at)
            return (end + 4, True) if end >= 0 else (len(data), False)
        at += int(size, 16) + 2
        if at > len(data):
            return len(data), False


def requests_in(data):
    """What a lenient reader makes of the bytes sent: (method, target, whole) for each request in turn."""
    found, at = [], 0
    while at < len(data):
        while data.startswith(b"\r\n", at):
            at += 2
        if at >= len(data):
            break
        end = data.find(b"\r\n\r\n", at)
        head = data[at:end] if end >= 0 else data[at:]
        first = head.split(b"\r\n", 1)[0].split(b" ")
        method, target = first[0], (first[1] if len(first) > 1 else b"")
        if end < 0:
            found.append((method, target, False))
            break
        at = end + 4
        fields = {}
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            fields[name.strip().lower()] = value.strip()
        if b"transfer-encoding" in fields:
            at, whole = skip_chunks(data, at)
        elif re.fullmatch(rb"\d{1,15}", fields.get(b"content-length", b"0")):
            length = int(fields.get(b"content-length", b"0"))
            whole, at = at + length <= len(data), at + length
        else:
            whole, at = True, len(data)  # not HTTP: the server ought to refuse it and stop
        found.append((method, target, whole))
        if not whole:
            break
    return found


STATUS_LINE = re.compile(rb"HTTP/1\.1 ([1-5]\d\d) [\t !-~\x80-\xff]*")
HEADER_LINE = re.compile(rb"([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*([\t !-~\x80-\xff]*)")


class Answer:
    def __init__(self, status, headers, body, method):
        self.status, self.headers, self.body, self.method = status, headers, body, method

    def header(self, name):
        return self.headers.get(name.lower())


def answers_in(stream, methods):
    """The answers in what the server sent, and what in it is not HTTP/1.1 (None when all of it is).
    `methods` are the requests' methods in turn, for the answers to HEAD that carry no body."""
    answers, at = [], 0
    while at < len(stream):
        end = stream.find(b"\r\n\r\n", at)
        if end < 0:
            return answers, f"an answer cut short or not HTTP at byte {at}: {stream[at:at + 80]!r}"
        lines = stream[at:end].split(b"\r\n")
        status_line = STATUS_LINE.fullmatch(lines[0])
        if not status_line:
            return answers, f"not a status line at byte {at}: {stream[at:at + 80]!r}"
        headers = {}
        for line in lines[1:]:
            header = HEADER_LINE.fullmatch(line)
            if not header:
                return answers, f"not a header line at byte {at}: {line[:80]!r}"
            name = header.group(1).decode().lower()
            headers[name] = headers[name] + ", " + header.group(2).decode("latin-1") if name in headers \
                else header.group(2).decode("latin-1")
        status = int(status_line.group(1))
        method = methods[len(answers)] if len(answers) < len(methods) else None
        at = end + 4
        if status < 200 or status in (204, 304) or (method == b"HEAD" and "server" in headers):
            body = b""  # the HTTP layer's own refusals (no Server header) have a body whatever the method was
        elif "chunked" in headers.get("transfer-encoding", "").lower():
            body, at = bytearray(), at
            while True:
                line_end = stream.find(b"\r\n", at)
                size = stream[at:line_end].split(b";")[0] if line_end >= 0 else b""
                if not re.fullmatch(rb"[0-9A-Fa-f]{1,15}", size):
                    return answers, f"a bad chunk in the {status} answer at byte {at}: {stream[at:at + 40]!r}"
                at = line_end + 2
                if int(size, 16) == 0:
                    trailer_end = stream.find(b"\r\n", at) if stream.startswith(b"\r\n", at) else stream.find(b"\r\n\r\n", at)
                    if trailer_end < 0:
                        return answers, f"the {status} answer's chunks end without their last CRLF"
                    at = trailer_end + (2 if stream.startswith(b"\r\n", at) else 4)
                    break
                body += stream[at:at + int(size, 16)]
                at += int(size, 16)
                if stream[at:at + 2] != b"\r\n":
                    return answers, f"a chunk of the {status} answer is not followed by CRLF at byte {at}"
                at += 2
            body = bytes(body)
        elif "content-length" in headers:
            if not re.fullmatch(r"\d{1,15}", headers["content-length"]):
                return answers, f"the {status} answer's Content-Length is {headers['content-length']!r}"
            length = int(headers["content-length"])
            if at + length > len(stream):
                return answers, f"the {status} answer's body is {len(stream) - at} bytes, not the {length} announced"
            body, at = stream[at:at + length], at + length
        else:
            body, at = stream[at:], len(stream)
        if status >= 200:
            answers.append(Answer(status, headers, body, method))
    return answers, None


def under_api(target):
    """Whether a request target names a path under /api/ or /healthz, as the server would read it."""
    path = target.split(b"?", 1)[0].split(b"#", 1)[0]
    scheme = re.match(rb"[A-Za-z][A-Za-z0-9+.-]*://[^/]*", path)
    if scheme:
        path = path[scheme.end():]
    return path.startswith(b"/api/") or path == b"/healthz"


def error_body(answer):
    """None when the answer carries {"error":{"code","message"}} as JSON, else what is wrong."""
    if not (answer.header("content-type") or "").startswith("application/json"):
        return f"Content-Type {answer.header('content-type')!r}, body {answer.body[:60]!r}"
    try:
        error = json.loads(answer.body)["error"]
        if isinstance(error["code"], str) and isinstance(error["message"], str):
            return None
    except (ValueError, KeyError, TypeError):
        pass
    return f"body {answer.body[:80]!r}"


def judge(data, stream, ended):
    """The findings about one input's answers: (kind, key, detail) triples; and the answers."""
    requests = requests_in(data)
    answers, broken = answers_in(stream, [r[0] for r in requests])
    findings = []
    if broken:
        after = f"after {', '.join(str(a.status) for a in answers)}" if answers else "first"
        findings.append(("unparseable", f"answer {after}", broken))
    for number, answer in enumerate(answers):
        target = requests[min(number, len(requests) - 1)][1] if requests else b""
        if answer.status >= 500 and not (answer.status == 503 and answer.header("retry-after")):
            findings.append(("5xx", str(answer.status), f"{answer.status} to {target[:80]!r}: {answer.body[:200]!r}"))
        # NIO sends no body with any answer to CONNECT (a tunnel would follow): the status alone tells.
        elif 400 <= answer.status < 500 and (under_api(target) and answer.method not in (b"HEAD", b"CONNECT")
                                             or not answer.header("server")):
            problem = error_body(answer)
            if problem:
                whose = "the HTTP layer's" if not answer.header("server") else "the API's"
                findings.append(("error-body", f"{answer.status} from {whose}",
                                 f"{whose} {answer.status} to {target[:80]!r}: {problem}"))
    owed = sum(1 for r in requests if r[2])
    if ended == "closed" and not stream and owed:
        findings.append(("dropped", ended, f"connection {ended} without a word although {owed} whole requests were sent"))
    if ended.startswith("silence") or ended == "deadline":
        if len(answers) < owed:
            findings.append(("silence", ended, f"{ended} after {len(answers)} of {owed} whole requests answered"))
    return findings, answers, requests

# ---------------------------------------------------------------------------------------------
# The run


class Findings:
    """Every finding listed in findings.txt; the first inputs of each kind kept as .bin and .txt."""

    def __init__(self, folder):
        self.folder, self.all, self.kept = folder, [], collections.Counter()
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            if old.suffix in (".bin", ".txt", ".log"):
                old.unlink()

    def add(self, index, kind, key, detail, data, note, extra=()):
        self.all.append((index, kind, key, detail))
        with open(self.folder / "findings.txt", "a") as listing:
            listing.write(f"input {index}  {kind}  [{key}]  {detail}\n")
        self.kept[(kind, key)] += 1
        if self.kept[(kind, key)] > KEPT_PER_KIND and kind != "server-exit":
            return
        stem = self.folder / f"{index:06d}-{kind}"
        stem.with_suffix(".bin").write_bytes(data)
        replay = f"replay: python3 Reliability/http_fuzz.py --binary PATH --replay {stem.with_suffix('.bin')}\n"
        stem.with_suffix(".txt").write_text(f"{kind} [{key}]: {detail}\n\n{note}{replay}" + "".join(extra))


def tail(path, start=0, lines=40):
    with open(path, "rb") as log:
        log.seek(start)
        return b"\n".join(log.read().splitlines()[-lines:]).decode(errors="replace")


def describe(answers, stream, ended, seconds):
    statuses = " ".join(str(a.status) for a in answers) or "none"
    return (f"answers: {statuses}; connection {ended} after {seconds:.3f} s; {len(stream)} bytes back\n"
            f"what the server sent (first 1500 bytes):\n{stream[:1500]!r}\n")


def fuzz(port, process, log, spec, token, inputs, seed):
    made = make_seeds(spec, token)
    findings = Findings(OUT)
    statuses, endings = collections.Counter(), collections.Counter()
    slowest, healthy, health_checks = (0.0, None), 0, 0
    previous = b""
    start = time.monotonic()
    done = 0
    for index in range(inputs):
        number, data, mutations = make_input(made, seed, index)
        log_at = log.stat().st_size
        stream, ended, seconds = exchange(port, data)
        done += 1
        found, answers, requests = judge(data, stream, ended)
        statuses.update(a.status for a in answers)
        if ended == "closed" and not answers:
            ended = "closed, no answer" + (" to a whole request" if any(r[2] for r in requests) else "")
        endings[ended] += 1
        if ended == "closed" and seconds > slowest[0]:
            slowest = (seconds, index)
        note = (f"seed {number}: {made[number][0]}\nmutations: {'; '.join(mutations) or 'none'}\n"
                f"made by: --seed {seed}, input {index} (random.Random('{seed}:{index}'))\n"
                + describe(answers, stream, ended, seconds))
        if found:
            server_log = tail(log, log_at)
            extra = [f"\nthe server's log meanwhile:\n{server_log}\n"] if server_log else []
            logged = sorted(set(re.findall(r"error=(.*?) hb\.request\.id", server_log)))
            for kind, key, detail in found:
                key = f"{key}: {', '.join(logged)[:60]}" if kind == "5xx" and logged else key
                findings.add(index, kind, key, detail, data, note, extra)
        if ended.startswith("connect"):
            try:
                process.wait(5)  # a refused connection: the server may be on its way out
            except subprocess.TimeoutExpired:
                findings.add(index, "refused", ended, f"the server refused a connection while running: {ended}", data, note)
        code = process.poll()
        if code is not None:
            time.sleep(0.1)
            detail = f"caravan serve exited with {code}"
            findings.add(index, "server-exit", str(code), detail, data, note, [f"\nlog tail:\n{tail(log)}\n"])
            (OUT / f"{index - 1:06d}-before-exit.bin").write_bytes(previous)
            break
        previous = data
        if (index + 1) % HEALTH_EVERY == 0:
            health_checks += 1
            stream, ended, seconds = exchange(port, HEALTH)
            answers, broken = answers_in(stream, [b"GET"])
            if answers and answers[0].status == 200 and not broken:
                healthy += 1
            else:
                findings.add(index, "healthz", "not 200", f"/healthz after input {index}: {stream[:200]!r} ({ended})",
                             data, note)
        if (index + 1) % 1000 == 0:
            print(f"  {index + 1} inputs, {len(findings.all)} findings, {(index + 1) / (time.monotonic() - start):.0f}/s",
                  flush=True)
    elapsed = time.monotonic() - start
    return dict(made=made, findings=findings, statuses=statuses, endings=endings, slowest=slowest, healthy=healthy,
                health_checks=health_checks, elapsed=elapsed, done=done)


def summary(result, seed):
    made, findings, done = result["made"], result["findings"], result["done"]
    print(f"{'inputs':15} {done} (seed {seed}: {min(done, len(made))} seeds as they are, {max(0, done - len(made))} mutated) "
          f"in {result['elapsed']:.1f} s, {done / result['elapsed']:.1f} inputs/s")
    print(f"{'statuses':15} " + "  ".join(f"{s}: {n}" for s, n in sorted(result["statuses"].items())))
    print(f"{'connections':15} " + "  ".join(f"{e}: {n}" for e, n in result["endings"].most_common()))
    seconds, index = result["slowest"]
    if index is not None:
        number, _, mutations = make_input(made, seed, index)
        what = "; ".join(mutations)[:120] or "as is"
        print(f"{'slowest answer':15} {seconds:.3f} s, input {index} ({made[number][0][:70]}; {what})")
    print(f"{'healthz':15} {result['healthy']} of {result['health_checks']} checks answered 200")
    kinds = collections.Counter((kind, key) for _, kind, key, _ in findings.all)
    listed = f" in {len(kinds)} kinds, listed in {OUT / 'findings.txt'}" if kinds else ""
    print(f"{'findings':15} {len(findings.all)}{listed}")
    for (kind, key), count in kinds.most_common():
        first = next(f for f in findings.all if f[1] == kind and f[2] == key)
        print(f"  {kind:12} {key:46} {count:6}  first: input {first[0]}: {first[3][:110]}")


def replay(port, files, token):
    """Sends saved inputs, the token of the run that saved them swapped for this run's (same length)."""
    for path in files:
        data = re.sub(rb"cvn_(?!0{64})[0-9a-f]{64}", token.encode(), pathlib.Path(path).read_bytes())
        stream, ended, seconds = exchange(port, data)
        found, answers, _ = judge(data, stream, ended)
        print(f"== {path} ({len(data)} bytes): {describe(answers, stream, ended, seconds)}")
        for kind, key, detail in found:
            print(f"   {kind} [{key}]: {detail}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=20000, help="inputs sent, the seeds as they are first")
    parser.add_argument("--seed", type=int, default=1, help="seed of the mutations")
    parser.add_argument("--binary", type=pathlib.Path, help="a caravan binary to use instead of building the release one")
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--replay", nargs="+", metavar="FILE", help="send these saved inputs and print the answers")
    options = parser.parse_args()
    common.CARAVAN = options.binary.resolve() if options.binary else common.build()
    if options.backend == "postgres" and not common.POSTGRES:
        sys.exit("--backend postgres needs CARAVAN_TEST_POSTGRES (scripts/with-postgres)")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="caravan-http-fuzz-") as scratch:
        scratch = pathlib.Path(scratch)
        store = SQLiteStore(scratch / "fuzz.sqlite") if options.backend == "sqlite" else store_named("postgres", "http_fuzz")
        store.create()
        caravan("demo", *store.option(), "--report", scratch / "demo.html", cwd=scratch)
        token = caravan("token", "create", "--name", "fuzz", *store.option()).stdout.strip()
        log = scratch / "serve.log"
        process, base = serve(store, log)
        port = urllib.parse.urlsplit(base).port
        try:
            if options.replay:
                replay(port, options.replay, token)
                print(f"the server's log:\n{tail(log)}")
                return
            spec = json.loads(urllib.request.urlopen(base + "/api/v1/openapi.json", timeout=30).read())
            result = fuzz(port, process, log, spec, token, options.inputs, options.seed)
        finally:
            running = process.poll() is None
            stop(process)
            if not options.replay:
                (OUT / "server.log").write_bytes(log.read_bytes())
            store.drop()
        findings = result["findings"]
        if running and process.returncode != 0:
            findings.add(result["done"], "sigterm", str(process.returncode),
                         f"caravan serve exited {process.returncode} on SIGTERM", b"", "", [tail(OUT / "server.log")])
    summary(result, options.seed)
    if findings.all:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
