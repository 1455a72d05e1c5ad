import { List, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { useRef, useState } from 'react';
import type { Caution } from '../bindings';
import { IconCaution } from './icons';
import { bodyAreaLabel } from './vocab';

/**
 * A small warning sign; the cautions show on hover and keyboard focus. The tooltip is mounted
 * only while shown: a library of 300 exercises would otherwise set up 100 of them at once.
 */
export function CautionIcon({ cautions, testId = 'exercise-caution' }: { cautions: Caution[]; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  if (cautions.length === 0) return null;
  const text = cautions.map((c) => `${bodyAreaLabel(c.area)}: ${c.text}`).join('; ');
  return (
    <>
      <ThemeIcon
        ref={ref}
        size={18}
        variant="light"
        color="orange"
        tabIndex={0}
        role="img"
        aria-label={`Cautions: ${text}`}
        onMouseEnter={() => setShown(true)}
        onMouseLeave={() => setShown(false)}
        onFocus={() => setShown(true)}
        onBlur={() => setShown(false)}
        data-testid={testId}
        style={{ flexShrink: 0 }}
      >
        <IconCaution size={13} />
      </ThemeIcon>
      {shown && (
        <Tooltip
          target={ref}
          opened
          multiline
          maw={320}
          label={
            <List size="xs" spacing={2} c="inherit" data-testid={`${testId}-text`}>
              {cautions.map((c, i) => (
                <List.Item key={i}>
                  <Text span size="xs" fw={700} c="inherit">
                    {bodyAreaLabel(c.area)}:
                  </Text>{' '}
                  {c.text}
                </List.Item>
              ))}
            </List>
          }
        />
      )}
    </>
  );
}
