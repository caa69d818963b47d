// Preloaded into the benchmarked CLI process (node --import): reports its peak memory on exit.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\n@@bench maxrss_kb=${process.resourceUsage().maxRSS}\n`);
});
