/**
 * Shows a PDF the tab fetched with its sign-in header (a plain link to /api/avtal/…/fil carries
 * none): as an object URL in a new window, where the browser's PDF viewer shows it; when the
 * browser opens no window (a popup blocker, or the click's activation ran out while a large file
 * arrived), the same object URL is downloaded under the file's name instead. No frame or embed
 * in the tab, so the tab's Content-Security-Policy (object-src 'none') needs no exception.
 */

/** how long the object URL lives: long enough for the new window's viewer to read it */
const REVOKE_AFTER_MS = 60_000;

export type Shown = 'opened' | 'downloaded';

export function showPdf(file: Blob, name: string): Shown {
  const pdf = file.type === 'application/pdf' ? file : new Blob([file], { type: 'application/pdf' });
  const url = URL.createObjectURL(pdf);
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  // not 'noopener': with it window.open answers null even when it opened a window
  const opened = window.open(url, '_blank');
  if (opened !== null) {
    return 'opened';
  }
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  return 'downloaded';
}
