#!/usr/bin/env python3
"""A toy model server for the shadow example (standard library only; too slow for benchmarks).

POST a JSON request {"amount": ..., "age": ...}; it answers {"score": p, "label": "fraud"|"ok"}.
Usage: model_server.py PORT SHIFT   (SHIFT moves the candidate's scores a little)
Listens on 127.0.0.1 only.
"""
import json
import math
import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
SHIFT = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # headers and body are two writes: without this, Nagle's algorithm and delayed ACKs add ~40 ms per answer
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        request = json.loads(body)
        z = request.get("amount", 0) / 400.0 - request.get("age", 40) / 60.0 + SHIFT
        score = 1 / (1 + math.exp(-z))
        out = json.dumps({"score": round(score, 6), "label": "fraud" if score >= 0.5 else "ok"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
