import { useCallback, useMemo, useState } from 'react';
import type { Draft } from './draft';

interface History {
  past: Draft[];
  present: Draft;
  future: Draft[];
  /** Edits with the same tag in a row (typing in one field) undo as one step. */
  lastTag: string | null;
}

const LIMIT = 100;

/**
 * The editor's draft with undo and redo, so removing a week or a row needs no confirmation:
 * Ctrl/Cmd+Z brings it back. Every function returned is stable.
 */
export function useDraft(initial: () => Draft) {
  const [history, setHistory] = useState<History>(() => ({ past: [], present: initial(), future: [], lastTag: null }));

  const update = useCallback((fn: (draft: Draft) => Draft, tag: string | null = null) => {
    setHistory((h) => {
      const next = fn(h.present);
      if (next === h.present) return h;
      if (tag !== null && tag === h.lastTag) return { ...h, present: next, future: [] };
      return { past: [...h.past, h.present].slice(-LIMIT), present: next, future: [], lastTag: tag };
    });
  }, []);

  const undo = useCallback(() => {
    setHistory((h) => {
      const previous = h.past[h.past.length - 1];
      if (!previous) return h;
      return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future], lastTag: null };
    });
  }, []);

  const redo = useCallback(() => {
    setHistory((h) => {
      const [next, ...rest] = h.future;
      if (!next) return h;
      return { past: [...h.past, h.present], present: next, future: rest, lastTag: null };
    });
  }, []);

  const reset = useCallback((draft: Draft) => setHistory({ past: [], present: draft, future: [], lastTag: null }), []);

  const actions = useMemo(() => ({ update, undo, redo, reset }), [update, undo, redo, reset]);
  return { draft: history.present, canUndo: history.past.length > 0, canRedo: history.future.length > 0, ...actions };
}
