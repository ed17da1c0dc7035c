"""Helpers for the easyread serve tests: start a server on a free port,
make forms, Word files and the sample's form. Python's standard library only."""
import io
import os
import re
import signal
import socket
import subprocess
import tempfile
import uuid
import http.client
import zipfile

# The program and the source folder, set by the test from its arguments.
paths = {"binary": None, "source": None}


class Server:
    """easyread serve --port 0, with a private temporary folder."""

    def __init__(self, *args):
        self.tmp = tempfile.mkdtemp(prefix="serve-test-")
        env = dict(os.environ, TMPDIR=self.tmp)
        self.proc = subprocess.Popen([paths["binary"], "serve", "--port", "0", *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env, text=True)
        line = self.proc.stdout.readline()
        found = re.match(r"Open http://([^:]+):(\d+) in your web browser\.", line)
        if not found:
            raise RuntimeError("easyread serve did not start: " + line + self.proc.stderr.read())
        self.host, self.port = found.group(1), int(found.group(2))

    def request(self, method, path, body=None, headers=None, timeout=30):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        conn.request(method, path, body=body, headers=headers or {})
        res = conn.getresponse()
        data = res.read()
        conn.close()
        return res, data

    def raw(self, data, wait=10.0):
        """Sends bytes as they are; returns what came back (b'' if the server closed)."""
        with socket.create_connection((self.host, self.port), timeout=wait) as s:
            s.sendall(data)
            got = b""
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    got += chunk
                    if b"\r\n\r\n" in got and len(got) > 12:
                        break
            except socket.timeout:
                pass
            return got

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        out, err = self.proc.communicate(timeout=30)
        return self.proc.returncode, out, err


def multipart(fields):
    """fields: list of (name, value) or (name, filename, bytes, type). Returns (body, headers)."""
    boundary = "b" + uuid.uuid4().hex
    parts = []
    for field in fields:
        if len(field) == 2:
            name, value = field
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() +
                         (value if isinstance(value, bytes) else value.encode()) + b"\r\n")
        else:
            name, filename, data, ctype = field
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                         f"Content-Type: {ctype}\r\n\r\n".encode() + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def docx_with(paragraphs):
    """A small Word file, written with the standard library."""
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   f"<w:body>{body}</w:body></w:document>")
    return out.getvalue()


def sample(name="minutes"):
    """The sample notes and the photos they name, as form fields."""
    folder = os.path.join(paths["source"], "samples")
    with open(os.path.join(folder, name + ".xml"), "rb") as f:
        notes = f.read()
    fields = [("notes", notes)]
    for photo in sorted(set(re.findall(rb'picture="(photos/[^"]+)"', notes))):
        with open(os.path.join(folder, photo.decode()), "rb") as f:
            fields.append(("picture", photo.decode(), f.read(), "image/png"))
    return fields
