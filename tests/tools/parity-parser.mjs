// Runs the official @asyncapi/parser on every document named on the command line, in this one
// process (one node start for the whole testdata/ folder), and prints one JSON line per document:
// {"path", "errors": [{"code", "line", "message"}]}: the diagnostics of error severity.
// Remote references are refused, as asynclint refuses them without --allow-remote.
// Usage: node parity-parser.mjs <node_modules folder> <file>...
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

const [modules, ...files] = process.argv.slice(2);
const require = createRequire(path.resolve(modules, 'package.json'));
const { Parser, DiagnosticSeverity } = require('@asyncapi/parser');

const refuseRemote = {
  schema: 'https',
  read: (uri) => Promise.reject(new Error(`remote reference refused: ${uri}`)),
};
const parser = new Parser({
  __unstable: {
    resolver: { resolvers: [refuseRemote, { ...refuseRemote, schema: 'http' }] },
  },
});

for (const file of files) {
  let errors;
  try {
    const text = await readFile(file, 'utf8');
    const { diagnostics } = await parser.parse(text, { source: path.resolve(file) });
    errors = diagnostics
      .filter((d) => d.severity === DiagnosticSeverity.Error)
      .map((d) => ({ code: String(d.code), line: d.range.start.line + 1, message: d.message }));
  } catch (error) {
    errors = [{ code: 'parser-threw', line: 0, message: String(error) }];
  }
  process.stdout.write(JSON.stringify({ path: file, errors }) + '\n');
}
