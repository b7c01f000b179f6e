"""A small Language Server Protocol client for the tests: frames JSON-RPC
messages as LSP 3.17 says (Content-Length header, blank line, UTF-8 JSON)
and reads the server's messages on a thread, so that a test can wait for a
notification with a deadline.  Nothing here knows scopecheck."""
import json
import os
import queue
import subprocess
import threading
import time
import urllib.parse


def uri(path):
    return "file://" + urllib.parse.quote(os.path.abspath(path))


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def units(s, encoding):
    """the length of s in the units of a position encoding"""
    if encoding == "utf-8":
        return len(s.encode("utf-8"))
    if encoding == "utf-32":
        return len(s)
    return utf16_len(s)


def position(text, offset, encoding="utf-16"):
    """the LSP position of character offset `offset` of text"""
    before = text[:offset]
    line = before.count("\n")
    start = before.rfind("\n") + 1
    return {"line": line, "character": units(text[start:offset], encoding)}


def offset_of(text, pos, encoding="utf-16"):
    """the character offset of an LSP position in text"""
    lines = text.split("\n")
    off = sum(len(l) + 1 for l in lines[: pos["line"]])
    line = lines[pos["line"]] if pos["line"] < len(lines) else ""
    n = 0
    for i, ch in enumerate(line):
        if n >= pos["character"]:
            return off + i
        n += units(ch, encoding)
    return off + len(line)


def apply_edits(text, edits, encoding="utf-16"):
    """TextEdits applied as the protocol says: all ranges refer to the
    original text"""
    spans = []
    for e in edits:
        a = offset_of(text, e["range"]["start"], encoding)
        b = offset_of(text, e["range"]["end"], encoding)
        spans.append((a, b, e["newText"]))
    for a, b, t in sorted(spans, key=lambda s: (s[0], s[1]), reverse=True):
        text = text[:a] + t + text[b:]
    return text


class Client:
    def __init__(self, cmd, cwd=None, env=None):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd, env=env)
        self.messages = queue.Queue()
        self.seen = []
        self.next_id = 0
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.stderr = b""
        self.err_reader = threading.Thread(target=self._read_err, daemon=True)
        self.err_reader.start()

    def _read_err(self):
        self.stderr = self.proc.stderr.read()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.decode("ascii").rstrip("\r\n")
                if not line:
                    break
                k, _, v = line.partition(":")
                headers[k.strip().lower()] = v.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(json.loads(body.decode("utf-8")))

    def send_raw(self, data):
        with self.lock:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode("utf-8")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        m = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            m["params"] = params
        self.send(m)

    def request(self, method, params=None):
        self.next_id += 1
        m = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            m["params"] = params
        self.send(m)
        return self.next_id

    def wait(self, pred, timeout=60):
        """the first message pred accepts (others are kept in self.seen)"""
        deadline = time.time() + timeout
        while True:
            left = deadline - time.time()
            if left <= 0:
                return None
            try:
                m = self.messages.get(timeout=left)
            except queue.Empty:
                return None
            if m is None:
                return None
            self.seen.append(m)
            if pred(m):
                return m

    def response(self, rid, timeout=60):
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)

    def call(self, method, params=None, timeout=60):
        return self.response(self.request(method, params), timeout)

    def diagnostics(self, path, timeout=60, version=None):
        u = uri(path)

        def ok(m):
            return (m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == u
                    and (version is None or m["params"].get("version") == version))
        m = self.wait(ok, timeout)
        return m["params"] if m else None

    def quiet(self, seconds):
        """every message that arrives within `seconds`"""
        got = []
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                m = self.messages.get(timeout=max(0.01, deadline - time.time()))
            except queue.Empty:
                break
            if m is None:
                break
            got.append(m)
        return got

    def initialize(self, root, encodings=None, options=None, capabilities=None):
        caps = capabilities or {}
        if encodings:
            caps.setdefault("general", {})["positionEncodings"] = encodings
        params = {"processId": os.getpid(), "rootUri": uri(root), "capabilities": caps}
        if options is not None:
            params["initializationOptions"] = options
        r = self.call("initialize", params)
        self.notify("initialized", {})
        return r

    def open(self, path, text, version=1):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(path), "languageId": "c", "version": version, "text": text}})

    def change(self, path, version, changes):
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri(path), "version": version},
            "contentChanges": changes})

    def close(self):
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            return self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return None
