// Preloaded into the benchmarked CLI process (node --import): reports its peak memory and its
// CPU time (user + system, all threads; less disturbed than wall time on a shared machine) on exit.
// Peak memory is the process's own high-water mark (VmHWM in /proc/self/status) where Linux
// has it: getrusage's maxrss also counts the RSS of the bench process that forked it (Linux
// keeps the larger of the two across exec), so a bench holding a large generated ledger in
// memory would raise every child's figure to its own.
import { readFileSync, writeSync } from 'node:fs';

function peakKb() {
  try {
    const hwm = /^VmHWM:\s*(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // Not Linux: getrusage's figure.
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  const r = process.resourceUsage();
  writeSync(2, `\n@@bench maxrss_kb=${peakKb()} cpu_us=${r.userCPUTime + r.systemCPUTime}\n`);
});
