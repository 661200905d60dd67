/**
 * The app's version, sent in the User-Agent Graph asks for. Kept equal to package.json's
 * `version` (a unit test checks it) so that no runtime code has to read package.json.
 */
export const APP_VERSION = '0.1.0';
