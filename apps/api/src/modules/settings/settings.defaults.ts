/**
 * Operator settings and their SPEC defaults. Stored one row per key in `settings`;
 * a key without a row has its default, so a new setting needs no backfill.
 */
export const STORE_LOCK_POLICIES = ['first', 'latest'] as const;
export const REFERRAL_BIND_POLICIES = ['first', 'latest', 'newUsersOnly'] as const;
export const RESELLER_MODES = ['approval', 'everyone', 'invited'] as const;

export interface Settings {
  storeLockDays: number;
  storeLockPolicy: (typeof STORE_LOCK_POLICIES)[number];
  referralBindPolicy: (typeof REFERRAL_BIND_POLICIES)[number];
  /** 0 = the binding never expires. */
  referralBindDays: number;
  resellerMode: (typeof RESELLER_MODES)[number];
  selfPurchaseCommission: boolean;
  storeRateBp: number;
  agentRateBp: number;
  l1RateBp: number;
  l2RateBp: number;
  /** Shopping guides (导购): store staff credited for sales through their staff links. */
  guideRateBp: number;
  settleDaysAfterComplete: number;
  payTimeoutMinutes: number;
  autoReceiveDays: number;
  afterSaleDays: number;
  minWithdrawFen: number;
  withdrawFeeBp: number;
}

export type SettingKey = keyof Settings;

export const SETTINGS_DEFAULTS: Readonly<Settings> = Object.freeze({
  storeLockDays: 365,
  storeLockPolicy: 'first',
  referralBindPolicy: 'first',
  referralBindDays: 30,
  resellerMode: 'approval',
  selfPurchaseCommission: false,
  storeRateBp: 500,
  agentRateBp: 100,
  l1RateBp: 1000,
  l2RateBp: 300,
  guideRateBp: 0,
  settleDaysAfterComplete: 7,
  payTimeoutMinutes: 30,
  autoReceiveDays: 10,
  afterSaleDays: 7,
  minWithdrawFen: 100,
  withdrawFeeBp: 0,
});

export const SETTING_KEYS = Object.keys(SETTINGS_DEFAULTS) as SettingKey[];
