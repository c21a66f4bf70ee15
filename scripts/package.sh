#!/usr/bin/env bash
# Builds the release packages into dist/: a tarball (bin/, share/man, share/doc) and a .deb, both
# holding the portable binary (glibc is its only dynamic dependency), plus SHA256SUMS.
# The version is the project's (CMakeLists.txt, project(VERSION)), read back from the binary.
# Usage: scripts/package.sh [--no-setup]   (--no-setup: the build dependencies are installed)
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${1:-}" = --no-setup ] || ./scripts/setup.sh

# shellcheck source=scripts/lib/ccache.sh
source scripts/lib/ccache.sh
cmake --preset release "${launcher[@]}" >/dev/null
cmake --build --preset release -j "$(nproc)"
binary=build/release/asynclint

version=$("$binary" --version | sed -n '1s/^asynclint //p')
[ -n "$version" ] || { echo "package: the binary printed no version" >&2; exit 1; }
machine=$(uname -m)
deb_arch=$(dpkg --print-architecture)

# Only glibc's libraries may be loaded: anything else would fail on a machine without it.
unexpected=$(ldd "$binary" | awk '{print $1}' |
  grep -vE '^(linux-vdso\.so\.1|linux-gate\.so\.1|libc\.so\.6|libm\.so\.6|libdl\.so\.2|libpthread\.so\.0|librt\.so\.1|/.*/ld-linux[-a-z0-9_.]*\.so\.[0-9])$' || true)
if [ -n "$unexpected" ]; then
  echo "package: $binary needs libraries beyond glibc's:" >&2
  echo "$unexpected" >&2
  exit 1
fi
# The oldest glibc that has every versioned symbol the binary uses.
glibc=$(objdump -T "$binary" | grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' | sed 's/GLIBC_//' | sort -uV | tail -n 1)
echo "package: asynclint $version for $machine needs glibc $glibc or newer"
# The floor that README.md and docs/install.md promise; a newer one is a regression to look at
# (src/portable/glibc_floor.cpp says what raised it before).
documented_glibc=2.34
if [ "$(printf '%s\n%s\n' "$glibc" "$documented_glibc" | sort -V | tail -n 1)" != "$documented_glibc" ]; then
  echo "package: the binary needs glibc $glibc, newer than the documented $documented_glibc:" >&2
  objdump -T "$binary" | grep -F "GLIBC_$glibc" >&2
  exit 1
fi

rm -rf dist
mkdir -p dist
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
# Reproducible archives: fixed times, owners and order.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}

# The tarball: asynclint-X.Y.Z-linux-ARCH/{bin,share}.
tar_name=asynclint-$version-linux-$machine
cmake --install build/release --strip --prefix "$stage/$tar_name" >/dev/null
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
  -C "$stage" -cf - "$tar_name" | gzip -9n >"dist/$tar_name.tar.gz"

# The .deb: files under /usr, the man page compressed, the license as Debian's copyright file.
root=$stage/deb
DESTDIR=$root cmake --install build/release --strip --prefix /usr >/dev/null
gzip -9n "$root/usr/share/man/man1/asynclint.1"
cp LICENSE "$root/usr/share/doc/asynclint/copyright"
mkdir -p "$root/DEBIAN"
cat >"$root/DEBIAN/control" <<CONTROL
Package: asynclint
Version: $version
Architecture: $deb_arch
Maintainer: The asynclint authors <asynclint@users.noreply.github.com>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: libc6 (>= $glibc)
Suggests: libcurl4
Section: devel
Priority: optional
Homepage: https://github.com/asynclint/asynclint
Description: fast, precise validator and linter for AsyncAPI documents
 asynclint checks AsyncAPI 2.x and 3.x documents (YAML or JSON) against the official
 JSON Schema of their version and a set of rules the schema cannot express, and reports
 every finding with its file, line and column, in text, SARIF, GitHub, JUnit and other
 formats. libcurl is needed only to follow remote references (--allow-remote).
CONTROL
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
dpkg-deb --root-owner-group -Zxz --build "$root" "dist/asynclint_${version}_$deb_arch.deb" >/dev/null

(cd dist && sha256sum -- *.tar.gz *.deb >SHA256SUMS)
echo "package: wrote dist/:"
cat dist/SHA256SUMS
