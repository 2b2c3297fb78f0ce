#!/usr/bin/env node
'use strict';
// `cors-guard map [paths…] [--format text|json|md|html] [--out FILE]`: see `cors-guard --help`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bin
require('../dist/map/cli.js')
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`cors-guard: ${error && error.stack ? error.stack : error}\n`);
      process.exitCode = 2;
    },
  );
