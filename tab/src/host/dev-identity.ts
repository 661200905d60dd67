/**
 * The local sign-in (AUTH_MODE=dev): whom this browser tab acts as. `/?as=<Entra object id>`
 * signs in directly (tests and demos); the sign-in picker does the same. Kept per browser tab
 * (sessionStorage), so two tabs can be two people side by side.
 */
const STORAGE_KEY = 'insatsnavet.as';
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // storage refused (a locked-down browser): sign-in lasts until the page is reloaded
    return null;
  }
}

let inMemory: string | null = null;

/** reads `?as=` once (and removes it from the address bar), else the stored choice */
export function readDevIdentity(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('as');
  if (fromUrl !== null) {
    url.searchParams.delete('as');
    window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
    if (GUID.test(fromUrl.trim())) {
      setDevIdentity(fromUrl.trim());
      return fromUrl.trim();
    }
  }
  return storage()?.getItem(STORAGE_KEY) ?? inMemory;
}

export function setDevIdentity(aadObjectId: string | null): void {
  inMemory = aadObjectId;
  const store = storage();
  if (aadObjectId === null) {
    store?.removeItem(STORAGE_KEY);
  } else {
    store?.setItem(STORAGE_KEY, aadObjectId);
  }
}
