"""The library through GObject Introspection, as a Python program sees it: parsing
bytes, a file, an mbox and a GMime.Message, records and their fields (compared with
the corpus's expected records), code look-ups, errors as GLib.Error, and the
lifetime of records whose report is gone."""
import gc
import glob
import json
import os
import tempfile
import unittest

import gi

gi.require_version("Bounce", "1.0")
gi.require_version("GMime", "3.0")
from gi.repository import Bounce, GLib, GMime  # noqa: E402

SOURCE = os.environ.get("BOUNCE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.path.join(SOURCE, "corpus")
SAMPLE = os.path.join(CORPUS, "courier", "two-recipients.eml")

# JSON members that the command adds to the library's fields
NOT_FIELDS = {"file", "position", "hard_bounce"}


KNOWN_DIFFERENCES = set()
with open(os.path.join(CORPUS, "known-differences.tsv"), encoding="utf-8") as _f:
    for _line in _f:
        if _line.strip() and not _line.startswith("#"):
            _cols = _line.split("\t")
            KNOWN_DIFFERENCES.add((_cols[0], _cols[1]))


def expected(eml):
    with open(eml[: -len(".eml")] + ".jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def as_dict(record):
    out = {}
    for field in Bounce.Field.__enum_values__.values():
        value = record.get(field)
        if value is not None:
            out[Bounce.field_name(field)] = value
    return out


class Parsing(unittest.TestCase):
    def test_bytes(self):
        with open(SAMPLE, "rb") as f:
            report = Bounce.parse_bytes(f.read(), None)
        self.assertEqual(report.n_records(), 2)
        rec = report.get_record(0)
        self.assertEqual(rec.get(Bounce.Field.RECIPIENT), "karin@example.com")
        self.assertEqual(rec.get(Bounce.Field.REASON), "userunknown")
        self.assertEqual(rec.get_type(), Bounce.Type.HARD)
        self.assertEqual(rec.get_class(), Bounce.Class.PERMANENT)
        self.assertTrue(rec.is_hard())
        self.assertIsNone(report.get_record(2))

    def test_file(self):
        report = Bounce.parse_file(SAMPLE, None)
        self.assertEqual([as_dict(report.get_record(i)) for i in range(report.n_records())],
                         [{k: v for k, v in r.items() if k not in NOT_FIELDS} for r in expected(SAMPLE)])
        # message-level fields, from the report and through every record
        mid = report.get(Bounce.Field.MESSAGE_ID)
        self.assertTrue(mid.startswith("<courier."))
        self.assertEqual(report.get_record(1).get(Bounce.Field.MESSAGE_ID), mid)

    def test_every_corpus_message(self):
        """Every record the library gives a Python caller is the one the command
        writes (the corpus's expected records)."""
        messages = sorted(glob.glob(os.path.join(CORPUS, "**", "*.eml"), recursive=True))
        self.assertGreater(len(messages), 100)
        for eml in messages:
            with self.subTest(message=os.path.relpath(eml, CORPUS)):
                report = Bounce.parse_file(eml, None)
                got = [as_dict(report.get_record(i)) for i in range(report.n_records())]
                want = [{k: v for k, v in r.items() if k not in NOT_FIELDS} for r in expected(eml)]
                # records whose golden states what the message means while the
                # library reads them otherwise (corpus/known-differences.tsv)
                golden = os.path.relpath(os.path.splitext(eml)[0] + ".jsonl", CORPUS)
                for r in got + want:
                    if (golden, r.get("recipient")) in KNOWN_DIFFERENCES:
                        for k in ("reason", "bounce", "hard_bounce", "why"):
                            r.pop(k, None)
                self.assertEqual(got, want)

    def test_gmime_message(self):
        GMime.init()
        stream = GMime.StreamFile.open(SAMPLE, "r")
        message = GMime.Parser.new_with_stream(stream).construct_message(None)
        self.assertIsInstance(message, GMime.Message)
        report = Bounce.parse_gmime_message(message, None)
        self.assertEqual(report.n_records(), 2)
        self.assertEqual(report.get_record(1).get(Bounce.Field.RECIPIENT),
                         expected(SAMPLE)[1]["recipient"])

    def test_options(self):
        opts = Bounce.Options()
        opts.max_size = 100
        with self.assertRaises(GLib.Error) as cm:
            Bounce.parse_file(SAMPLE, opts)
        self.assertTrue(cm.exception.matches(Bounce.error_quark(), Bounce.Error.TOO_LARGE))
        opts.max_size = 0
        self.assertEqual(Bounce.parse_file(SAMPLE, opts).n_records(), 2)

    def test_not_a_bounce(self):
        report = Bounce.parse_bytes(b"From: a@example.com\nSubject: hello\n\nhello\n", None)
        self.assertEqual(report.n_records(), 0)
        self.assertTrue(report.get_verdict())

    def test_mbox(self):
        with open(SAMPLE, "rb") as f:
            message = f.read()
        with tempfile.NamedTemporaryFile(suffix=".mbox") as mbox:
            for _ in range(3):
                mbox.write(b"From MAILER-DAEMON Mon Mar  3 10:15:00 2025\n" + message + b"\n")
            mbox.flush()
            reader = Bounce.mbox_open(mbox.name)
            positions = []
            while True:
                report, position = reader.next(None)
                if report is None:
                    break
                positions.append(position)
                self.assertEqual(report.n_records(), 2)
            self.assertEqual(positions, [1, 2, 3])


class Errors(unittest.TestCase):
    def test_not_a_message(self):
        with self.assertRaises(GLib.Error) as cm:
            Bounce.parse_bytes(b"", None)
        self.assertEqual(cm.exception.domain, "bounce-error-quark")
        self.assertEqual(cm.exception.code, Bounce.Error.NOT_MESSAGE)

    def test_unreadable_file(self):
        with self.assertRaises(GLib.Error) as cm:
            Bounce.parse_file(os.path.join(CORPUS, "no-such-file.eml"), None)
        self.assertTrue(cm.exception.matches(Bounce.error_quark(), Bounce.Error.IO))

    def test_unreadable_mbox(self):
        with self.assertRaises(GLib.Error):
            Bounce.mbox_open(os.path.join(CORPUS, "no-such-file.mbox"))


class Lifetime(unittest.TestCase):
    def test_record_outlives_report(self):
        report = Bounce.parse_file(SAMPLE, None)
        records = [report.get_record(i) for i in range(report.n_records())]
        del report
        gc.collect()
        self.assertEqual([r.get(Bounce.Field.RECIPIENT) for r in records],
                         [r["recipient"] for r in expected(SAMPLE)])
        self.assertEqual(records[0].get(Bounce.Field.MESSAGE_SUBJECT), expected(SAMPLE)[0]["message_subject"])


class Codes(unittest.TestCase):
    def test_lookup(self):
        found, code = Bounce.code_lookup("5.1.1")
        self.assertTrue(found)
        self.assertEqual((code.code, code.form, code.reason), ("5.1.1", "enhanced", "userunknown"))
        self.assertEqual(code.klass, Bounce.Class.PERMANENT)
        self.assertEqual(code.type, Bounce.Type.HARD)
        found, code = Bounce.code_lookup("571")
        self.assertTrue(found)
        self.assertEqual(code.form, "vendor")
        self.assertIsNotNone(code.note)
        found, _ = Bounce.code_lookup("hello")
        self.assertFalse(found)

    def test_foreach(self):
        codes = []
        Bounce.code_foreach(lambda code, data: codes.append((code.code, data)), "x")
        self.assertGreater(len(codes), 100)
        self.assertIn(("5.7.26", "x"), codes)

    def test_names(self):
        self.assertEqual(Bounce.field_name(Bounce.Field.REPLY_CODE), "reply_code")
        self.assertEqual(Bounce.type_name(Bounce.Type.BLOCK), "block")
        self.assertEqual(Bounce.class_name(Bounce.Class.TRANSIENT), "transient")
        self.assertIsNone(Bounce.class_name(Bounce.Class.UNKNOWN))


if __name__ == "__main__":
    unittest.main()
