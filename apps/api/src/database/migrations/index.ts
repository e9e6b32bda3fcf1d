import { Foundation1795688810762 } from './1795688810762-foundation';

/** The one linear migration history, oldest first. Never edit a migration that has landed. */
export const MIGRATIONS = [Foundation1795688810762];
