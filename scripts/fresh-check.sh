#!/bin/sh
# fresh-check.sh - the README's two set-up commands on a truly fresh
# machine: a minimal Debian 12 root (debootstrap --variant=minbase
# bookworm, what a container starts from) with only the source tree copied
# in (no build directories, no node_modules), the commands run inside it
# with chroot and /proc mounted. Run it before a release and whenever the
# dependencies change.
#   scripts/fresh-check.sh
# Needs root (debootstrap, mount, chroot); installs debootstrap with apt-get
# when absent. The Debian mirror is the host's, read from its apt sources.
# When the host reaches its registries through a CA of its own
# (NODE_EXTRA_CA_CERTS, else SSL_CERT_FILE), that bundle is copied in and
# named the same way inside; http(s)_proxy/no_proxy are passed through.
# Environment: HL_FRESH_DIR (the new root; default a new directory under
# /var/tmp, removed afterwards unless HL_FRESH_KEEP=1), HL_SHARED_DIR (the
# shared validation data, copied in beside the tree when it exists so the
# validation tests run; default ../shared or /work/shared).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
say() { echo "fresh-check: $*" >&2; }
fail() { say "FAIL: $*"; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "needs root (debootstrap, mount, chroot)"

# The README's two commands: the indented lines of its set-up section.
commands=$(sed -n '/^## Set up and run/,/^## [^S]/p' "$here/README.md" |
  sed -n 's/^    \(scripts\/setup\.sh.*\)$/\1/p')
[ "$(printf '%s\n' "$commands" | wc -l)" -eq 2 ] ||
  fail "expected two set-up commands in README.md, found: $commands"

# The host's Debian mirror for bookworm (from apt's own view of its
# sources, else from the sources files).
# shellcheck disable=SC2016 # apt's own $(FIELD) syntax, not the shell's
mirror=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 2>/dev/null |
  awk '$2 == "bookworm" {print $1; exit}')
if [ -z "$mirror" ]; then
  mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
      2>/dev/null | awk '$1 == "deb" {for (i = 2; i < NF; i++)
        if ($i !~ /^\[/ && $(i + 1) == "bookworm") {print $i; exit}}')
fi
if [ -z "$mirror" ]; then
  mirror=$(awk '/^URIs:/ {u = $2} /^Suites:/ {for (i = 2; i <= NF; i++)
      if ($i == "bookworm" && u) {print u; exit}}' \
      /etc/apt/sources.list.d/*.sources 2>/dev/null)
fi
[ -n "$mirror" ] || fail "no bookworm mirror in the host's apt sources"

if ! command -v debootstrap > /dev/null 2>&1; then
  say "installing debootstrap"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends debootstrap > /dev/null
fi

root=${HL_FRESH_DIR:-$(mktemp -d /var/tmp/heatline-fresh.XXXXXX)}
mkdir -p "$root"
cleanup() {
  status=$?
  umount "$root/proc" 2> /dev/null || true
  if [ "${HL_FRESH_KEEP:-0}" != 1 ]; then
    if mountpoint -q "$root/proc"; then
      say "$root/proc still mounted: not removing $root"
    else
      rm -rf --one-file-system "$root"
    fi
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s; }
t0=$(now)
say "debootstrap --variant=minbase bookworm $root $mirror"
debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.log" 2>&1 ||
  fail "debootstrap: $(tail -5 "$root.log")"
rm -f "$root.log"
t1=$(now)

# The tree as it is (uncommitted edits included), without what a build or
# npm made; the shared validation data beside it, as the tests expect.
mkdir -p "$root/root/heatline"
tar -C "$here" --exclude='./build*' --exclude=./report/node_modules \
  --exclude=./.git --exclude=./bench/out -cf - . |
  tar -C "$root/root/heatline" -xf -
shared=${HL_SHARED_DIR:-"$here/../shared"}
[ -d "$shared/validation" ] || shared=/work/shared
if [ -d "$shared/validation" ]; then
  mkdir -p "$root/root/shared"
  cp -r "$shared/validation" "$root/root/shared/"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"

# What the commands inside see: a clean environment.
set -- PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  HOME=/root LANG=C.UTF-8 TERM=dumb
for v in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
  eval "val=\${$v:-}"
  [ -n "$val" ] && set -- "$@" "$v=$val"
done
ca=${NODE_EXTRA_CA_CERTS:-${SSL_CERT_FILE:-}}
if [ -n "$ca" ] && [ -r "$ca" ]; then
  mkdir -p "$root/usr/local/share/host-ca"
  cp "$ca" "$root/usr/local/share/host-ca/host-ca.crt"
  set -- "$@" NODE_EXTRA_CA_CERTS=/usr/local/share/host-ca/host-ca.crt
  say "passing the host's CA bundle ($ca) as NODE_EXTRA_CA_CERTS"
fi

mount -t proc proc "$root/proc"
n=0
times=""
while IFS= read -r cmd; do
  n=$((n + 1))
  say "command $n: $cmd"
  s=$(now)
  chroot "$root" /usr/bin/env -i "$@" sh -c "cd /root/heatline && $cmd" \
    < /dev/null ||
    fail "command $n failed: $cmd"
  times="$times command $n $(( $(now) - s )) s;"
done << EOF_COMMANDS
$commands
EOF_COMMANDS
t2=$(now)
say "both README commands passed on a minimal bookworm root"
say "times: debootstrap $((t1 - t0)) s;$times total $((t2 - t0)) s"
