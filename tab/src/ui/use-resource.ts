/**
 * Loads one API resource for a view: the data, the error (an ApiError with a Swedish message),
 * whether it is loading, and `reload` after a change. A newer load wins over an older one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/api-error.ts';
import { useSession } from '../shell/session.tsx';

export type Resource<T> = {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  readonly reload: () => void;
};

/**
 * `version`: a number that, when it changes, loads again (e.g. the session's waitingVersion after
 * a vote elsewhere in the tab).
 */
export function useResource<S extends z.ZodType>(path: string | null, schema: S, version = 0): Resource<z.infer<S>> {
  const { api } = useSession();
  const [state, setState] = useState<{ data?: z.infer<S>; error?: ApiError; loading: boolean }>({
    loading: path !== null,
  });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` and `version` are reload triggers
  useEffect(() => {
    if (path === null) {
      return;
    }
    const call = ++latest.current;
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    api.get(path, schema).then(
      (data) => {
        if (call === latest.current) {
          setState({ data, loading: false });
        }
      },
      (error: unknown) => {
        if (call === latest.current) {
          const apiError =
            error instanceof ApiError ? error : new ApiError(0, 'CLIENT', 'Något gick fel i fliken. Ladda om sidan.');
          setState({ error: apiError, loading: false });
        }
      },
    );
  }, [api, path, schema, generation, version]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
