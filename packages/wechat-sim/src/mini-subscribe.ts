import type { SimContext } from './context';
import { MiniError } from './errors';

const key = (openid: string, templateId: string) => `${openid}|${templateId}`;

/** The user tapped 允许 in wx.requestSubscribeMessage: one more message of each template may be sent. */
export function grantConsent(ctx: SimContext, openid: string, templateIds: string[]): void {
  const all = (ctx.store.state.subscribeConsents ??= {});
  for (const id of templateIds) all[key(openid, id)] = (all[key(openid, id)] ?? 0) + 1;
  ctx.store.save();
}

export function consentsOf(ctx: SimContext, openid: string): Record<string, number> {
  const prefix = `${openid}|`;
  return Object.fromEntries(
    Object.entries(ctx.store.state.subscribeConsents ?? {})
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, n]) => [k.slice(prefix.length), n]),
  );
}

/** A send uses one consent; none left is WeChat's 43101 (the caller saves the state with the message). */
export function takeConsent(ctx: SimContext, openid: string, templateId: string): void {
  const all = (ctx.store.state.subscribeConsents ??= {});
  const left = all[key(openid, templateId)] ?? 0;
  if (left <= 0) throw new MiniError(43101, 'user refuse to accept the msg');
  if (left === 1) delete all[key(openid, templateId)];
  else all[key(openid, templateId)] = left - 1;
}
