// Process probes from /proc: CPU seconds of a process (or of PostgreSQL: the postmaster and
// every backend), and the resident set size of a process, sampled while load runs.
import { readFileSync, readdirSync } from 'node:fs';

const TICK = 100; // USER_HZ on Linux

function stat(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / TICK };
  } catch {
    return null;
  }
}

export function cpuSeconds(pid) {
  return stat(pid)?.cpu ?? 0;
}

/** The postmaster and its children (backends, walwriter, ...); exited backends' CPU is lost. */
export function postgresCpu(postmaster) {
  let total = cpuSeconds(postmaster);
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const s = stat(d);
    if (s?.ppid === postmaster) total += s.cpu;
  }
  return total;
}

export function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples `pid`'s RSS every `ms`; `stop()` gives { max, samples }. */
export function sampleRss(pid, ms = 500) {
  const samples = [];
  const t = setInterval(() => samples.push(rssMb(pid)), ms);
  return {
    stop: () => (clearInterval(t), { max: Math.max(0, ...samples), samples }),
  };
}
