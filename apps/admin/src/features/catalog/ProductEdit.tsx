import { PageContainer, ProCard } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  message,
  Modal,
  Select,
  Space,
  Table,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { LoadError } from '../../app/ErrorPages';
import { PageSpin } from '../../app/Shell';
import { ImageUploader } from '../../components/ImageUploader';
import { StatusTag } from '../../components/StatusTag';
import { StockAdjuster } from '../../components/StockAdjuster';
import { dateTime } from '../../lib/format';
import { useCategoryOptions } from '../../components/selects';
import { api, call, type Schemas } from '../../lib/api';
import { applyFieldErrors } from '../../lib/errors';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';
import { comboKey, dimensionsOf, validateRows, type SkuRow } from './sku-matrix';
import { SkuMatrix, type SkuMatrixValue } from './SkuMatrix';

type Product = Schemas['ProductDto'];
type Mode = 'express' | 'pickup' | 'take_away';

interface Values {
  title: string;
  subtitle?: string;
  categoryId: string;
  fulfilmentModes: Mode[];
  images: string[];
  rewardRate?: number | null;
  commissionRate?: number | null;
  descriptionHtml?: string;
}

const toBp = (pct: number | null | undefined) =>
  pct === null || pct === undefined ? null : Math.round(pct * 100);
const toPct = (bp: number | null | undefined) => (bp === null || bp === undefined ? null : bp / 100);

/** 新建/编辑商品: basics, images, rates, and the SKU matrix. */
export default function ProductEdit() {
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  const q = useQuery({
    queryKey: ['product', id],
    enabled: !isNew,
    queryFn: () => call(api.GET('/api/admin/products/{id}', { params: { path: { id } } })),
  });
  if (!isNew && q.isLoading) return <PageSpin />;
  if (!isNew && (q.error || !q.data)) return <LoadError error={q.error} retry={() => void q.refetch()} />;
  return <Editor key={q.data?.updatedAt ?? 'new'} product={q.data} />;
}

function rowsOf(p: Product | undefined): SkuRow[] {
  return (p?.skus ?? []).map((s) => {
    const specs = (s.specs as Record<string, string>) ?? {};
    return {
      key: comboKey(specs),
      specs,
      id: s.id,
      code: s.code,
      priceFen: s.priceFen,
      originalPriceFen: s.originalPriceFen ?? undefined,
      stock: s.stock,
      weightGrams: s.weightGrams,
    };
  });
}

function Editor({ product }: { product?: Product }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const cats = useCategoryOptions();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const prefix = useMemo(
    () =>
      product?.skus[0]?.code.replace(/-\d+$/, '') ?? `P${Date.now().toString(36).toUpperCase().slice(-6)}`,
    [product],
  );
  const initialRows = rowsOf(product);
  const [matrix, setMatrix] = useState<SkuMatrixValue>(() => ({
    dimensions: dimensionsOf(product?.skus.map((s) => ({ specs: s.specs as Record<string, string> })) ?? []),
    rows: initialRows.length ? initialRows : [{ key: '', specs: {}, code: `${prefix}-1` }],
  }));
  const canWrite = can(me, 'catalog:write');

  useEffect(() => {
    form.setFieldsValue({
      title: product?.title,
      subtitle: product?.subtitle ?? undefined,
      categoryId: product?.categoryId,
      fulfilmentModes: (product?.fulfilmentModes as Mode[]) ?? ['express'],
      images: product?.images ?? [],
      rewardRate: toPct(product?.rewardRateBp),
      commissionRate: toPct(product?.commissionRateBp),
      descriptionHtml: product?.descriptionHtml ?? '',
    });
  }, [form, product]);

  const save = async () => {
    const v = await form.validateFields();
    const errors = validateRows(matrix.rows);
    setRowErrors(errors);
    if (!matrix.rows.length) return void message.error(S.product.atLeastOneSku);
    if (Object.keys(errors).length) return void message.error(S.product.priceRequired);
    const body = {
      title: v.title.trim(),
      subtitle: v.subtitle?.trim() || undefined,
      categoryId: v.categoryId,
      images: v.images,
      descriptionHtml: v.descriptionHtml || undefined,
      fulfilmentModes: v.fulfilmentModes,
      rewardRateBp: toBp(v.rewardRate),
      commissionRateBp: toBp(v.commissionRate),
    };
    const sku = (r: SkuRow) => ({
      specs: r.specs,
      code: r.code,
      priceFen: r.priceFen!,
      originalPriceFen: r.originalPriceFen,
      weightGrams: r.weightGrams ?? 0,
    });
    setBusy(true);
    try {
      if (!product) {
        const created = await call(
          api.POST('/api/admin/products', {
            body: {
              ...body,
              rewardRateBp: body.rewardRateBp ?? undefined,
              commissionRateBp: body.commissionRateBp ?? undefined,
              skus: matrix.rows.map((r, i) => ({ ...sku(r), stock: r.stock ?? 0, sortOrder: i })),
            },
          }),
        );
        void message.success(S.common.saved);
        navigate(`/catalog/products/${created.id}`, { replace: true });
        return;
      }
      await call(
        api.PATCH('/api/admin/products/{id}', {
          params: { path: { id: product.id } },
          body: { ...body, expectedUpdatedAt: product.updatedAt },
        }),
      );
      const keep = new Set(matrix.rows.filter((r) => r.id).map((r) => r.id));
      for (const old of product.skus.filter((s) => !keep.has(s.id)))
        await call(api.DELETE('/api/admin/skus/{id}', { params: { path: { id: old.id } } }));
      for (const [i, r] of matrix.rows.entries()) {
        if (r.id)
          await call(
            api.PATCH('/api/admin/skus/{id}', {
              params: { path: { id: r.id } },
              body: { ...sku(r), sortOrder: i },
            }),
          );
        else
          await call(
            api.POST('/api/admin/products/{id}/skus', {
              params: { path: { id: product.id } },
              body: { ...sku(r), stock: r.stock ?? 0, sortOrder: i },
            }),
          );
      }
      void message.success(S.common.saved);
      await qc.invalidateQueries({ queryKey: ['product', product.id] });
    } catch (e) {
      applyFieldErrors(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageContainer
      title={product ? `${S.product.edit}：${product.title}` : S.product.create}
      tags={product ? <StatusTag status={product.status} labels={S.productStatus} /> : undefined}
      onBack={() => navigate('/catalog/products')}
      extra={
        canWrite && (
          <Button type="primary" loading={busy} onClick={() => void save()}>
            {S.common.save}
          </Button>
        )
      }
    >
      <Form form={form} layout="vertical" disabled={!canWrite}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <ProCard title="基本信息" bordered>
            <Form.Item
              name="title"
              label={S.product.title}
              rules={[{ required: true, whitespace: true, max: 100 }]}
            >
              <Input maxLength={100} showCount />
            </Form.Item>
            <Form.Item name="subtitle" label={S.product.subtitle} rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Space size={24} wrap>
              <Form.Item name="categoryId" label={S.product.category} rules={[{ required: true }]}>
                <Select
                  style={{ width: 260 }}
                  options={cats.options}
                  loading={cats.loading}
                  showSearch
                  optionFilterProp="label"
                />
              </Form.Item>
              <Form.Item
                name="fulfilmentModes"
                label={S.product.modes}
                rules={[{ required: true, type: 'array', min: 1 }]}
              >
                <Checkbox.Group
                  options={(['express', 'pickup', 'take_away'] as const).map((m) => ({
                    value: m,
                    label: S.modes[m],
                  }))}
                />
              </Form.Item>
            </Space>
            <Form.Item
              name="images"
              label={`${S.product.images}（第一张为主图，最多 9 张）`}
              valuePropName="value"
            >
              <ImageUploader />
            </Form.Item>
          </ProCard>
          <ProCard title={S.product.skus} bordered>
            <SkuMatrix
              value={matrix}
              onChange={setMatrix}
              codePrefix={prefix}
              errors={rowErrors}
              stockEditable
            />
            {product && (
              <>
                <Alert
                  style={{ marginTop: 8 }}
                  type="info"
                  showIcon
                  message="已保存规格的库存在下方调整，每次调整都记入库存流水。"
                />
                <PlatformStock
                  product={product}
                  canWrite={canWrite}
                  onDone={() => void qc.invalidateQueries({ queryKey: ['product', product.id] })}
                />
              </>
            )}
          </ProCard>
          <ProCard title="奖励与佣金" bordered>
            <Space size={24} wrap>
              <Form.Item name="rewardRate" label={S.product.rewardRate} extra={S.product.rateHint}>
                <InputNumber min={0} max={100} step={0.5} precision={2} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="commissionRate" label={S.product.commissionRate} extra={S.product.rateHint}>
                <InputNumber min={0} max={100} step={0.5} precision={2} style={{ width: 160 }} />
              </Form.Item>
            </Space>
          </ProCard>
          <ProCard title={S.product.description} bordered>
            <Form.Item
              name="descriptionHtml"
              extra="支持基础 HTML（段落、图片、加粗），保存时由服务器清理不安全内容"
            >
              <Input.TextArea rows={6} />
            </Form.Item>
          </ProCard>
        </Space>
      </Form>
    </PageContainer>
  );
}

/** 平台库存: each saved SKU's stock, adjusted with a note, and its log. */
function PlatformStock({
  product,
  canWrite,
  onDone,
}: {
  product: Product;
  canWrite: boolean;
  onDone: () => void;
}) {
  const [log, setLog] = useState<string | null>(null);
  const spec = (s: Product['skus'][number]) =>
    Object.values((s.specs as Record<string, string>) ?? {}).join(' / ') || S.product.noSpec;
  return (
    <>
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={product.skus}
        columns={[
          { title: S.product.specs, key: 's', render: (_, s) => spec(s) },
          { title: S.product.skuCode, dataIndex: 'code' },
          { title: '平台库存', dataIndex: 'stock', align: 'right' },
          {
            title: S.common.actions,
            key: 'a',
            render: (_, s) => (
              <Space>
                {canWrite && (
                  <StockAdjuster
                    label={spec(s)}
                    onDone={onDone}
                    submit={(delta, note) =>
                      call(
                        api.POST('/api/admin/skus/{id}/stock-adjustments', {
                          params: { path: { id: s.id } },
                          body: { delta, note },
                        }),
                      )
                    }
                  />
                )}
                <a onClick={() => setLog(s.id)}>{S.product.movements}</a>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!log}
        width={760}
        footer={null}
        title={S.product.movements}
        onCancel={() => setLog(null)}
        destroyOnHidden
      >
        {log && <SkuMovements skuId={log} />}
      </Modal>
    </>
  );
}

function SkuMovements({ skuId }: { skuId: string }) {
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['sku-movements', skuId, page],
    queryFn: () =>
      call(
        api.GET('/api/admin/skus/{id}/stock-movements', {
          params: { path: { id: skuId }, query: { page, pageSize: 20 } },
        }),
      ),
  });
  return (
    <Table
      size="small"
      rowKey="id"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      pagination={{ current: page, total: q.data?.total ?? 0, pageSize: 20, onChange: setPage }}
      columns={[
        { title: S.audit.at, key: 'at', render: (_, m) => dateTime(m.createdAt) },
        {
          title: '变动',
          key: 'd',
          align: 'right',
          render: (_, m) => (m.delta > 0 ? `+${m.delta}` : m.delta),
        },
        { title: '结存', dataIndex: 'qtyAfter', align: 'right' },
        {
          title: S.common.reason,
          key: 'r',
          render: (_, m) => [m.reason, m.note].filter(Boolean).join(' · '),
        },
      ]}
    />
  );
}
