#!/usr/bin/python3
import sys
import gi
gi.require_version("Bounce", "1.0")
from gi.repository import Bounce

for path in sys.argv[1:]:
    report = Bounce.parse_file(path, None)  # a GLib.Error when it is not a message
    for rec in (report.get_record(i) for i in range(report.n_records())):
        print(rec.get(Bounce.Field.RECIPIENT), Bounce.type_name(rec.get_type()),
              rec.get(Bounce.Field.REASON), rec.get(Bounce.Field.STATUS))
