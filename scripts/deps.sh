#!/usr/bin/env bash
# Installs exactly what Kimonet Billing needs, through apt and npm only. Idempotent:
# a second run on a ready machine does nothing but check.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake pkg-config lld
  clang libclang-rt-dev
  emscripten binaryen
  libpistache-dev libcurl4-openssl-dev libsqlite3-dev sqlite3 nlohmann-json3-dev
  libpq-dev postgresql postgresql-contrib
  libboost-test-dev libssl-dev libsodium-dev libhpdf-dev
  libxlsxwriter-dev libzip-dev libpugixml-dev
  libqrencode-dev
  brotli libbrotli-dev zlib1g-dev
  libpwquality-dev cracklib-runtime
  fonts-inter fonts-noto-core fonts-noto-color-emoji libharfbuzz-bin
  chromium poppler-utils zbar-tools wrk xz-utils dpkg-dev zip unzip
  libxml2-utils
  freeradius freeradius-utils freeradius-rest
  libmariadb-dev mariadb-server
)

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

# Node.js and npm: the machine's own (nodesource ships npm inside nodejs) or Debian's.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

sudo_cmd=()
[ "$(id -u)" = 0 ] || sudo_cmd=(sudo)

# The Dear ImGui sources come from Debian's source package, so a deb-src entry is needed once.
# It is derived from this machine's own configured Debian archive (never a host written here):
# the first "deb" entry of the main archive (not -security/-updates) gives URIs, suite and key.
deb_src=/etc/apt/sources.list.d/kimonet-deb-src.sources
need_update=0
if [ ! -f "$deb_src" ]; then
  entry=$(bash scripts/debian_source_entry.sh) || {
    echo "deps: cannot find a Debian archive in /etc/apt/sources.list or /etc/apt/sources.list.d/*.sources;" >&2
    echo "deps: configure apt with a Debian bookworm 'deb' source first (the Dear ImGui sources come from it)." >&2
    exit 1
  }
  printf '%s\n' "$entry" | "${sudo_cmd[@]}" tee "$deb_src" >/dev/null
  need_update=1
fi

if [ ${#missing[@]} -gt 0 ] || [ $need_update = 1 ]; then
  echo "deps: installing ${missing[*]:-(source index only)}"
  "${sudo_cmd[@]}" apt-get update -qq
  if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

# Dear ImGui sources into the build tree (never committed), pinned to one exact Debian source
# version and checked against its known hash before it is unpacked.
imgui_version=1.86+ds-1
imgui_orig=imgui_1.86+ds.orig.tar.xz
imgui_sha256=0dace0e8e57d298eb6e93af12dc19420cb96330832f6495c733b90aeeef11f64
imgui_dir=build/third_party/imgui
if [ ! -f "$imgui_dir/imgui.cpp" ]; then
  mkdir -p build/third_party
  ( cd build/third_party
    [ -f "$imgui_orig" ] || apt-get source --download-only "imgui=$imgui_version" >/dev/null
    echo "$imgui_sha256  $imgui_orig" | sha256sum --check --quiet || {
      echo "deps: $imgui_orig does not match its pinned SHA-256; refusing to build with it" >&2
      rm -f "$imgui_orig"; exit 1; }
    rm -rf imgui && mkdir imgui && tar -xf "$imgui_orig" -C imgui --strip-components=1 )
  echo "deps: Dear ImGui $imgui_version sources in $imgui_dir"
fi

# npm packages for the tests: playwright-core drives Debian's Chromium in the browser tests
# (it never downloads a browser); tests/interop holds an independent RouterOS API client.
for dir in tests/e2e tests/interop; do
  [ -f "$dir/package.json" ] || continue
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package.json" -nt "$dir/node_modules" ]; then
    ( cd "$dir" && npm install --no-audit --no-fund --silent && touch node_modules )
  fi
done
touch build/.deps-ok
