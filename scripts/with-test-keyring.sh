#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked, throwaway gnome-keyring: a real Secret Service for
# the keychain tests and the end-to-end restart test. The person's own keyring and session bus are never touched;
# everything the keyring saved is removed when the command ends.
#   scripts/with-test-keyring.sh <command> [args...]
set -eu
if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$0: $tool is missing; install the Debian packages dbus and gnome-keyring." >&2
    exit 127
  fi
done
dir=$(mktemp -d "${TMPDIR:-/tmp}/smsbat-keyring.XXXXXX")
trap 'rm -rf "$dir"' EXIT
trap 'exit 130' INT TERM
mkdir -m 700 "$dir/data" "$dir/runtime"
export XDG_DATA_HOME="$dir/data" XDG_RUNTIME_DIR="$dir/runtime"
# The keyring is created and unlocked with a throwaway password read from stdin (without --unlock it would prompt).
# The daemon outlives the bus on its own, so it is stopped by the process id the bus knows it by.
dbus-run-session -- sh -c '
  printf %s test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  keyring=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null |
    awk "/uint32/ { print \$2 }")
  status=0
  "$@" || status=$?
  if [ -n "$keyring" ]; then kill "$keyring" 2>/dev/null || true; fi
  exit "$status"' sh "$@"
