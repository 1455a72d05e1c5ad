// The app's own stylesheet (app.css) in the test document, for the few tests about styles: Vitest
// loads no CSS (`css: false`), but jsdom computes declared values (custom properties included)
// from a <style> element it is given.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { onTestFinished } from 'vitest';

/** Adds app.css to the document until the end of the current test. */
export function useAppCss() {
  const style = document.createElement('style');
  style.textContent = readFileSync(resolve(__dirname, '../app.css'), 'utf8');
  document.head.appendChild(style);
  onTestFinished(() => style.remove());
}
