// The one way a form or an action is sent: busy while it is under way (and not sent twice), and
// a failure turned into what the user needs to read: each of the API's `fields` errors next to
// its input, and one message above the form.
import { useCallback, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { useT, type TFunction } from '../i18n';
import { applyFieldErrors, errorMessage } from './formErrors';

export interface SubmitOptions {
  /** The form whose inputs show the API's `fields` errors. */
  form?: FormInstance;
  /** API field names → form field names, for `applyFieldErrors`. */
  aliases?: Record<string, string>;
  /** Messages of their own for some HTTP statuses (412: someone else changed the record, say). */
  byStatus?: Partial<Record<number, string>>;
  /**
   * The message when every error the API gave is shown next to its input; null for none.
   * Default: "check the marked fields".
   */
  fieldsMessage?: string | null;
  /** Called after a failure has been shown (to reload what has changed meanwhile, say). */
  onError?: (e: unknown) => void;
}

export interface Submission<V> {
  /** The action is under way. */
  busy: boolean;
  /** The message to show above the form; null when there is none. */
  error: string | null;
  /** Shows a message of the form's own (a file refused before sending, say), or clears it. */
  setError: (message: string | null) => void;
  /** Runs the action with `input`; a call while one is under way is ignored. */
  run: (input: V) => Promise<void>;
}

/** `byStatus` for a record someone else changed meanwhile: 412 (its version), 409 (its state). */
export function staleRecord(message: string): SubmitOptions['byStatus'] {
  return { 409: message, 412: message };
}

function failureMessage(e: unknown, t: TFunction, options: SubmitOptions): string | null {
  const unmatched = options.form ? applyFieldErrors(options.form, e, t, options.aliases) : [];
  const own = e instanceof ApiError ? options.byStatus?.[e.status] : undefined;
  if (own) return own;
  const allBesideInputs = !!options.form && e instanceof ApiError && e.fields.length > 0 && unmatched.length === 0;
  if (allBesideInputs) return options.fieldsMessage === undefined ? t('form.checkFields') : options.fieldsMessage;
  return errorMessage(e);
}

/** `action` may be a new function every render: the one of the latest render is run. */
export function useSubmit<V = void>(action: (input: V) => Promise<unknown>, options: SubmitOptions = {}): Submission<V> {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef({ action, options, t });
  latest.current = { action, options, t };
  // The busy state reaches the buttons only at the next render; a second click before it must
  // not send the request again.
  const underWay = useRef(false);

  const run = useCallback(async (input: V) => {
    if (underWay.current) return;
    underWay.current = true;
    const { action: act, options: opts, t: tr } = latest.current;
    setBusy(true);
    setError(null);
    try {
      await act(input);
    } catch (e) {
      setError(failureMessage(e, tr, opts));
      opts.onError?.(e);
    } finally {
      underWay.current = false;
      setBusy(false);
    }
  }, []);

  return { busy, error, setError, run };
}

export interface EditOptions<A> extends Omit<SubmitOptions, 'byStatus'> {
  /** Said when the server refuses the edit because someone else changed the record meanwhile. */
  staleMessage: string;
  /** Nothing was changed: the dialog just closes. */
  onClose: () => void;
  onDone: (saved: A) => void;
}

/**
 * The submission of an edit of `record`: only the fields `changes` finds changed are sent, with
 * the version the user saw (If-Match), so that a change made meanwhile by someone else is refused
 * (412 or 409) rather than overwritten.
 */
export function useEditSubmit<R extends { id: number; version: number }, V, B extends object, A>(
  record: R | null,
  changes: (record: R, values: V) => B,
  update: (id: number, version: number, body: B) => Promise<A>,
  { staleMessage, onClose, onDone, ...options }: EditOptions<A>,
): Submission<V> {
  return useSubmit(
    async (values: V) => {
      if (!record) return;
      const body = changes(record, values);
      if (Object.keys(body).length === 0) onClose();
      else onDone(await update(record.id, record.version, body));
    },
    { ...options, byStatus: staleRecord(staleMessage) },
  );
}
