// One bounded load run against a URL base: wrk when the Debian package is installed (it costs far
// less CPU than a Node load generator on a 2-core machine), autocannon otherwise.
import autocannon from 'autocannon';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function hasWrk() {
  if (process.env.BENCH_TOOL === 'autocannon') return false;
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return e.status === 1; // wrk --version prints its banner and exits 1
  }
}
export const TOOL = hasWrk() ? 'wrk' : 'autocannon';

const lua = (v) => JSON.stringify(v); // a JSON string literal is a valid Lua string literal here

/**
 * `spec`: { base, paths[], tokens?[], method?, bodies?[] (JSON, rotated; POSTs get an
 * idempotency key each), connections, seconds }. Resolves { rps, p50, p99, errors, requests }.
 */
export function load(spec) {
  return TOOL === 'wrk' ? wrk(spec) : cannon(spec);
}

function wrk({ base, paths, tokens = [], method = 'GET', bodies = [], connections, seconds }) {
  const dir = mkdtempSync(join(tmpdir(), 'cloudshelf-wrk-'));
  const script = join(dir, 'bench.lua');
  writeFileSync(
    script,
    `local paths = {${paths.map(lua).join(',')}}
local tokens = {${tokens.map(lua).join(',')}}
local bodies = {${bodies.map((b) => lua(JSON.stringify(b))).join(',')}}
local i = 0
local tag = tostring(os.time()) .. tostring(math.random(1, 1000000000))
request = function()
  i = i + 1
  local h = {}
  if #tokens > 0 then h["Authorization"] = "Bearer " .. tokens[(i % #tokens) + 1] end
  local body = nil
  if #bodies > 0 then
    body = bodies[(i % #bodies) + 1]
    h["Content-Type"] = "application/json"
    h["Idempotency-Key"] = "wrk-" .. tag .. "-" .. i
  end
  return wrk.format(${lua(method)}, paths[(i % #paths) + 1], h, body)
end
done = function(s, latency, requests)
  local e = s.errors
  io.write(string.format("BENCHJSON %d %d %f %f %d\\n", s.requests, s.duration, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.connect + e.read + e.write + e.status + e.timeout))
end
`,
  );
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, base];
  return new Promise((resolve, reject) =>
    execFile('wrk', args, { maxBuffer: 1 << 24 }, (err, stdout) => {
      rmSync(dir, { recursive: true, force: true });
      const m = /BENCHJSON (\d+) (\d+) ([\d.]+) ([\d.]+) (\d+)/.exec(stdout);
      if (!m) return reject(err ?? new Error(`wrk printed no result: ${stdout}`));
      const [requests, us, p50, p99, errors] = m.slice(1).map(Number);
      resolve({ requests, rps: requests / (us / 1e6), p50, p99, errors });
    }),
  );
}

function cannon({ base, paths, tokens = [], method = 'GET', bodies = [], connections, seconds }) {
  let i = 0;
  const tag = `${Date.now()}`;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            method,
            setupRequest: (req) => {
              i++;
              const headers = { ...req.headers };
              if (tokens.length) headers.authorization = `Bearer ${tokens[i % tokens.length]}`;
              let body;
              if (bodies.length) {
                body = JSON.stringify(bodies[i % bodies.length]);
                headers['content-type'] = 'application/json';
                headers['idempotency-key'] = `ac-${tag}-${i}`;
              }
              return { ...req, path: paths[i % paths.length], headers, body };
            },
          },
        ],
      },
      (err, r) =>
        err
          ? reject(err)
          : resolve({
              requests: r.requests.total,
              rps: r.requests.total / (r.duration || seconds),
              p50: r.latency.p50,
              p99: r.latency.p99,
              errors: r.errors + r.timeouts + r.non2xx,
            }),
    );
  });
}
