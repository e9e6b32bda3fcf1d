import type { Browser } from 'playwright-core';

export interface StackOptions {
  /** Extra environment for the API process (e.g. short timeouts). */
  apiEnv?: Record<string, string>;
  /** Extra environment for the simulator process. */
  simEnv?: Record<string, string>;
  /** Print the processes' output (also on when STACK_VERBOSE=1). */
  verbose?: boolean;
}

export interface Stack {
  /** e.g. http://127.0.0.1:41234 — the API (REST under /api, /admin/ and /h5/ when built). */
  apiUrl: string;
  /** e.g. http://127.0.0.1:41235 — the WeChat simulator (its console at /sim/). */
  simUrl: string;
  adminUsername: 'admin';
  adminPassword: string;
  /** A fresh temporary folder holding the embedded database and the development keys. */
  dataDir: string;
  /** An active shelf code of the demo seed (resolve with GET /api/app/scan/{code}). */
  demoScanCode: string;
  /** Logs in as the admin and returns an access token. */
  adminToken(): Promise<string>;
  /** Output of both processes so far (for diagnosing a failure). */
  output(): string;
  stop(): Promise<void>;
}

/** Starts the built simulator and API (run `pnpm build` first) on free ports, migrated and demo-seeded. */
export function startStack(opts?: StackOptions): Promise<Stack>;
/** Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) through playwright-core, headless. */
export function launchBrowser(): Promise<Browser>;
/** `<repo>/artifacts/screenshots/<app>`, created; git-ignored. */
export function screenshotDir(app: string): string;
/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number>;
export const repoRoot: string;
