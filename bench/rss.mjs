// Preloaded into the benchmarked CLI process (node --import): reports its peak memory and its
// CPU time (user + system, all threads; less disturbed than wall time on a shared machine) on exit.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const r = process.resourceUsage();
  writeSync(2, `\n@@bench maxrss_kb=${r.maxRSS} cpu_us=${r.userCPUTime + r.systemCPUTime}\n`);
});
