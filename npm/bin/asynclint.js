#!/usr/bin/env node
'use strict';
// The `asynclint` command of the npm package: the WebAssembly build with this process's arguments,
// working directory, standard streams and exit code.
require('../lib/run.js').run(process.argv.slice(2));
