import { Btn } from '../../../components/btn';
import { Input, Picker, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { api, authed, errorText } from '../../../services/api';
import { save } from '../../../services/storage';
import { useNavParams } from '../../../hooks/use-nav-params';
import { PICKED_ADDRESS } from '../../checkout/index/use-checkout';
import { S } from '../../../strings';
import { useRegionColumns } from './use-regions';
import './index.css';

/** What the form checks before sending (the API validates again, including the region code). */
export function validateAddress(f: {
  name: string;
  phone: string;
  regionCode?: string;
  detail: string;
}): string | null {
  if (!f.name.trim()) return S.address.invalidName;
  if (!/^1\d{10}$/.test(f.phone.trim())) return S.address.invalidPhone;
  if (!f.regionCode || !/^\d{6}$/.test(f.regionCode)) return S.address.invalidRegion;
  if (f.detail.trim().length < 2) return S.address.invalidDetail;
  return null;
}

export default function AddressEditPage() {
  const { id, pick } = useNavParams();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [detail, setDetail] = useState('');
  const [isDefault, setIsDefault] = useState(false);
  const [seed, setSeed] = useState<string | undefined>(undefined);
  const [touched, setTouched] = useState(false);
  const regions = useRegionColumns(seed);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!id) return;
    authed(() => api.GET('/api/app/addresses')).then((list) => {
      const a = list.find((x) => x.id === id);
      if (!a) return;
      setName(a.name);
      setPhone(a.phone);
      setDetail(a.detail);
      setIsDefault(a.isDefault);
      setSeed(a.districtCode ?? a.cityCode);
      setTouched(true);
    });
  }, [id]);

  const regionCode = touched ? regions.chosen[regions.chosen.length - 1]?.code : undefined;
  const regionText = touched ? regions.chosen.map((r) => r.name).join(' ') : S.address.regionPick;

  async function submit() {
    const problem = validateAddress({ name, phone, regionCode, detail });
    if (problem) return Taro.showToast({ title: problem, icon: 'none' });
    setBusy(true);
    try {
      const body = {
        name: name.trim(),
        phone: phone.trim(),
        regionCode: regionCode!,
        detail: detail.trim(),
        isDefault,
      };
      const saved = id
        ? await authed(() => api.PATCH('/api/app/addresses/{id}', { params: { path: { id } }, body }))
        : await authed(() => api.POST('/api/app/addresses', { body }));
      if (pick) {
        save(PICKED_ADDRESS, saved);
        Taro.navigateBack({ delta: 2 });
      } else {
        Taro.navigateBack();
      }
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    const { confirm } = await Taro.showModal({ title: S.address.delete, content: S.address.deleteConfirm });
    if (!confirm || !id) return;
    try {
      await authed(() => api.DELETE('/api/app/addresses/{id}', { params: { path: { id } } }));
      Taro.navigateBack();
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    }
  }

  return (
    <View className="addr-edit">
      <View className="card">
        <View className="row">
          <Text className="addr-edit__label">{S.address.name}</Text>
          <Input
            className="addr-edit__input"
            data-testid="addr-name"
            value={name}
            maxlength={40}
            placeholder={S.address.name}
            onInput={(e) => setName(e.detail.value)}
          />
        </View>
        <View className="row">
          <Text className="addr-edit__label">{S.address.phone}</Text>
          <Input
            className="addr-edit__input"
            data-testid="addr-phone"
            type="number"
            value={phone}
            maxlength={11}
            placeholder={S.address.phone}
            onInput={(e) => setPhone(e.detail.value)}
          />
        </View>
        <Picker
          mode="multiSelector"
          range={regions.cols.map((c) => c.map((r) => r.name))}
          value={regions.idx}
          onColumnChange={(e) => regions.onColumn(e.detail.column, e.detail.value)}
          onChange={(e) => {
            regions.setIdx(e.detail.value as number[]);
            setTouched(true);
          }}
        >
          <View className="row" data-testid="addr-region">
            <Text className="addr-edit__label">{S.address.region}</Text>
            <Text className={`addr-edit__input ${touched ? '' : 'muted'}`}>{regionText} ›</Text>
          </View>
        </Picker>
        <View className="row">
          <Text className="addr-edit__label">{S.address.detail}</Text>
          <Input
            className="addr-edit__input"
            data-testid="addr-detail"
            value={detail}
            maxlength={120}
            placeholder={S.address.detailPlaceholder}
            onInput={(e) => setDetail(e.detail.value)}
          />
        </View>
        <View className="row">
          <Text>{S.address.isDefault}</Text>
          <Switch checked={isDefault} color="#E4393C" onChange={(e) => setIsDefault(e.detail.value)} />
        </View>
      </View>
      <View className="addr-edit__actions">
        <Btn
          className="btn btn--primary"
          data-testid="addr-save"
          loading={busy}
          disabled={busy}
          onClick={submit}
        >
          {S.address.save}
        </Btn>
        {id && (
          <Btn className="btn btn--plain addr-edit__del" onClick={remove}>
            {S.address.delete}
          </Btn>
        )}
      </View>
    </View>
  );
}
