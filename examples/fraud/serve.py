#!/usr/bin/env python3
"""Serves a trained fraud model over HTTP, as a team's scoring service would, for shadow and canary runs.

Usage: python3 serve.py --model out/candidate/model.bin --port 8081 [--variant canary]
                        [--slow-ms 0] [--error-rate 0] [--host 127.0.0.1] [--pid-file FILE]

  POST /predict   body: one transaction as JSON ({"amount": 12.5, "hour": 3, ...}; "id" is ignored)
                  answer: {"score": <fraud probability>, "decision": 0|1, "variant": "<variant>"}
  GET  /metrics   Prometheus text format: requests_total{variant, code} and the latency histogram
                  request_seconds{variant} (buckets from 1 ms to 2.5 s), so Prometheus can judge a canary
  GET  /healthz   "ok"

Knobs that make a variant bad on purpose (the demo's --bad-canary): --slow-ms adds latency to every
prediction, --error-rate answers that share of requests with HTTP 500. Both can be changed while the
server runs: POST /admin/knobs {"slow_ms": 80, "error_rate": 0.0}, so a test can make a healthy
canary degrade mid-stage. Standard library only; binds to loopback by default.
"""
import argparse
import json
import math
import os
import random
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5]
THRESHOLD = 0.3


def load_model(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"MLCICDLR":
        raise SystemExit(f"{path}: not a model written by train.py")
    (count,) = struct.unpack_from("<I", data, 8)
    offset = 12
    names = []
    for _ in range(count):
        (length,) = struct.unpack_from("<H", data, offset)
        offset += 2
        names.append(data[offset:offset + length].decode("utf-8"))
        offset += length
    means = struct.unpack_from(f"<{count}d", data, offset)
    offset += 8 * count
    stds = struct.unpack_from(f"<{count}d", data, offset)
    offset += 8 * count
    weights = struct.unpack_from(f"<{count}d", data, offset)
    offset += 8 * count
    (bias,) = struct.unpack_from("<d", data, offset)
    return names, means, stds, weights, bias


class Metrics:
    """Counters and a cumulative histogram, as a Prometheus client library would keep them."""

    def __init__(self, variant):
        self.variant = variant
        self.lock = threading.Lock()
        self.requests = {}
        self.bucket_counts = [0] * len(BUCKETS)
        self.count = 0
        self.total = 0.0

    def observe(self, code, seconds):
        with self.lock:
            self.requests[code] = self.requests.get(code, 0) + 1
            self.count += 1
            self.total += seconds
            for i, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    self.bucket_counts[i] += 1

    def text(self):
        v = self.variant
        lines = ["# HELP requests_total Prediction requests by status code.", "# TYPE requests_total counter"]
        with self.lock:
            for code in sorted(self.requests):
                lines.append(f'requests_total{{variant="{v}",code="{code}"}} {self.requests[code]}')
            lines += ["# HELP request_seconds Prediction latency.", "# TYPE request_seconds histogram"]
            for bound, n in zip(BUCKETS, self.bucket_counts):
                lines.append(f'request_seconds_bucket{{variant="{v}",le="{bound}"}} {n}')
            lines.append(f'request_seconds_bucket{{variant="{v}",le="+Inf"}} {self.count}')
            lines.append(f'request_seconds_sum{{variant="{v}"}} {self.total}')
            lines.append(f'request_seconds_count{{variant="{v}"}} {self.count}')
        return "\n".join(lines) + "\n"


def make_handler(model, metrics, knobs, rng):
    names, means, stds, weights, bias = model

    def score(features):
        z = bias
        for name, m, s, w in zip(names, means, stds, weights):
            value = features.get(name)
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                raise ValueError(f"feature '{name}' missing or not a number")
            z += w * (float(value) - m) / s
        return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self):
            super().setup()
            # headers and body are two writes: without this, Nagle's algorithm and the client's delayed
            # ACK hold every keep-alive answer back by about 40 ms
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def log_message(self, fmt, *args):
            pass

        def answer(self, code, body, content_type="application/json"):
            data = body.encode("utf-8")
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def read_json(self):
            length = int(self.headers.get("Content-Length") or 0)
            return json.loads(self.rfile.read(length) or b"null")

        def do_GET(self):
            if self.path == "/metrics":
                self.answer(200, metrics.text(), "text/plain; version=0.0.4")
            elif self.path == "/healthz":
                self.answer(200, "ok\n", "text/plain")
            else:
                self.answer(404, '{"error": "not found"}')

        def do_POST(self):
            if self.path == "/admin/knobs":
                try:
                    update = self.read_json()
                    knobs.update({k: float(update[k]) for k in ("slow_ms", "error_rate") if k in update})
                except (ValueError, TypeError, AttributeError) as e:
                    self.answer(400, json.dumps({"error": str(e)}))
                    return
                self.answer(200, json.dumps(knobs))
                return
            if self.path != "/predict":
                self.answer(404, '{"error": "not found"}')
                return
            start = time.perf_counter()
            try:
                features = self.read_json()
                if not isinstance(features, dict):
                    raise ValueError("the body is not a JSON object")
                p = score(features)
            except ValueError as e:
                self.answer(400, json.dumps({"error": str(e)}))
                metrics.observe(400, time.perf_counter() - start)
                return
            if knobs["slow_ms"] > 0:
                time.sleep(knobs["slow_ms"] / 1000)
            if knobs["error_rate"] > 0 and rng.random() < knobs["error_rate"]:
                self.answer(500, '{"error": "injected failure"}')
                metrics.observe(500, time.perf_counter() - start)
                return
            self.answer(200, json.dumps({"score": p, "decision": int(p >= THRESHOLD), "variant": metrics.variant}))
            metrics.observe(200, time.perf_counter() - start)

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--variant", default="baseline")
    parser.add_argument("--slow-ms", type=float, default=0.0)
    parser.add_argument("--error-rate", type=float, default=0.0)
    parser.add_argument("--pid-file")
    args = parser.parse_args()

    model = load_model(args.model)
    knobs = {"slow_ms": args.slow_ms, "error_rate": args.error_rate}
    server = ThreadingHTTPServer((args.host, args.port), make_handler(model, Metrics(args.variant), knobs, random.Random(7)))
    server.daemon_threads = True
    if args.pid_file:
        with open(args.pid_file, "w") as f:
            f.write(f"{os.getpid()}\n")
    print(f"serving {args.model} as '{args.variant}' on http://{args.host}:{server.server_address[1]}/predict", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
