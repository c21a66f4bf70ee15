#!/usr/bin/env bash
# Installs what asynclint needs to build and test, and nothing that is already there.
# Idempotent: a second run only checks. Needs root (or sudo) for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(g++ cmake ninja-build pkg-config libyaml-cpp-dev libyaml-dev libjemalloc-dev nlohmann-json3-dev libfmt-dev
  libcli11-dev doctest-dev libcurl4-openssl-dev libpcre2-dev python3 help2man patch)
command -v npm >/dev/null 2>&1 || apt_packages+=(nodejs npm)

# shellcheck source=lib/apt.sh
source scripts/lib/apt.sh
ensure_apt_packages setup "${apt_packages[@]}"

# valijson is header-only; Debian's libvalijson-dev depends on Qt and Poco, so take its headers
# alone, and apply asynclint's fixes to them: patches/valijson/*.patch, one per bug of valijson
# 1.0, each saying what it fixes (the build refuses headers without them, see CMakeLists.txt).
# They are made for Debian's 1.0+repack-2; another version stops here rather than guess.
valijson_dir=.deps/valijson
valijson_version=1.0+repack-2
patches_stamp=$(cat patches/valijson/*.patch | sha256sum | cut -c1-64)
if [ "$(cat "$valijson_dir/PATCHES" 2>/dev/null)" != "$patches_stamp" ]; then
  echo "setup: extracting valijson headers from Debian's libvalijson-dev and patching them"
  apt_update_once
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  chmod 777 "$work"
  (cd "$work" && { apt-get download -o APT::Sandbox::User=root libvalijson-dev >/dev/null 2>&1 ||
    apt-get download libvalijson-dev >/dev/null; })
  version=$(dpkg-deb -f "$work"/libvalijson-dev_*.deb Version)
  if [ "$version" != "$valijson_version" ]; then
    echo "setup: Debian has libvalijson-dev $version; patches/valijson/ is made for $valijson_version" >&2
    exit 1
  fi
  dpkg-deb -x "$work"/libvalijson-dev_*.deb "$work/root"
  rm -rf "$valijson_dir"
  mkdir -p "$valijson_dir/include"
  cp -r "$work/root/usr/include/valijson" "$valijson_dir/include/"
  # Its license goes into the packages' THIRD-PARTY-NOTICES (cmake/ThirdPartyNotices.cmake).
  cp "$work/root/usr/share/doc/libvalijson-dev/copyright" "$valijson_dir/copyright"
  for fix in patches/valijson/*.patch; do
    patch --quiet --forward -p1 -d "$valijson_dir/include/valijson" <"$fix" ||
      { echo "setup: $fix does not apply to valijson $version" >&2; exit 1; }
  done
  echo "$version" >"$valijson_dir/VERSION"
  echo "$patches_stamp" >"$valijson_dir/PATCHES"
fi
# The external validators of the test suite (xmllint, pre-commit, SARIF multitool, action-validator).
if [ "${ASYNCLINT_SETUP_TEST_TOOLS:-0}" = 1 ]; then
  ./scripts/setup-test-tools.sh
fi
echo "setup: dependencies ready (valijson $(cat "$valijson_dir/VERSION"))"
