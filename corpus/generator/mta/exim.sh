# Exim 4 driver (sourced by run-mta.sh inside the private namespaces)
VERSION_PKG=exim4-daemon-light
MAILBOX=/var/mail/corpus/sender/
MAX_WAIT=240

mta_setup() {
    getent group Debian-exim >/dev/null || groupadd -r Debian-exim
    getent passwd Debian-exim >/dev/null || useradd -r -M -g Debian-exim -d /var/spool/exim4 -s /usr/sbin/nologin Debian-exim
    mkdir -p /etc/exim4 /var/spool/exim4 /var/log/exim4 /run/exim4
    chown Debian-exim:Debian-exim /var/spool/exim4 /var/log/exim4 /run/exim4
    rm -f /etc/exim4/update-exim4.conf.conf
    cat >/etc/exim4/exim4.conf <<'CF'
primary_hostname = mta.example.org
qualify_domain = example.org
domainlist local_domains = example.org : mta.example.org : localhost
hostlist relay_from_hosts = 127.0.0.0/8
daemon_smtp_ports = 10025
local_interfaces = 127.0.0.1
disable_ipv6 = true
exim_user = Debian-exim
exim_group = Debian-exim
spool_directory = /var/spool/exim4
log_file_path = /var/log/exim4/%slog
pid_file_path = /run/exim4/exim.pid
host_lookup =
rfc1413_hosts =
rfc1413_query_timeout = 0s
dsn_advertise_hosts = *
message_size_limit = 10M
# short queue times: warn after 20 s, give up after 90 s (see retry below)
delay_warning = 20s:24h
ignore_bounce_errors_after = 2m
timeout_frozen_after = 3m
acl_smtp_rcpt = acl_check_rcpt

begin acl
acl_check_rcpt:
  accept hosts = +relay_from_hosts
  deny   message = relay not permitted

begin routers
# static routes to the loopback responders; no DNS
remote_static:
  driver = manualroute
  domains = ! +local_domains
  transport = remote_smtp
  route_list = example.net mx.example.net byname ; \
               refuse.example.net mx.refuse.example.net byname ; \
               unreachable.example.net mx.unreachable.example.net byname ; \
               busy.example.net mx.busy.example.net byname ; \
               * $domain byname
  host_find_failed = fail
  no_more

system_aliases:
  driver = redirect
  domains = +local_domains
  data = ${lookup{$local_part}lsearch{/etc/exim4/aliases}}

full_mailbox:
  driver = accept
  domains = +local_domains
  local_parts = full
  transport = quota_mbox

local_maildir:
  driver = accept
  domains = +local_domains
  local_parts = sender : deliver : postmaster
  transport = maildir_delivery

begin transports
remote_smtp:
  driver = smtp
  port = 2525
  connect_timeout = 5s

maildir_delivery:
  driver = appendfile
  directory = /var/mail/corpus/${local_part_data}
  maildir_format
  delivery_date_add
  envelope_to_add
  return_path_add
  user = Debian-exim
  mode = 0644

quota_mbox:
  driver = appendfile
  file = /var/mail/corpus/full.mbox
  quota = 100K
  delivery_date_add
  envelope_to_add
  return_path_add
  user = Debian-exim

begin retry
*   *   F,90s,10s

begin rewrite
CF
    cat >/etc/exim4/aliases <<'CF'
mailer-daemon: postmaster
root: postmaster
CF
    truncate -s 200K /var/mail/corpus/full.mbox
    chown -R Debian-exim:Debian-exim /var/mail/corpus
    exim4 -bV | head -3
    exim4 -C /etc/exim4/exim4.conf -bV >/dev/null
}

# -bdf: Exim would not detach anyway, its parent being PID 1 of the namespace
mta_start() { exim4 -bdf -q10s >>"$LOG/exim-daemon.log" 2>&1 & }
mta_stop() {
    kill "$(cat /run/exim4/exim.pid)" 2>/dev/null || true
    cp /var/log/exim4/*log "$LOG/" 2>/dev/null || true
}
