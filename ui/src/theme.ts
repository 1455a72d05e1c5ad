import { createTheme } from '@mantine/core';

// System fonts only (Mantine's default stack): nothing is fetched at runtime.
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Table: { defaultProps: { verticalSpacing: 6, highlightOnHover: true } },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
  },
});
