import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/app-error.ts';
import type { GraphClient } from '../../../src/sharepoint/graph/graph-client.ts';
import { SCHEMA } from '../../../src/sharepoint/schema.ts';
import { checkSchemaReadiness, SCHEMA_VERSION, schemaVersion } from '../../../src/sharepoint/schema-version.ts';

/** a GraphClient whose GET answers with `answer` (or throws it) and records the paths asked */
function graphAnswering(answer: unknown | Error): GraphClient & { paths: string[] } {
  const paths: string[] = [];
  const unused = () => {
    throw new Error('not used by the readiness check');
  };
  return {
    paths,
    get: async (path: string) => {
      paths.push(path);
      if (answer instanceof Error) {
        throw answer;
      }
      return answer;
    },
    getAll: unused,
    post: unused,
    patch: unused,
    put: unused,
    delete: unused,
    getBytes: unused,
    batch: unused,
  };
}

const versionRow = (value: string) => ({ value: [{ id: '7', fields: { Title: 'schema.version', Value: value } }] });
const target = { siteId: 'site-1', settingsListId: 'list-settings' };

describe('schemaVersion', () => {
  it('is a short stable hash of the schema', () => {
    expect(SCHEMA_VERSION).toMatch(/^[0-9a-f]{12}$/);
    expect(schemaVersion(SCHEMA)).toBe(SCHEMA_VERSION);
  });

  it('changes when a column or a choice value is added', () => {
    const withColumn = SCHEMA.map((spec) =>
      spec.key === 'Settings'
        ? { ...spec, columns: [...spec.columns, { name: 'Note', displayName: 'Not', type: 'text' as const }] }
        : spec,
    );
    const withChoice = SCHEMA.map((spec) => ({
      ...spec,
      columns: spec.columns.map((column) =>
        column.type === 'choice' && column.name === 'OrgType'
          ? { ...column, choices: [...column.choices, 'Privat'] }
          : column,
      ),
    }));
    expect(schemaVersion(withColumn)).not.toBe(SCHEMA_VERSION);
    expect(schemaVersion(withChoice)).not.toBe(SCHEMA_VERSION);
    expect(schemaVersion(withChoice)).not.toBe(schemaVersion(withColumn));
  });

  it('does not change with a list description, which provisioning never writes back', () => {
    const reworded = SCHEMA.map((spec) => ({ ...spec, description: `${spec.description} (omskriven)` }));
    expect(schemaVersion(reworded)).toBe(SCHEMA_VERSION);
  });
});

describe('checkSchemaReadiness', () => {
  it('is ready when the site has the expected version, in one request', async () => {
    const graph = graphAnswering(versionRow(SCHEMA_VERSION));
    expect(await checkSchemaReadiness(graph, target)).toEqual({ ready: true, schemaVersion: SCHEMA_VERSION });
    expect(graph.paths).toHaveLength(1);
    expect(graph.paths[0]).toContain('/sites/site-1/lists/list-settings/items?$filter=');
  });

  it('names both versions and the fix when they differ', async () => {
    const readiness = await checkSchemaReadiness(graphAnswering(versionRow('0123456789ab')), target);
    expect(readiness).toEqual({
      ready: false,
      reason: `Schemat är version 0123456789ab, appen väntar ${SCHEMA_VERSION} – kör npm run provision`,
    });
  });

  it('says the version is missing on a site provisioned before versions existed', async () => {
    const readiness = await checkSchemaReadiness(graphAnswering({ value: [] }), target);
    expect(readiness).toMatchObject({ ready: false, reason: expect.stringContaining('Schemat saknar version') });
  });

  it('says SharePoint does not answer when Graph fails', async () => {
    const down = new AppError('THROTTLED', 'Graph 503 after retries');
    expect(await checkSchemaReadiness(graphAnswering(down), target)).toEqual({
      ready: false,
      reason: 'SharePoint svarar inte',
    });
    expect(await checkSchemaReadiness(graphAnswering(new TypeError('fetch failed')), target)).toEqual({
      ready: false,
      reason: 'SharePoint svarar inte',
    });
  });
});
