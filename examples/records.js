#!/usr/bin/gjs
imports.gi.versions.Bounce = '1.0';
const {Bounce} = imports.gi;

for (const path of ARGV) {
    const report = Bounce.parse_file(path, null); // throws when it is not a message
    for (let i = 0; i < report.n_records(); i++) {
        const rec = report.get_record(i);
        print(rec.get(Bounce.Field.RECIPIENT), Bounce.type_name(rec.get_type()),
            rec.get(Bounce.Field.REASON), rec.get(Bounce.Field.STATUS));
    }
}
