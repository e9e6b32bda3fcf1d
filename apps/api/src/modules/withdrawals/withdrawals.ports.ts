import type { RequestContext } from '../../common/request-context';
import type { EarnerType } from '../ledger/entities/ledger-account.entity';

export interface EarnerInfo {
  /** Suspended earners keep their balance but may not withdraw. */
  active: boolean;
  /** The WeChat openid that receives transfers (the reseller, the store owner, the agent). */
  payeeOpenid: string | null;
  /** Display name for statements and the admin (门店名 / 昵称). */
  name: string;
}

/**
 * Who earners are, answered by the modules that own them (identity for resellers and
 * agents, stores for stores). Provided under EARNER_DIRECTORY.
 */
export interface EarnerDirectory {
  /** null when no such earner exists. */
  describe(ctx: RequestContext, type: EarnerType, id: string): Promise<EarnerInfo | null>;
  /** May this mini-program user act for the earner (the reseller themself, the store's owner, the agent)? */
  canAct(ctx: RequestContext, userId: string, type: EarnerType, id: string): Promise<boolean>;
}

export const EARNER_DIRECTORY = Symbol('EARNER_DIRECTORY');

/** The operator's withdrawal rules (settings: minWithdrawFen, withdrawFeeBp). */
export interface WithdrawalRules {
  minWithdrawFen: number;
  withdrawFeeBp: number;
}

export interface WithdrawalRulesSource {
  rules(ctx: RequestContext): Promise<WithdrawalRules>;
}

export const WITHDRAWAL_RULES = Symbol('WITHDRAWAL_RULES');
