/**
 * "Öppna" for an agreement's PDF: fetched from GET /api/avtal/:driveItemId/fil with the caller's
 * credentials, then shown (open-pdf.ts). Which file is being fetched, and what went wrong or what
 * the browser did instead, for the view to say next to the button.
 */
import { useCallback, useState } from 'react';
import type { ApiError } from '../../api/api-error.ts';
import { useSession } from '../../shell/session.tsx';
import { toApiError } from './api-errors.ts';
import { showPdf } from './open-pdf.ts';

export type OpenState = {
  /** the drive item being fetched */
  readonly busy: string | null;
  readonly error: { readonly driveItemId: string; readonly error: ApiError } | null;
  /** the file was downloaded, not opened (no window) */
  readonly downloaded: { readonly driveItemId: string; readonly name: string } | null;
};

export function agreementFilePath(driveItemId: string): string {
  return `/api/avtal/${encodeURIComponent(driveItemId)}/fil`;
}

export function useOpenAgreement(): OpenState & { readonly open: (driveItemId: string, name: string) => void } {
  const { api } = useSession();
  const [state, setState] = useState<OpenState>({ busy: null, error: null, downloaded: null });
  const open = useCallback(
    (driveItemId: string, name: string) => {
      setState({ busy: driveItemId, error: null, downloaded: null });
      api.getFile(agreementFilePath(driveItemId)).then(
        (file) => {
          const shown = showPdf(file, name);
          setState({ busy: null, error: null, downloaded: shown === 'downloaded' ? { driveItemId, name } : null });
        },
        (error: unknown) =>
          setState({ busy: null, error: { driveItemId, error: toApiError(error) }, downloaded: null }),
      );
    },
    [api],
  );
  return { ...state, open };
}
