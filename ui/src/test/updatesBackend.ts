// Stand-in for the update commands (src-tauri/src/update_commands.rs): what the update server answers
// and how an install goes are set per test through `updateServer`. The real plugin against a
// real update server is tested in src-tauri/tests/updater.rs; this only drives the panel.
import type { Channel } from '@tauri-apps/api/core';
import type { AppError, UpdateCheck, UpdateOffer, UpdateProgress } from '../bindings';
import type { StandIn } from './standIn';

export interface UpdateServer {
  /** What update_check answers; `offer` is used when the status is `available`. */
  status: UpdateCheck['status'];
  offer: UpdateOffer | null;
  message: string | null;
  /** update_install: the error after the download (e.g. a bad signature), or null to succeed. */
  installError: AppError | null;
  /** Download size reported in progress events. */
  size: number;
  /** When set, the install waits for it after the download, so a test can look at the progress. */
  hold: Promise<void> | null;
}

export const updateServer: UpdateServer = freshServer();

function freshServer(): UpdateServer {
  return { status: 'up_to_date', offer: null, message: null, installError: null, size: 4_000_000, hold: null };
}

const CURRENT = '0.1.0';

function internals() {
  return (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } })
    .__TAURI_INTERNALS__;
}

export function updatesHandlers(): StandIn {
  Object.assign(updateServer, freshServer());
  let offered: UpdateOffer | null = null;
  return {
    update_check: (): UpdateCheck => {
      offered = updateServer.status === 'available' ? updateServer.offer : null;
      return { currentVersion: CURRENT, status: updateServer.status, update: offered, message: updateServer.message };
    },
    update_install: async (args) => {
      const channel = args.events as Channel<UpdateProgress> | undefined;
      let index = 0;
      const send = (message: UpdateProgress) => {
        if (channel) internals().runCallback(channel.id, { index: index++, message });
      };
      try {
        if (!offered || offered.version !== args.version) {
          throw { code: 'update', message: 'check for updates again' } satisfies AppError;
        }
        const total = updateServer.size;
        for (const downloaded of [total / 4, total / 2, total]) {
          send({ stage: 'downloading', downloaded, total });
        }
        if (updateServer.hold) await updateServer.hold;
        if (updateServer.installError) throw updateServer.installError;
        send({ stage: 'verified' });
        send({ stage: 'backedUp', path: '/data/backups/spotter-before-update.db' });
        send({ stage: 'installing' });
        send({ stage: 'installed' });
        return null;
      } finally {
        if (channel) internals().runCallback(channel.id, { index: index++, end: true });
      }
    },
    update_restart: () => null,
  };
}
