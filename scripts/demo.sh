#!/usr/bin/env bash
# `make demo`: recorderd on the session bus (or on a private bus where there is none, as on a fresh SSH
# or CI machine), a few seconds recorded with recorderctl, and what the recorded file contains.
#   scripts/demo.sh RECORDERD RECORDERCTL [SECONDS]
# RECORDERD and RECORDERCTL are the executables (make demo: the NativeAOT ones in artifacts/aot) or
# assemblies, NAME.dll, which dotnet runs (as the tests do after a plain dotnet build).
set -euo pipefail

# command_of ARRAY PROGRAM: sets ARRAY to the command that runs PROGRAM.
command_of() {
    local -n command=$1
    command=("$(realpath "$2")")
    if [[ ${command[0]} == *.dll ]]; then
        command=(dotnet "${command[0]}")
    fi
}
command_of recorderd_command "$1"
command_of recorderctl_command "$2"
seconds=${3:-5}

recorderctl() { "${recorderctl_command[@]}" "$@"; }

bus_call() {
    gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus --method "org.freedesktop.DBus.$1" "${@:2}"
}

daemon_on_bus() { bus_call NameHasOwner io.github.recorderd 2>/dev/null | grep -q true; }

if ! bus_call GetId >/dev/null 2>&1; then
    if [[ -n ${RECORDERD_DEMO_PRIVATE_BUS:-} ]]; then
        echo "demo: the private session bus from dbus-run-session does not answer" >&2
        exit 1
    fi
    echo "demo: no session bus here; starting a private one (dbus-run-session)"
    exec env RECORDERD_DEMO_PRIVATE_BUS=1 dbus-run-session -- "$0" "$@"
fi

if daemon_on_bus; then
    echo "demo: using the recorderd already on the session bus"
else
    log=$(mktemp -t recorderd-demo.XXXXXX.log)
    echo "demo: starting recorderd on the session bus (log: $log)"
    "${recorderd_command[@]}" >"$log" 2>&1 &
    daemon=$!
    # SIGTERM, as systemd would send: recorderd finalizes whatever it still records, then exits.
    trap 'kill -TERM "$daemon" 2>/dev/null && wait "$daemon" || true' EXIT
    for _ in $(seq 300); do
        daemon_on_bus && break
        if ! kill -0 "$daemon" 2>/dev/null; then
            echo "demo: recorderd exited before it came onto the bus; its log:" >&2
            cat "$log" >&2
            exit 1
        fi
        sleep 0.1
    done
    daemon_on_bus || { echo "demo: recorderd did not come onto the bus within 30 s; its log:" >&2; cat "$log" >&2; exit 1; }
fi

# A real microphone where PipeWire has one, else a test tone; the video is always the test pattern.
audio=$(recorderctl devices | awk '$1 == "audioinput" { print $2; exit }')
audio=${audio:-test:audio?wave=sine&freq=440}
video='test:video?pattern=ball&width=640&height=480&framerate=30'

echo "demo: recorderctl record --audio '$audio' --video '$video' --duration $seconds"
file=$(recorderctl record --audio "$audio" --video "$video" --duration "$seconds")

echo
echo "demo: recorded $file"
echo "demo: what it contains, as gst-discoverer-1.0 sees it:"
gst-discoverer-1.0 "$file"
