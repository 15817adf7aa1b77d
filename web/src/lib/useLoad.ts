// The one way a component loads what it shows: a request whenever what it depends on changes,
// the answer of an older request never overwriting a newer one, the previous data kept on the
// screen meanwhile, and a retry.
import { useCallback, useEffect, useRef, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';

/** Sends the request; `signal` aborts it once its answer is no longer wanted. */
export type Loader<T> = (signal: AbortSignal) => Promise<T>;

export interface Load<T> {
  /** The latest answer, kept while a newer request is under way; undefined before the first. */
  data: T | undefined;
  /** The answer for the current `deps` has not come yet (true from the render they change in). */
  loading: boolean;
  /** Why the request for the current `deps` failed; null while it is under way or after success. */
  error: unknown;
  /** Asks again for the same `deps`. */
  reload: () => void;
  /** Replaces the data with a newer copy already at hand (the answer to a save, say). */
  setData: Dispatch<SetStateAction<T | undefined>>;
}

export interface LoadOptions<T> {
  /** The data for the first `deps`, already at hand: no request is sent for them. */
  initialData?: T;
}

interface State<T> {
  data: T | undefined;
  error: unknown;
  /** The key of the request `data` and `error` answer. */
  settled: readonly unknown[] | null;
}

function sameKey(a: readonly unknown[] | null, b: readonly unknown[]): boolean {
  return a !== null && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/**
 * Calls `load` on mount and whenever `deps` change (as an effect would); `load` null: nothing to
 * load for now. The loader may be a new function every render: only `deps` decide when it runs.
 */
export function useLoad<T>(load: Loader<T> | null, deps: DependencyList, options: LoadOptions<T> = {}): Load<T> {
  const loader = useRef(load);
  loader.current = load;
  const [attempt, setAttempt] = useState(0);
  const enabled = load !== null;
  const key = [...deps, attempt, enabled];
  const [state, setState] = useState<State<T>>(() => ({
    data: options.initialData,
    error: null,
    settled: options.initialData !== undefined ? key : null,
  }));

  useEffect(() => {
    const run = loader.current;
    if (!run || sameKey(state.settled, key)) return;
    let live = true;
    const ctl = new AbortController();
    run(ctl.signal).then(
      (data) => live && setState({ data, error: null, settled: key }),
      (error: unknown) => live && setState((s) => ({ ...s, error, settled: key })),
    );
    return () => {
      live = false;
      ctl.abort();
    };
    // The key is the dependency list; `state.settled` only tells whether it has been answered.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, key);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setData = useCallback<Dispatch<SetStateAction<T | undefined>>>(
    (next) =>
      setState((s) => ({ ...s, data: typeof next === 'function' ? (next as (prev: T | undefined) => T | undefined)(s.data) : next })),
    [],
  );

  const current = sameKey(state.settled, key);
  return {
    data: state.data,
    loading: enabled && !current,
    error: current ? state.error : null,
    reload,
    setData,
  };
}
