// Typing in a search box without a request per key: the text is applied after a pause, or at
// once on Enter.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface DebouncedText {
  /** What is in the box. */
  text: string;
  /** The user typed: apply after the pause. */
  change: (text: string) => void;
  /** Apply what is in the box now (Enter). */
  applyNow: () => void;
}

/**
 * `applied` is the search in force (from the URL, say); `apply` receives the trimmed text when it
 * differs from it. The box follows `applied` when it changes from outside (the back button, a
 * link), but keeps what the user is typing when only spaces around it differ.
 */
export function useDebouncedText(applied: string, apply: (text: string) => void, delayMs: number): DebouncedText {
  const [text, setText] = useState(applied);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ applied, apply });
  latest.current = { applied, apply };

  useEffect(() => {
    setText((cur) => (cur.trim() === applied ? cur : applied));
  }, [applied]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const send = useCallback((typed: string) => {
    const trimmed = typed.trim();
    if (trimmed !== latest.current.applied) latest.current.apply(trimmed);
  }, []);

  const change = useCallback(
    (typed: string) => {
      setText(typed);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => send(typed), delayMs);
    },
    [send, delayMs],
  );

  const applyNow = () => {
    if (timer.current) clearTimeout(timer.current);
    send(text);
  };

  return { text, change, applyNow };
}
