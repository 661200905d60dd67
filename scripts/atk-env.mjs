// For the Agents Toolkit's `script` action (m365agents.yml): prints `::set-teamsfx-env NAME=value`
// lines, which the Toolkit writes into env/.env.<env> (SECRET_* into the git-ignored .user file):
// APP_VERSION from package.json (the manifest's version), and a random CALENDAR_FEED_SECRET the
// first time only — changing it later would revoke every calendar link.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
console.log(`::set-teamsfx-env APP_VERSION=${version}`);
if ((process.env.SECRET_CALENDAR_FEED_SECRET ?? '') === '') {
  console.log(`::set-teamsfx-env SECRET_CALENDAR_FEED_SECRET=${randomBytes(48).toString('base64url')}`);
}
