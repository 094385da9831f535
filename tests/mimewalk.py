"""mimewalk: a small MIME walker on bytes, shared by the tests that write the
corpus's bounces again in other forms (tests/transport-variants,
tests/structure-variants). What a form does not change is written back as it was,
byte for byte. Messages are read with LF line ends (normalize).

Also: the corpus's bounces (the messages whose golden has records) and the
command's records of a run."""

import base64
import email.parser
import json
import os
import quopri
import re
import subprocess

SKIP = ("not-bounce", "regressions", "logs")


def corpus_messages(corpus, only=()):
    """The .eml files of corpus (relative paths, sorted) whose golden has records,
    but those under SKIP; only those of only when it is not empty."""
    messages = []
    for top, dirs, files in os.walk(corpus):
        rel = os.path.relpath(top, corpus)
        if rel.split(os.sep)[0] in SKIP:
            dirs[:] = []
            continue
        dirs.sort()
        for f in sorted(files):
            if not f.endswith(".eml"):
                continue
            path = os.path.normpath(os.path.join(rel, f))
            golden = os.path.join(corpus, path[:-4] + ".jsonl")
            if only and path not in only:
                continue
            if os.path.exists(golden) and os.path.getsize(golden) > 0:
                messages.append(path)
    return messages


def normalize(data):
    """data with LF line ends (CRLF, or CR alone when there is no LF), without the
    mbox "From " line a message saved by a mail client may start with (it is no
    header field: a variant would move or fold it)."""
    if b"\n" not in data:
        data = data.replace(b"\r", b"\n")
    else:
        data = data.replace(b"\r\n", b"\n")
    if data.startswith(b"From "):
        data = data[data.find(b"\n") + 1:] if b"\n" in data else b""
    return data


def records(binary, args, root, keys):
    """The command run over args in root: file (relative to root, an mbox message's
    number dropped) -> [tuple of the record's keys]."""
    p = subprocess.run([binary, "--jobs", "2", "--no-progress"] + args, cwd=root,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = {}
    for line in p.stdout.decode("utf-8").splitlines():
        r = json.loads(line)
        f = r.get("file", "")
        f = re.sub(r":\d+$", "", f)
        out.setdefault(os.path.normpath(f), []).append(tuple(r.get(k) for k in keys))
    return out


def unfold(raw):
    return re.sub(rb"\r?\n(?=[ \t])", b"", raw.rstrip(b"\n"))


HDR = email.parser.BytesHeaderParser()


def split_head(data):
    """(header block with its last line end, separator, body); LF line ends."""
    if data.startswith(b"\n"):
        return b"", b"\n", data[1:]
    i = data.find(b"\n\n")
    if i < 0:
        return data, b"", b""
    return data[:i + 1], b"\n", data[i + 2:]


def fields(head):
    """The header block as a list of raw fields (each with its continuation lines)."""
    out = []
    for line in head.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t") and out:
            out[-1] += line
        else:
            out.append(line)
    return out


def field_name(raw):
    return raw.split(b":", 1)[0].strip().lower()


def set_fields(head, new):
    """head with the fields of new (name -> value bytes or None) replaced, removed
    or (not there) added at the end."""
    out = []
    done = set()
    for raw in fields(head):
        n = field_name(raw)
        if n in new:
            if n not in done and new[n] is not None:
                out.append(new[n])
            done.add(n)
        else:
            out.append(raw)
    for n, v in new.items():
        if n not in done and v is not None:
            out.append(v)
    return b"".join(out)


class Entity:
    def __init__(self, data):
        self.head, self.sep, self.body = split_head(data)
        self.msg = HDR.parsebytes(self.head + b"\n")
        self.ctype = self.msg.get_content_type() if self.head else "text/plain"
        self.cte = str(self.msg.get("content-transfer-encoding", "7bit")).strip().lower()
        self.parts = None
        self.inner = None
        if self.ctype.startswith("multipart/"):
            self.split_multipart()
        elif self.ctype == "message/rfc822" and self.cte in ("7bit", "8bit", "binary"):
            self.inner = Entity(self.body)

    def split_multipart(self):
        b = self.msg.get_param("boundary")
        if not b:
            return
        delim = re.compile(rb"^--" + re.escape(str(b).encode("latin-1")) + rb"(--)?[ \t]*$", re.M)
        marks = list(delim.finditer(self.body))
        if not marks:
            return
        self.preamble = self.body[:marks[0].start()]
        self.delims = []
        self.parts = []
        for i, m in enumerate(marks):
            end = marks[i + 1].start() if i + 1 < len(marks) else len(self.body)
            chunk = self.body[m.end():end]
            self.delims.append(m.group(0))
            if m.group(1) or i + 1 == len(marks):
                self.epilogue = chunk
                break
            # the line end after the delimiter, and the one before the next belong to it
            chunk = chunk[1:] if chunk.startswith(b"\n") else chunk
            chunk = chunk[:-1] if chunk.endswith(b"\n") else chunk
            self.parts.append(Entity(chunk))
        else:
            self.epilogue = b""

    def leaves(self):
        if self.parts is not None:
            for p in self.parts:
                yield from p.leaves()
        elif self.inner is not None:
            yield from self.inner.leaves()
        else:
            yield self

    def bytes(self):
        if self.parts is not None:
            out = [self.head, self.sep, self.preamble]
            for d, p in zip(self.delims, self.parts):
                out += [d, b"\n", p.bytes(), b"\n"]
            out.append(self.delims[-1])
            out.append(self.epilogue)
            return b"".join(out)
        if self.inner is not None:
            return self.head + self.sep + self.inner.bytes()
        return self.head + self.sep + self.body

    def decoded(self):
        """The body's octets after the transfer encoding, or None."""
        try:
            if self.cte == "base64":
                return base64.b64decode(re.sub(rb"[^A-Za-z0-9+/=]", b"", self.body))
            if self.cte == "quoted-printable":
                return quopri.decodestring(self.body)
        except ValueError:
            return None
        if self.cte in ("7bit", "8bit", "binary"):
            return self.body
        return None

    def text(self):
        """The body as text, or None when its charset does not decode it."""
        raw = self.decoded()
        if raw is None:
            return None
        cs = self.msg.get_content_charset() or "us-ascii"
        try:
            return raw.decode(cs)
        except (LookupError, UnicodeDecodeError):
            return None

    def set_body(self, cte, body, ctype=None):
        new = {b"content-transfer-encoding": b"Content-Transfer-Encoding: " + cte + b"\n"}
        if ctype is not None:
            new[b"content-type"] = b"Content-Type: " + ctype + b"\n"
        if not self.head:
            new[b"mime-version"] = b"MIME-Version: 1.0\n"
            self.sep = b"\n"
        self.head = set_fields(self.head, new)
        self.body = body
        self.cte = cte.decode().lower()
