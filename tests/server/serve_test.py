#!/usr/bin/env python3
"""easyread serve, from the outside: its API, its pages' headers, and bad
requests (too big, broken, packed, never ending). Each bad request gets a
4xx or 503, and the server keeps answering /healthz. Python's standard
library only; raw sockets where a normal client would not send such things.

Usage: serve_test.py EASYREAD SOURCE_DIR
"""
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import serve_client
from serve_client import Server, docx_with, multipart, sample

BINARY = SOURCE = None
READ_TIMEOUT = 5  # seconds: how long the server waits for a client that sends nothing more (serve.cpp)
LETTER = ("Dear Sam,\n\nThe commissioners facilitated a consultation in order to assess your eligibility.\n"
          "Please come to the clinic on Monday at 10am. Bring your letter with you.\n\nFrom the team\n")


class ServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()

    @classmethod
    def tearDownClass(cls):
        code, out, err = cls.server.stop()
        assert code == 0, f"easyread serve ended with {code}: {err}"
        # Nothing a person sent is logged, and no file is left behind.
        assert "commissioners" not in out + err, "the server logged a person's text"
        assert os.listdir(cls.server.tmp) == [], f"files left in the temporary folder: {os.listdir(cls.server.tmp)}"
        os.rmdir(cls.server.tmp)

    def healthy(self):
        res, data = self.server.request("GET", "/healthz")
        self.assertEqual((res.status, data), (200, b"ok"))

    def assert_refused(self, res, data, statuses):
        self.assertIn(res.status, statuses, data[:300])
        if res.getheader("Content-Type", "").startswith("application/json"):
            answer = json.loads(data)
            self.assertTrue(answer.get("error") or answer.get("diagnostics"), answer)
        self.healthy()

    # ---- pages and headers -------------------------------------------------

    def test_health_and_headers(self):
        res, data = self.server.request("GET", "/healthz")
        self.assertEqual(data, b"ok")
        self.assertTrue(res.getheader("Content-Type").startswith("text/plain"))
        self.assertEqual(res.getheader("X-Content-Type-Options"), "nosniff")
        self.assertEqual(res.getheader("Referrer-Policy"), "no-referrer")
        self.assertIn("default-src 'self'", res.getheader("Content-Security-Policy"))
        self.assertIsNone(res.getheader("Access-Control-Allow-Origin"))

    def test_pages(self):
        for path, heading in [("/", "easyread"), ("/check", "Check my writing")]:
            res, data = self.server.request("GET", path)
            self.assertEqual(res.status, 200, path)
            self.assertTrue(res.getheader("Content-Type").startswith("text/html"))
            self.assertIn(f"<h1>{heading}</h1>".encode(), data)
            self.assertEqual(len(res.msg.get_all("Content-Security-Policy")), 1)
        res, data = self.server.request("GET", "/assets/app.css")
        self.assertEqual(res.status, 200)
        self.assertTrue(res.getheader("Content-Type").startswith("text/css"))

    def test_every_page_has_the_shared_top(self):
        # web/header.html goes where a page says <!--header-->; its own link is the current one.
        links = ["/", "/check", "/make", "/pictures"]
        pages = [(path, self.server.request("GET", path)[1].decode()) for path in links]
        body, headers = multipart([("text", LETTER)])
        pages.append(("/check", self.server.request("POST", "/check", body, headers)[1].decode()))
        for path, page in pages:
            self.assertNotIn("<!--header-->", page, path)
            self.assertEqual(page.count('<a class="skip-link" href="#main">'), 1, path)
            nav = page[page.index('<nav aria-label="Pages">'):page.index("</nav>")]
            self.assertEqual(re.findall(r'<a href="([^"]+)"', nav), links, path)
            self.assertEqual(re.findall(r'<a href="([^"]+)" aria-current="page">', nav), [path], path)

    def test_unknown_and_sly_paths(self):
        for path in ["/nothing", "/assets/../CMakeLists.txt", "/assets/..%2fREADME.md", "/assets/.hidden",
                     "/assets/%2e%2e%2fREADME.md", "/assets/app.css.bak", "/assets/sub/app.css"]:
            res, data = self.server.request("GET", path)
            self.assertEqual(res.status, 404, path)
            self.assertIn(b"I cannot find this page", data, path)

    # ---- the API -------------------------------------------------------------

    def test_templates(self):
        res, data = self.server.request("GET", "/api/templates")
        looks = json.loads(data)
        names = [look["name"] for look in looks]
        self.assertIn("minutes", names)
        self.assertTrue(all(look["title"] for look in looks))

    def test_symbols(self):
        res, data = self.server.request("GET", "/api/symbols?q=doctor&limit=3")
        found = json.loads(data)
        self.assertTrue(1 <= len(found) <= 3)
        for f in found:
            self.assertEqual(set(f), {"code", "name", "url", "origin"})
            self.assertEqual(f["url"], f"/api/symbols/{f['code']}.svg")
        res, svg = self.server.request("GET", found[0]["url"])
        self.assertEqual(res.status, 200)
        self.assertEqual(res.getheader("Content-Type"), "image/svg+xml")
        self.assertIn(b"<svg", svg)
        res, data = self.server.request("GET", "/api/symbols?q=house&limit=500")
        self.assertLessEqual(len(json.loads(data)), 50)
        for bad in ["/api/symbols/NOPE.svg", "/api/symbols/..%2F..%2Fetc%2Fpasswd.svg", "/api/symbols/1F600-ZZ.svg"]:
            res, data = self.server.request("GET", bad)
            self.assertEqual(res.status, 404, bad)

    def test_check_text_is_the_command_lines_json(self):
        res, data = self.server.request("POST", "/api/check", LETTER.encode(), {"Content-Type": "text/plain; charset=utf-8"})
        self.assertEqual(res.status, 200)
        with tempfile.TemporaryDirectory() as folder:
            with open(os.path.join(folder, "writing.txt"), "w") as f:
                f.write(LETTER)
            cli = subprocess.run([BINARY, "check", "--format", "json", "--no-settings", "writing.txt"], cwd=folder,
                                 capture_output=True, text=True)
        self.assertEqual(json.loads(data), json.loads(cli.stdout))
        words = [d["text"] for d in json.loads(data)["files"][0]["diagnostics"]]
        self.assertIn("commissioners", words)

    def test_check_file_with_choices(self):
        body, headers = multipart([("file", "letter.docx", docx_with(["The commissioners met.", "We will assess it."]),
                                    "application/octet-stream"), ("allow", "assess\nother"), ("sentence_words", "12")])
        res, data = self.server.request("POST", "/api/check", body, headers)
        self.assertEqual(res.status, 200, data)
        result = json.loads(data)["files"][0]
        self.assertEqual(result["path"], "letter.docx")
        words = [d["text"] for d in result["diagnostics"]]
        self.assertIn("commissioners", words)
        self.assertNotIn("assess", words)

    def test_check_report_download(self):
        body, headers = multipart([("text", LETTER), ("format", "html")])
        res, data = self.server.request("POST", "/api/check", body, headers)
        self.assertEqual(res.status, 200)
        self.assertIn("attachment", res.getheader("Content-Disposition"))
        self.assertIn(b"commissioners", data)
        res, data = self.server.request("POST", "/api/check?format=html", LETTER.encode(), {"Content-Type": "text/plain"})
        self.assertIn("attachment", res.getheader("Content-Disposition"))
        self.assertTrue(data.startswith(b"<!DOCTYPE html>"), data[:50])

    def test_check_page_without_script(self):
        body, headers = multipart([("text", LETTER), ("file", "", b"", "application/octet-stream")])
        res, data = self.server.request("POST", "/check", body, headers)
        self.assertEqual(res.status, 200)
        page = data.decode()
        self.assertIn("<mark>commissioners", page)
        self.assertIn("What I found", page)
        self.assertIn('data-use="person who plans and pays for services"', page)
        self.assertIn("Download the report", page)

    def build(self, fields):
        body, headers = multipart(fields)
        return self.server.request("POST", "/api/build", body, headers, timeout=60)

    def test_build_formats(self):
        notes = sample()[0][1]
        res, data = self.build(sample())
        self.assertEqual(res.status, 200, data[:400])
        self.assertEqual(res.getheader("Content-Type"), "application/pdf")
        self.assertTrue(data.startswith(b"%PDF"))
        self.assertRegex(res.getheader("Content-Disposition"), r'^attachment; filename="[A-Za-z0-9-]+\.pdf"$')
        res, data = self.build([("notes", "notes.xml", notes, "text/xml"), *sample()[1:], ("format", "docx"), ("check", "no")])
        self.assertEqual(res.status, 200)
        self.assertTrue(data.startswith(b"PK"))
        res, data = self.build([*sample(), ("format", "html"), ("inline", "yes"), ("template", "large-print")])
        self.assertEqual(res.status, 200)
        self.assertIsNone(res.getheader("Content-Disposition"))
        policy = res.msg.get_all("Content-Security-Policy")
        self.assertEqual(len(policy), 1)
        self.assertIn("script-src 'sha256-", policy[0])
        self.assertIn("default-src 'none'", policy[0])

    def test_build_with_uploaded_picture(self):
        notes = ('<easyread title="Our trip"><section title="The day"><point picture="pictures/cat.png" alt="A cat">'
                 "We saw a cat.</point></section></easyread>")
        png = open(os.path.join(SOURCE, "tests", "data", "photos", "alpha.png"), "rb").read()
        res, data = self.build([("notes", notes), ("picture", "cat.png", png, "image/png")])
        self.assertEqual(res.status, 200, data[:400])
        self.assertIn('filename="Our-trip.pdf"', res.getheader("Content-Disposition"))
        res, data = self.build([("notes", notes)])
        self.assertEqual(res.status, 422)
        self.assertTrue(json.loads(data)["diagnostics"])

    def test_bad_notes(self):
        res, data = self.build([("notes", '<easyread title="x"><section title="a"><point>Hi</point></section>')])
        self.assertEqual(res.status, 422)
        d = json.loads(data)["diagnostics"][0]
        self.assertEqual(set(d), {"severity", "rule", "file", "line", "column", "message", "suggestion"})
        self.assertGreater(d["line"], 0)
        self.healthy()

    def test_big_notes_that_never_close_a_quote(self):
        for notes in ['<easyread title="' + "a" * 5_000_000, '<easyread><point picture="' + "b" * 5_000_000]:
            res, data = self.build([("notes", notes), ("picture", "b.png", b"x", "image/png")])
            self.assert_refused(res, data, [422])

    def test_build_refusals(self):
        notes = open(os.path.join(SOURCE, "samples", "minutes.xml"), "rb").read()
        for fields, status in [([("notes", notes), ("format", "exe")], 400),
                               ([("notes", notes), ("template", "../../etc/passwd")], 400),
                               ([("notes", notes), ("template", "/etc/passwd")], 400),
                               ([("format", "pdf")], 400)]:
            res, data = self.build(fields)
            self.assert_refused(res, data, [status])
        res, data = self.server.request("POST", "/api/build", notes, {"Content-Type": "text/xml"})
        self.assert_refused(res, data, [415])

    # ---- bad requests --------------------------------------------------------

    def test_body_over_the_limit(self):
        big = b"a " * (11 * 1024 * 1024)
        res, data = self.server.request("POST", "/api/check", big, {"Content-Type": "text/plain"})
        self.assert_refused(res, data, [413])
        # Said, but not sent: refused before the body is read.
        got = self.server.raw(b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                              b"Content-Length: 999999999\r\n\r\n")
        self.assertIn(b" 413 ", got.split(b"\r\n")[0])
        self.healthy()

    def test_chunked_and_packed_bodies(self):
        got = self.server.raw(b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                              b"Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
        self.assertRegex(got.split(b"\r\n")[0], rb" 4\d\d ")
        self.assertIn(b"\r\nContent-Security-Policy: default-src 'self'", got)  # refusals get the headers too
        self.assertIn(b"\r\nX-Content-Type-Options: nosniff", got)
        res, data = self.server.request("POST", "/api/check", b"\x1f\x8b" + b"\0" * 30,
                                        {"Content-Type": "text/plain", "Content-Encoding": "gzip"})
        self.assert_refused(res, data, [415])

    def test_broken_forms(self):
        res, data = self.server.request("POST", "/api/check", b"--x\r\nContent-Disposition: form-data; name=\"file\"\r\n",
                                        {"Content-Type": "multipart/form-data; boundary=x"})
        self.assert_refused(res, data, [400])
        res, data = self.server.request("POST", "/api/check", b"{}", {"Content-Type": "application/json"})
        self.assert_refused(res, data, [415])
        body, headers = multipart([("sentence_words", "many"), ("text", LETTER)])
        res, data = self.server.request("POST", "/api/check", body, headers)
        self.assert_refused(res, data, [400])

    def test_docx_that_is_not_a_zip(self):
        body, headers = multipart([("file", "letter.docx", b"This is not a ZIP file at all.", "application/octet-stream")])
        res, data = self.server.request("POST", "/api/check", body, headers)
        self.assert_refused(res, data, [422])

    def test_path_like_file_names(self):
        body, headers = multipart([("file", "../../etc/passwd", b"root:x:0:0", "text/plain")])
        res, data = self.server.request("POST", "/api/check", body, headers)
        self.assert_refused(res, data, [415])
        body, headers = multipart([("file", "../../etc/passwd.txt", LETTER.encode(), "text/plain")])
        res, data = self.server.request("POST", "/api/check", body, headers)
        self.assertEqual(res.status, 200)
        self.assertEqual(json.loads(data)["files"][0]["path"], "passwd.txt")
        body, headers = multipart([("file", "C:\\Users\\sam\\..\\letter.md", LETTER.encode(), "text/markdown"),
                                   ("format", "html")])
        res, data = self.server.request("POST", "/api/check", body, headers)
        self.assertEqual(res.getheader("Content-Disposition"), 'attachment; filename="letter.md-report.html"')

    def test_request_that_never_ends(self):
        started = time.monotonic()
        holder = {}

        def slow():
            holder["got"] = self.server.raw(b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                                            b"Content-Length: 1000\r\n\r\nonly a little", wait=30)
        t = threading.Thread(target=slow)
        t.start()
        time.sleep(0.5)
        self.healthy()  # others are answered meanwhile
        t.join(40)
        self.assertFalse(t.is_alive())
        first = holder["got"].split(b"\r\n")[0]
        # The server gives up on it: a 4xx answer, or the connection closed.
        self.assertTrue(first == b"" or re.search(rb" 4\d\d ", first), first)
        self.assertLess(time.monotonic() - started, 30)
        self.healthy()


class LimitsTest(unittest.TestCase):
    def test_too_many_builds_at_once(self):
        server = Server("--builds", "1")
        try:
            body, headers = multipart(sample())
            statuses, retry = [], []

            def one():
                res, data = server.request("POST", "/api/build", body, headers, timeout=60)
                statuses.append(res.status)
                if res.status == 503:
                    retry.append(res.getheader("Retry-After"))
            for _ in range(5):
                threads = [threading.Thread(target=one) for _ in range(6)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                if 503 in statuses:
                    break
            self.assertIn(503, statuses)
            self.assertIn(200, statuses)
            self.assertTrue(set(statuses) <= {200, 503}, statuses)
            self.assertTrue(all(r and r.isdigit() for r in retry))
        finally:
            self.assertEqual(server.stop()[0], 0)

    def test_build_past_its_time(self):
        server = Server("--build-time", "0.001")
        try:
            body, headers = multipart(sample())
            res, data = server.request("POST", "/api/build", body, headers, timeout=60)
            self.assertEqual(res.status, 503)
            self.assertTrue(res.getheader("Retry-After"))
            self.assertIn("too long", json.loads(data)["error"])
        finally:
            self.assertEqual(server.stop()[0], 0)

    def test_build_stopped_inside_a_long_stage(self):
        # 10,000 points: the content, the layout and the PDF each take far longer
        # than the limit, so the build stops soon only if each stage looks at the
        # time inside its own loop. Before that, the time was looked at only
        # between stages: the 503 came when the long stage had ended, about half
        # of the whole build later.
        points = "".join(f"<point>We meet at the hall on day {i + 1}. Bring a friend if you like.</point>\n"
                         for i in range(10000))
        notes = f'<easyread title="A long list"><section title="Days">\n{points}</section></easyread>\n'
        body, headers = multipart([("notes", notes)])
        whole = Server("--build-time", "600")
        try:
            started = time.monotonic()
            res, data = whole.request("POST", "/api/build", body, headers, timeout=600)
            whole_build = time.monotonic() - started
            self.assertEqual(res.status, 200, data[:300])
            self.assertTrue(data.startswith(b"%PDF-"))
        finally:
            self.assertEqual(whole.stop()[0], 0)
        limited = Server("--build-time", "0.05")
        try:
            started = time.monotonic()
            res, data = limited.request("POST", "/api/build", body, headers, timeout=600)
            stopped_after = time.monotonic() - started
            self.assertEqual(res.status, 503, data[:300])
            self.assertTrue(res.getheader("Retry-After"))
            self.assertIn("too long", json.loads(data)["error"])
            # The same machine, the same document: stopped well inside the first long stage.
            self.assertLess(stopped_after, whole_build / 3, f"whole build {whole_build:.2f} s")
            self.assertEqual(limited.request("GET", "/healthz")[1], b"ok")
        finally:
            self.assertEqual(limited.stop()[0], 0)

    def test_idle_and_slow_connections_do_not_hold_up_others(self):
        # More connections than the server has workers (256): most send nothing,
        # some start a request and stop. Each used to hold a worker until the read
        # timeout let it go, so with 32 workers everyone else waited for rounds of
        # READ_TIMEOUT seconds.
        server = Server()
        held = []
        try:
            for i in range(300):
                held.append(socket.create_connection((server.host, server.port), timeout=10))
                if i % 10 == 0:
                    held[-1].sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # never ends
            time.sleep(0.5)  # let the server take them all in
            opened = time.monotonic()
            # Answered before the read timeout has let go of a single connection ...
            res, data = server.request("GET", "/healthz", timeout=READ_TIMEOUT - 1)
            self.assertEqual((res.status, data), (200, b"ok"))
            res, data = server.request("POST", "/api/check", LETTER.encode(), {"Content-Type": "text/plain"},
                                       timeout=READ_TIMEOUT - 1)
            self.assertEqual(res.status, 200, data[:300])
            self.assertIn("commissioners", data.decode())
            # ... and so none of the waiting ones was let go to make room: all still
            # open (when the answers came before any read timeout could end).
            for s in held if time.monotonic() - opened < READ_TIMEOUT - 0.5 else []:
                s.setblocking(False)
                try:
                    self.assertNotEqual(s.recv(1), b"", "the server closed a waiting connection")
                except BlockingIOError:
                    pass  # open, nothing said: as it should be
        finally:
            for s in held:
                s.close()
            self.assertEqual(server.stop()[0], 0)

    def test_sigterm_finishes_running_work(self):
        server = Server()
        body, headers = multipart([*sample(), ("format", "docx")])
        result = {}

        def one():
            res, data = server.request("POST", "/api/build", body, headers, timeout=60)
            result["status"] = res.status
        t = threading.Thread(target=one)
        t.start()
        time.sleep(0.05)
        started = time.monotonic()
        code, out, err = server.stop()
        t.join(30)
        self.assertEqual(code, 0, err)
        self.assertLess(time.monotonic() - started, 25)
        self.assertEqual(result.get("status"), 200)

    def test_organisations_own_pictures_words_and_settings(self):
        with tempfile.TemporaryDirectory() as folder:
            pictures = os.path.join(folder, "pictures")
            os.mkdir(pictures)
            with open(os.path.join(SOURCE, "tests", "data", "photos", "alpha.png"), "rb") as f:
                png = f.read()
            with open(os.path.join(pictures, "hall.png"), "wb") as f:
                f.write(png)
            with open(os.path.join(pictures, "catalogue.tsv"), "w") as f:
                f.write("our hall\thall.png\n")
            with open(os.path.join(folder, "words.txt"), "w") as f:
                f.write("zorbly | soft\n")
            with open(os.path.join(folder, "settings"), "w") as f:
                f.write("sentence-words = 6\n")
            server = Server("--pictures", pictures, "--words", os.path.join(folder, "words.txt"),
                            "--settings", os.path.join(folder, "settings"))
            try:
                res, data = server.request("GET", "/api/symbols?q=hall")
                own = [m for m in json.loads(data) if m["origin"] == "own pictures"]
                self.assertEqual([m["name"] for m in own], ["our hall"])
                res, svg = server.request("GET", own[0]["url"])
                self.assertEqual(res.status, 200)
                self.assertIn(b"data:image/png;base64,", svg)
                text = "The cushion was zorbly. We sat in the big hall with all of our good friends today.\n"
                res, data = server.request("POST", "/api/check", text.encode(), {"Content-Type": "text/plain"})
                rules = {d["rule"]: d for d in json.loads(data)["files"][0]["diagnostics"]}
                self.assertEqual(rules["jargon"]["text"], "zorbly")
                self.assertIn("long-sentence", rules)  # 14 words is long with sentence-words = 6
                notes = ('<easyread title="Our hall"><section title="Where"><point picture="our hall" alt="The hall">'
                         "We meet in our hall.</point></section></easyread>")
                body, headers = multipart([("notes", notes)])
                res, data = server.request("POST", "/api/build", body, headers, timeout=60)
                self.assertEqual(res.status, 200, data[:300])
            finally:
                self.assertEqual(server.stop()[0], 0)

    def test_runs_as_the_server_program(self):
        # `easyread serve` becomes easyread-serve with exec: the process the
        # test started (and sends SIGTERM to) is the server itself.
        server = Server()
        try:
            exe = os.readlink(f"/proc/{server.proc.pid}/exe")
            self.assertEqual(os.path.basename(exe), "easyread-serve")
            self.assertEqual(os.path.dirname(exe), os.path.dirname(os.path.realpath(BINARY)))
        finally:
            self.assertEqual(server.stop()[0], 0)

    def test_warning_off_loopback_and_bad_options(self):
        run = subprocess.run([BINARY, "serve", "--port", "70000"], capture_output=True, text=True, timeout=30)
        self.assertEqual(run.returncode, 2)
        self.assertIn("is not a port", run.stderr)
        run = subprocess.run([BINARY, "serve", "--words", "/no/such/list.txt", "--port", "0"],
                             capture_output=True, text=True, timeout=30)
        self.assertEqual(run.returncode, 1)
        self.assertIn("is not there", run.stderr)
        server = Server("--host", "0.0.0.0")
        try:
            self.assertEqual(server.request("GET", "/healthz")[1], b"ok")
        finally:
            code, out, err = server.stop()
        self.assertIn("Warning", err)


if __name__ == "__main__":
    BINARY, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    serve_client.paths.update(binary=BINARY, source=SOURCE)
    unittest.main(argv=[sys.argv[0], "-v"])
