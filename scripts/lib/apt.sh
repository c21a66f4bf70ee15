# shellcheck shell=bash
# Sourced by scripts/setup.sh and scripts/setup-test-tools.sh: installs the Debian packages that
# are missing, through apt-get (as root, or with sudo), with one `apt-get update` per run.
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
apt_updated=0

apt_update_once() {
  [ "$apt_updated" = 1 ] && return 0
  "${sudo_cmd[@]}" apt-get update -qq
  apt_updated=1
}

# ensure_apt_packages LABEL PACKAGE...: LABEL names the script in what it prints.
ensure_apt_packages() {
  local label=$1 package
  shift
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ "${#missing[@]}" -gt 0 ] || return 0
  echo "$label: installing ${missing[*]}"
  apt_update_once
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
