import { Foundation1795688810762 } from './1795688810762-foundation';
import { Identity1795690230300 } from './1795690230300-identity';

/** The one linear migration history, oldest first. Never edit a migration that has landed. */
export const MIGRATIONS = [Foundation1795688810762, Identity1795690230300];
