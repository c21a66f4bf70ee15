'use strict';
// Runs the WebAssembly build (wasm/asynclint.js, built by scripts/package-npm.sh) once in this
// process with these arguments; it exits with asynclint's exit code. One run per process:
// emscripten's runtime ends with main (EXIT_RUNTIME), so the JavaScript API (index.js) starts a
// process per call.
const path = require('path');

function run(args) {
  // emscripten's loader takes main's arguments from process.argv (after node and the script).
  process.argv = [process.argv[0], 'asynclint', ...args];
  require(path.join(__dirname, '..', 'wasm', 'asynclint.js'));
}

module.exports = {run};
