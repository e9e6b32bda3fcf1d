import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { MoneyInput } from '../../components/MoneyInput';
import { S } from '../../strings';
import { buildRows, type SkuRow, type SpecDimension } from './sku-matrix';

export interface SkuMatrixValue {
  dimensions: SpecDimension[];
  rows: SkuRow[];
}

interface Props {
  value: SkuMatrixValue;
  onChange: (v: SkuMatrixValue) => void;
  codePrefix: string;
  errors?: Record<string, string>;
  /** Existing products: stock changes go through stock adjustments, not this table. */
  stockEditable?: boolean;
}

/**
 * The SKU matrix editor: spec names with their values on top (颜色: 红/蓝, 容量: 500ml/1L),
 * one row per combination below with code, price, crossed-out price, stock and weight.
 */
export function SkuMatrix({ value, onChange, codePrefix, errors = {}, stockEditable = true }: Props) {
  const setDims = (dimensions: SpecDimension[]) =>
    onChange({ dimensions, rows: buildRows(dimensions, value.rows, codePrefix) });
  const setRow = (key: string, patch: Partial<SkuRow>) =>
    onChange({ ...value, rows: value.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) });
  const specNames = value.dimensions.map((d) => d.name.trim()).filter(Boolean);

  return (
    <div data-testid="sku-matrix">
      <Space direction="vertical" style={{ width: '100%' }}>
        {value.dimensions.map((d, i) => (
          <Space key={i} align="start" style={{ width: '100%' }}>
            <Input
              aria-label={`${S.product.specName} ${i + 1}`}
              placeholder={S.product.specName}
              style={{ width: 140 }}
              value={d.name}
              onChange={(e) =>
                setDims(value.dimensions.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))
              }
            />
            <Select
              aria-label={`${S.product.specValues} ${i + 1}`}
              mode="tags"
              placeholder={S.product.specValues}
              style={{ minWidth: 360 }}
              value={d.values}
              open={false}
              tokenSeparators={[',', '，']}
              onChange={(values: string[]) =>
                setDims(value.dimensions.map((x, j) => (j === i ? { ...x, values } : x)))
              }
            />
            <Button
              aria-label={`删除规格 ${i + 1}`}
              icon={<DeleteOutlined />}
              onClick={() => setDims(value.dimensions.filter((_, j) => j !== i))}
            />
          </Space>
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() => setDims([...value.dimensions, { name: '', values: [] }])}
          disabled={value.dimensions.length >= 3}
        >
          {S.product.addSpec}
        </Button>
        <Table<SkuRow>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={value.rows}
          columns={[
            ...(specNames.length
              ? specNames.map((name) => ({
                  title: name,
                  key: `spec-${name}`,
                  render: (_: unknown, r: SkuRow) => r.specs[name],
                }))
              : [{ title: S.product.specs, key: 'spec', render: () => S.product.noSpec }]),
            {
              title: S.product.skuCode,
              key: 'code',
              render: (_, r) => (
                <Input
                  aria-label={`${S.product.skuCode} ${r.key}`}
                  value={r.code}
                  onChange={(e) => setRow(r.key, { code: e.target.value })}
                />
              ),
            },
            {
              title: S.product.price,
              key: 'price',
              render: (_, r) => (
                <>
                  <MoneyInput
                    aria-label={`${S.product.price} ${r.key}`}
                    value={r.priceFen}
                    status={errors[r.key] ? 'error' : undefined}
                    onChange={(priceFen) => setRow(r.key, { priceFen })}
                  />
                  {errors[r.key] && (
                    <Typography.Text type="danger" role="alert">
                      {errors[r.key]}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            {
              title: S.product.originalPrice,
              key: 'originalPrice',
              render: (_, r) => (
                <MoneyInput
                  aria-label={`${S.product.originalPrice} ${r.key}`}
                  value={r.originalPriceFen}
                  onChange={(originalPriceFen) => setRow(r.key, { originalPriceFen })}
                />
              ),
            },
            {
              title: S.product.stock,
              key: 'stock',
              render: (_, r) =>
                stockEditable && !r.id ? (
                  <InputNumber
                    aria-label={`${S.product.stock} ${r.key}`}
                    min={0}
                    precision={0}
                    value={r.stock}
                    onChange={(v) => setRow(r.key, { stock: v ?? undefined })}
                  />
                ) : (
                  (r.stock ?? 0)
                ),
            },
            {
              title: S.product.weight,
              key: 'weight',
              render: (_, r) => (
                <InputNumber
                  aria-label={`${S.product.weight} ${r.key}`}
                  min={0}
                  precision={0}
                  value={r.weightGrams}
                  onChange={(v) => setRow(r.key, { weightGrams: v ?? undefined })}
                />
              ),
            },
          ]}
        />
      </Space>
    </div>
  );
}
