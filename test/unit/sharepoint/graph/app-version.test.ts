import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../../../src/sharepoint/graph/app-version.ts';
import { DEFAULT_USER_AGENT } from '../../../../src/sharepoint/graph/user-agent-middleware.ts';

describe('APP_VERSION', () => {
  it('equals the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('goes into the decorated User-Agent SharePoint asks for', () => {
    expect(DEFAULT_USER_AGENT).toMatch(/^NONISV\|Insatsnavet\|Insatsnavet\/\d+\.\d+\.\d+/);
  });
});
