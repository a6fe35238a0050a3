"""A stand-in for UN Comtrade on loopback that means harm: it answers a fetch of Kazakhstan's and
Iran's trade honestly, or misbehaves as told — Retry-After past any duration, an answer trickling in
a byte at a time, a redirect to another origin, an answer of gigabytes, periods that would steer
the next call, a record with a key given twice. It records every call and every key it was sent."""
import http.server
import json
import threading
import time
import urllib.parse

PAIR = {398: ("KAZ", "Kazakhstan", 364, "IRN", "Iran"), 364: ("IRN", "Iran", 398, "KAZ", "Kazakhstan")}


def record(reporter, period, flow, value):
    iso, name, partner, partner_iso, partner_name = PAIR[reporter]
    return {
        "typeCode": "C", "freqCode": "A", "refYear": int(period), "period": period, "reporterCode": reporter,
        "reporterISO": iso, "reporterDesc": name, "flowCode": flow, "partnerCode": partner, "partnerISO": partner_iso,
        "partnerDesc": partner_name, "partner2Code": 0, "partner2ISO": "W00", "classificationCode": "H6",
        "cmdCode": "TOTAL", "aggrLevel": 0, "customsCode": "C00", "mosCode": "0", "motCode": 0, "primaryValue": value,
    }


class HostileComtrade:
    """`mode` is one of honest, retry-after, drip, redirect, huge-availability, periods, repeated-key;
    `option` its argument (the Retry-After value, the drip's interval, the redirect's location,
    the answer's size, the periods)."""

    def __init__(self, mode="honest", option=None):
        self.mode, self.option = mode, option
        self.calls, self.keys = [], []
        self.lock = threading.Lock()
        stand_in = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *arguments):
                pass

            def do_GET(self):
                stand_in.answer(self)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    @property
    def data_calls(self):
        with self.lock:
            return [path for path in self.calls if "/getDA/" not in path]

    def answer(self, handler):
        with self.lock:
            self.calls.append(handler.path)
            key = handler.headers.get("Ocp-Apim-Subscription-Key")
            if key:
                self.keys.append(key)
        parts = urllib.parse.urlsplit(handler.path)
        query = urllib.parse.parse_qs(parts.query)
        reporter = int(query.get("reporterCode", ["398"])[0])
        try:
            if "/getDA/" in parts.path:
                self.availability(handler, reporter)
            else:
                self.data(handler, reporter, query.get("period", ["2022"])[0].split(","))
        except (BrokenPipeError, ConnectionResetError):
            pass

    def availability(self, handler, reporter):
        if self.mode == "huge-availability":
            return self.stream(handler, self.option)
        periods = self.option if self.mode == "periods" else ["2022"]
        rows = [{"reporterCode": reporter, "period": period, "lastReleased": "2024-07-01T00:00:00"} for period in periods]
        self.send(handler, 200, json.dumps({"count": len(rows), "data": rows, "error": ""}))

    def data(self, handler, reporter, periods):
        if self.mode == "retry-after" and len(self.data_calls) == 1:
            return self.send(handler, 429, '{"statusCode": 429, "message": "Rate limit is exceeded."}', {"Retry-After": self.option})
        if self.mode == "drip":
            return self.drip(handler, self.option)
        if self.mode == "redirect":
            return self.send(handler, 302, "", {"Location": self.option})
        records = [record(reporter, period, flow, 100_000_000 + index) for period in periods
                   for index, flow in enumerate(["M", "X"])]
        body = json.dumps({"count": len(records), "data": records, "error": ""})
        if self.mode == "repeated-key":
            body = body.replace('"primaryValue": 100000000', '"primaryValue": 100000000, "primaryValue": 999999999', 1)
        self.send(handler, 200, body)

    @staticmethod
    def send(handler, status, body, headers=None):
        data = body.encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)

    @staticmethod
    def drip(handler, interval):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(1 << 20))
        handler.end_headers()
        handler.wfile.write(b"{")
        for _ in range(1 << 20):
            time.sleep(interval)
            handler.wfile.write(b" ")
            handler.wfile.flush()

    @staticmethod
    def stream(handler, size):
        opening = b'{"data": ['
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(size))
        handler.end_headers()
        handler.wfile.write(opening)
        spaces = b" " * (1 << 20)
        left = size - len(opening)
        while left > 0:
            handler.wfile.write(spaces[:min(left, len(spaces))])
            left -= len(spaces)
