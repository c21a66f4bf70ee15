// Prepended to emscripten's asynclint.js (--pre-js, cmake/Wasm.cmake). Runs inside the module's
// scope, before it loads. ES5 only: emscripten 3.1.6's acorn-based minifier mangles newer syntax.
/* global Module, ENV */
// The .wasm beside this file, read with fs: the generated loader would `fetch` the path.
Module['wasmBinary'] = require('fs').readFileSync(require('path').join(__dirname, 'asynclint.wasm'));
Module['preRun'] = (Module['preRun'] || []).concat(function () {
  // The process's environment (NO_COLOR, CI, ...): emscripten gives main a fixed one otherwise.
  Object.keys(process.env).forEach(function (name) {
    ENV[name] = process.env[name];
  });
  // emscripten calls every standard stream a terminal; Node knows (tty.isatty does not open
  // process.stdout, which would make a pipe non-blocking under emscripten's synchronous writes).
  var tty = require('tty');
  ENV['ASYNCLINT_STDOUT_TTY'] = tty.isatty(1) ? '1' : '0';
  ENV['ASYNCLINT_STDERR_TTY'] = tty.isatty(2) ? '1' : '0';
});
