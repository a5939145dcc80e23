#!/usr/bin/env python3
"""A local stand-in for Bluesky's AppView and Mastodon servers, for the crawl tests.

Serves recorded-shape responses from files under --root (tests/data/fetch) on 127.0.0.1 and a
free port, which it prints as `PORT <n>` on the first line of stdout. Nothing here touches the
internet. Python 3 standard library only.

  /bsky/xrpc/app.bsky.actor.getProfile?actor=A     bsky/getProfile/<A>.json
  /bsky/xrpc/app.bsky.graph.getFollows?actor=A     bsky/getFollows/<A>.json, with &cursor=C: <A>~<C>.json
  /mastodon/<host>/api/v1/accounts/lookup?acct=X   mastodon/<host>/lookup/<X>.json
  /mastodon/<host>/api/v1/accounts/<id>/following  mastodon/<host>/following/<id>.json, with max_id=M: <id>~<M>.json
  /mastodon/<host>/api/v2/instance                 mastodon/<host>/instance.json
  /mastodon/<host>/.well-known/webfinger?resource=R  mastodon/<host>/webfinger/<R>.json

Each `/mastodon/<host>/` prefix is one server: a host whose folder has no `instance.json`
serves no Mastodon API (every API path answers 404), like a domain whose web site only hands out
WebFinger; its `webfinger/` answers can point at another host's server.

A body file `F.json` answers 200; `F.<status>.json` (e.g. `.400.json`) answers with that status.
`F.json.headers` adds header lines; `{base}` in them becomes this server's URL prefix of the
network (`http://127.0.0.1:<port>/mastodon/<host>`).

Faults are scripted by the tests, one action per matching request, then normal answers again:
  /__script?match=SUBSTRING&actions=A,B,...   A: 500 | 429:SECONDS | slow:SECONDS | drop |
                                              ratelimit:REMAINING:SECONDS
The waits are enforced as a real server enforces them, so a client that does not wait is caught
by what it gets, not by a clock in the test: after `429:SECONDS`, requests of the same match are
answered 429 again until SECONDS have passed; after `ratelimit:0:SECONDS` (nothing left),
every request is answered 429 until the window resets.
  /__variant?name=V                           answer from `bsky-V/` and `mastodon-V/` where they have
                                              a file (a later state of the same accounts)
  /__reset                                    forget scripts, variant and the request log
  /__log                                      the requests served so far (JSON list of path+query)
  /__user-agent                               the User-Agent of the last request (JSON string)
  /__max-in-flight                            the most requests served at the same time since the reset
"""

import argparse
import json
import os
import socket
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
SCRIPTS = []  # [match, [actions]]
LOG = []
USER_AGENT = [""]  # of the last request served
VARIANT = [""]  # a second world: files under `<network>-<variant>/` win over `<network>/`
BLOCKED = {}  # match -> time until which a 429 window keeps answering 429
RATE_WINDOW = [0.0]  # time until which a spent rate limit answers 429 to everything
IN_FLIGHT = [0, 0]  # requests being served now, the most at once since the reset


def find_body(path):
    """(status, body bytes, extra header lines) for a fixture path without extension, or None."""
    if os.path.isfile(path + ".json"):
        status, file = 200, path + ".json"
    else:
        for candidate in (400, 401, 403, 404, 410, 500):
            if os.path.isfile("%s.%d.json" % (path, candidate)):
                status, file = candidate, "%s.%d.json" % (path, candidate)
                break
        else:
            return None
    with open(file, "rb") as f:
        body = f.read()
    headers = []
    if os.path.isfile(file + ".headers"):
        with open(file + ".headers", encoding="utf-8") as f:
            headers = [line.rstrip("\n") for line in f if line.strip()]
    return status, body, headers


def safe(name):
    return name.replace("/", "_")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    root = "."

    def log_message(self, format, *args):  # quiet
        pass

    def send(self, status, body, headers=()):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for line in headers:
            name, _, value = line.partition(":")
            self.send_header(name.strip(), value.strip())
        self.end_headers()
        self.wfile.write(body)

    def control(self, url):
        query = urllib.parse.parse_qs(url.query)
        if url.path == "/__reset":
            with LOCK:
                SCRIPTS.clear()
                LOG.clear()
                VARIANT[0] = ""
                BLOCKED.clear()
                RATE_WINDOW[0] = 0.0
                IN_FLIGHT[1] = IN_FLIGHT[0]
            return self.send(200, b"{}")
        if url.path == "/__variant":
            with LOCK:
                VARIANT[0] = query.get("name", [""])[0]
            return self.send(200, b"{}")
        if url.path == "/__script":
            with LOCK:
                SCRIPTS.append([query["match"][0], query["actions"][0].split(",")])
            return self.send(200, b"{}")
        if url.path == "/__user-agent":
            with LOCK:
                body = json.dumps(USER_AGENT[0]).encode()
            return self.send(200, body)
        if url.path == "/__max-in-flight":
            with LOCK:
                body = json.dumps(IN_FLIGHT[1]).encode()
            return self.send(200, body)
        if url.path == "/__log":
            with LOCK:
                body = json.dumps(LOG).encode()
            return self.send(200, body)
        return self.send(404, b'{"error":"NotFound"}')

    def route(self, url):
        """The fixture path and the URL prefix for `{base}`, or None."""
        query = urllib.parse.parse_qs(url.query)
        parts = url.path.strip("/").split("/")
        host_url = "http://127.0.0.1:%d" % self.server.server_address[1]
        if parts[:2] == ["bsky", "xrpc"] and len(parts) == 3:
            method = parts[2]
            actor = query.get("actor", [""])[0]
            if method == "app.bsky.actor.getProfile":
                return os.path.join(self.root, "bsky", "getProfile", safe(actor)), host_url + "/bsky"
            if method == "app.bsky.graph.getFollows":
                name = safe(actor)
                if "cursor" in query:
                    name += "~" + safe(query["cursor"][0])
                return os.path.join(self.root, "bsky", "getFollows", name), host_url + "/bsky"
            return None
        if parts[0] == "mastodon" and len(parts) >= 4:
            host = parts[1]
            base = os.path.join(self.root, "mastodon", safe(host))
            rest = parts[2:]
            prefix = host_url + "/mastodon/" + host
            if rest == ["api", "v1", "accounts", "lookup"]:
                return os.path.join(base, "lookup", safe(query.get("acct", [""])[0])), prefix
            if len(rest) == 5 and rest[:3] == ["api", "v1", "accounts"] and rest[4] == "following":
                name = safe(rest[3])
                if "max_id" in query:
                    name += "~" + safe(query["max_id"][0])
                return os.path.join(base, "following", name), prefix
            if rest == ["api", "v2", "instance"]:
                return os.path.join(base, "instance"), prefix
            if rest == [".well-known", "webfinger"]:
                return os.path.join(base, "webfinger", safe(query.get("resource", [""])[0])), prefix
        return None

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path.startswith("/__"):
            return self.control(url)
        with LOCK:
            IN_FLIGHT[0] += 1
            IN_FLIGHT[1] = max(IN_FLIGHT[1], IN_FLIGHT[0])
        try:
            return self.answer(url)
        finally:
            with LOCK:
                IN_FLIGHT[0] -= 1

    def answer(self, url):
        target = self.path
        now = time.time()
        with LOCK:
            LOG.append(target)
            USER_AGENT[0] = self.headers.get("User-Agent", "")
            refused = max([RATE_WINDOW[0]] + [until for match, until in BLOCKED.items() if match in target])
            action = matched = None
            if refused <= now:
                for script in SCRIPTS:
                    if script[0] in target and script[1]:
                        action, matched = script[1].pop(0), script[0]
                        break
        if refused > now:
            # Too early: the window a 429 or a spent rate limit announced has not passed.
            return self.send(429, b'{"error":"RateLimitExceeded","message":"too early"}',
                             ["Retry-After: %d" % max(1, int(refused - now + 0.999))])
        extra = []
        if action is not None:
            kind, _, arg = action.partition(":")
            if kind == "500":
                return self.send(500, b'{"error":"InternalServerError","message":"scripted failure"}')
            if kind == "429":
                with LOCK:
                    # A little early is forgiven: the client measures the wait from when the
                    # answer arrived, a few milliseconds after it was sent.
                    BLOCKED[matched] = now + float(arg) - 0.05
                return self.send(429, b'{"error":"RateLimitExceeded"}', ["Retry-After: " + arg])
            if kind == "drop":
                self.close_connection = True
                try:
                    self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                return None
            if kind == "slow":
                time.sleep(float(arg))
            if kind == "ratelimit":
                remaining, _, seconds = arg.partition(":")
                reset = int(now) + int(seconds)
                extra = ["ratelimit-limit: 3000", "ratelimit-remaining: " + remaining,
                         "ratelimit-reset: %d" % reset]
                if int(remaining) == 0:
                    with LOCK:
                        RATE_WINDOW[0] = reset - 0.05
        routed = self.route(url)
        found = None
        if routed and VARIANT[0]:
            relative = os.path.relpath(routed[0], self.root).split(os.sep)
            relative[0] += "-" + VARIANT[0]
            found = find_body(os.path.join(self.root, *relative))
        if routed and found is None:
            found = find_body(routed[0])
        if found is None:
            return self.send(404, b'{"error":"NotFound","message":"no fixture for this request"}')
        status, body, headers = found
        headers = [h.replace("{base}", routed[1]) for h in headers] + extra
        try:
            self.send(status, body, headers)
        except (BrokenPipeError, ConnectionResetError):
            pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    args = parser.parse_args()
    Handler.root = args.root
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever(poll_interval=0.05)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
