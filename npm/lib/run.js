'use strict';
// Runs the WebAssembly build (wasm/asynclint.js, built by scripts/package-npm.sh) once in this
// process with these arguments; it exits with asynclint's exit code. One run per process:
// emscripten's runtime ends with main (EXIT_RUNTIME), so the JavaScript API (index.js) starts a
// process per call.
const path = require('path');

function run(args) {
  // Baseline (Liftoff) code only. A run is short: V8's optimizing tier recompiles the 4.5 MB
  // module on other threads for most of it, and that took longer than it saved (order producer
  // 0.74 s -> 0.35 s, 1,000 channels 1.82 s -> 1.62 s; bench/README.md). Set before the module
  // is compiled, in this process only.
  require('v8').setFlagsFromString('--liftoff-only');
  // emscripten's loader takes main's arguments from process.argv (after node and the script).
  process.argv = [process.argv[0], 'asynclint', ...args];
  require(path.join(__dirname, '..', 'wasm', 'asynclint.js'));
}

module.exports = {run};
