/**
 * `pnpm --filter @cloudshelf/api migration:generate <Name>`: migrates a scratch
 * database to the head of the history, asks TypeORM what the entities still need,
 * and writes that as a new migration (then read it, fix it by hand if needed, commit).
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { adminQuery, databaseUrl, startPgServer } from '../test/pg-server';

/** Rewrites migrations/index.ts from the files present, oldest first. */
function writeIndex(dir: string): void {
  const entries = fs
    .readdirSync(dir)
    .filter((f) => /^\d+-[a-z0-9-]+\.ts$/.test(f))
    .sort()
    .map((f) => {
      const cls = /export class (\w+)/.exec(fs.readFileSync(path.join(dir, f), 'utf8'))?.[1];
      if (!cls) throw new Error(`no migration class in ${f}`);
      return { cls, mod: f.replace(/\.ts$/, '') };
    });
  const imports = entries.map((e) => `import { ${e.cls} } from './${e.mod}';`).join('\n');
  fs.writeFileSync(
    path.join(dir, 'index.ts'),
    `${imports}\n\n/** The one linear migration history, oldest first. Never edit a migration that has landed. */\nexport const MIGRATIONS = [${entries.map((e) => e.cls).join(', ')}];\n`,
  );
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: migration:generate PascalCaseName');
  const dir = path.join(__dirname, '../src/database/migrations');
  writeIndex(dir); // a migration file deleted by hand must leave the index first
  const { dataSourceOptions, runMigrations } =
    require('../src/database/data-source') as typeof import('../src/database/data-source');
  const { ENTITIES } = require('../src/app.entities') as typeof import('../src/app.entities');
  const server = await startPgServer();
  const scratch = `cloudshelf_gen_${process.pid}`;
  try {
    await adminQuery(server.adminUrl, `CREATE DATABASE "${scratch}"`);
    const url = databaseUrl(server.adminUrl, scratch);
    await runMigrations(url);
    const ds = new DataSource(dataSourceOptions(url, 2, ENTITIES));
    await ds.initialize();
    const sql = await ds.driver.createSchemaBuilder().log();
    await ds.destroy();
    if (sql.upQueries.length === 0) {
      console.log('entities and migrations agree: nothing to generate');
      return;
    }
    const stamp = Date.now();
    const className = `${name}${stamp}`;
    const q = (list: { query: string; parameters?: unknown[] }[]) =>
      list
        .map(
          (x) =>
            `    await queryRunner.query(\`${x.query.replace(/`/g, '\\`')}\`${x.parameters?.length ? `, ${JSON.stringify(x.parameters)}` : ''});`,
        )
        .join('\n');
    const file = `${stamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
    const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${q(sql.upQueries)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${q([...sql.downQueries].reverse())}
  }
}
`;
    fs.writeFileSync(path.join(dir, `${file}.ts`), body);
    writeIndex(dir);
    console.log(`wrote src/database/migrations/${file}.ts (${sql.upQueries.length} statements); now read it`);
  } finally {
    await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`).catch(
      () => undefined,
    );
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
