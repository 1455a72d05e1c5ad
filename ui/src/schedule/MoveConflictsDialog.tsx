// A drag that collided: the conflicts, with "save anyway", free slots to pick, or keeping the
// session where it was.
import { Button, Group, Modal } from '@mantine/core';
import { ConflictList } from './ConflictList';
import type { SessionMove } from './useSessionMove';
import { wallClock } from './zoned';

export function MoveConflictsDialog({ move }: { move: SessionMove }) {
  const { pending, busy } = move;
  if (!pending) return null;
  return (
    <Modal opened onClose={move.cancel} title={`Move ${pending.session.label}?`} size="lg" data-testid="move-conflicts">
      <ConflictList
        conflicts={pending.conflicts}
        timeZone={pending.session.timeZone}
        onOverride={() => void move.save({ ...pending.input, overrideConflicts: true })}
        onFindSlot={(after) => void move.findSlot(after)}
        slots={pending.slots}
        onUseSlot={(slot) =>
          void move.save({
            ...pending.input,
            start: wallClock(slot.start, pending.session.timeZone),
            end: wallClock(slot.end, pending.session.timeZone),
          })
        }
        busy={busy}
      />
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={move.cancel} data-testid="move-keep">
          Keep it where it was
        </Button>
      </Group>
    </Modal>
  );
}
