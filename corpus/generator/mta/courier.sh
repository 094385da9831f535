# Courier driver (sourced by run-mta.sh inside the private namespaces)
VERSION_PKG=courier-mta
MAILBOX=/var/mail/corpus/sender/
MAX_WAIT=240
SUBMIT_OPTS="--dsn --via-cmd local-user-unknown --sendmail-cmd /usr/sbin/sendmail"

mta_setup() {
    getent group courier >/dev/null || groupadd -r courier
    getent passwd courier >/dev/null || useradd -r -M -g courier -d /var/lib/courier -s /usr/sbin/nologin courier
    C=/etc/courier
    # what update-alternatives does for these commands
    for b in maildirmake makedat deliverquota lockmail preline; do
        [ -e /usr/bin/$b ] || ln -s $b.courier /usr/bin/$b
    done
    echo mta.example.org >$C/me
    echo example.org >$C/defaultdomain
    printf 'example.org\nmta.example.org\nlocalhost\n' >$C/locals
    rm -rf $C/esmtpacceptmailfor.dir $C/hosteddomains
    mkdir -p $C/esmtpacceptmailfor.dir $C/hosteddomains $C/aliases
    printf 'example.org\nmta.example.org\n' >$C/esmtpacceptmailfor.dir/local
    # static routes to the loopback responders
    cat >$C/esmtproutes <<'R'
example.net: mx.example.net,2525
refuse.example.net: mx.refuse.example.net,2525
unreachable.example.net: mx.unreachable.example.net,2525
busy.example.net: mx.busy.example.net,2525
R
    # short queue times: warn after 20 s, give up after 100 s
    echo 100s >$C/queuetime
    echo 20s >$C/warntime
    echo 10s >$C/retryalpha
    echo 3 >$C/retrybeta
    echo 10s >$C/retrygamma
    echo 1 >$C/retrymaxdelta
    echo 5 >$C/esmtptimeoutconnect
    printf '127.0.0.1\tallow,RELAYCLIENT\n' >$C/smtpaccess/default
    # local mailboxes (maildirs) reached through aliases
    cat >$C/aliases/system <<'AL'
postmaster: /var/mail/corpus/postmaster
mailer-daemon: postmaster
root: postmaster
sender: /var/mail/corpus/sender
deliver: /var/mail/corpus/deliver
full: /var/mail/corpus/full
AL
    for m in postmaster sender deliver; do maildirmake /var/mail/corpus/$m; done
    # a maildir with a 2000-byte quota, already over it
    maildirmake -q 2000S /var/mail/corpus/full
    head -c 3000 /dev/zero | tr '\0' x >/var/mail/corpus/full/cur/1.filler.mta:2,S
    echo "3000 1" >>/var/mail/corpus/full/maildirsize
    chown -R courier:courier /var/mail/corpus
    sed -i -e 's/^PORT=.*/PORT=10025/' -e 's/^ADDRESS=.*/ADDRESS=127.0.0.1/' \
        -e 's/^BOFHCHECKDNS=.*/BOFHCHECKDNS=0/' -e 's/^TARPIT=.*/TARPIT=0/' \
        -e 's/^ESMTPDSTART=.*/ESMTPDSTART=YES/' \
        -e 's/^TCPDOPTS=.*/TCPDOPTS="-stderrlogger=\/usr\/sbin\/courierlogger -noidentlookup -nodnslookup"/' $C/esmtpd
    grep -q '^ADDRESS=' $C/esmtpd || echo 'ADDRESS=127.0.0.1' >>$C/esmtpd
    grep -q '^ESMTPDSTART=' $C/esmtpd || echo 'ESMTPDSTART=YES' >>$C/esmtpd
    sed -i -e 's/^ESMTP_USE_STARTTLS=.*/ESMTP_USE_STARTTLS=0/' $C/courierd
    sed -i -e 's/^authmodulelist=.*/authmodulelist="authpam"/' $C/authdaemonrc
    mkdir -p /var/lib/courier/{msgs,msgq,tmp,track,filters,allfilters} /run/courier/authdaemon
    chown -R courier:courier /var/lib/courier /run/courier
    chmod 750 /var/lib/courier; chmod 770 /var/lib/courier/tmp
    chown root:courier /usr/sbin/sendmail && chmod 2755 /usr/sbin/sendmail
    chown courier:courier /usr/lib/courier/courier/submitmkdir && chmod 4755 /usr/lib/courier/courier/submitmkdir
    makealiases
    makesmtpaccess
    makeacceptmailfor
    makehosteddomains
}

mta_start() {
    authdaemond start
    courier start
    esmtpd start
    for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/10025) 2>/dev/null && break; sleep 0.2; done
}
mta_stop() { esmtpd stop || true; courier stop || true; authdaemond stop || true; }
