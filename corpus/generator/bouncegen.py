#!/usr/bin/python3
"""Support code for corpus/generate (Python 3 standard library only).

Sub-commands:
  responder   tiny SMTP server playing the remote mail exchangers
  submit      submit the test messages (scenarios) to the MTA under test
  expect      print how many scenarios/kinds are expected (for waiting)
  collect     sort the bounces found in a Maildir or mbox into <scenario>.eml

Everything talks to loopback addresses only.
"""

import argparse
import asyncio
import email
import email.policy
import os
import re
import smtplib
import subprocess
import sys
import time

# --------------------------------------------------------------------------
# Network plan (all on the loopback interface, inside a private network
# namespace; see corpus/generate).
#   127.0.0.1:10025  the MTA under test (SMTP submission)
#   127.0.0.2:2525   mx.example.net          normal responder
#   127.0.0.3:2525   mx.refuse.example.net   rejects the connection (554 greeting)
#   127.0.0.4:2525   mx.unreachable.example.net   nobody listens (refused)
#   127.0.0.5:2525   mx.busy.example.net     responder; used for 421 replies
# --------------------------------------------------------------------------

REMOTE = "example.net"
LOCAL = "example.org"
SENDER = "sender@example.org"
SIZE_LIMIT = 100000

# Replies of the responder, chosen by the recipient's local part.
GMAIL_USER = (
    "550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n"
    "550-5.1.1 double-checking the recipient's email address for typos or\r\n"
    "550-5.1.1 unnecessary spaces. For more information, go to\r\n"
    "550 5.1.1  https://support.example.com/mail/?p=NoSuchUser a7-20020a05600c.42 - gsmtp"
)
GMAIL_DMARC = (
    "550-5.7.26 This mail is unauthenticated, which poses a security risk to the\r\n"
    "550-5.7.26 sender and Gmail users, and has been blocked. The sender must\r\n"
    "550-5.7.26 authenticate with at least one of SPF or DKIM. For this message,\r\n"
    "550-5.7.26 DKIM checks did not pass and SPF check for [example.org] did not\r\n"
    "550-5.7.26 pass with ip: [127.0.0.1]. The sender should visit\r\n"
    "550-5.7.26  https://support.example.com/mail/answer/81126#authentication for\r\n"
    "550 5.7.26 instructions on setting up authentication. b9-20020a170902.77 - gsmtp"
)
RCPT_REPLIES = {
    "rcpt-user-unknown": "550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown in virtual mailbox table",
    "rcpt-multiline": GMAIL_USER,
    "rcpt-mailbox-full": "552 5.2.2 <{rcpt}>: Mailbox full, over quota",
    "rcpt-disabled": "550 5.2.1 The email account that you tried to reach is disabled.",
    "rcpt-bad-syntax": "553 5.1.3 <{rcpt}>: Recipient address rejected: bad address syntax",
    "rcpt-relay-denied": "550 5.7.1 <{rcpt}>: Relay access denied",
    "rcpt-domain-not-found": "550 5.1.2 <{rcpt}>: Recipient address rejected: Domain not found",
    "rcpt-host-not-found": "550 5.4.4 <{rcpt}>: Host or domain name not found",
    "rcpt-plain-550": "550 No such user here",
    "rcpt-blocklisted": "554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using dnsbl.example.com",
    "rcpt-greylisted": "450 4.2.0 <{rcpt}>: Recipient address rejected: Greylisted, please try again in 300 seconds",
    "rcpt-try-again-later": "421 4.7.0 Try again later, closing connection. Our system has detected an unusual rate of mail from your IP (reputation).",
}
DATA_REPLIES = {
    "data-spam": "554 5.7.1 Message rejected as spam by content filter",
    "data-dmarc": GMAIL_DMARC,
    "data-too-big": "552 5.3.4 Message size exceeds fixed maximum message size",
    "data-temp": "451 4.3.0 Temporary local problem, please try again later",
}

# --------------------------------------------------------------------------
# Scenarios. rcpts: list of (address, notify) ; notify None = no NOTIFY.
# temp: the scenario involves a temporary failure (expect delay + expiry).
# --------------------------------------------------------------------------


def r(local, domain=REMOTE):
    return "%s@%s" % (local, domain)


SCENARIOS = [
    # remote server rejects at RCPT
    dict(name="remote-user-unknown", rcpts=[r("rcpt-user-unknown")]),
    dict(name="remote-user-unknown-multiline", rcpts=[r("rcpt-multiline")]),
    dict(name="remote-mailbox-full", rcpts=[r("rcpt-mailbox-full")]),
    dict(name="remote-mailbox-disabled", rcpts=[r("rcpt-disabled")]),
    dict(name="remote-bad-address-syntax", rcpts=[r("rcpt-bad-syntax")]),
    dict(name="remote-relay-denied", rcpts=[r("rcpt-relay-denied")]),
    dict(name="remote-domain-not-found", rcpts=[r("rcpt-domain-not-found")]),
    dict(name="remote-host-not-found", rcpts=[r("rcpt-host-not-found")]),
    dict(name="remote-no-enhanced-code", rcpts=[r("rcpt-plain-550")]),
    dict(name="remote-blocklisted", rcpts=[r("rcpt-blocklisted")]),
    dict(name="remote-greylisted", rcpts=[r("rcpt-greylisted")], temp=True),
    dict(name="remote-try-again-later", rcpts=[r("rcpt-try-again-later", "busy.example.net")], temp=True),
    # remote server rejects at end of DATA
    dict(name="remote-spam-rejected", rcpts=[r("data-spam")]),
    dict(name="remote-dmarc-rejected", rcpts=[r("data-dmarc")]),
    dict(name="remote-message-too-big", rcpts=[r("data-too-big")]),
    dict(name="remote-temporary-problem", rcpts=[r("data-temp")], temp=True),
    # message larger than the SIZE the remote server advertises
    dict(name="remote-size-exceeded", rcpts=[r("accept-big")], big=True),
    # connection level
    dict(name="remote-greeting-rejected", rcpts=[r("someone", "refuse.example.net")]),
    dict(name="remote-unreachable", rcpts=[r("someone", "unreachable.example.net")], temp=True),
    dict(name="unknown-domain", rcpts=[r("someone", "nowhere.test")]),
    # local delivery
    dict(name="local-user-unknown", rcpts=[r("nosuchuser", LOCAL)], local=True),
    dict(name="local-mailbox-full", rcpts=[r("full", LOCAL)], quota=True),
    # several recipients in one message
    dict(name="multiple-recipients", rcpts=[
        r("rcpt-user-unknown"), r("rcpt-mailbox-full"), r("accept"),
        r("nosuchuser", LOCAL), r("someone", "nowhere.test")]),
    dict(name="multiple-recipients-temporary", rcpts=[
        r("rcpt-user-unknown"), r("rcpt-greylisted")], temp=True),
    # DSN options
    dict(name="success-relayed", rcpts=[(r("accept"), "SUCCESS")], dsn=True),
    dict(name="success-local", rcpts=[(r("deliver", LOCAL), "SUCCESS")], dsn=True),
    dict(name="success-and-failure", rcpts=[
        (r("accept"), "SUCCESS,FAILURE"), (r("rcpt-user-unknown"), "SUCCESS,FAILURE")], dsn=True),
    dict(name="notify-delay-failure", rcpts=[(r("rcpt-greylisted"), "DELAY,FAILURE")], dsn=True, temp=True),
    dict(name="return-headers-only", rcpts=[r("rcpt-user-unknown")], ret="HDRS"),
    dict(name="utf8-message", rcpts=[r("rcpt-user-unknown")], utf8=True),
]


def rcpt_list(sc):
    out = []
    for x in sc["rcpts"]:
        if isinstance(x, tuple):
            out.append(x)
        else:
            out.append((x, None))
    return out


def selected(skip):
    skip = set(s for s in (skip or "").split(",") if s)
    return [sc for sc in SCENARIOS if sc["name"] not in skip]


# --------------------------------------------------------------------------
# Responder
# --------------------------------------------------------------------------

class Responder:
    def __init__(self, hostname, mode, log):
        self.hostname = hostname
        self.mode = mode
        self.log = log

    def logline(self, peer, text):
        self.log.write("%s %s %s %s\n" % (time.strftime("%H:%M:%S"), self.hostname, peer, text))
        self.log.flush()

    async def handle(self, reader, writer):
        peer = "%s:%s" % writer.get_extra_info("peername")[:2]

        async def send(text):
            self.logline(peer, "> " + text.replace("\r\n", " | "))
            writer.write(text.encode() + b"\r\n")
            await writer.drain()

        try:
            if self.mode == "refuse":
                await send("554 5.7.1 %s ESMTP not accepting mail from [127.0.0.1]: "
                           "listed at dnsbl.example.com" % self.hostname)
                # RFC 5321: the client should QUIT; answer anything with 503.
                while True:
                    line = await asyncio.wait_for(reader.readline(), 30)
                    if not line:
                        break
                    cmd = line.decode("latin-1").strip()
                    self.logline(peer, "< " + cmd)
                    if cmd.upper().startswith("QUIT"):
                        await send("221 2.0.0 Bye")
                        break
                    await send("503 5.5.1 Bad sequence of commands")
                return
            await send("220 %s ESMTP ready" % self.hostname)
            mail_from = None
            rcpts = []
            while True:
                line = await asyncio.wait_for(reader.readline(), 120)
                if not line:
                    break
                cmd = line.decode("latin-1").rstrip("\r\n")
                self.logline(peer, "< " + cmd)
                verb = cmd.split(" ", 1)[0].upper()
                if verb == "EHLO":
                    await send("250-%s\r\n250-PIPELINING\r\n250-SIZE %d\r\n250-8BITMIME\r\n"
                               "250-ENHANCEDSTATUSCODES\r\n250 SMTPUTF8" % (self.hostname, SIZE_LIMIT))
                elif verb == "HELO":
                    await send("250 %s" % self.hostname)
                elif verb == "MAIL":
                    m = re.search(r"\bSIZE=(\d+)", cmd, re.I)
                    if m and int(m.group(1)) > SIZE_LIMIT:
                        await send("552 5.3.4 Message size exceeds fixed maximum message size")
                        continue
                    mail_from = cmd
                    rcpts = []
                    await send("250 2.1.0 Ok")
                elif verb == "RCPT":
                    if mail_from is None:
                        await send("503 5.5.1 Error: need MAIL command")
                        continue
                    m = re.search(r"<([^>]*)>", cmd)
                    addr = m.group(1) if m else ""
                    local = addr.split("@")[0].lower()
                    reply = RCPT_REPLIES.get(local)
                    if reply:
                        await send(reply.format(rcpt=addr))
                        if reply.startswith("421"):
                            break
                    else:
                        rcpts.append(local)
                        await send("250 2.1.5 Ok")
                elif verb == "DATA":
                    if not rcpts:
                        await send("554 5.5.1 Error: no valid recipients")
                        continue
                    await send("354 End data with <CR><LF>.<CR><LF>")
                    size = 0
                    while True:
                        dl = await asyncio.wait_for(reader.readline(), 120)
                        if not dl:
                            return
                        if dl in (b".\r\n", b".\n"):
                            break
                        size += len(dl)
                    self.logline(peer, "< (%d bytes of data)" % size)
                    reply = None
                    for lp in rcpts:
                        if lp in DATA_REPLIES:
                            reply = DATA_REPLIES[lp]
                            break
                    if reply is None and size > SIZE_LIMIT:
                        reply = "552 5.3.4 Message size exceeds fixed maximum message size"
                    if reply is None:
                        reply = "250 2.0.0 Ok: queued as 4XJ2Y1"
                    mail_from = None
                    rcpts = []
                    await send(reply)
                elif verb == "RSET":
                    mail_from = None
                    rcpts = []
                    await send("250 2.0.0 Ok")
                elif verb == "NOOP":
                    await send("250 2.0.0 Ok")
                elif verb == "QUIT":
                    await send("221 2.0.0 Bye")
                    break
                else:
                    await send("502 5.5.2 Error: command not recognized")
        except (asyncio.TimeoutError, ConnectionError):
            pass
        finally:
            try:
                writer.close()
            except Exception:
                pass


async def responder_main(specs, logpath, pidfile):
    log = open(logpath, "a")
    servers = []
    for spec in specs:
        addr, port, hostname, mode = spec.split(":")
        resp = Responder(hostname, mode, log)
        servers.append(await asyncio.start_server(resp.handle, addr, int(port)))
    if pidfile:
        with open(pidfile, "w") as f:
            f.write("%d\n" % os.getpid())
    await asyncio.gather(*(s.serve_forever() for s in servers))


# --------------------------------------------------------------------------
# Submission
# --------------------------------------------------------------------------

def build_message(sc):
    name = sc["name"]
    to = ", ".join(a for a, _ in rcpt_list(sc))
    date = email.utils.formatdate(localtime=False)
    lines = [
        "From: Corpus Sender <%s>" % SENDER,
        "To: %s" % to,
    ]
    if sc.get("utf8"):
        lines.append("Subject: =?UTF-8?Q?R=C3=BCckl=C3=A4ufer_test_=E2=80=93_%s?=" % name)
    else:
        lines.append("Subject: Corpus test message: %s" % name)
    lines += [
        "Date: %s" % date,
        "Message-ID: <%s@corpus.example.org>" % name,
        "X-Corpus-Scenario: %s" % name,
        "MIME-Version: 1.0",
    ]
    if sc.get("utf8"):
        lines += ["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit", ""]
        body = ["Grüße aus dem Testkorpus. Ceci est un message d'essai: « %s »." % name,
                "Это тестовое сообщение. テストメッセージです。"]
    else:
        lines += ["Content-Type: text/plain; charset=us-ascii", ""]
        body = ["This is a test message of the bounce corpus.", "Scenario: %s" % name]
    if sc.get("big"):
        filler = "The quick brown fox jumps over the lazy dog. 0123456789 abcdefghij"
        body += [filler] * (SIZE_LIMIT // len(filler) + 200)
    return ("\r\n".join(lines + body) + "\r\n").encode("utf-8")


def submit(args):
    scs = selected(args.skip)
    failures = 0
    for sc in scs:
        msg = build_message(sc)
        rcpts = rcpt_list(sc)
        if args.via_cmd and sc["name"] in args.via_cmd.split(","):
            # submit with the MTA's sendmail-compatible command (for
            # recipients an MTA would reject at SMTP time)
            notify = [n for _, n in rcpts if n]
            cmd = args.sendmail_cmd.split(",") + ["-f", SENDER, "-oi"]
            if notify:
                cmd += ["-N", notify[0].lower()]
            if args.dsn:
                cmd += ["-V", sc["name"]]
                if sc.get("ret"):
                    cmd += ["-R", sc["ret"].lower()]
            cmd += [a for a, _ in rcpts]
            p = subprocess.run(cmd, input=msg.replace(b"\r\n", b"\n"), capture_output=True)
            print("%-32s cmd rc=%d %s" % (sc["name"], p.returncode, (p.stdout + p.stderr).decode(errors="replace").strip()))
            continue
        mail_opts = []
        if args.dsn:
            mail_opts.append("ENVID=%s" % sc["name"])
            mail_opts.append("RET=%s" % sc.get("ret", "FULL"))
        if sc.get("utf8") and args.eightbit:
            mail_opts.append("BODY=8BITMIME")
        try:
            s = smtplib.SMTP(args.host, args.port, local_hostname="client.example.org", timeout=60)
            s.ehlo()
            code, resp = s.mail(SENDER, mail_opts)
            if code != 250:
                raise RuntimeError("MAIL FROM: %d %s" % (code, resp))
            ok = 0
            notes = []
            for addr, notify in rcpts:
                opts = []
                if args.dsn and notify:
                    opts.append("NOTIFY=%s" % notify)
                if args.dsn:
                    opts.append("ORCPT=rfc822;%s" % addr)
                code, resp = s.rcpt(addr, opts)
                notes.append("%s=%d" % (addr, code))
                if code in (250, 251):
                    ok += 1
            if ok:
                code, resp = s.data(msg)
                notes.append("DATA=%d" % code)
            s.quit()
            print("%-32s %s" % (sc["name"], " ".join(notes)))
        except Exception as e:  # report and continue
            failures += 1
            print("%-32s ERROR %s" % (sc["name"], e))
        time.sleep(args.pause)
    return 1 if failures else 0


# --------------------------------------------------------------------------
# Collection
# --------------------------------------------------------------------------

def read_mailbox(path):
    """Yield raw messages in arrival order from a Maildir or an mbox file."""
    if os.path.isdir(path):
        files = []
        for sub in ("new", "cur"):
            d = os.path.join(path, sub)
            if os.path.isdir(d):
                for fn in os.listdir(d):
                    p = os.path.join(d, fn)
                    files.append((os.stat(p).st_mtime, fn, p))
        for _, _, p in sorted(files):
            with open(p, "rb") as f:
                yield f.read()
    elif os.path.isfile(path):
        with open(path, "rb") as f:
            data = f.read()
        msgs = re.split(rb"(?:^|\n)(?=From [^\n]*\n)", data)
        for m in msgs:
            if not m.startswith(b"From "):
                continue
            # drop the mbox envelope line only; keep the rest byte-exact,
            # including the blank separator line minus one newline
            body = m.split(b"\n", 1)[1]
            if body.endswith(b"\n\n"):
                body = body[:-1]
            yield body


SCENARIO_RE = re.compile(rb"X-Corpus-Scenario: ([A-Za-z0-9-]+)")
ENVID_RE = re.compile(rb"Original-Envelope-Id: ([A-Za-z0-9-]+)", re.I)
MSGID_RE = re.compile(rb"<([a-z0-9-]+)@corpus\.example\.org>")


def classify(raw):
    m = SCENARIO_RE.search(raw) or ENVID_RE.search(raw) or MSGID_RE.search(raw)
    name = m.group(1).decode() if m else None
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    actions = []
    for part in msg.walk():
        if part.get_content_type() in ("message/delivery-status", "message/global-delivery-status"):
            payload = part.get_payload()
            text = ""
            if isinstance(payload, list):
                for p in payload:
                    text += p.as_string() + "\n"
            else:
                text = payload if isinstance(payload, str) else str(payload)
            actions += [a.lower() for a in re.findall(r"(?im)^Action:\s*([a-z]+)", text)]
    subject = str(msg.get("Subject", "")).lower()
    if "failed" in actions:
        kind = "failed"
    elif "delayed" in actions:
        kind = "delayed"
    elif any(a in ("delivered", "relayed", "expanded") for a in actions):
        kind = "success"
    elif re.search(r"warning|delay|not yet|still|deferred", subject):
        kind = "delayed"
    elif re.search(r"success|delivered|relayed", subject):
        kind = "success"
    else:
        kind = "failed"
    return name, kind


def collect(args):
    os.makedirs(args.out, exist_ok=True)
    counts = {}
    written = []
    for raw in read_mailbox(args.mailbox):
        name, kind = classify(raw)
        if not name:
            name = "unmatched"
        suffix = "" if kind == "failed" else "." + kind
        base = name + suffix
        counts[base] = counts.get(base, 0) + 1
        if counts[base] > 1:
            base += ".%d" % counts[base]
        fn = os.path.join(args.out, base + ".eml")
        with open(fn, "wb") as f:
            f.write(raw)
        written.append(base)
    for w in written:
        print(w)
    return 0


def expected(args):
    """Print the (scenario, kind) pairs expected at least, one per line."""
    for sc in selected(args.skip):
        notifies = [n for _, n in rcpt_list(sc)]
        if sc.get("dsn"):
            kinds = set()
            for n in notifies:
                for k in (n or "FAILURE").split(","):
                    kinds.add({"SUCCESS": "success", "FAILURE": "failed", "DELAY": "delayed"}[k])
        else:
            kinds = {"failed"}
            if sc.get("temp"):
                kinds.add("delayed")
        if "failed" in kinds and "success" in kinds:
            # some MTAs report both outcomes in one failure report
            kinds.discard("success")
        if args.no_delay:
            kinds.discard("delayed")
        for k in sorted(kinds):
            print("%s%s" % (sc["name"], "" if k == "failed" else "." + k))
    return 0


def dns_main(args):
    """A loopback-only stand-in for the DNS: answers A queries from a fixed
    table (the same as /etc/hosts), says "no data" for other types of the
    known names, and NXDOMAIN for every other name (e.g. nowhere.test).
    Only MTAs that insist on DNS (Courier, OpenSMTPD) ever ask it."""
    import socket
    import struct
    hosts = {}
    for spec in args.hosts:
        name, ip = spec.split("=")
        hosts[name.lower().rstrip(".")] = ip
    zones = set()
    for name in hosts:
        parts = name.split(".")
        for i in range(len(parts) - 1):
            zones.add(".".join(parts[i:]))
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((args.addr, 53))
    with open(args.pidfile, "w") as f:
        f.write("%d\n" % os.getpid())
    log = open(args.log, "a")
    while True:
        data, peer = sock.recvfrom(4096)
        try:
            qid, flags, qd = struct.unpack(">HHH", data[:6])
            pos, labels = 12, []
            while data[pos]:
                n = data[pos]
                labels.append(data[pos + 1:pos + 1 + n].decode("ascii", "replace"))
                pos += 1 + n
            pos += 1
            qtype, qclass = struct.unpack(">HH", data[pos:pos + 4])
            question = data[12:pos + 4]
        except Exception:
            continue
        name = ".".join(labels).lower()
        answers = b""
        if name in hosts and qtype == 1:
            answers = (b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 60, 4)
                       + socket.inet_aton(hosts[name]))
            rcode = 0
        elif name in hosts or name in zones:
            rcode = 0
        else:
            rcode = 3
        an = 1 if answers else 0
        rflags = 0x8000 | 0x0400 | (flags & 0x0100) | 0x0080 | rcode
        reply = struct.pack(">HHHHHH", qid, rflags, 1, an, 0, 0) + question + answers
        sock.sendto(reply, peer)
        log.write("%s dns %s type %d -> rcode %d, %d answer(s)\n" % (time.strftime("%H:%M:%S"), name, qtype, rcode, an))
        log.flush()


def syslog_main(args):
    """Receive syslog datagrams on a unix socket (the namespace's /dev/log)."""
    import socket
    if os.path.exists(args.socket):
        os.unlink(args.socket)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(args.socket)
    os.chmod(args.socket, 0o666)
    with open(args.pidfile, "w") as f:
        f.write("%d\n" % os.getpid())
    with open(args.log, "ab", buffering=0) as log:
        while True:
            data = sock.recv(65536)
            log.write(time.strftime("%H:%M:%S ").encode() + data.rstrip(b"\0\n") + b"\n")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("responder")
    a.add_argument("--log", required=True)
    a.add_argument("--pidfile")
    a.add_argument("spec", nargs="+", help="addr:port:hostname:mode (mode normal|refuse)")
    a = sub.add_parser("submit")
    a.add_argument("--host", default="127.0.0.1")
    a.add_argument("--port", type=int, default=10025)
    a.add_argument("--skip", default="")
    a.add_argument("--dsn", action="store_true", help="use the SMTP DSN extension")
    a.add_argument("--eightbit", action="store_true")
    a.add_argument("--pause", type=float, default=0.2)
    a.add_argument("--via-cmd", default="", help="scenarios to submit via the command")
    a.add_argument("--sendmail-cmd", default="/usr/sbin/sendmail",
                   help="command and its options, separated by commas")
    a = sub.add_parser("collect")
    a.add_argument("--mailbox", required=True)
    a.add_argument("--out", required=True)
    a = sub.add_parser("expect")
    a.add_argument("--skip", default="")
    a.add_argument("--no-delay", action="store_true")
    a = sub.add_parser("syslog")
    a.add_argument("--socket", required=True)
    a.add_argument("--log", required=True)
    a.add_argument("--pidfile", required=True)
    a = sub.add_parser("dns")
    a.add_argument("--addr", default="127.0.0.1")
    a.add_argument("--log", required=True)
    a.add_argument("--pidfile", required=True)
    a.add_argument("hosts", nargs="*", help="name=ipv4")
    args = ap.parse_args()
    if args.cmd == "dns":
        return dns_main(args)
    if args.cmd == "syslog":
        return syslog_main(args)
    if args.cmd == "responder":
        asyncio.run(responder_main(args.spec, args.log, args.pidfile))
        return 0
    return {"submit": submit, "collect": collect, "expect": expected}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
