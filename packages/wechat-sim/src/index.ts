export { startSimulator, type SimulatorOptions, type RunningSimulator } from './server';
export { ensureDevCredentials, CREDENTIALS_FILE, type DevCredentials } from './credentials';
export { RETRY_SCHEDULE_SECONDS } from './notifier';
export type { SimNotification, DeliveryAttempt } from './state';
