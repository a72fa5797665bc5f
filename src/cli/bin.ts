#!/usr/bin/env node
import { hideBin } from 'yargs/helpers';
import { main } from './main.js';

// A reader that stops early (`addersim budget ... | head`) closes the pipe: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

process.exitCode = await main(hideBin(process.argv));
