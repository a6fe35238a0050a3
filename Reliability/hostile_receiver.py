"""A watch's receiver on loopback that records every delivery it is sent (path, headers, body) and
answers as told: 200, another status, or a redirect elsewhere — as a receiver steering deliveries
into the server's own network would."""
import http.server
import threading


class HostileReceiver:
    def __init__(self, status=200, location=None):
        self.status, self.location = status, location
        self.deliveries = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *arguments):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(min(length, 1 << 20))
                with receiver.lock:
                    receiver.deliveries.append((self.path, dict(self.headers), body))
                status = 307 if receiver.location else receiver.status
                self.send_response(status)
                if receiver.location:
                    self.send_header("Location", receiver.location)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def received(self):
        with self.lock:
            return len(self.deliveries)

    def close(self):
        self.server.shutdown()
        self.server.server_close()
