#!/bin/bash
# Runs ONE mail server inside a private mount + network + PID namespace
# (started by corpus/generate with unshare). Inside:
#   - /etc, /usr and /var are overlay mounts whose writable layer lives in
#     the temporary folder, so the MTA's Debian packages are unpacked at
#     their normal paths (dpkg -x) without touching the real system;
#   - the network has only the loopback interface: nothing can leave it;
#   - when this script ends, the namespace's PID 1 ends and the kernel
#     kills every process that was started in it.
#
# usage: run-mta.sh MTA WORKDIR DEBDIR OUTDIR
set -euo pipefail

MTA=$1 W=$2 DEBS=$3 OUT=$4
GEN=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
BG="$PY $GEN/bouncegen.py"
LOG=$W/log
mkdir -p "$LOG" "$W/ovl"

say() { echo "[$MTA] $*"; }

# refuse to run anywhere but in the namespaces made by corpus/generate
if [ -z "${OUTER_NETNS:-}" ] || [ "$(readlink /proc/self/ns/net)" = "$OUTER_NETNS" ] \
   || [ "$(readlink /proc/self/ns/uts)" = "${OUTER_UTSNS:-}" ]; then
    echo "run-mta.sh must be started by corpus/generate (private namespaces)" >&2
    exit 2
fi

# ---- private file system view ------------------------------------------
for d in etc usr var; do
    mkdir -p "$W/ovl/$d.up" "$W/ovl/$d.work"
    mount -t overlay "overlay-$MTA-$d" \
        -o "lowerdir=/$d,upperdir=$W/ovl/$d.up,workdir=$W/ovl/$d.work" "/$d"
done
mount -t tmpfs tmpfs /run
mkdir -p /run/lock
# a private /dev: the host's device nodes, but our own /dev/log (the MTAs'
# syslog messages go to $LOG/syslog.log, not to the host's logs)
mkdir -p "$W/hostdev"
mount --rbind /dev "$W/hostdev"
mount -t tmpfs -o mode=755 tmpfs /dev
for e in "$W"/hostdev/* "$W"/hostdev/.[!.]*; do
    [ -e "$e" ] || [ -L "$e" ] || continue
    n=/dev/${e##*/}
    [ "$n" = /dev/log ] && continue
    if [ -L "$e" ]; then
        cp -a "$e" "$n"
    elif [ -d "$e" ]; then
        mkdir -p "$n" && mount --rbind "$e" "$n"
    else
        touch "$n" && mount --bind "$e" "$n"
    fi
done

ip link set lo up

# unpack the MTA's packages (and the libraries missing on this system)
for deb in "$DEBS"/*.deb; do
    dpkg-deb --fsys-tarfile "$deb" | tar -x -C / --keep-directory-symlink
done

# name resolution: /etc/hosts only; no DNS server is reachable anyway
cat >/etc/hosts <<EOF
127.0.0.1 localhost
127.0.0.1 mta.example.org mta
127.0.0.2 mx.example.net
127.0.0.3 mx.refuse.example.net
127.0.0.4 mx.unreachable.example.net
127.0.0.5 mx.busy.example.net
EOF
rm -f /etc/resolv.conf
printf 'nameserver 127.0.0.1\noptions attempts:1 timeout:1\n' >/etc/resolv.conf
sed -i 's/^hosts:.*/hosts: files/' /etc/nsswitch.conf
echo mta.example.org >/etc/mailname
hostname mta.example.org   # private UTS namespace (unshare --uts)
export HOSTNAME=mta.example.org

$PY "$GEN/bouncegen.py" syslog --socket /dev/log --log "$LOG/syslog.log" --pidfile "$W/syslog.pid" &
for _ in $(seq 50); do [ -s "$W/syslog.pid" ] && break; sleep 0.1; done

# the same names for MTAs that only ask the DNS (loopback stand-in, see
# bouncegen.py dns): NXDOMAIN for everything else
$BG dns --log "$LOG/dns.log" --pidfile "$W/dns.pid" \
    mta.example.org=127.0.0.1 mx.example.net=127.0.0.2 mx.refuse.example.net=127.0.0.3 \
    mx.unreachable.example.net=127.0.0.4 mx.busy.example.net=127.0.0.5 &
for _ in $(seq 50); do [ -s "$W/dns.pid" ] && break; sleep 0.1; done

# the remote side
$BG responder --log "$LOG/responder.log" --pidfile "$W/responder.pid" \
    127.0.0.2:2525:mx.example.net:normal \
    127.0.0.3:2525:mx.refuse.example.net:refuse \
    127.0.0.5:2525:mx.busy.example.net:normal &
for _ in $(seq 50); do [ -s "$W/responder.pid" ] && break; sleep 0.1; done

mkdir -p /var/mail/corpus

# ---- the MTA -------------------------------------------------------------
# Each driver defines: mta_setup, mta_start, mta_stop; variables
# MAILBOX (where the sender's mail lands), SKIP (scenarios it can't do),
# SUBMIT_OPTS (extra options for "bouncegen.py submit"), MAX_WAIT (s).
SKIP="" SUBMIT_OPTS="--dsn" MAX_WAIT=300 EXPECT_OPTS=""
mta_kick() { :; }
# shellcheck source=/dev/null
. "$GEN/mta/$MTA.sh"

say "setting up"
mta_setup >"$LOG/setup.log" 2>&1 || { cat "$LOG/setup.log"; exit 1; }
say "starting"
mta_start >"$LOG/start.log" 2>&1 || { cat "$LOG/start.log"; exit 1; }
sleep 2

say "submitting scenarios"
# shellcheck disable=SC2086
$BG submit --skip "$SKIP" $SUBMIT_OPTS >"$LOG/submit.log" 2>&1 || true
cat "$LOG/submit.log" | sed "s/^/[$MTA]   /"

# shellcheck disable=SC2086
$BG expect --skip "$SKIP" $EXPECT_OPTS | sort >"$W/expected.txt"
say "waiting for $(wc -l <"$W/expected.txt") bounces (at most ${MAX_WAIT}s)"
start=$(date +%s)
while :; do
    sleep 5
    mta_kick >>"$LOG/kick.log" 2>&1 || true
    rm -rf "$W/peek"
    $BG collect --mailbox "$MAILBOX" --out "$W/peek" | sed 's/\.[0-9]*$//' | sort -u >"$W/got.txt" || true
    missing=$(comm -23 "$W/expected.txt" "$W/got.txt" | wc -l)
    now=$(date +%s)
    if [ "$missing" -eq 0 ]; then
        say "all expected bounces arrived after $((now - start))s"
        break
    fi
    if [ $((now - start)) -ge "$MAX_WAIT" ]; then
        say "gave up waiting; missing: $(comm -23 "$W/expected.txt" "$W/got.txt" | tr '\n' ' ')"
        break
    fi
done
# a little longer for stragglers (second bounces of a message etc.)
sleep "${SETTLE:-10}"
mta_kick >>"$LOG/kick.log" 2>&1 || true
sleep 2
mta_stop >"$LOG/stop.log" 2>&1 || true
rm -rf "$OUT"
$BG collect --mailbox "$MAILBOX" --out "$OUT" >"$LOG/collected.txt"
say "collected $(wc -l <"$LOG/collected.txt") bounces"
if [ -n "${VERSION_PKG:-}" ]; then
    dpkg-deb -f "$(ls "$DEBS"/"${VERSION_PKG}"_*.deb | head -1)" Version >"$W/version.txt"
fi
