// The stand-in's native dialogs and the files behind them. The real dialogs are shown by Rust
// (tauri-plugin-dialog), which jsdom cannot; here a test says beforehand what the trainer
// picks (`answerDialog`, or `pickFile` for an import), and a save dialog nobody answered
// accepts its suggested name in the default folder, as pressing Save would. Files picked for
// imports live on a small in-memory disk, read by path like the core reads them, and only
// once a dialog returned that path (the core's files/chosen.rs).
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { AppError, FileUpload } from '../bindings';
import type { StandIn } from './standIn';

export const DIALOG_DEFAULT_DIR = '/home/test/Documents/Spotter';

const disk = new Map<string, string>();
const answers: (string | null)[] = [];
const opened = new Set<string>();
const saved = new Set<string>();
export const dialogRequests: { cmd: string; kind: string; suggested?: string }[] = [];

export function resetDialogs() {
  disk.clear();
  answers.length = 0;
  opened.clear();
  saved.clear();
  dialogRequests.length = 0;
}

/** What the next dialog answers: a path, or null for Cancel. */
export function answerDialog(answer: string | null) {
  answers.push(answer);
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Puts `file` on the stand-in's disk at `path`. */
export async function putFile(path: string, file: File) {
  disk.set(path, base64Of(new Uint8Array(await file.arrayBuffer())));
}

/** An import: the trainer clicks Choose… (`testId`) and picks `file` in the open dialog. */
export async function pickFile(testId: string, file: File, folder = '/home/test/Downloads') {
  const path = `${folder}/${file.name}`;
  await putFile(path, file);
  answerDialog(path);
  fireEvent.click(await screen.findByTestId(testId));
  await waitFor(() => expect(screen.getByTestId(`${testId}-chosen`)).toHaveTextContent(file.name));
}

export function dialogHandlers(): StandIn {
  return {
    dialog_save: (args) => {
      dialogRequests.push({ cmd: 'dialog_save', kind: String(args.kind), suggested: String(args.suggested) });
      const answer = answers.length ? answers.shift()! : `${DIALOG_DEFAULT_DIR}/${String(args.suggested)}`;
      if (answer) saved.add(answer);
      return answer;
    },
    dialog_open: (args) => {
      dialogRequests.push({ cmd: 'dialog_open', kind: String(args.kind) });
      const answer = answers.length ? answers.shift()! : null;
      if (answer) opened.add(answer);
      return answer;
    },
  };
}

/** Whether a save dialog returned `path` (exports write nowhere else). */
export function chosenForSaving(path: string): boolean {
  return saved.has(path);
}

/** The upload with its bytes: read from the disk when it names a path a dialog returned. */
export function readUpload(file: FileUpload): FileUpload {
  if (!file.path) return file;
  const base64 = opened.has(file.path) ? disk.get(file.path) : undefined;
  if (base64 === undefined) {
    throw { code: 'invalid_file', message: 'Choose the file with the Choose button' } satisfies AppError;
  }
  return { ...file, base64 };
}
