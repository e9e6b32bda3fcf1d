import { Foundation1795688810762 } from './1795688810762-foundation';
import { Catalog1795690301903 } from './1795690301903-catalog';

/** The one linear migration history, oldest first. Never edit a migration that has landed. */
export const MIGRATIONS = [Foundation1795688810762, Catalog1795690301903];
