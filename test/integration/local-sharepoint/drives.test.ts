import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Collection,
  createList,
  type Emulator,
  expectGraphError,
  type Fields,
  type ItemJson,
  type Reply,
  startEmulator,
} from './helpers.ts';

type DriveItem = {
  id: string;
  name: string;
  size: number;
  eTag: string;
  cTag: string;
  webUrl: string;
  file?: { mimeType: string };
  folder?: { childCount: number };
  parentReference: { driveId: string; id?: string; path?: string };
  [key: string]: unknown;
};
type Drive = { id: string; name: string; driveType: string };

let em: Emulator;
beforeAll(async () => {
  em = await startEmulator();
});
afterAll(async () => {
  await em.close();
});

async function library(columns: unknown[] = [{ name: 'DocumentKind', choice: { choices: ['Ansökan', 'Bilaga'] } }]) {
  const site = await em.newSite();
  const list = await createList(em, site, 'Dokument', columns, 'documentLibrary');
  const drive = await em.graph<Drive>('GET', `${site}/lists/${list}/drive`);
  expect(drive.status).toBe(200);
  return { site, list, drive: `/drives/${drive.json.id}`, driveId: drive.json.id };
}

async function put(path: string, content: Uint8Array | string, query = ''): Promise<Reply<DriveItem>> {
  const response = await fetch(`${em.sp.graphUrl}${path}${query}`, {
    method: 'PUT',
    headers: { authorization: 'Bearer t', 'content-type': 'application/octet-stream' },
    body: typeof content === 'string' ? content : Buffer.from(content),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: JSON.parse(text) as DriveItem, text };
}

describe('drives', () => {
  it('lists the libraries of a site as drives; a generic list has none', async () => {
    const { site, driveId, list } = await library();
    const generic = await createList(em, site, 'Plain');
    const drives = await em.graph<Collection<Drive>>('GET', `${site}/drives`);
    expect(drives.json.value).toEqual([
      expect.objectContaining({ id: driveId, name: 'Dokument', driveType: 'documentLibrary' }),
    ]);
    expect(driveId).toMatch(/^b![A-Za-z0-9_-]{64}$/);
    expect((await em.graph<Drive>('GET', `${site}/drive`)).json.id).toBe(driveId);
    expect((await em.graph<Drive>('GET', `/drives/${driveId}`)).json.name).toBe('Dokument');
    expectGraphError(await em.graph('GET', `${site}/lists/${generic}/drive`), 404, 'itemNotFound');
    expectGraphError(await em.graph('GET', '/drives/b!nope'), 404, 'itemNotFound');
    const root = await em.graph<DriveItem>('GET', `/drives/${driveId}/root`);
    expect(root.json).toMatchObject({ name: 'root', root: {}, folder: { childCount: 0 } });
    const viaList = await em.graph<DriveItem>('GET', `${site}/lists/${list}/drive/root`);
    expect(viaList.json.id).toBe(root.json.id);
  });

  it('uploads by path (creating folders), downloads identical bytes with the right Content-Type', async () => {
    const { drive, driveId } = await library();
    const content = randomBytes(100_000);
    const created = await put(`${drive}/root:/NOVA/2027/avtal.pdf:/content`, content);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'avtal.pdf', size: 100_000, file: { mimeType: 'application/pdf' } });
    expect(created.json.parentReference).toMatchObject({ driveId, path: `/drives/${driveId}/root:/NOVA/2027` });
    expect(created.json.eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);
    const download = await fetch(`${em.sp.graphUrl}${drive}/items/${created.json.id}/content`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(content).digest('hex'));
    const byPath = await em.graph<DriveItem>('GET', `${drive}/root:/NOVA/2027/avtal.pdf`);
    expect(byPath.json.id).toBe(created.json.id);
    const folder = await em.graph<DriveItem>('GET', `${drive}/root:/NOVA:`);
    expect(folder.json).toMatchObject({ name: 'NOVA', folder: { childCount: 1 }, size: 100_000 });
    const children = await em.graph<Collection<DriveItem>>('GET', `${drive}/items/${folder.json.id}/children`);
    expect(children.json.value.map((child) => child.name)).toEqual(['2027']);
    const relative = await em.graph<DriveItem>('GET', `${drive}/items/${folder.json.id}:/2027/avtal.pdf`);
    expect(relative.json.id).toBe(created.json.id);
    expectGraphError(await em.graph('GET', `${drive}/root:/NOVA/missing.pdf`), 404, 'itemNotFound');
  });

  it('uploads into a parent by id with conflictBehavior fail (409), replace (new version) and rename', async () => {
    const { drive } = await library();
    const root = await em.graph<DriveItem>('GET', `${drive}/root`);
    const target = `${drive}/items/${root.json.id}:/Rapport.pdf:/content`;
    const first = await put(target, 'v1', '?@microsoft.graph.conflictBehavior=fail');
    expect(first.status).toBe(201);
    const refused = await put(target, 'v2', '?@microsoft.graph.conflictBehavior=fail');
    expectGraphError(refused, 409, 'nameAlreadyExists');
    const replaced = await put(target, 'version two', '?@microsoft.graph.conflictBehavior=replace');
    expect(replaced.status).toBe(200);
    expect(replaced.json.id).toBe(first.json.id);
    expect(replaced.json.size).toBe(11);
    expect(replaced.json.eTag).toMatch(/,2"$/);
    expect(replaced.json.cTag).not.toBe(first.json.cTag);
    const defaulted = await put(target, 'v3');
    expect(defaulted.status).toBe(200);
    const renamed = await put(target, 'other', '?%40microsoft.graph.conflictBehavior=rename');
    expect(renamed.status).toBe(201);
    expect(renamed.json.name).toBe('Rapport 1.pdf');
    const renamedAgain = await put(target, 'other', '?@microsoft.graph.conflictBehavior=rename');
    expect(renamedAgain.json.name).toBe('Rapport 2.pdf');
    expectGraphError(await put(target, 'x', '?@microsoft.graph.conflictBehavior=maybe'), 400, 'invalidRequest');
    const byName = await put(`${drive}/items/${first.json.id}/content`, 'direct');
    expect(byName.status).toBe(200);
    expect(byName.json.eTag).toMatch(/,4"$/);
  });

  it('keeps versions, newest first, each downloadable', async () => {
    const { drive } = await library();
    const first = await put(`${drive}/root:/plan.txt:/content`, 'one');
    await put(`${drive}/root:/plan.txt:/content`, 'second');
    await put(`${drive}/root:/plan.txt:/content`, 'third!!');
    const versions = await em.graph<Collection<{ id: string; size: number; lastModifiedDateTime: string }>>(
      'GET',
      `${drive}/items/${first.json.id}/versions`,
    );
    expect(versions.json.value.map((version) => [version.id, version.size])).toEqual([
      ['3.0', 7],
      ['2.0', 6],
      ['1.0', 3],
    ]);
    const old = await fetch(`${em.sp.graphUrl}${drive}/items/${first.json.id}/versions/1.0/content`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(await old.text()).toBe('one');
    const one = await em.graph<{ id: string }>('GET', `${drive}/items/${first.json.id}/versions/2.0`);
    expect(one.json.id).toBe('2.0');
    expectGraphError(await em.graph('GET', `${drive}/items/${first.json.id}/versions/9.0`), 404, 'itemNotFound');
  });

  it('creates folders with POST children (default fail, rename on request)', async () => {
    const { drive } = await library();
    const created = await em.graph<DriveItem>('POST', `${drive}/root/children`, { name: 'Avtal', folder: {} });
    expect(created.status).toBe(201);
    expect(created.json.folder).toEqual({ childCount: 0 });
    expectGraphError(
      await em.graph('POST', `${drive}/root/children`, { name: 'avtal', folder: {} }),
      409,
      'nameAlreadyExists',
    );
    const renamed = await em.graph<DriveItem>('POST', `${drive}/root/children`, {
      name: 'Avtal',
      folder: {},
      '@microsoft.graph.conflictBehavior': 'rename',
    });
    expect(renamed.json.name).toBe('Avtal 1');
    expectGraphError(
      await em.graph('POST', `${drive}/root/children`, { name: 'x.pdf', file: {} }),
      400,
      'invalidRequest',
    );
  });

  it.each([
    'a:b.pdf',
    'fråga?.pdf',
    'star*.pdf',
    'pipe|.pdf',
    'quote".pdf',
    'less<.pdf',
    'back\\slash.pdf',
    ' leading.pdf',
    'trailing.pdf.',
    'CON',
    'desktop.ini',
    '~$lock.docx',
    'x_vti_y.pdf',
    '.lock',
  ])('refuses the invalid name %j with 400 invalidRequest / invalidPath', async (name) => {
    const { drive } = await library();
    const upload = await put(`${drive}/root:/${encodeURIComponent(name)}:/content`, 'x');
    expect(expectGraphError(upload, 400, 'invalidRequest').innerError.code).toBe('invalidPath');
    const folder = await em.graph('POST', `${drive}/root/children`, { name, folder: {} });
    expectGraphError(folder, 400, 'invalidRequest');
    const children = await em.graph<Collection<DriveItem>>('GET', `${drive}/root/children`);
    expect(children.json.value).toEqual([]);
  });

  it("refuses 'forms' at the library root and paths over 400 characters", async () => {
    const { drive } = await library();
    expectGraphError(await put(`${drive}/root:/forms/a.pdf:/content`, 'x'), 400, 'invalidRequest');
    expect((await put(`${drive}/root:/sub/forms/a.pdf:/content`, 'x')).status).toBe(201);
    const long = `${'a'.repeat(200)}/${'b'.repeat(200)}.pdf`;
    expectGraphError(await put(`${drive}/root:/${long}:/content`, 'x'), 400, 'invalidRequest');
  });

  it('exposes each file as a list item of the library, with FileLeafRef and custom columns', async () => {
    const { drive, site, list } = await library();
    const file = await put(`${drive}/root:/ansokan.docx:/content`, 'docx');
    const fields = await em.graph<Fields>('PATCH', `${drive}/items/${file.json.id}/listItem/fields`, {
      DocumentKind: 'Ansökan',
      Title: 'Ansökan NOVA',
    });
    expect(fields.status).toBe(200);
    expect(fields.json).toMatchObject({ DocumentKind: 'Ansökan', Title: 'Ansökan NOVA', FileLeafRef: 'ansokan.docx' });
    expectGraphError(
      await em.graph('PATCH', `${drive}/items/${file.json.id}/listItem/fields`, { DocumentKind: 'Okänd' }),
      400,
      'invalidRequest',
    );
    expectGraphError(
      await em.graph('PATCH', `${drive}/items/${file.json.id}/listItem/fields`, { Nope: 1 }),
      400,
      'invalidRequest',
    );
    const read = await em.graph<Fields>('GET', `${drive}/items/${file.json.id}/listItem/fields`);
    expect(read.json.DocumentKind).toBe('Ansökan');
    const listItem = await em.graph<ItemJson>('GET', `${drive}/items/${file.json.id}/listItem?expand=fields`);
    expect(listItem.json.contentType).toMatchObject({ name: 'Document' });
    expect(listItem.json.fields.FileLeafRef).toBe('ansokan.docx');
    const items = await em.graph<Collection>('GET', `${site}/lists/${list}/items?expand=fields`);
    expect(items.json.value.map((item) => item.fields.FileLeafRef)).toEqual(['ansokan.docx']);
    const back = await em.graph<DriveItem>('GET', `${site}/lists/${list}/items/${listItem.json.id}/driveItem`);
    expect(back.json.id).toBe(file.json.id);
    // a metadata edit is a new version, as with SharePoint's versioning
    const versions = await em.graph<Collection<{ id: string }>>('GET', `${drive}/items/${file.json.id}/versions`);
    expect(versions.json.value.map((version) => version.id)).toEqual(['2.0', '1.0']);
  });

  it('refuses to create items directly in a library', async () => {
    const { site, list } = await library();
    const refused = await em.graph('POST', `${site}/lists/${list}/items`, { fields: { Title: 'x' } });
    expect(expectGraphError(refused, 400, 'invalidRequest').message).toBe(
      'Files and folders should only be added to a DocumentLibrary via the OneDrive API',
    );
  });

  it('deletes files and folders (and what the folder holds) with their list items', async () => {
    const { drive, site, list } = await library();
    await put(`${drive}/root:/A/one.txt:/content`, '1');
    await put(`${drive}/root:/A/B/two.txt:/content`, '2');
    const keep = await put(`${drive}/root:/keep.txt:/content`, 'k');
    const folder = await em.graph<DriveItem>('GET', `${drive}/root:/A`);
    expect((await em.graph('DELETE', `${drive}/items/${folder.json.id}`)).status).toBe(204);
    expectGraphError(await em.graph('GET', `${drive}/root:/A/B/two.txt`), 404, 'itemNotFound');
    const items = await em.graph<Collection>('GET', `${site}/lists/${list}/items?expand=fields`);
    expect(items.json.value.map((item) => item.fields.FileLeafRef)).toEqual(['keep.txt']);
    expect(
      (
        await em.graph('DELETE', `${drive}/items/${keep.json.id}`, undefined, {
          'if-match': '"{00000000-0000-0000-0000-000000000000},1"',
        })
      ).status,
    ).toBe(412);
    expect(
      (await em.graph('DELETE', `${drive}/items/${keep.json.id}`, undefined, { 'if-match': keep.json.eTag })).status,
    ).toBe(204);
  });

  it('pages children with a nextLink', async () => {
    const { drive } = await library();
    for (let n = 0; n < 5; n += 1) {
      await put(`${drive}/root:/f${n}.txt:/content`, `${n}`);
    }
    const names: string[] = [];
    let next: string | undefined = `${drive}/root/children?$top=2`;
    while (next !== undefined) {
      const page: Reply<Collection<DriveItem>> = await em.graph<Collection<DriveItem>>('GET', next);
      names.push(...page.json.value.map((child) => child.name));
      next = page.json['@odata.nextLink']?.slice(em.sp.graphUrl.length);
    }
    expect(names).toEqual(['f0.txt', 'f1.txt', 'f2.txt', 'f3.txt', 'f4.txt']);
  });
});
