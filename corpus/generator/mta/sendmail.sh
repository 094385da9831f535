# Sendmail driver (sourced by run-mta.sh inside the private namespaces)
VERSION_PKG=sendmail-bin
MAILBOX=/var/mail/corpus/sender.mbox
MAX_WAIT=240
SM=/usr/libexec/sendmail/sendmail
# sendmail has no local quota; unknown local users are refused at RCPT
# time over SMTP, so those scenarios are submitted with the sendmail command
SKIP=local-mailbox-full
SUBMIT_OPTS="--dsn --via-cmd local-user-unknown,multiple-recipients --sendmail-cmd $SM,-C/etc/mail/sendmail.cf,-odb"

mta_setup() {
    getent group smmsp >/dev/null || groupadd -r smmsp
    getent passwd smmsp >/dev/null || useradd -r -M -g smmsp -d /var/lib/sendmail -s /usr/sbin/nologin smmsp
    mkdir -p /etc/mail /var/spool/mqueue /var/spool/mqueue-client /var/lib/sendmail/host_status /run/sendmail/mta
    chmod 700 /var/spool/mqueue
    cat >/etc/mail/sendmail.mc <<'MC'
divert(-1)
divert(0)dnl
include(`/usr/share/sendmail/cf/m4/cf.m4')dnl
VERSIONID(`bounce corpus')dnl
OSTYPE(`debian')dnl
define(`confDOMAIN_NAME', `mta.example.org')dnl
define(`confSERVICE_SWITCH_FILE', `/etc/mail/service.switch')dnl
define(`confHOSTS_FILE', `/etc/hosts')dnl
define(`confDONT_PROBE_INTERFACES', `True')dnl
define(`confTO_QUEUEWARN', `20s')dnl
define(`confTO_QUEUERETURN', `90s')dnl
define(`confMIN_QUEUE_AGE', `0')dnl
define(`confTO_CONNECT', `5s')dnl
define(`confTO_IDENT', `0s')dnl
define(`confHOST_STATUS_DIRECTORY', `')dnl
define(`confPID_FILE', `/run/sendmail/mta/sendmail.pid')dnl
define(`ALIAS_FILE', `/etc/mail/aliases')dnl
define(`LOCAL_MAILER_PATH', `/usr/libexec/sendmail/mail.local')dnl
define(`LOCAL_MAILER_ARGS', `mail.local -l -d $u')dnl
dnl every remote host of the test listens on port 2525 (loopback responder)
define(`ESMTP_MAILER_ARGS', `TCP $h 2525')dnl
define(`SMTP_MAILER_ARGS', `TCP $h 2525')dnl
define(`RELAY_MAILER_ARGS', `TCP $h 2525')dnl
define(`SMTP8_MAILER_ARGS', `TCP $h 2525')dnl
DAEMON_OPTIONS(`Family=inet, Name=MTA-v4, Port=10025, Addr=127.0.0.1')dnl
FEATURE(`no_default_msa')dnl
FEATURE(`accept_unresolvable_domains')dnl
FEATURE(`use_cw_file')dnl
FEATURE(`mailertable', `hash -o /etc/mail/mailertable')dnl
FEATURE(`access_db', `hash -o -T<TMPF> /etc/mail/access')dnl
MAILER(`local')dnl
MAILER(`smtp')dnl
MC
    printf 'example.org\nmta.example.org\nlocalhost\n' >/etc/mail/local-host-names
    : >/etc/mail/relay-domains
    : >/etc/mail/trusted-users
    printf 'hosts files\naliases files\n' >/etc/mail/service.switch
    cat >/etc/mail/mailertable <<'MT'
example.net             esmtp:[mx.example.net]
refuse.example.net      esmtp:[mx.refuse.example.net]
unreachable.example.net esmtp:[mx.unreachable.example.net]
busy.example.net        esmtp:[mx.busy.example.net]
MT
    printf 'Connect:127.0.0.1\tRELAY\nConnect:localhost\tRELAY\n' >/etc/mail/access
    cat >/etc/mail/aliases <<'AL'
postmaster: /var/mail/corpus/postmaster.mbox
mailer-daemon: postmaster
root: postmaster
sender: /var/mail/corpus/sender.mbox
deliver: /var/mail/corpus/deliver.mbox
AL
    for f in postmaster sender deliver; do
        : >/var/mail/corpus/$f.mbox
        chmod 0600 /var/mail/corpus/$f.mbox
    done
    chown -R mail:mail /var/mail/corpus
    chmod 0755 /var/mail/corpus
    m4 /etc/mail/sendmail.mc >/etc/mail/sendmail.cf
    makemap hash /etc/mail/mailertable </etc/mail/mailertable
    makemap hash /etc/mail/access </etc/mail/access
    $SM -bi -C/etc/mail/sendmail.cf
    : >/var/lib/sendmail/sendmail.st
    $SM -C/etc/mail/sendmail.cf -bt -d0.1 </dev/null | head -3 || true
}

mta_start() { $SM -bD -q10s -C/etc/mail/sendmail.cf >>"$LOG/sendmail-daemon.log" 2>&1 & }
mta_stop() { kill "$(head -1 /run/sendmail/mta/sendmail.pid)" 2>/dev/null || true; }
