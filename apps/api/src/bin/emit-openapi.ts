import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/config';
import { buildOpenApi } from '../openapi';

/** The OpenAPI document as committed in packages/api-client: built without a database. */
export async function renderOpenApi(): Promise<string> {
  const config = { ...loadConfig({ NODE_ENV: 'test' }), databaseUrl: 'postgres://openapi@127.0.0.1:1/none' };
  const app = await createApp(config, { preview: true });
  const doc = buildOpenApi(app);
  await app.close();
  return `${JSON.stringify(doc, null, 2)}\n`;
}

if (require.main === module) {
  const out = path.resolve(process.argv[2] ?? 'openapi.json');
  renderOpenApi()
    .then((text) => {
      fs.writeFileSync(out, text);
      console.log(`wrote ${out}`);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
