# shellcheck shell=bash
# Sourced by the scripts that configure a CMake preset (from the project root): sets `launcher`
# to the arguments that compile through ccache when it is installed. ccache keeps compiled
# objects between runs on one machine; CI runs in a fresh clone each time, so paths are taken
# relative to the clone, and the folder name does not enter the hash.
# shellcheck disable=SC2034  # launcher is read by the scripts that source this one
launcher=()
if command -v ccache >/dev/null 2>&1; then
  export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
