import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { EnvFileError, parseEnvFile } from '../../../scripts/app-package/env-file.ts';
import { fillPlaceholders, placeholderNames } from '../../../scripts/app-package/placeholders.ts';
import { checkOutlinePixels, readPngSize } from '../../../scripts/app-package/png-info.ts';
import {
  bundledSchemaFile,
  escapeLoneBrackets,
  validateAgainstBundledSchema,
} from '../../../scripts/app-package/validate-manifest.ts';
import { makeColorIcon, makeOutlineIcon } from '../../../scripts/make-icons.ts';

const root = join(import.meta.dirname, '..', '..', '..');

describe('parseEnvFile', () => {
  it('reads KEY=value lines, comments, quotes, export and trailing comments', () => {
    const text = [
      '# a comment',
      '',
      'TEAMSFX_ENV=local',
      'export BOT_DOMAIN=bot.example.org   # the bot',
      'EMPTY=',
      'SPACED = "a value # not a comment"',
      "SINGLE='no \\n escapes # here'",
      'ESCAPED="say \\"hej\\"\\nrad två"',
      'URL=https://example.org/#anchor',
    ].join('\r\n');
    expect(parseEnvFile(text, 'x')).toEqual({
      TEAMSFX_ENV: 'local',
      BOT_DOMAIN: 'bot.example.org',
      EMPTY: '',
      SPACED: 'a value # not a comment',
      SINGLE: 'no \\n escapes # here',
      ESCAPED: 'say "hej"\nrad två',
      URL: 'https://example.org/#anchor',
    });
  });

  it('names the file and line of a bad line', () => {
    expect(() => parseEnvFile('A=1\nnot an assignment\n', 'env/.env.x')).toThrow(EnvFileError);
    expect(() => parseEnvFile('A=1\nnot an assignment\n', 'env/.env.x')).toThrow('env/.env.x:2');
    expect(() => parseEnvFile('1A=1', 'f')).toThrow('"1A" is not a valid variable name');
    expect(() => parseEnvFile('A="open', 'f')).toThrow('unterminated');
  });
});

/** `${{NAME}}`, written so that no string literal looks like a broken template. */
const ph = (name: string): string => ['$', '{{', name, '}}'].join('');

describe('fillPlaceholders', () => {
  it('fills every string, keeps other values, and escapes nothing by hand', () => {
    const source = { a: `https://${ph('DOMAIN')}/x`, b: [ph(' NAME '), 3, true, null], c: { d: ph('EMPTY') } };
    const result = fillPlaceholders(source, { DOMAIN: 'example.org', NAME: 'say "hej" \\ ok', EMPTY: '' });
    expect(result).toEqual({
      value: { a: 'https://example.org/x', b: ['say "hej" \\ ok', 3, true, null], c: { d: '' } },
      missing: [],
      malformed: [],
    });
    expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
    expect(source.a).toBe(`https://${ph('DOMAIN')}/x`);
  });

  it('reports every missing variable once, sorted', () => {
    const result = fillPlaceholders([ph('B'), `${ph('A')}${ph('B')}`, ph('C')], { C: 'c' });
    expect(result.missing).toEqual(['A', 'B']);
    expect(result.value).toEqual([ph('B'), `${ph('A')}${ph('B')}`, 'c']);
  });

  it('reports a malformed placeholder with its path', () => {
    expect(fillPlaceholders({ x: [ph('NOT A NAME')] }, {}).malformed).toEqual([`$.x[0]: "${ph('NOT A NAME')}"`]);
  });

  it('lists the variables the committed manifest uses', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'appPackage', 'manifest.json'), 'utf8'));
    expect(placeholderNames(manifest)).toEqual([
      'AAD_APP_CLIENT_ID',
      'APP_NAME_SUFFIX',
      'APP_VERSION',
      'BOT_DOMAIN',
      'BOT_ID',
      'DEVELOPER_WEBSITE_URL',
      'PRIVACY_URL',
      'TAB_DOMAIN',
      'TEAMS_APP_ID',
      'TERMS_URL',
    ]);
  });
});

describe('readPngSize and checkOutlinePixels', () => {
  it('reads the size from the IHDR chunk', () => {
    const png = new PNG({ width: 7, height: 3 });
    expect(readPngSize(PNG.sync.write(png))).toEqual({ width: 7, height: 3 });
    expect(readPngSize(readFileSync(join(root, 'appPackage', 'color.png')))).toEqual({ width: 192, height: 192 });
    expect(readPngSize(readFileSync(join(root, 'appPackage', 'outline.png')))).toEqual({ width: 32, height: 32 });
  });

  it('refuses bytes that are not a PNG', () => {
    expect(() => readPngSize(new TextEncoder().encode('GIF89a and more bytes here'))).toThrow('not a PNG');
  });

  it('finds a pixel that is neither transparent nor white', () => {
    const rgba = new Uint8Array([255, 255, 255, 128, 0, 0, 0, 0, 255, 255, 255, 0, 15, 108, 92, 255]);
    expect(checkOutlinePixels(rgba, 2)).toEqual({ bad: 1, first: { x: 1, y: 1, rgba: [15, 108, 92, 255] } });
    expect(checkOutlinePixels(rgba.slice(0, 12), 2)).toEqual({ bad: 0 });
  });
});

describe('the committed icons', () => {
  it('are what scripts/make-icons.ts draws', () => {
    for (const [file, make] of [
      ['color.png', makeColorIcon],
      ['outline.png', makeOutlineIcon],
    ] as const) {
      const committed = PNG.sync.read(readFileSync(join(root, 'appPackage', file)));
      const drawn = PNG.sync.read(make());
      expect(Buffer.compare(committed.data, drawn.data), `${file}: run node --import tsx scripts/make-icons.ts`).toBe(
        0,
      );
    }
  });

  it('the colour icon is opaque and mostly deep teal', () => {
    const color = PNG.sync.read(readFileSync(join(root, 'appPackage', 'color.png')));
    let teal = 0;
    for (let i = 0; i < color.data.length; i += 4) {
      expect(color.data[i + 3]).toBe(255);
      const [r, g, b] = [color.data[i] ?? 0, color.data[i + 1] ?? 0, color.data[i + 2] ?? 0];
      if (r < 40 && g > 70 && g < 150 && b > 60 && b < 130) {
        teal++;
      }
    }
    expect(teal / (192 * 192)).toBeGreaterThan(0.5);
  });
});

describe('offline schema validation', () => {
  it('finds the bundled schemas and explains a missing one', () => {
    expect(
      bundledSchemaFile('https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json'),
    ).toHaveProperty('file');
    expect(
      bundledSchemaFile('https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json'),
    ).toEqual({
      error: expect.stringContaining('bundles no v1.18 schema'),
    });
    expect(bundledSchemaFile('https://example.org/schema.json')).toHaveProperty('error');
    expect(bundledSchemaFile(undefined)).toHaveProperty('error');
  });

  it('makes the localization schema patterns valid with the u flag without changing what they match', () => {
    const pattern = '^activities.activityTypes\\[\\b([0-9]|[1-8][0-9]|9[0-9]|1[01][0-9]|12[0-7])\\b]\\.description$';
    expect(() => new RegExp(pattern, 'u')).toThrow();
    const fixed = escapeLoneBrackets(pattern);
    expect(fixed).toBe(
      '^activities.activityTypes\\[\\b([0-9]|[1-8][0-9]|9[0-9]|1[01][0-9]|12[0-7])\\b\\]\\.description$',
    );
    for (const key of ['activities.activityTypes[12].description', 'activities.activityTypes[128].description', 'x']) {
      expect(new RegExp(fixed, 'u').test(key), key).toBe(new RegExp(pattern).test(key));
    }
    expect(escapeLoneBrackets('^[a-z]+$')).toBe('^[a-z]+$');
  });

  it('still rejects a bad localization file', async () => {
    const messages = await validateAgainstBundledSchema({
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.Localization.schema.json',
      'name.short': 'Insatsnavet',
      'description.short': 'kort',
      'no.such.key': 'x',
    });
    expect(messages.join('\n')).toContain("must have required property 'description.full'");
    expect(messages.join('\n')).toContain('must NOT have additional properties');
  });
});
