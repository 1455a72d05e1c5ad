// Names, emails and the like in tight places: one line, cut with an ellipsis, whole on hover.
import { Text, type TextProps } from '@mantine/core';

export interface OneLineTextProps extends TextProps {
  children: string;
  'data-testid'?: string;
}

/** Text on one line with an ellipsis when it does not fit; its title shows all of it on hover. */
export function OneLineText({ children, ...props }: OneLineTextProps) {
  return (
    <Text truncate="end" miw={0} title={children} {...props}>
      {children}
    </Text>
  );
}
