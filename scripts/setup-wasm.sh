#!/usr/bin/env bash
# Installs what the WebAssembly build (the `wasm` preset, scripts/package-npm.sh) needs: Debian's
# emscripten, and yaml-cpp and PCRE2 compiled to WebAssembly from Debian's own source packages (the
# versions the native build links, with Debian's patches), so both builds parse and match alike.
# They are built once into $ASYNCLINT_WASM_CACHE (default ~/.cache/asynclint-wasm, outside git) and
# reused: a second run only checks. Needs root (or sudo) for apt-get; the system's apt sources are
# left alone (the source packages come through a private apt configuration in the cache).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/apt.sh
source scripts/lib/apt.sh
# shellcheck source=scripts/lib/wasm-env.sh
source scripts/lib/wasm-env.sh
ensure_apt_packages setup-wasm emscripten node-acorn dpkg-dev libyaml-cpp-dev libpcre2-dev \
  nlohmann-json3-dev libfmt-dev libcli11-dev

cache=$ASYNCLINT_WASM_CACHE
sysroot=$ASYNCLINT_WASM_SYSROOT
mkdir -p "$cache" "$sysroot/include" "$sysroot/lib"

# The header-only libraries, visible to emscripten (its sysroot does not search /usr/include).
for header_dir in nlohmann fmt CLI; do
  ln -sfn "/usr/include/$header_dir" "$sysroot/include/$header_dir"
done

# apt-get with a private configuration whose only entries are Debian 12's deb-src lines.
private_apt() {
  local dir=$cache/apt
  "${sudo_cmd[@]}" apt-get -o Dir::Etc::SourceList="$dir/sources.list" \
    -o Dir::Etc::SourceParts="$dir/sources.list.d" -o Dir::State::Lists="$dir/lists" \
    -o Dir::Cache="$dir/cache" -o APT::Sandbox::User=root "$@"
}
private_apt_updated=0
private_apt_update_once() {
  [ "$private_apt_updated" = 1 ] && return 0
  local dir=$cache/apt keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  mkdir -p "$dir/sources.list.d" "$dir/lists/partial" "$dir/cache/archives/partial"
  cat >"$dir/sources.list" <<SOURCES
deb-src [signed-by=$keyring] http://deb.debian.org/debian bookworm main
deb-src [signed-by=$keyring] http://deb.debian.org/debian bookworm-updates main
deb-src [signed-by=$keyring] http://deb.debian.org/debian-security bookworm-security main
SOURCES
  private_apt update -qq
  private_apt_updated=1
}

# build_library NAME BINARY_PACKAGE CMAKE_ARGS...: the source package of the installed
# BINARY_PACKAGE, unpacked with Debian's patches, built with emcmake and installed into $sysroot.
build_library() {
  local name=$1 binary=$2
  shift 2
  local version stamp_text stamp
  version=$(dpkg-query -W -f='${source:Version}' "$binary")
  stamp_text="$name $version $* $(cat /usr/share/emscripten/emscripten-version.txt)"
  stamp=$sysroot/$name.stamp
  [ "$(cat "$stamp" 2>/dev/null)" = "$stamp_text" ] && return 0
  echo "setup-wasm: building $name $version for WebAssembly (once, into $cache)"
  private_apt_update_once
  local work=$cache/work/$name
  rm -rf "$work" && mkdir -p "$work"
  # The installed version; if the mirror lacks it (a security update's pool file), the release's.
  if ! (cd "$work" && private_apt source --download-only -qq "$name=$version" >/dev/null 2>&1); then
    echo "setup-wasm: $name $version is not downloadable; taking bookworm's release of $name"
    (cd "$work" && private_apt source --download-only -qq "$name/bookworm" >/dev/null)
  fi
  (cd "$work" && dpkg-source --no-check -x ./*.dsc source >/dev/null)
  emcmake cmake -S "$work/source" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$sysroot" -DCMAKE_CXX_FLAGS="-O3 -fwasm-exceptions" \
    -DBUILD_SHARED_LIBS=OFF "$@" >"$work/configure.log" 2>&1 || { cat "$work/configure.log" >&2; exit 1; }
  cmake --build "$work/build" -j "${ASYNCLINT_WASM_JOBS:-2}" >"$work/build.log" 2>&1 ||
    { tail -50 "$work/build.log" >&2; exit 1; }
  cmake --install "$work/build" >"$work/install.log" 2>&1
  echo "built from $(basename "$work"/*.dsc)" >"$sysroot/$name.source"
  rm -rf "$work/source" "$work/build"
  echo "$stamp_text" >"$stamp"
}

build_library yaml-cpp libyaml-cpp-dev -DYAML_CPP_BUILD_TESTS=OFF -DYAML_CPP_BUILD_TOOLS=OFF \
  -DYAML_CPP_BUILD_CONTRIB=ON -DYAML_BUILD_SHARED_LIBS=OFF
# Debian builds PCRE2 with Unicode and its default limits; the JIT is a speed-up only.
build_library pcre2 libpcre2-dev -DPCRE2_BUILD_PCRE2_8=ON -DPCRE2_BUILD_PCRE2_16=OFF \
  -DPCRE2_BUILD_PCRE2_32=OFF -DPCRE2_SUPPORT_UNICODE=ON -DPCRE2_SUPPORT_JIT=OFF \
  -DPCRE2_BUILD_PCRE2GREP=OFF -DPCRE2_BUILD_TESTS=OFF
echo "setup-wasm: ready (emscripten $(cat /usr/share/emscripten/emscripten-version.txt), libraries in $sysroot)"
