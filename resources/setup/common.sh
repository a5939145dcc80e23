# Shared by run-demo.sh and run-tests.sh: install what is missing, configure and build.
# Sourced, not run. Works as root or as a user with sudo, on Debian 12 (bookworm).

# Everything Warmpath needs to build, run and test, as Debian 12 packages.
WARMPATH_PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config
  # core: storage, crypto, graph, JSON, command line
  libsqlite3-dev libssl-dev libboost-dev libboost-graph-dev nlohmann-json3-dev libcli11-dev zlib1g-dev
  # import: streaming XML (GraphML, GEXF) and zip (X archives)
  libexpat1-dev libzip-dev
  # crawl: HTTP with TLS by OpenSSL
  libcurl4-openssl-dev
  # GUI: Qt 6 Widgets (+ the OpenGL headers its CMake files require), SVG, a font to draw with
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqt6svg6 libgl-dev fonts-dejavu-core
  # tests: GoogleTest, a virtual display for GUI runs without a screen, .deb checks
  libgtest-dev libgmock-dev libbenchmark-dev sqlite3 xvfb xauth dpkg-dev file clang-format
  # tests: the local Bluesky/Mastodon server the crawl tests start (tests/fetch_server)
  python3
  # tests: libFuzzer targets (tests/fuzz, the `fuzz` preset)
  clang libclang-rt-14-dev
)

warmpath_log() { printf '\033[1mwarmpath:\033[0m %s\n' "$*" >&2; }

warmpath_sudo() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    warmpath_log "need root to install packages: run as root or install sudo"
    return 1
  fi
}

# Installs only the packages that are not installed yet, so a second run costs nothing.
warmpath_install_dependencies() {
  if ! command -v apt-get >/dev/null 2>&1; then
    warmpath_log "apt-get not found: Warmpath's set-up scripts target Debian 12"
    return 1
  fi
  local missing=() pkg
  for pkg in "${WARMPATH_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    warmpath_log "all ${#WARMPATH_PACKAGES[@]} Debian packages are installed"
    return 0
  fi
  warmpath_log "installing ${#missing[@]} Debian packages: ${missing[*]}"
  warmpath_sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  warmpath_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# warmpath_build PRESET [cmake -D options...] [-- build targets...]
warmpath_build() {
  local preset=$1
  shift
  local configure=() targets=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do configure+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift
  targets=("$@")
  warmpath_log "configuring ($preset)"
  cmake --preset "$preset" "${configure[@]}" >/dev/null
  warmpath_log "building ($preset)"
  if [ "${#targets[@]}" -gt 0 ]; then
    cmake --build --preset "$preset" --target "${targets[@]}"
  else
    cmake --build --preset "$preset"
  fi
}
