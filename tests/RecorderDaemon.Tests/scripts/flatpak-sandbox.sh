#!/usr/bin/env bash
# flatpak-sandbox.sh DIR COMMAND [ARG...]
#
# Runs COMMAND the way recorderd sees a Flatpak app: its root directory (/proc/PID/root) holds
# /.flatpak-info. A private mount namespace gets a tmpfs root with that file, the host's /usr, /etc,
# /tmp, /proc, /dev and DIR bound in (so programs, the test bus socket and DIR's files work), and
# COMMAND runs chrooted there. Nothing changes outside the namespace. Needs root (unshare, mount, chroot).
set -euo pipefail

if (( $# < 2 )); then
    echo "usage: $0 DIR COMMAND [ARG...]" >&2
    exit 2
fi

exec unshare --mount --propagation private -- bash -euo pipefail -c '
    bound=$1; shift
    root=/mnt
    mount -t tmpfs recorderd-sandbox "$root"
    for dir in /usr /etc /tmp /proc /dev "$bound"; do
        mkdir -p "$root$dir"
        mount --rbind "$dir" "$root$dir"
    done
    for link in bin sbin lib lib64; do
        if [[ -L /$link ]]; then ln -s "$(readlink /$link)" "$root/$link"; fi
    done
    printf "[Application]\nname=io.github.recorderd.TestApp\n" > "$root/.flatpak-info"
    exec chroot "$root" env HOME=/tmp "$@"
' flatpak-sandbox "$@"
