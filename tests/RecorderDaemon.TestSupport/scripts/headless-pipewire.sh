#!/usr/bin/env bash
# headless-pipewire.sh - private, headless PipeWire + WirePlumber for automated tests.
#
# Tested on Debian 12 (pipewire 0.3.65, wireplumber 0.4.13, GStreamer 1.22), as root,
# without systemd/logind, without audio hardware.
#
# Packages: pipewire pipewire-bin wireplumber dbus-daemon gstreamer1.0-tools
#           gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-pipewire
#           python3 (pw-dump JSON parsing)
#           (+ gstreamer1.0-plugins-base-apps for gst-discoverer-1.0 / gst-device-monitor-1.0;
#            + gstreamer1.0-plugins-bad only if a recorder uses the `watchdog` element)
#           opusenc: plugins-base, webmmux: plugins-good, pipewiresrc/sink: gstreamer1.0-pipewire.
#
# Usage:
#   eval "$(headless-pipewire.sh start)"   # starts everything, prints `export VAR=...` lines
#   ...run tests; record from node "$HEADLESS_PW_TONE_NODE" (default: recorderd-test-tone)...
#   headless-pipewire.sh stop [DIR]        # DIR defaults to $HEADLESS_PW_DIR
#   headless-pipewire.sh status [DIR]
#   headless-pipewire.sh selftest          # start, record 200 buffers, check, stop
#
# Options (environment): HEADLESS_PW_TONE_NODE (node.name, default recorderd-test-tone),
#   HEADLESS_PW_TONE_FREQ (Hz, default 440), HEADLESS_PW_NO_TONE=1 (no feeder),
#   HEADLESS_PW_TIMEOUT (seconds per readiness wait, default 20).
#
# stdout of `start` is only the export lines; diagnostics go to stderr; daemon logs
# are in $HEADLESS_PW_DIR/*.log.
set -euo pipefail

TONE_NODE=${HEADLESS_PW_TONE_NODE:-recorderd-test-tone}
TONE_FREQ=${HEADLESS_PW_TONE_FREQ:-440}
TIMEOUT=${HEADLESS_PW_TIMEOUT:-20}

log() { echo "headless-pipewire: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2fs", b - a }'; }

# wait_for SECONDS CMD...: poll CMD every 50 ms until it succeeds.
wait_for() {
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.05
  done
}

# Prints "id serial media.class" of the node whose node.name is $1 (nothing if absent).
node_info() {
  pw-dump 2>/dev/null | python3 -c '
import json, sys
name = sys.argv[1]
for o in json.load(sys.stdin):
    if o.get("type") != "PipeWire:Interface:Node":
        continue
    p = (o.get("info") or {}).get("props") or {}
    if p.get("node.name") == name:
        print(o["id"], p.get("object.serial"), p.get("media.class"))
        break
' "$1"
}
node_exists() { [ -n "$(node_info "$1")" ]; }

# Is PID alive and is its executable named NAME? (guards against pid reuse)
# (a zombie - exited but not yet reaped, e.g. by a container's PID 1 - counts as gone)
pid_is() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  [ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ] || return 1
  stat=${stat##*) }; [ "${stat%% *}" != Z ]
}

stop_pid() { # stop_pid FILE NAME
  local f=$1 name=$2 pid i
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if pid_is "$pid" "$name"; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 60); do pid_is "$pid" "$name" || break; sleep 0.05; done
    if pid_is "$pid" "$name"; then
      log "$name ($pid) ignored SIGTERM, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$f"
}

do_stop() {
  local dir=${1:-${HEADLESS_PW_DIR:-}}
  [ -n "$dir" ] || die "stop: no directory given and HEADLESS_PW_DIR not set"
  [ -f "$dir/headless-pipewire.env" ] || die "stop: $dir is not a headless-pipewire dir"
  # clients first (feeder), then the session manager, then the daemon, then the bus
  stop_pid "$dir/feeder.pid" gst-launch-1.0
  stop_pid "$dir/wireplumber.pid" wireplumber
  stop_pid "$dir/pipewire.pid" pipewire
  stop_pid "$dir/dbus.pid" dbus-daemon
  rm -rf -- "$dir"
  log "stopped, removed $dir"
}

do_status() {
  local dir=${1:-${HEADLESS_PW_DIR:-}} n
  [ -n "$dir" ] && [ -f "$dir/headless-pipewire.env" ] || die "status: no headless-pipewire dir"
  for n in dbus:dbus-daemon pipewire:pipewire wireplumber:wireplumber feeder:gst-launch-1.0; do
    local f="$dir/${n%%:*}.pid"
    if [ -f "$f" ] && pid_is "$(cat "$f")" "${n#*:}"; then echo "${n%%:*}: running ($(cat "$f"))"
    else echo "${n%%:*}: not running"; fi
  done
}

do_start() {
  local t0 t dir
  for b in dbus-daemon pipewire wireplumber pw-cli pw-dump gst-launch-1.0 python3; do
    command -v "$b" >/dev/null || die "missing $b"
  done
  t0=$(now)

  # 1. private runtime dir (pipewire socket, bus socket, logs, pid files, XDG config/state)
  dir=$(mktemp -d /tmp/headless-pw.XXXXXX)
  chmod 0700 "$dir"
  # any failure from here on (die/exit or set -e) tears down what was started
  trap 'rc=$?; if [ $rc -ne 0 ]; then log "start failed, cleaning up; daemon logs follow"; tail -n 20 "$dir"/*.log >&2 || true; touch "$dir/headless-pipewire.env"; do_stop "$dir" || true; fi' EXIT
  export XDG_RUNTIME_DIR=$dir PIPEWIRE_RUNTIME_DIR=$dir
  # Daemons only (not printed for clients): keep WirePlumber state (restore-stream,
  # default-nodes) out of ~/.local/state and ignore any user config in ~/.config.
  export XDG_STATE_HOME=$dir/state XDG_CONFIG_HOME=$dir/config
  unset PIPEWIRE_REMOTE PIPEWIRE_CORE PULSE_SERVER
  mkdir -p "$XDG_STATE_HOME" "$XDG_CONFIG_HOME/wireplumber/main.lua.d" \
           "$XDG_CONFIG_HOME/wireplumber/bluetooth.lua.d"
  # No hardware monitors: keeps the graph hermetic even on a machine with real devices.
  cat > "$XDG_CONFIG_HOME/wireplumber/main.lua.d/51-headless.lua" <<'EOF'
alsa_monitor.enabled = false
v4l2_monitor.enabled = false
libcamera_monitor.enabled = false
EOF
  echo 'bluez_monitor.enabled = false' > "$XDG_CONFIG_HOME/wireplumber/bluetooth.lua.d/51-headless.lua"

  # 2. private session bus (minimal config: no service activation, socket inside $dir)
  export DBUS_SESSION_BUS_ADDRESS="unix:path=$dir/bus"
  cat > "$dir/dbus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>$DBUS_SESSION_BUS_ADDRESS</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
  dbus-daemon --config-file="$dir/dbus.conf" --fork --print-pid=1 --nopidfile \
    </dev/null >"$dir/dbus.pid" 2>"$dir/dbus.log"
  wait_for 5 test -S "$dir/bus" || die "dbus-daemon did not create $dir/bus"
  log "dbus-daemon ready after $(elapsed "$t0")"

  # 3. pipewire (default /usr/share/pipewire/pipewire.conf; it has a Dummy-Driver that
  #    clocks the graph when there is no hardware). Ready = `pw-cli info 0` answers.
  t=$(now)
  pipewire </dev/null >"$dir/pipewire.log" 2>&1 &
  echo $! > "$dir/pipewire.pid"
  wait_for "$TIMEOUT" pw-cli info 0 || die "pipewire not ready (see $dir/pipewire.log)"
  log "pipewire ready after $(elapsed "$t")"

  # 4. wireplumber. Ready = it has created the "default" metadata object.
  t=$(now)
  wireplumber </dev/null >"$dir/wireplumber.log" 2>&1 &
  echo $! > "$dir/wireplumber.pid"
  wait_for "$TIMEOUT" sh -c 'pw-cli ls Metadata | grep -q "metadata.name = \"default\""' \
    || die "wireplumber not ready (see $dir/wireplumber.log)"
  log "wireplumber ready after $(elapsed "$t")"

  # 5. tone feeder: a plain (default-mode) pipewiresink whose stream is given the
  #    media.class of a device source. (mode=provide does NOT work with wireplumber 0.4.13:
  #    its activation never completes and blocks ALL policy linking in the session.)
  #    Not live and not synced: the graph paces it by taking buffers, like a device. A live
  #    feeder synced to the pipewire clock fed silence, for good, to consumers linked while
  #    it had none.
  if [ "${HEADLESS_PW_NO_TONE:-0}" != 1 ]; then
    t=$(now)
    gst-launch-1.0 -q audiotestsrc is-live=false wave=sine freq="$TONE_FREQ" \
      ! audioconvert ! audio/x-raw,format=S16LE,rate=48000,channels=2 \
      ! pipewiresink sync=false client-name="$TONE_NODE" \
        stream-properties="props,media.class=Audio/Source,node.name=$TONE_NODE,node.description=$TONE_NODE" \
      </dev/null >"$dir/feeder.log" 2>&1 &
    echo $! > "$dir/feeder.pid"
    wait_for "$TIMEOUT" node_exists "$TONE_NODE" || die "tone node did not appear (see $dir/feeder.log)"
    # End-to-end probe: proves wireplumber's policy links a capture stream to the node.
    timeout "$TIMEOUT" gst-launch-1.0 -q pipewiresrc target-object="$TONE_NODE" num-buffers=5 \
      ! audioconvert ! fakesink </dev/null >"$dir/probe.log" 2>&1 \
      || die "probe recording from $TONE_NODE failed/hung (see $dir/probe.log)"
    log "tone node $TONE_NODE ready after $(elapsed "$t") ($(node_info "$TONE_NODE" | awk '{print "id "$1", object.serial "$2", media.class "$3}'))"
  fi

  {
    echo "export HEADLESS_PW_DIR='$dir'"
    echo "export XDG_RUNTIME_DIR='$dir'"
    echo "export PIPEWIRE_RUNTIME_DIR='$dir'"
    echo "export DBUS_SESSION_BUS_ADDRESS='$DBUS_SESSION_BUS_ADDRESS'"
    if [ -f "$dir/feeder.pid" ]; then
      echo "export HEADLESS_PW_TONE_NODE='$TONE_NODE'"
      echo "export HEADLESS_PW_FEEDER_PID='$(cat "$dir/feeder.pid")'"
    fi
  } > "$dir/headless-pipewire.env"
  trap - EXIT
  log "started in $(elapsed "$t0")"
  cat "$dir/headless-pipewire.env"
}

do_selftest() {
  local out rc=0 info serial
  eval "$(do_start)"
  out=$(mktemp /tmp/headless-pw-selftest.XXXXXX.webm)
  info=$(node_info "$HEADLESS_PW_TONE_NODE"); serial=$(echo "$info" | awk '{print $2}')
  log "node: $info"
  for target in "$HEADLESS_PW_TONE_NODE" "$serial"; do
    rm -f "$out"
    if timeout 20 gst-launch-1.0 -q -e pipewiresrc target-object="$target" num-buffers=200 \
         ! audioconvert ! opusenc ! webmmux ! filesink location="$out" </dev/null >&2; then
      if command -v gst-discoverer-1.0 >/dev/null; then
        gst-discoverer-1.0 "$out" | grep -E 'Duration|Opus' >&2 || rc=1
      fi
      [ -s "$out" ] && log "recording via target-object=$target OK ($(stat -c %s "$out") bytes)" || rc=1
    else
      log "recording via target-object=$target FAILED"; rc=1
    fi
  done
  rm -f "$out"
  do_stop "$HEADLESS_PW_DIR"
  return $rc
}

case "${1:-}" in
  start)    do_start ;;
  stop)     do_stop "${2:-}" ;;
  status)   do_status "${2:-}" ;;
  selftest) do_selftest ;;
  *) echo "usage: $0 start | stop [DIR] | status [DIR] | selftest" >&2; exit 2 ;;
esac
