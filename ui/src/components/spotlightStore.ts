import { createSpotlight } from '@mantine/spotlight';

/** The app's one command palette; its own store so components can read `opened`. */
export const [appSpotlightStore, appSpotlight] = createSpotlight();
