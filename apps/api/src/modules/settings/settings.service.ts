import { isStale } from '../../common/optimistic';
import { Injectable } from '@nestjs/common';
import { CacheBus, type Memo } from '../../common/cache-bus';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { AuditService } from '../audit/audit.service';
import { Setting } from './entities/setting.entity';
import { SETTING_KEYS, SETTINGS_DEFAULTS, type SettingKey, type Settings } from './settings.defaults';
import { SettingsErrors } from './settings.errors';

/**
 * Operator settings, served from memory; a change drops every replica's copy at commit
 * (CacheBus, LISTEN/NOTIFY). Reads inside a transaction go to the database, so a use
 * case sees the value its own transaction would commit against.
 */
@Injectable()
export class SettingsService {
  private readonly cache: Memo<Settings>;

  constructor(
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly bus: CacheBus,
  ) {
    this.cache = bus.memo('settings', () => this.read({ requestId: 'settings-cache' } as RequestContext));
  }

  async get(ctx: RequestContext): Promise<Settings> {
    return ctx.manager ? this.read(ctx) : this.cache.get();
  }

  private async read(ctx: RequestContext): Promise<Settings> {
    const rows = await this.tx.repo(ctx, Setting).find();
    const value: Settings = { ...SETTINGS_DEFAULTS };
    const target = value as unknown as Record<string, unknown>;
    for (const row of rows) if (row.key in SETTINGS_DEFAULTS) target[row.key] = row.value;
    return value;
  }

  /** The settings' version: when any of them last changed (the epoch while all are defaults). */
  async version(ctx: RequestContext): Promise<Date> {
    const [row]: { at: Date | null }[] = await this.tx
      .manager(ctx)
      .query(`SELECT max(updated_at) AS at FROM settings`);
    return row?.at ? new Date(row.at) : new Date(0);
  }

  /**
   * Changes the given settings in one transaction, with one audit entry (before and after).
   * With `expectedUpdatedAt` (the version the editor loaded), a newer version refuses the
   * change (409 SETTINGS_STALE) instead of overwriting another operator's edit.
   */
  async update(ctx: RequestContext, patch: Partial<Settings>, expectedUpdatedAt?: string): Promise<Settings> {
    const keys = SETTING_KEYS.filter((k) => patch[k] !== undefined);
    const result = await this.tx.run(ctx, async (ctx) => {
      // Settings change rarely; one lock keeps two concurrent edits from interleaving their audit.
      await this.tx.manager(ctx).query(`SELECT pg_advisory_xact_lock(7294101)`);
      const version = await this.version(ctx);
      if (isStale(expectedUpdatedAt, version))
        throw SettingsErrors.SETTINGS_STALE({ updatedAt: version.toISOString() });
      const before = await this.get(ctx);
      const after: Settings = { ...before, ...pick(patch, keys) };
      // A line pays either reseller commission (L1 + L2) or a guide reward, never both.
      const promoterBp = Math.max(after.l1RateBp + after.l2RateBp, after.guideRateBp);
      if (promoterBp + after.storeRateBp + after.agentRateBp > 10000) {
        throw SettingsErrors.SETTINGS_INVALID({ reason: 'the rates together exceed 100%' });
      }
      const changed = keys.filter((k) => before[k] !== after[k]);
      if (!changed.length) return after;
      await this.tx.repo(ctx, Setting).upsert(
        changed.map((key) => ({ key, value: after[key] })),
        ['key'],
      );
      await this.audit.record(ctx, {
        action: 'settings.update',
        entityType: 'settings',
        entityId: 'global',
        before: pick(before, changed),
        after: pick(after, changed),
      });
      await this.bus.changed(ctx, 'settings');
      return after;
    });
    await this.bus.settled(ctx);
    return result;
  }
}

function pick(s: Partial<Settings>, keys: SettingKey[]): Partial<Settings> {
  return Object.fromEntries(keys.map((k) => [k, s[k]])) as Partial<Settings>;
}
