import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, SUBSCRIBE_KINDS, type AppConfig, type SubscribeKind } from '../../config/config';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { defineJob } from '../../jobs/job';
import { JobsService } from '../../jobs/jobs.service';
import { WechatError, WechatMiniClient } from '../../wechat';
import { UsersService } from '../identity/users.service';
import { SubscribeConsent } from './subscribe-consent.entity';
import { SubscriptionErrors } from './subscriptions.errors';

export interface SubscribeMessage {
  userId: string;
  kind: SubscribeKind;
  /** Template fields (thing1, amount2, …); thing values are cut to WeChat's 20 characters. */
  data: Record<string, string>;
  /** The mini-program page the message opens. */
  page?: string;
}

export const subscribeMessageJob = defineJob<SubscribeMessage>('subscriptions.send', {
  retryLimit: 5,
  retryDelaySeconds: 60,
});

const ACCEPT_RESULTS = ['accept', 'reject', 'ban', 'filter'];

/** WeChat's length limits per field kind (thing ≤ 20, character_string ≤ 32, …). */
function fit(data: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => {
      const max = k.startsWith('thing') ? 20 : k.startsWith('character_string') ? 32 : 20;
      const chars = [...v];
      return [k, chars.length > max ? chars.slice(0, max - 1).join('') + '…' : v];
    }),
  );
}

/**
 * Subscribe messages (订阅消息): the mini-program reports each consent, every message is sent by a
 * job through the WeChat client and uses one consent; without one nothing is sent (WeChat would
 * answer 43101). Template ids come from WECHAT_SUBSCRIBE_TEMPLATES.
 */
@Injectable()
export class SubscriptionsService implements OnModuleInit {
  private readonly logger = new Logger('Subscriptions');

  constructor(
    private readonly tx: TransactionService,
    private readonly jobs: JobsService,
    private readonly users: UsersService,
    private readonly wechat: WechatMiniClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(subscribeMessageJob, async (data, meta) => {
      await this.send(RequestContext.system('subscribe-message', meta.id), data);
    });
  }

  templateOf(kind: SubscribeKind): string | undefined {
    return this.config.subscribeTemplates[kind];
  }

  /** Every configured template with the user's remaining consents. */
  async templates(
    ctx: RequestContext,
    userId: string,
  ): Promise<{ kind: SubscribeKind; templateId: string; remaining: number }[]> {
    const rows = await this.tx.repo(ctx, SubscribeConsent).findBy({ userId });
    return SUBSCRIBE_KINDS.flatMap((kind) => {
      const templateId = this.templateOf(kind);
      if (!templateId) return [];
      return [{ kind, templateId, remaining: rows.find((r) => r.templateId === templateId)?.remaining ?? 0 }];
    });
  }

  /** Records what wx.requestSubscribeMessage answered: each `accept` allows one more message. */
  async recordConsents(ctx: RequestContext, userId: string, results: Record<string, string>): Promise<void> {
    const known = new Set(Object.values(this.config.subscribeTemplates));
    for (const [templateId, result] of Object.entries(results)) {
      if (!known.has(templateId) || !ACCEPT_RESULTS.includes(result))
        throw SubscriptionErrors.SUBSCRIBE_TEMPLATE_UNKNOWN({ templateId, result });
    }
    for (const [templateId, result] of Object.entries(results)) {
      if (result !== 'accept') continue;
      await this.tx.manager(ctx).query(
        `INSERT INTO subscribe_consent (user_id, template_id, remaining) VALUES ($1, $2, 1)
           ON CONFLICT (user_id, template_id) DO UPDATE SET remaining = subscribe_consent.remaining + 1, updated_at = now()`,
        [userId, templateId],
      );
    }
  }

  /**
   * Queues a message in the caller's transaction; `ref` makes it once per event (e.g. the order id).
   * A kind without a configured template is not sent.
   */
  async queue(ctx: RequestContext, ref: string, message: SubscribeMessage): Promise<void> {
    if (!this.templateOf(message.kind)) return;
    await this.jobs.send(ctx, subscribeMessageJob, message, {
      idempotencyKey: `${message.kind}:${ref}`,
    });
  }

  /** The job: takes one consent, sends; WeChat's 43101 means none is left there either. */
  async send(ctx: RequestContext, m: SubscribeMessage): Promise<'sent' | 'no-consent'> {
    const templateId = this.templateOf(m.kind);
    const user = await this.users.payee(ctx, m.userId);
    if (!templateId || !user) return 'no-consent';
    const taken: unknown[] = await this.tx.manager(ctx).query(
      `UPDATE subscribe_consent SET remaining = remaining - 1, updated_at = now()
         WHERE user_id = $1 AND template_id = $2 AND remaining > 0 RETURNING remaining`,
      [m.userId, templateId],
    );
    if (!taken.length || !(taken[0] as unknown[]).length) return 'no-consent';
    try {
      await this.wechat.sendSubscribeMessage({
        toUser: user.openid,
        templateId,
        page: m.page,
        data: fit(m.data),
        miniprogramState: this.config.env === 'production' ? 'formal' : 'developer',
      });
      return 'sent';
    } catch (err) {
      if (err instanceof WechatError && err.errcode === 43101) {
        await this.setRemaining(ctx, m.userId, templateId, 0);
        this.logger.warn({ userId: m.userId, kind: m.kind }, 'WeChat holds no consent: not sent');
        return 'no-consent';
      }
      // Not sent: give the consent back for the retry.
      await this.tx
        .manager(ctx)
        .query(
          `UPDATE subscribe_consent SET remaining = remaining + 1 WHERE user_id = $1 AND template_id = $2`,
          [m.userId, templateId],
        );
      throw err;
    }
  }

  private async setRemaining(ctx: RequestContext, userId: string, templateId: string, n: number) {
    await this.tx
      .manager(ctx)
      .query(`UPDATE subscribe_consent SET remaining = $3 WHERE user_id = $1 AND template_id = $2`, [
        userId,
        templateId,
        n,
      ]);
  }
}
