# Postfix driver (sourced by run-mta.sh inside the private namespaces)
VERSION_PKG=postfix
MAILBOX=/var/mail/corpus/sender/
MAX_WAIT=240

mta_setup() {
    getent group postdrop >/dev/null || groupadd -r postdrop
    getent passwd postfix >/dev/null || useradd -r -M -d /var/spool/postfix -s /usr/sbin/nologin postfix
    mkdir -p /etc/postfix /var/spool/postfix /var/lib/postfix
    touch /etc/postfix/dynamicmaps.cf
    cat >/etc/postfix/main.cf <<'CF'
compatibility_level = 3.6
myhostname = mta.example.org
mydomain = example.org
myorigin = example.org
mydestination = example.org, mta.example.org, localhost
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_banner = $myhostname ESMTP $mail_name (Debian/GNU)
biff = no
maillog_file = /var/log/postfix.log
# no DNS at all: static routes and /etc/hosts
smtp_dns_support_level = disabled
smtp_host_lookup = native
lmtp_host_lookup = native
transport_maps = texthash:/etc/postfix/transport
alias_maps = texthash:/etc/postfix/aliases
alias_database =
local_recipient_maps =
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
# local quota: a mailbox file may not grow beyond this
message_size_limit = 10240000
mailbox_size_limit = 20480000
# very short queue times so that warnings and expiry happen quickly
delay_warning_time = 20s
maximal_queue_lifetime = 100s
bounce_queue_lifetime = 100s
queue_run_delay = 10s
minimal_backoff_time = 10s
maximal_backoff_time = 20s
smtp_connect_timeout = 5s
CF
    sed -e 's/^\(smtp *inet.*\)$/#\1/' -e 's/^\([a-z][a-z0-9]* *\(unix\|fifo\|pass\|inet\) *[-yn] *[-yn] *\)[-yn]/\1n/' \
        /usr/share/postfix/master.cf.dist >/etc/postfix/master.cf
    echo "127.0.0.1:10025 inet n - n - - smtpd" >>/etc/postfix/master.cf
    cat >/etc/postfix/transport <<'CF'
example.net             smtp:[mx.example.net]:2525
refuse.example.net      smtp:[mx.refuse.example.net]:2525
unreachable.example.net smtp:[mx.unreachable.example.net]:2525
busy.example.net        smtp:[mx.busy.example.net]:2525
CF
    # texthash: postmap(1) input format (no colon after the key)
    cat >/etc/postfix/aliases <<'CF'
postmaster      /var/mail/corpus/postmaster/
mailer-daemon   postmaster
root            postmaster
sender          /var/mail/corpus/sender/
deliver         /var/mail/corpus/deliver/
full            /var/mail/corpus/full.mbox
CF
    # a local mailbox file that is already at its size limit
    truncate -s 20480001 /var/mail/corpus/full.mbox
    chown -R nobody:nogroup /var/mail/corpus
    postfix post-install create-missing || true
    postfix set-permissions || true
    chown -R postfix /var/lib/postfix
    postfix check
}

mta_start() { postfix start; }
mta_stop() { postfix stop; cp /var/log/postfix.log "$LOG/" 2>/dev/null || true; }
mta_kick() { postqueue -f; }
