import { describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { useLoad, type Loader } from './useLoad';

/** A promise the test settles when it chooses. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A loader by id whose answers the test gives, in any order; `signals` are the requests'. */
function controlledLoader() {
  const pending = new Map<number, ReturnType<typeof deferred<string>>>();
  const signals = new Map<number, AbortSignal>();
  const calls: number[] = [];
  const loaderFor = (id: number): Loader<string> => (signal) => {
    calls.push(id);
    signals.set(id, signal);
    const d = deferred<string>();
    pending.set(id, d);
    return d.promise;
  };
  return { loaderFor, calls, signals, answer: (id: number) => pending.get(id)! };
}

describe('useLoad', () => {
  it('loads on mount and says it is loading until the answer comes', async () => {
    const api = controlledLoader();
    const { result } = renderHook(() => useLoad(api.loaderFor(1), [1]));
    expect(result.current).toMatchObject({ data: undefined, loading: true, error: null });
    await act(async () => api.answer(1).resolve('one'));
    expect(result.current).toMatchObject({ data: 'one', loading: false, error: null });
    expect(api.calls).toEqual([1]);
  });

  it('ignores the answer of a request made for earlier parameters, and aborts it', async () => {
    const api = controlledLoader();
    const { result, rerender } = renderHook(({ id }) => useLoad(api.loaderFor(id), [id]), { initialProps: { id: 1 } });
    rerender({ id: 2 });
    expect(api.signals.get(1)?.aborted).toBe(true);
    await act(async () => api.answer(2).resolve('two'));
    await act(async () => api.answer(1).resolve('one, late'));
    expect(result.current.data).toBe('two');
    expect(result.current.loading).toBe(false);
  });

  it('keeps the previous data on the screen while the next is loading', async () => {
    const api = controlledLoader();
    const { result, rerender } = renderHook(({ id }) => useLoad(api.loaderFor(id), [id]), { initialProps: { id: 1 } });
    await act(async () => api.answer(1).resolve('one'));
    rerender({ id: 2 });
    expect(result.current).toMatchObject({ data: 'one', loading: true });
  });

  it('keeps the error for display, hides it while retrying, and clears it once the retry succeeds', async () => {
    const api = controlledLoader();
    const { result } = renderHook(() => useLoad(api.loaderFor(1), [1]));
    const failure = new Error('máy chủ không trả lời');
    await act(async () => api.answer(1).reject(failure));
    expect(result.current).toMatchObject({ loading: false, error: failure });

    act(() => result.current.reload());
    expect(result.current).toMatchObject({ loading: true, error: null });
    expect(api.calls).toEqual([1, 1]);
    await act(async () => api.answer(1).resolve('one'));
    expect(result.current).toMatchObject({ data: 'one', loading: false, error: null });
  });

  it('sends no request for the initial data it is given, but does once the parameters change', async () => {
    const api = controlledLoader();
    const { result, rerender } = renderHook(({ id }) => useLoad(api.loaderFor(id), [id], { initialData: 'at hand' }), {
      initialProps: { id: 1 },
    });
    expect(result.current).toMatchObject({ data: 'at hand', loading: false });
    expect(api.calls).toEqual([]);
    rerender({ id: 2 });
    await act(async () => api.answer(2).resolve('two'));
    expect(result.current.data).toBe('two');
    expect(api.calls).toEqual([2]);
  });

  it('loads nothing while the loader is null, and loads once there is one', async () => {
    const load = vi.fn(async () => 'ready');
    const { result, rerender } = renderHook(({ on }) => useLoad(on ? load : null, []), { initialProps: { on: false } });
    expect(result.current).toMatchObject({ data: undefined, loading: false });
    expect(load).not.toHaveBeenCalled();
    rerender({ on: true });
    await waitFor(() => expect(result.current.data).toBe('ready'));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('takes a newer copy of the data without asking the server', async () => {
    const load = vi.fn(async () => 'from the server');
    const { result } = renderHook(() => useLoad(load, []));
    await waitFor(() => expect(result.current.data).toBe('from the server'));
    act(() => result.current.setData('saved'));
    expect(result.current).toMatchObject({ data: 'saved', loading: false });
    expect(load).toHaveBeenCalledTimes(1);
  });
});
