"""frames: the non-delivery notices of several MTAs, each written in the layout its
source writes, shared by the tests that put SMTP replies into them
(tests/reply-frames, tests/recipient-frames).

A writer takes one recipient (a dict: rcpt, the address; host, the host that
answered; command, the command answered, "RCPT TO", "MAIL FROM", "end of DATA",
"greeting" or "EHLO"; lines, the reply's lines) or a list of them, each written
the way that MTA writes several recipients in one notice. A recipient whose
reply's last line is a 4xx one is a delayed one; the MTAs that write a delay
notice write it for the delayed recipients alone, so a list is all delayed or
all failed, but for Sendmail (see sendmail())."""
import re
import textwrap

COMMAND = {"RCPT TO": "RCPT", "MAIL FROM": "MAIL", "end of DATA": "DATA", "greeting": "CONN",
           "EHLO": "EHLO"}
IP = "192.0.2.10"
DATE = "Tue, 3 Mar 2026 10:15:02 +0100"
HEADERS = ("Return-Path: <sender@example.org>\n"
           "From: Sender <sender@example.org>\n"
           "To: %(rcpt)s\n"
           "Subject: Order confirmation\n"
           "Message-ID: <order-1@example.org>\n"
           "Date: Tue, 3 Mar 2026 06:14:57 +0100\n")


# replies with no provider, drawn from tests/test-classify.c and tests/test-reply.c:
# (name, command, reply lines)
CURATED = [
    ("inactive", "RCPT TO", ["550 5.1.1 <jdoe@example.com>: inactive email address"]),
    ("size", "end of DATA", ["552 5.2.3 Message size exceeds fixed maximum message size"]),
    ("content", "end of DATA", ["500 5.6.1 Message content rejected"]),
    ("no-longer", "RCPT TO", ["550 5.1.6 recipient no longer on server"]),
    ("greylisted", "RCPT TO", ["452 4.2.2 Greylisted, please try again in a few moments."]),
    ("open-relay", "RCPT TO", ["451 Open relay not allowed"]),
    ("open-relay-host", "MAIL FROM", ["554 Your host is an open relay"]),
    ("load", "greeting", ["421 Unable to process connection at this time"]),
    ("qq", "end of DATA", ["451 qq temporary problem (#4.3.0) System resources temporarily unavailable"]),
    ("temp-unavailable", "RCPT TO", ["450 Mailbox temporarily unavailable"]),
    ("mailbox-full", "RCPT TO", ["550 5.1.1 <jdoe@example.com>... Mailbox Full"]),
    ("ube", "end of DATA", ["550 5.7.1 Message content rejected, UBE, id=01234-05"]),
    ("sender-unknown", "MAIL FROM", ["550 User unknown"]),
    ("rcpt-unknown", "RCPT TO", ["550 User unknown"]),
    ("local-table", "RCPT TO",
     ["550 5.1.1 <jdoe@example.com>: Recipient address rejected: User unknown in local recipient table"]),
    ("local-table-4xx", "RCPT TO",
     ["450 4.1.1 <jdoe@example.com>: Recipient address rejected: User unknown in local recipient table"]),
    ("missing", "RCPT TO", ["501 Missing recipient"]),
    ("msg-5-1-0", "end of DATA", ["550 5.1.0 Message rejected"]),
    ("addr-5-1-0", "RCPT TO", ["550 5.1.0 Address rejected"]),
    ("access-denied", "RCPT TO", ["550 Access denied"]),
    ("mailbox-unavailable", "RCPT TO", ["550 Requested action not taken: mailbox unavailable"]),
    ("inactive-5-2-1", "RCPT TO",
     ["550 5.2.1 Mailbox unavailable. Your message was rejected because the mailbox is inactive"]),
    ("tls-required", "MAIL FROM", ["550 5.7.1 TLS conversation required"]),
    ("multi-unknown", "RCPT TO", ["550-5.1.1 <jdoe@example.com>: Recipient address rejected:",
                                  "550-5.1.1 this mailbox does not exist here,",
                                  "550 5.1.1 see https://www.example.com/help for help"]),
    ("multi-full", "RCPT TO", ["552-5.2.2 The mailbox of this user is over quota", "552 5.2.2 try later"]),
    ("multi-spam", "end of DATA", ["550-Your message looks like spam to us.",
                                   "550 Rejected, please contact the postmaster."]),
]


def fold(text, first, indent="    ", width=79):
    return "\n".join(textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=indent,
                                   break_long_words=False, break_on_hyphens=False))


def enhanced(line):
    m = re.match(r"\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})(?![\d.]*\d)", line)
    return m.group(1) if m else None


def delayed(r):
    return r["lines"][-1].startswith("4")


def utf8(rs):
    return any(not r["rcpt"].isascii() for r in rs)


def _list(c):
    return c if isinstance(c, list) else [c]


def _headers(rs):
    return HEADERS % {"rcpt": ", ".join(r["rcpt"] for r in rs)}


def report(top, boundary, text, dsn, returned, report_type=True, global_=False):
    # global_: the SMTPUTF8 notice (RFC 6533): message/global-delivery-status and
    # message/global-headers, the text in UTF-8
    ctype = ("multipart/report; report-type=delivery-status" if report_type else "multipart/mixed")
    return ("%s"
            "MIME-Version: 1.0\n"
            "Content-Type: %s;\n\tboundary=\"%s\"\n\n"
            "This is a MIME-encapsulated message.\n\n"
            "--%s\nContent-Type: text/plain; charset=%s\n\n%s\n"
            "--%s\nContent-Type: message/%sdelivery-status\n\n%s\n"
            "--%s\nContent-Type: %s\n\n%s\n"
            "--%s--\n" % (top, ctype, boundary, boundary, "utf-8" if global_ else "us-ascii", text,
                          boundary, "global-" if global_ else "", dsn, boundary,
                          "message/global-headers" if global_ else "text/rfc822-headers", returned,
                          boundary))


def _plain(top, text, global_=False):
    return top + "MIME-Version: 1.0\nContent-Type: text/plain; charset=%s\n\n%s" % (
        "utf-8" if global_ else "us-ascii", text)


def postfix(c, dsn=True):
    # postfix src/bounce/bounce_template.c (failure and delay templates), src/smtp/
    # smtp_proto.c, smtp_trouble.c ("host %s said: %s (in reply to %s command)", the
    # reply's lines joined by spaces), src/bounce/bounce_notify_util.c
    # bounce_print_wrap (79 columns, 4 of indentation), bounce_diagnostic_log (a
    # blank line before each recipient's paragraph), bounce_recipient_dsn (one group
    # each; "utf-8" for a UTF-8 address of an SMTPUTF8 message, whose notice is
    # message/global-delivery-status, bounce_header_dsn)
    rs = _list(c)
    paragraphs = []
    for r in rs:
        oneline = " ".join(r["lines"])
        if r["command"] == "greeting":
            said = "<%s>: host %s[%s] refused to talk to me: %s" % (r["rcpt"], r["host"], IP, oneline)
        else:
            said = "<%s>: host %s[%s] said: %s (in reply to %s command)" % (
                r["rcpt"], r["host"], IP, oneline, r["command"])
        paragraphs.append(fold(said, ""))
    late = delayed(rs[0])
    g = utf8(rs)
    if late:
        intro = ("####################################################################\n"
                 "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n"
                 "####################################################################\n\n"
                 "Your message could not be delivered for more than 4 hour(s).\n"
                 "It will be retried until it is 5 day(s) old.\n\n")
    else:
        intro = ("I'm sorry to have to inform you that your message could not\n"
                 "be delivered to one or more recipients. It's attached below.\n\n")
    text = ("This is the mail system at host mail.example.org.\n\n%s"
            "For further assistance, please send mail to postmaster.\n\n"
            "If you do so, please include this problem report. You can\n"
            "delete your own text from the attached returned message.\n\n"
            "                   The mail system\n\n%s\n" % (intro, "\n\n".join(paragraphs)))
    top = ("From: MAILER-DAEMON@mail.example.org (Mail Delivery System)\n"
           "To: sender@example.org\nDate: %s\n"
           "Subject: %s\nAuto-Submitted: auto-replied\n"
           % (DATE, "Delayed Mail (still being retried)" if late else
              "Undelivered Mail Returned to Sender"))
    if not dsn:
        return _plain(top, text + "\n" + _headers(rs), g)
    groups = []
    for r in rs:
        oneline = " ".join(r["lines"])
        status = enhanced(r["lines"][0]) or r["lines"][-1][0] + ".0.0"
        kind = "utf-8" if g and not r["rcpt"].isascii() else "rfc822"
        groups.append("Final-Recipient: %s; %s\nOriginal-Recipient: %s;%s\nAction: %s\n"
                      "Status: %s\nRemote-MTA: dns; %s\n%s\n"
                      % (kind, r["rcpt"], kind, r["rcpt"], "delayed" if late else "failed", status,
                         r["host"], fold("smtp; " + oneline, "Diagnostic-Code: ")))
    d = ("Reporting-MTA: dns; mail.example.org\nX-Postfix-Queue-ID: 3A1B2C4D00\n"
         "Arrival-Date: %s\n\n%s" % (DATE, "\n".join(groups)))
    return report(top, "3A1B2C4D00.1772528100/mail.example.org", text, d, _headers(rs), global_=g)


def postfix_text(c):
    return postfix(c, dsn=False)


def exim_command(c):
    return {"RCPT TO": "RCPT TO:<%s>" % c["rcpt"], "MAIL FROM": "MAIL FROM:<sender@example.org> SIZE=1024",
            "end of DATA": "end of data", "greeting": "initial connection",
            "EHLO": "EHLO mail.example.org"}.get(c["command"], c["command"])


def exim_said(c, t=""):
    # exim src/transports/smtp.c check_response: "SMTP error from remote mail server after
    # %s%s: %s", the reply's lines joined by "\n" (string_printing: "\\n"); deliver.c
    # print_address_error: each "\\n" a new line indented 4, a line break after a ": "
    # past column 45
    msg = "SMTP error from remote mail server after %s: %s" % (exim_command(c), "\\n".join(c["lines"]))
    out, count, i = "\n    " + t, len(t), 0
    while i < len(msg):
        if msg[i] == "\\" and msg[i + 1:i + 2] == "n":
            out += "\n    "
            i += 2
            count = 0
            continue
        out += msg[i]
        count += 1
        i += 1
        if msg[i - 1] == ":" and i < len(msg) and msg[i].isspace() and count > 45:
            out += "\n   "
            count = 0
    return msg, out


def exim(c, dsn=True):
    # deliver.c: print_address_information ("  %s", "\n    " before the host) and
    # print_address_error for each address, then a line end, no blank line between
    # them; X-Failed-Recipients (",\n  " between); one DSN group each
    # (print_dsn_addr_action, print_dsn_diagnostic_code), a blank line after each
    rs = _list(c)
    late = delayed(rs[0])
    entries, diags = [], []
    for r in rs:
        msg, said = exim_said(r, "Delay reason: " if late else "")
        entries.append("  %s\n    host %s [%s]%s\n" % (r["rcpt"], r["host"], IP, said))
        # deliver.c print_dsn_diagnostic_code: after the first ": ", "\\n" as "\n "
        diags.append(msg[msg.index(": ") + 2:].replace("\\n", "\n "))
    if late:
        # deliver.c: the warning message
        text = ("This message was created automatically by mail delivery software.\n"
                "A message that you sent has not yet been delivered to one or more of its\n"
                "recipients after more than 24 hours on the queue on mail.example.org.\n\n"
                "The message identifier is:     1abcDE-000Fgh-Ij\n"
                "The subject of the message is: Order confirmation\n"
                "The date of the message is:    Tue, 3 Mar 2026 06:14:57 +0100\n\n"
                "The address%s to which the message has not yet been delivered %s:\n\n"
                "%s\n\n"
                "No action is required on your part. Delivery attempts will continue for\n"
                "some time, and this warning may be repeated at intervals if the message\n"
                "remains undelivered. Eventually the mail delivery software will give up,\n"
                "and when that happens, the message will be returned to you.\n"
                % ("" if len(rs) == 1 else "es", "is" if len(rs) == 1 else "are", "".join(entries)))
        top = ("From: Mail Delivery System <Mailer-Daemon@mail.example.org>\nTo: sender@example.org\n"
               "Date: %s\nSubject: Warning: message 1abcDE-000Fgh-Ij delayed 24 hours\n"
               "Auto-Submitted: auto-replied\n" % DATE)
    else:
        text = ("This message was created automatically by mail delivery software.\n\n"
                "A message that you sent could not be delivered to one or more of its\n"
                "recipients. This is a permanent error. The following address(es) failed:\n\n"
                "%s" % "".join(entries))
        top = ("From: Mail Delivery System <Mailer-Daemon@mail.example.org>\nTo: sender@example.org\n"
               "Date: %s\nSubject: Mail delivery failed: returning message to sender\n"
               "X-Failed-Recipients: %s\nAuto-Submitted: auto-replied\n"
               % (DATE, ",\n  ".join(r["rcpt"] for r in rs)))
    if not dsn:
        return _plain(top, text + "\n------ This is a copy of the message, including all the headers. ------\n\n"
                      + _headers(rs))
    d = ("Reporting-MTA: dns; mail.example.org\n\n"
         + "\n".join("Action: %s\nFinal-Recipient: rfc822;%s\nStatus: %s\n"
                     "Remote-MTA: dns; %s\nDiagnostic-Code: smtp; %s\n"
                     % ("delayed" if late else "failed", r["rcpt"], "4.0.0" if late else "5.0.0",
                        r["host"], diag) for r, diag in zip(rs, diags)))
    return report(top, "1772528100-eximdsn-1804289383", text, d, _headers(rs))


def exim_text(c):
    return exim(c, dsn=False)


def sendmail(c, dsn=True):
    # sendmail/savemail.c errbody ("(reason: %s)" under each address that had a
    # permanent fatal error, the transcript, the DSN fields: one group each, with
    # "Action: delayed" for a recipient still queued beside the failed ones, "utf-8"
    # for a UTF-8 address with USE_EAI); usersmtp.c reply() ("... while talking to
    # %s:", ">>> %s", "<<< %s" for each line), one connection's dialogue for the
    # recipients of one host; deliver.c ("%s... Deferred: %s" for a transient
    # reply); the DSN's Diagnostic-Code and the reason hold the reply's last line
    rs = _list(c)
    transcript, failed, host = "", [], None
    for r in rs:
        last = r["lines"][-1]
        cmd = {"RCPT TO": "RCPT To:<%s>" % r["rcpt"], "MAIL FROM": "MAIL From:<sender@example.org> SIZE=1024",
               "end of DATA": "DATA", "EHLO": "EHLO mail.example.org"}.get(r["command"])
        if r["host"] != host:
            transcript += "... while talking to %s.:\n" % r["host"]
            host = r["host"]
        if cmd:
            transcript += ">>> %s\n" % cmd
        transcript += "".join("<<< %s\n" % l for l in r["lines"])
        m = re.match(r"(\d{3})[ -](?:([245]\.\d+\.\d+) )?(.*)", last)
        if delayed(r) and len(rs) > 1:
            transcript += "<%s>... Deferred: %s\n" % (r["rcpt"], last)
        elif r["command"] == "RCPT TO" and m:
            transcript += "%s %s<%s>... %s\n" % (m.group(1), m.group(2) + " " if m.group(2) else "",
                                                 r["rcpt"], m.group(3))
        if not delayed(r) or len(rs) == 1:
            failed.append("<%s>\n    (reason: %s)\n" % (r["rcpt"], last))
    text = ("The original message was received at %s\nfrom app.example.org [192.0.2.50]\n\n"
            "   ----- The following addresses had permanent fatal errors -----\n%s\n"
            "   ----- Transcript of session follows -----\n%s" % (DATE, "".join(failed), transcript))
    top = ("From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.org>\nTo: sender@example.org\n"
           "Date: %s\nSubject: Returned mail: see transcript for details\nAuto-Submitted: auto-generated (failure)\n"
           % DATE)
    groups = []
    for r in rs:
        last = r["lines"][-1]
        status = enhanced(last) or last[0] + ".0.0"
        groups.append("Final-Recipient: %s; %s\nAction: %s\nStatus: %s\n"
                      "Remote-MTA: DNS; %s\nDiagnostic-Code: SMTP; %s\nLast-Attempt-Date: %s\n"
                      % ("utf-8" if not r["rcpt"].isascii() else "RFC822", r["rcpt"],
                         "delayed" if delayed(r) and len(rs) > 1 else "failed", status, r["host"],
                         last, DATE))
    d = ("Reporting-MTA: dns; mail.example.org\nReceived-From-MTA: DNS; app.example.org\n"
         "Arrival-Date: %s\n\n%s" % (DATE, "\n".join(groups)))
    if not dsn:
        return _plain(top, text + "\n   ----- Original message follows -----\n\n" + _headers(rs),
                      utf8(rs))
    return report(top, "123456789.ABC@mail.example.org", text, d, _headers(rs), global_=utf8(rs))


def sendmail_text(c):
    return sendmail(c, dsn=False)


def qmail(c):
    # notqmail qmail-remote.c: "Connected to %s but sender was rejected.", "%s does not
    # like recipient.", "%s failed after I sent the message.", then outsmtptext()'s
    # "Remote host said: " and the reply's lines; qmail-send.c's failure notice, one
    # "<%s>:" block each, a blank line after each
    rs = _list(c)
    blocks = ""
    for r in rs:
        said = {"MAIL FROM": "Connected to %s but sender was rejected.\n" % IP,
                "RCPT TO": "%s does not like recipient.\n" % IP,
                "end of DATA": "%s failed after I sent the message.\n" % IP,
                "greeting": "Connected to %s but greeting failed.\n" % IP,
                "EHLO": "Connected to %s but my name was rejected.\n" % IP}.get(r["command"], "")
        said += "Remote host said: %s\n" % "\n".join(r["lines"])
        # qmail-smtpd.c addrparse keeps an address without its quotes
        blocks += "<%s>:\n%sGiving up on %s.\n\n" % (r["rcpt"].replace('"', ""), said, IP)
    return ("From: MAILER-DAEMON@mail.example.org\nTo: sender@example.org\nDate: %s\n"
            "Subject: failure notice\n\n"
            "Hi. This is the qmail-send program at mail.example.org.\n"
            "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
            "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
            "%s"
            "--- Below this line is a copy of the message.\n\n%s" % (DATE, blocks, _headers(rs)))


def opensmtpd_reply(lines):
    # opensmtpd usr.sbin/smtpd/mta_session.c: a multi-line reply is its first line and
    # the text of the others (their code and status dropped)
    joined = lines[0]
    for l in lines[1:]:
        p = l[4:]
        if re.match(r"\d\.\d\.\d\s", p):
            p = p[5:]
        joined += p
    return joined


def opensmtpd(c):
    # bounce.c: "%s@%s: %s" a line each, one DSN group each, the Status its class's
    # 0.0 (mta.c ESC_OTHER_STATUS)
    rs = _list(c)
    text = ("    Hi!\n\n    This is the MAILER-DAEMON, please DO NOT REPLY to this email.\n\n"
            "    An error has occurred while attempting to deliver a message for\n"
            "    the following list of recipients:\n\n%s\n"
            "    Below is a copy of the original message:\n"
            % "".join("%s: %s\n" % (r["rcpt"], opensmtpd_reply(r["lines"])) for r in rs))
    top = ("Subject: Delivery status notification: error\n"
           "From: Mailer Daemon <MAILER-DAEMON@mail.example.org>\nTo: sender@example.org\nDate: %s\n" % DATE)
    d = ("Reporting-MTA: dns; mail.example.org\n\n"
         + "\n".join("Final-Recipient: rfc822; %s\nAction: failed\nStatus: %s.0.0\n"
                     % (r["rcpt"], r["lines"][-1][0]) for r in rs))
    return report(top, "1234567890123456/mail.example.org", text, d, _headers(rs), report_type=False)


def courier(c, dsn=True):
    # courier (svarshavchik/courier fe506ccc6d49) module.esmtp/esmtpclient.C talking2 (the peer "name [addr]"),
    # module.dsn/dsn.C format_del_info ("     %s:", " >>> %s", " <<< %s"),
    # printremotemta and print_smtp_info (Remote-MTA, the reply's lines in
    # Diagnostic-Code); dodsn: a blank line and "<%s>:" before each recipient, one
    # DSN group each, the UTF-8 address as written (print_receipient, an 8bit
    # notice message/global-delivery-status)
    rs = _list(c)
    body, groups = "", []
    for r in rs:
        cmd = {"RCPT TO": "RCPT TO:<%s>" % r["rcpt"], "MAIL FROM": "MAIL FROM:<sender@example.org>",
               "end of DATA": "DATA", "EHLO": "EHLO mail.example.org",
               "greeting": "(initial greeting)"}.get(r["command"])  # libesmtp.C
        peer = "%s [%s]" % (r["host"], IP)
        body += "%s<%s>:\n     %s:\n" % ("\n" if body else "", r["rcpt"], peer)
        if cmd:
            body += " >>> %s\n" % cmd
        body += "".join(" <<< %s\n" % l for l in r["lines"])
        groups.append("Final-Recipient: rfc822; %s\nAction: failed\nStatus: 5.0.0\nRemote-MTA: dns; %s\n"
                      "Diagnostic-Code: smtp; %s\n" % (r["rcpt"], peer, "\n        ".join(r["lines"])))
    g = utf8(rs)
    text = ("This is a delivery status notification from mail.example.org,\n"
            "running the Courier mail server, version 1.0.16.\n\n"
            "The original message was received on %s\nfrom app.example.org (app.example.org [192.0.2.50])\n\n"
            "---------------------------------------------------------------------------\n\n"
            "                           UNDELIVERABLE MAIL\n\n"
            "Your message to the following recipients cannot be delivered:\n\n%s\n"
            "---------------------------------------------------------------------------\n\n"
            "If your message was also sent to additional recipients, their delivery\n"
            "status is not included in this report.\n" % (DATE, body))
    top = ("From: Courier mail server at mail.example.org <@>\nTo: sender@example.org\nDate: %s\n"
           "Subject: NOTICE: mail delivery status.\n" % DATE)
    d = "Reporting-MTA: dns; mail.example.org\nArrival-Date: %s\n\n%s" % (DATE, "\n".join(groups))
    if not dsn:
        return _plain(top, text + "\n" + _headers(rs), g)
    return report(top, "=_courier_1", text, d, _headers(rs), global_=g)


def courier_text(c):
    return courier(c, dsn=False)


def exchange(c, dsn=True):
    # Exchange Server / Exchange Online NDR: each recipient under "Delivery has failed
    # to these recipients or groups", and under the diagnostic information its
    # address and "Remote Server returned '%s'"; the DSN part, one group each
    # ("smtp;%s")
    rs = _list(c)
    listed = "".join("%s (%s)\n\n" % (r["rcpt"], r["rcpt"]) for r in rs)
    diag = "".join("%s\nRemote Server returned '%s'\n\n" % (r["rcpt"], " ".join(r["lines"])) for r in rs)
    text = ("Delivery has failed to these recipients or groups:\n\n%s"
            "Diagnostic information for administrators:\n\nGenerating server: EX1.corp.example.org\n\n"
            "%sOriginal message headers:\n\n%s" % (listed, diag, _headers(rs)))
    top = ("From: Microsoft Outlook <postmaster@example.org>\nTo: sender@example.org\nDate: %s\n"
           "Subject: Undeliverable: Order confirmation\n" % DATE)
    groups = []
    for r in rs:
        status = enhanced(r["lines"][0]) or r["lines"][-1][0] + ".0.0"
        groups.append("Final-Recipient: rfc822;%s\nAction: failed\nStatus: %s\n"
                      "Diagnostic-Code: smtp;%s\nRemote-MTA: dns;%s\n"
                      % (r["rcpt"], status, " ".join(r["lines"]), r["host"]))
    d = ("Reporting-MTA: dns;EX1.corp.example.org\nReceived-From-MTA: dns;EX2.corp.example.org\n"
         "Arrival-Date: %s\n\n%s" % (DATE, "\n".join(groups)))
    if not dsn:
        return _plain(top, text)
    return report(top, "_000_EX1corpexampleorg_", text, d, _headers(rs))


def exchange_text(c):
    return exchange(c, dsn=False)


# each frame: its name, its writer, whether it names the command answered and the
# host that answered, and whether a transient reply is put in it (a delay notice;
# the others quote a transient reply only once the message expired)
FRAMES = [("postfix", postfix, True, True, True), ("postfix-text", postfix_text, True, True, True),
          ("exim", exim, True, True, True), ("exim-text", exim_text, True, True, False),
          ("sendmail", sendmail, True, True, False),
          ("sendmail-text", sendmail_text, True, True, False), ("qmail", qmail, True, False, False),
          ("opensmtpd", opensmtpd, False, False, False), ("courier", courier, True, True, False),
          ("courier-text", courier_text, True, True, False),
          ("exchange", exchange, False, True, False),
          ("exchange-text", exchange_text, False, False, False)]


def read_cases(cases_tsv):
    """The replies of corpus/providers/cases.tsv whose command is one of COMMAND."""
    cases = []
    for line in open(cases_tsv, encoding="utf-8"):
        if line.startswith("#") or line.startswith("provider\t") or not line.strip():
            continue
        provider, name, host, rcpt, command, reply, reason, section = line.rstrip("\n").split("\t")
        if command not in COMMAND:
            continue
        cases.append(dict(name="%s/%s" % (provider, name), host=host, rcpt=rcpt, command=command,
                          lines=[l.strip() for l in reply.split("\\n")]))
    return cases


def bare_key(c, names_command, names_host):
    """What a frame tells of a reply: the command (or none), the host that answered
    (or the recipient's domain)."""
    return (COMMAND[c["command"]] if names_command else None,
            c["host"] if names_host else c["rcpt"].rsplit("@", 1)[1])
