// The machine's ceiling for the bench: a bare Node `http` server answering one primary-key SELECT
// through `pg` (a pool as large as the API's) on the same PostgreSQL, as JSON.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pg = require('pg');
const pool = new pg.Pool({ connectionString: process.env.CEILING_DATABASE_URL, max: 20 });
const server = createServer(async (req, res) => {
  try {
    const id = req.url.slice(req.url.lastIndexOf('/') + 1);
    const { rows } = await pool.query({
      name: 'ceiling',
      text: 'SELECT id, title, status FROM product WHERE id = $1',
      values: [id],
    });
    const body = JSON.stringify(rows[0] ?? null);
    res.writeHead(rows.length ? 200 : 404, { 'content-type': 'application/json' }).end(body);
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
});
server.listen(Number(process.env.CEILING_PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
