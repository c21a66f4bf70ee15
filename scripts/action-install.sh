#!/usr/bin/env bash
# The install step of the GitHub Action (action.yml): downloads the release tarball of one
# asynclint version, checks it against the release's SHA256SUMS, and unpacks it; nothing is
# compiled. Two modes:
#   action-install.sh --resolve   prints version=, key= and dir= to $GITHUB_OUTPUT (for the cache)
#   action-install.sh             installs into dir (unless a restored cache already holds the
#                                 binary) and prints binary= to $GITHUB_OUTPUT
# Reads from the environment:
#   INPUT_VERSION       X.Y.Z or vX.Y.Z; empty: the action's own version (the tag it was used
#                       at, github.action_ref, else the version in its CMakeLists.txt)
#   ACTION_REF          github.action_ref
#   INPUT_DOWNLOAD_URL  where releases are: the files are at <url>/v<version>/ (default: GitHub's)
#   RUNNER_TOOL_CACHE, RUNNER_OS, RUNNER_ARCH  as on a runner (defaults for a local run)
# Exits 2 with a message when the download fails or a checksum does not match.
set -euo pipefail
action_dir=$(cd "$(dirname "$0")/.." && pwd)
die() { echo "::error title=asynclint install::$*" >&2; exit 2; }

version=${INPUT_VERSION:-}
if [ -z "$version" ] && [[ "${ACTION_REF:-}" =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  version=$ACTION_REF
fi
if [ -z "$version" ]; then
  version=$(sed -n 's/^project(asynclint VERSION \([0-9.]*\).*/\1/p' "$action_dir/CMakeLists.txt")
fi
version=${version#v}
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "'$version' is not a version (X.Y.Z)"

case "${RUNNER_OS:-Linux}" in
  Linux) ;;
  *) die "the release binaries are for Linux; on ${RUNNER_OS} use 'npx asynclint' or build-from-source" ;;
esac
case "${RUNNER_ARCH:-$(uname -m)}" in
  X64 | x86_64) machine=x86_64 ;;
  ARM64 | aarch64) machine=aarch64 ;;
  *) die "no release binary for the ${RUNNER_ARCH} architecture; set build-from-source: true" ;;
esac
name=asynclint-$version-linux-$machine
dir=${RUNNER_TOOL_CACHE:-${TMPDIR:-/tmp}}/asynclint/$version/$machine
binary=$dir/$name/bin/asynclint

if [ "${1:-}" = --resolve ]; then
  {
    echo "version=$version"
    echo "key=asynclint-$version-linux-$machine"
    echo "dir=$dir"
  } >>"${GITHUB_OUTPUT:-/dev/stdout}"
  exit 0
fi

if [ -x "$binary" ] && "$binary" --version >/dev/null 2>&1; then
  echo "asynclint: using the cached $name"
else
  base=${INPUT_DOWNLOAD_URL:-https://github.com/asynclint/asynclint/releases/download}
  base=${base%/}/v$version
  download=$(mktemp -d)
  trap 'rm -rf "$download"' EXIT
  fetch() {
    curl --fail --silent --show-error --location --retry 3 --output "$download/$1" "$base/$1" ||
      die "could not download $base/$1"
  }
  fetch "$name.tar.gz"
  fetch SHA256SUMS
  grep -qE "^[0-9a-f]{64}  $name\.tar\.gz$" "$download/SHA256SUMS" ||
    die "$base/SHA256SUMS does not list $name.tar.gz"
  (cd "$download" && grep -E "  $name\.tar\.gz$" SHA256SUMS | sha256sum --quiet --strict -c - >/dev/null 2>&1) ||
    die "$name.tar.gz does not match its checksum in $base/SHA256SUMS: the download is corrupt or was tampered with"
  rm -rf "$dir"
  mkdir -p "$dir"
  tar -xzf "$download/$name.tar.gz" -C "$dir"
  [ -x "$binary" ] || die "$name.tar.gz has no bin/asynclint"
  echo "asynclint: installed $name from $base"
fi
"$binary" --version | head -n 1
echo "binary=$binary" >>"${GITHUB_OUTPUT:-/dev/null}"
