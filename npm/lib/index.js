'use strict';
// The JavaScript API: validate(documents, options) runs `asynclint validate` (the WebAssembly
// build, through bin/asynclint.js) in a child process and resolves with what `-f json` prints.
// A process per call: emscripten's runtime ends with main, and a crash cannot take the caller down.
const {execFile} = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const launcher = path.join(__dirname, '..', 'bin', 'asynclint.js');

// In-memory documents are written under a fresh folder at their own (relative) paths, so the
// findings name them as given and their relative $refs reach each other.
function placeInMemory(documents) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'asynclint-'));
  for (const {path: name, text} of documents) {
    const normal = path.normalize(name);
    if (path.isAbsolute(normal) || normal.split(path.sep).includes('..')) {
      fs.rmSync(folder, {recursive: true, force: true});
      throw new TypeError(`in-memory document path must be relative and inside its folder: ${name}`);
    }
    fs.mkdirSync(path.join(folder, path.dirname(normal)), {recursive: true});
    fs.writeFileSync(path.join(folder, normal), text);
  }
  return folder;
}

function commandLine(files, options, inMemory) {
  const args = ['validate', '-f', options.format || 'json', '--no-color'];
  if (options.config === false || (inMemory && options.config === undefined)) {
    args.push('--no-config');
  } else if (typeof options.config === 'string') {
    args.push('--config', path.resolve(options.cwd || process.cwd(), options.config));
  }
  for (const [rule, severity] of Object.entries(options.rules || {})) args.push('--rule', `${rule}=${severity}`);
  for (const ruleset of options.rulesets || []) args.push('--ruleset', path.resolve(options.cwd || process.cwd(), ruleset));
  if (options.failSeverity) args.push('--fail-severity', options.failSeverity);
  return args.concat(files);
}

function validate(documents, options = {}) {
  const list = Array.isArray(documents) ? documents : [documents];
  if (list.length === 0) return Promise.reject(new TypeError('validate needs at least one document'));
  const inMemory = list.filter((document) => typeof document !== 'string');
  let folder;
  try {
    folder = inMemory.length > 0 ? placeInMemory(inMemory) : undefined;
  } catch (error) {
    return Promise.reject(error);
  }
  const callerCwd = options.cwd || process.cwd();
  // With in-memory documents the run happens in their folder; paths on disk become absolute.
  const files = list.map((document) =>
    typeof document === 'string' ? (folder ? path.resolve(callerCwd, document) : document) : path.normalize(document.path));
  const args = commandLine(files, options, folder !== undefined);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [launcher, ...args], {cwd: folder || callerCwd, maxBuffer: 1 << 30, encoding: 'utf8'},
      (error, stdout, stderr) => {
        if (folder) fs.rmSync(folder, {recursive: true, force: true});
        const exitCode = error ? error.code : 0;
        if (typeof exitCode !== 'number' || exitCode > 2 || (exitCode === 2 && stdout === '')) {
          const failure = new Error(stderr.trim() || `asynclint exited with ${exitCode}`);
          failure.exitCode = exitCode;
          reject(failure);
          return;
        }
        if ((options.format || 'json') !== 'json') {
          resolve(stdout);
          return;
        }
        resolve(JSON.parse(stdout));
      });
  });
}

module.exports = {validate};
