import Taro from '@tarojs/taro';

export type EarnerType = 'reseller' | 'store' | 'agent' | 'guide';

/** Opens the shared wallet (balances, withdrawal, history, statement) of one earner account. */
export function openWallet(earnerType: EarnerType, earnerId: string, name: string): void {
  void Taro.navigateTo({
    url: `/packages/wallet/index/index?earnerType=${earnerType}&earnerId=${earnerId}&name=${encodeURIComponent(name)}`,
  });
}

/** Opens the rewards of one earner account (per order, and by day). */
export function openRewards(
  earnerType: EarnerType,
  earnerId: string,
  tab: 'orders' | 'daily' = 'orders',
): void {
  void Taro.navigateTo({
    url: `/packages/wallet/rewards/index?earnerType=${earnerType}&earnerId=${earnerId}&tab=${tab}`,
  });
}
