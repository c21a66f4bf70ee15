#!/usr/bin/env bash
# Installs what asynclint needs to build and test, and nothing that is already there.
# Idempotent: a second run only checks. Needs root (or sudo) for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(g++ cmake ninja-build pkg-config libyaml-cpp-dev nlohmann-json3-dev libfmt-dev
  libcli11-dev doctest-dev)
command -v npm >/dev/null 2>&1 || apt_packages+=(nodejs npm)
# Extra tools used by the test suite only.
if [ "${ASYNCLINT_SETUP_TEST_TOOLS:-0}" = 1 ]; then
  apt_packages+=(libxml2-utils)
fi

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
apt_updated=0
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  apt_updated=1
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# valijson is header-only; Debian's libvalijson-dev depends on Qt and Poco, so take its headers alone.
valijson_dir=.deps/valijson
if [ ! -f "$valijson_dir/include/valijson/validator.hpp" ]; then
  echo "setup: extracting valijson headers from Debian's libvalijson-dev"
  [ "$apt_updated" = 1 ] || { "${sudo_cmd[@]}" apt-get update -qq; apt_updated=1; }
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  chmod 777 "$work"
  (cd "$work" && apt-get download -o APT::Sandbox::User=root libvalijson-dev >/dev/null 2>&1 \
    || apt-get download libvalijson-dev >/dev/null)
  dpkg-deb -x "$work"/libvalijson-dev_*.deb "$work/root"
  mkdir -p "$valijson_dir/include"
  cp -r "$work/root/usr/include/valijson" "$valijson_dir/include/"
  dpkg-deb -f "$work"/libvalijson-dev_*.deb Version >"$valijson_dir/VERSION"
fi
# valijson 1.0 builds a `propertyNames` subschema under its parent's path, so its schema cache
# hands back the parent schema instead (every channel name of a 2.x document then fails).
# Upstream passes nodePath + "/propertyNames"; do the same until Debian ships the fix.
parser="$valijson_dir/include/valijson/schema_parser.hpp"
if ! grep -q 'nodePath + "/propertyNames"' "$parser"; then
  perl -0pi -e 's{(makePropertyNamesConstraint\(rootSchema, rootNode, itr->second, updatedScope,\s*)nodePath,}{$1nodePath + "/propertyNames",}' "$parser"
  grep -q 'nodePath + "/propertyNames"' "$parser" || { echo "setup: could not patch $parser" >&2; exit 1; }
  echo "setup: patched valijson's propertyNames schema path"
fi
echo "setup: dependencies ready (valijson $(cat "$valijson_dir/VERSION"))"
