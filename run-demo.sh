#!/usr/bin/env bash
# Installs what is missing, builds Warmpath (Release) and opens it on the bundled demo network.
# Extra arguments go to the app, e.g.  ./run-demo.sh --screenshot demo.png --select "Ana Souza"
set -euo pipefail
cd "$(dirname "$0")"
source resources/setup/common.sh

warmpath_install_dependencies
warmpath_build release -- warmpath warmpath-cli

app=build/release/app/warmpath
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$app" --demo "$@"
fi
for arg in "$@"; do
  if [ "$arg" = "--screenshot" ]; then
    exec env QT_QPA_PLATFORM=offscreen "$app" --demo "$@"
  fi
done
warmpath_log "no display found: starting Warmpath on a virtual X display (xvfb-run)."
warmpath_log "run this from a desktop session to see the window, or add --screenshot FILE to capture it."
exec xvfb-run -a -s "-screen 0 1920x1080x24" "$app" --demo "$@"
