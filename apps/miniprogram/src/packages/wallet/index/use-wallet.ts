import { parseYuan } from '@cloudshelf/money';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { EarnerType } from '../../../centres/earner';
import { useRequest } from '../../../hooks/use-request';
import { api, authed, errorText, newIdempotencyKey, type Schemas } from '../../../services/api';
import { receiveTransfer } from '../../../services/platform';
import { S } from '../../../strings';

type Withdrawal = Schemas['WithdrawalDto'];

/** One earner account's wallet: balances, a withdrawal, its history, the statement. */
export function useWallet(earnerType: EarnerType, earnerId: string, transferResult?: string) {
  const ref = { earnerType, earnerId };
  const wallet = useRequest(
    () => authed(() => api.GET('/api/app/wallet', { params: { query: ref } })),
    [earnerId],
  );
  const history = useRequest(
    () => authed(() => api.GET('/api/app/withdrawals', { params: { query: ref } })),
    [earnerId],
  );
  const statement = useRequest(
    () =>
      authed(() =>
        api.GET('/api/app/wallet/statement', { params: { query: { ...ref, kind: 'available' } } }),
      ),
    [earnerId],
  );
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  // One key per amount typed: a double tap or a retry of the same request is one withdrawal.
  const [key, setKey] = useState(newIdempotencyKey);

  useEffect(() => {
    // Back from the simulator's confirm page (H5).
    if (!transferResult) return;
    const text =
      transferResult === 'success'
        ? S.centres.wallet.received
        : transferResult === 'cancel'
          ? S.centres.wallet.receiveCancelled
          : S.centres.wallet.receiveFailed;
    Taro.showToast({ title: text, icon: transferResult === 'success' ? 'success' : 'none' });
  }, [transferResult]);

  async function reload() {
    await Promise.all([wallet.reload(), history.reload(), statement.reload()]);
  }

  async function withdraw() {
    let amountFen: number;
    try {
      amountFen = parseYuan(amount.trim());
    } catch {
      Taro.showToast({ title: S.centres.wallet.badAmount, icon: 'none' });
      return;
    }
    if (amountFen <= 0) {
      Taro.showToast({ title: S.centres.wallet.badAmount, icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      await authed(() =>
        api.POST('/api/app/withdrawals', {
          params: { header: { 'Idempotency-Key': key } },
          body: { ...ref, amountFen },
        }),
      );
      setAmount('');
      setKey(newIdempotencyKey());
      Taro.showToast({ title: S.centres.wallet.submitted, icon: 'success' });
      await reload();
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  /** wx.requestMerchantTransfer with the package the API returned (the simulator's page on H5). */
  async function receive(w: Withdrawal) {
    if (!w.packageInfo || !w.mchId || !w.appId) return;
    const outcome = await receiveTransfer({
      mchId: w.mchId,
      appId: w.appId,
      packageInfo: String(w.packageInfo),
    });
    Taro.showToast({
      title:
        outcome === 'success'
          ? S.centres.wallet.received
          : outcome === 'cancel'
            ? S.centres.wallet.receiveCancelled
            : S.centres.wallet.receiveFailed,
      icon: 'none',
    });
    await reload();
  }

  function fillAll() {
    const a = wallet.data?.availableFen ?? 0;
    if (a > 0) setAmount((a / 100).toFixed(2));
  }

  return { wallet, history, statement, amount, setAmount, withdraw, busy, receive, fillAll, reload };
}
