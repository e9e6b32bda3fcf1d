import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderOpenApi } from './emit-openapi';

describe('committed OpenAPI document', () => {
  it('matches what the code generates (run `pnpm openapi` after changing a controller or DTO)', async () => {
    const committed = fs.readFileSync(
      path.join(__dirname, '../../../../packages/api-client/openapi.json'),
      'utf8',
    );
    const fresh = await renderOpenApi();
    expect(JSON.parse(committed)).toEqual(JSON.parse(fresh));
    expect(committed).toBe(fresh);
  });
});
