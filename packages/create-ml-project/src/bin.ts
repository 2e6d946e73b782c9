#!/usr/bin/env node
import { isatty } from 'node:tty';
import { run } from './main.js';

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  // isatty(0), not process.stdin.isTTY: the stdin stream costs milliseconds to create, and --yes never reads it.
  interactive: isatty(0) && isatty(1),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
