#!/usr/bin/env node
'use strict';
// `cors-guard map [paths…] [--format …] [--diff REF]` and `cors-guard test <file>:<line>`: see `cors-guard --help`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bin
require('../dist/cli.js')
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
