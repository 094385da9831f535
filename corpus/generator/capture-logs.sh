#!/bin/bash
# capture-logs.sh: run the corpus generator for Postfix, Exim and Sendmail in a
# copy of the repository (so the committed corpus/mta messages stay as they are),
# keep its temporary folder, and copy the MTAs' logs into corpus/logs/<mta>/:
#   postfix/maillog   Postfix's own maillog_file (postlog, as syslog writes it)
#   exim/mainlog      Exim's main log
#   sendmail/syslog   the syslog datagrams Sendmail sent to the generator's /dev/log,
#                     written as a syslog daemon's file: the receiver's own time and
#                     the <priority> are taken off, the host name "mta" put in
# Then run `tests/log-golden build/bounce corpus --update` and review the records.
# As root, on Debian 12, like corpus/generate (a few minutes; apt-get download).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COPY=$(mktemp -d /tmp/bounce-logs.XXXXXX)
trap 'rm -rf "$COPY"' EXIT
git -C "$ROOT" archive HEAD | tar -x -C "$COPY"
out=$(cd "$COPY" && KEEP=1 corpus/generate postfix exim sendmail 2>&1 | tee /dev/stderr)
work=$(printf '%s\n' "$out" | sed -n 's/^temporary folder kept: //p' | tail -1)
[ -d "$work" ] || { echo "capture-logs: no temporary folder kept" >&2; exit 1; }
mkdir -p "$ROOT/corpus/logs/postfix" "$ROOT/corpus/logs/exim" "$ROOT/corpus/logs/sendmail"
cp "$work/postfix/log/postfix.log" "$ROOT/corpus/logs/postfix/maillog"
cp "$work/exim/log/mainlog" "$ROOT/corpus/logs/exim/mainlog"
sed -E 's/^[0-9:]+ <[0-9]+>([A-Z][a-z]{2} [ 0-9][0-9] [0-9:]{8}) /\1 mta /' \
    "$work/sendmail/log/syslog.log" > "$ROOT/corpus/logs/sendmail/syslog"
rm -rf "$work"
echo "capture-logs: logs copied into corpus/logs/"
