/**
 * "The draft was just created": carried from `#/ny-ansokan` to `#/ansokan/<id>` so the draft's
 * page can say it was saved. Kept in memory for this page only; a reload has nothing to announce.
 */
let created: string | null = null;

export function rememberCreated(id: string): void {
  created = id;
}

/** true once for the draft that was just created */
export function takeCreated(id: string): boolean {
  if (created !== id) {
    return false;
  }
  created = null;
  return true;
}
