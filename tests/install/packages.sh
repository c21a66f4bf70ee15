#!/usr/bin/env bash
# Installs the release packages of dist/ (scripts/package.sh) into a clean Debian 12 root made by
# debootstrap (--variant=minbase: no compiler, no libyaml-cpp, no libfmt, no libstdc++ beyond
# the base system, no libcurl) and checks that asynclint runs there: the .deb with dpkg, the tarball
# by unpacking it. Each gives exit 0 and no finding on a valid document, and on a broken one
# exactly the findings of its golden file and exit 1.
# The base root is made once per machine and kept in $ASYNCLINT_CACHE_DIR (default
# /var/cache/asynclint, about 200 MB; making it takes about two minutes); each run works on a copy.
# Needs root (debootstrap, chroot). Without root or debootstrap it skips, unless CI=true.
# Usage: tests/install/packages.sh [DIST_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
dist=$(cd "${1:-dist}" && pwd)
started=$SECONDS

fail() { echo "FAIL: $*" >&2; exit 1; }
unavailable() {
  [ "${CI:-}" = true ] && fail "$* (required when CI=true)"
  echo "skipped: $*"
  exit 0
}
[ "$(id -u)" -eq 0 ] || unavailable "installing into a Debian root needs root (debootstrap, chroot)"
command -v debootstrap >/dev/null 2>&1 || unavailable "debootstrap is missing; scripts/setup-test-tools.sh installs it"

deb=$(find "$dist" -maxdepth 1 -name 'asynclint_*.deb' | head -n 1)
tarball=$(find "$dist" -maxdepth 1 -name 'asynclint-*-linux-*.tar.gz' | head -n 1)
[ -n "$deb" ] && [ -n "$tarball" ] || fail "no .deb or tarball in $dist: run scripts/package.sh"
(cd "$dist" && sha256sum --quiet -c SHA256SUMS) || fail "the packages do not match $dist/SHA256SUMS"

cache=${ASYNCLINT_CACHE_DIR:-/var/cache/asynclint}
base=$cache/debian-12-minbase
if [ ! -x "$base/bin/sh" ]; then
  echo "packages: making a Debian 12 base root in $base (once per machine)"
  mkdir -p "$cache"
  building=$(mktemp -d "$cache/debootstrap.XXXXXX")
  debootstrap --variant=minbase bookworm "$building/root" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" \
    >"$building/log" 2>&1 || { tail -n 20 "$building/log" >&2; fail "debootstrap failed"; }
  rm -rf "$base"
  mv "$building/root" "$base"
  rm -rf "$building"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
cp -a "$base" "$root"
for forbidden in libyaml-cpp libfmt libcurl; do
  if compgen -G "$root/usr/lib/*/$forbidden*" >/dev/null; then fail "the base root already has $forbidden"; fi
done

# The documents, at the same relative paths as in the golden file.
mkdir -p "$root/check/testdata/valid" "$root/check/testdata/invalid"
cp testdata/valid/order-producer.yaml "$root/check/testdata/valid/"
cp testdata/invalid/constraints.yaml "$root/check/testdata/invalid/"
printf 'asyncapi: 3.0.0\ninfo:\n  title: Remote\n  version: 1.0.0\ncomponents:\n  schemas:\n    Order:\n      $ref: "https://example.com/order.yaml"\n' \
  >"$root/check/remote.yaml"

# Runs asynclint (the given path inside the root) on the two documents and compares.
check_runs() {
  local asynclint=$1 how=$2 output status
  status=0
  output=$(chroot "$root" /bin/sh -c "cd /check && $asynclint validate --no-color testdata/valid/order-producer.yaml" 2>&1) || status=$?
  [ "$status" -eq 0 ] && [ "$output" = "0 errors, 0 warnings in 1 file" ] || fail "$how: a valid document gave exit $status: $output"
  status=0
  output=$(chroot "$root" /bin/sh -c "cd /check && $asynclint validate --quiet --no-color testdata/invalid/constraints.yaml" 2>&1) || status=$?
  diff -u testdata/invalid/constraints.yaml.expected <(printf '%s\nexit: %s\n' "$output" "$status") ||
    fail "$how: the broken document's findings differ from its golden file"
  # Without libcurl in the root, remote references fail with one clear finding, not a crash.
  status=0
  output=$(chroot "$root" /bin/sh -c "cd /check && $asynclint validate --no-color --allow-remote remote.yaml" 2>&1) || status=$?
  [ "$status" -ne 0 ] && [ "$status" -lt 128 ] && grep -qF 'libcurl' <<<"$output" ||
    fail "$how: --allow-remote without libcurl gave exit $status: $output"
  echo "packages: $how: exit 0 on a valid document, exit 1 and the golden findings on a broken one"
}

cp "$deb" "$root/tmp/"
chroot "$root" dpkg -i "/tmp/$(basename "$deb")" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i failed"; }
for file in /usr/bin/asynclint /usr/share/man/man1/asynclint.1.gz /usr/share/doc/asynclint/copyright \
  /usr/share/doc/asynclint/README.md /usr/share/doc/asynclint/THIRD-PARTY-NOTICES; do
  [ -f "$root$file" ] || fail "the .deb did not install $file"
done
check_runs asynclint "the .deb (dpkg -i)"
chroot "$root" dpkg -r asynclint >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -r failed"; }
[ ! -e "$root/usr/bin/asynclint" ] || fail "dpkg -r left /usr/bin/asynclint behind"

tar -xzf "$tarball" -C "$root/opt"
unpacked=$(basename "$tarball" .tar.gz)
for file in bin/asynclint share/man/man1/asynclint.1 share/doc/asynclint/LICENSE share/doc/asynclint/README.md \
  share/doc/asynclint/THIRD-PARTY-NOTICES; do
  [ -f "$root/opt/$unpacked/$file" ] || fail "the tarball lacks $file"
done
check_runs "/opt/$unpacked/bin/asynclint" "the tarball (unpacked)"
echo "packages: checked in a clean Debian 12 root in $((SECONDS - started)) s"
