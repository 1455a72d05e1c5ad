import { useEffect, useRef } from 'react';

/**
 * Ctrl/Cmd+S saves from anywhere on the page; Ctrl/Cmd+Z and Shift+Z (or Y) undo and redo plan
 * edits, except in text fields, where the field's own undo is what the trainer means.
 */
export function usePlanShortcuts(save: () => void, undo: () => void, redo: () => void) {
  const latest = useRef({ save, undo, redo });
  latest.current = { save, undo, redo };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const target = event.target;
      const typing = target instanceof Element && target.closest('input, textarea, [contenteditable="true"]') !== null;
      if (key === 's') {
        event.preventDefault();
        latest.current.save();
      } else if (!typing && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) latest.current.redo();
        else latest.current.undo();
      } else if (!typing && key === 'y') {
        event.preventDefault();
        latest.current.redo();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
