import { DatePicker, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { S } from '../../strings';

/** The chosen China-time days (default: the last 30 days) and a picker that refuses future days and over two years. */
export function useRange() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(29, 'day'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const picker = (
    <Space>
      {S.dashboard.range}
      <DatePicker.RangePicker
        allowClear={false}
        value={range}
        disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs().subtract(2, 'year'), 'day')}
        onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
      />
    </Space>
  );
  return { from, to, picker };
}
