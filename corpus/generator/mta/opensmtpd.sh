# OpenSMTPD driver (sourced by run-mta.sh inside the private namespaces)
VERSION_PKG=opensmtpd
MAILBOX=/var/mail/corpus/sender/
MAX_WAIT=150
# OpenSMTPD checks local recipients while receiving (SMTP and sendmail
# interface alike) and has no local quota: no local bounce scenarios
SKIP=local-user-unknown,local-mailbox-full
# OpenSMTPD 6.8 reports an expired message as "Action: delayed" (Status
# 4.4.7, "Envelope expired"): no "failed" report comes for temporary
# failures, so wait only until the queue lifetime is surely over

mta_setup() {
    for g in opensmtpd opensmtpq; do getent group $g >/dev/null || groupadd -r $g; done
    getent passwd opensmtpd >/dev/null || useradd -r -M -g opensmtpd -d /var/lib/opensmtpd/empty -s /usr/sbin/nologin opensmtpd
    getent passwd opensmtpq >/dev/null || useradd -r -M -g opensmtpq -d /var/lib/opensmtpd/empty -s /usr/sbin/nologin opensmtpq
    # local mailbox owners (only in this namespace's /etc/passwd)
    for u in sender deliver corpuspm; do
        getent passwd $u >/dev/null || useradd -M -d /var/mail/corpus -s /usr/sbin/nologin $u
        mkdir -p /var/mail/corpus/$u
    done
    for u in sender deliver corpuspm; do chown $u /var/mail/corpus/$u; done
    mkdir -p /var/lib/opensmtpd/empty /etc/smtpd
    cat >/etc/smtpd/aliases <<'AL'
postmaster: corpuspm
mailer-daemon: corpuspm
root: corpuspm
AL
    cat >/etc/smtpd.conf <<'CF'
table aliases file:/etc/smtpd/aliases
smtp max-message-size 10M
# short queue times: warn after 20 s, give up after 100 s
bounce warn-interval 20s
queue ttl 100s
listen on 127.0.0.1 port 10025 hostname mta.example.org

action "local" maildir "/var/mail/corpus/%{user.username}" alias <aliases>
# static routes to the loopback responders
action "mx"          relay host smtp://mx.example.net:2525 helo mta.example.org
action "refuse"      relay host smtp://mx.refuse.example.net:2525 helo mta.example.org
action "unreachable" relay host smtp://mx.unreachable.example.net:2525 helo mta.example.org
action "busy"        relay host smtp://mx.busy.example.net:2525 helo mta.example.org
action "other"       relay helo mta.example.org

match from local for domain "example.org" action "local"
match from local for domain "mta.example.org" action "local"
match from local for domain "example.net" action "mx"
match from local for domain "refuse.example.net" action "refuse"
match from local for domain "unreachable.example.net" action "unreachable"
match from local for domain "busy.example.net" action "busy"
match from local for any action "other"
CF
    smtpd -n -f /etc/smtpd.conf
}

mta_start() {
    smtpd -d -v -f /etc/smtpd.conf >>"$LOG/smtpd.log" 2>&1 &
    for _ in $(seq 50); do [ -S /run/smtpd.sock ] || [ -S /var/run/smtpd.sock ] && break; sleep 0.2; done
}
# retry deferred mail now rather than after OpenSMTPD's minute-long back-off
mta_kick() { smtpctl schedule all; }
mta_stop() { smtpctl stop || true; sleep 1; }
