import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType } from '@ant-design/pro-components';
import { Button, Image, message, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConfirmButton } from '../../components/Actions';
import { StatusTag, valueEnum } from '../../components/StatusTag';
import { useCategoryOptions } from '../../components/selects';
import { exportRowsCsv, moneyCol, pagedRequest, tableDefaults, type Columns } from '../../components/table';
import { api, call, type Schemas } from '../../lib/api';
import { dateTime, yuan } from '../../lib/format';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';

type Product = Schemas['ProductSummaryDto'];

/** 商品管理: search, filter by category and status, put on or take off sale. */
export default function Products() {
  const ref = useRef<ActionType>(undefined);
  const navigate = useNavigate();
  const { data: me } = useMe();
  const cats = useCategoryOptions();
  const [rows, setRows] = useState<Product[]>([]);
  const canWrite = can(me, 'catalog:write');
  const setStatus = async (p: Product, status: 'on_sale' | 'off_sale') => {
    await call(
      api.POST('/api/admin/products/{id}/status', { params: { path: { id: p.id } }, body: { status } }),
    );
    void message.success(S.common.done);
    ref.current?.reload();
  };
  const columns: Columns<Product> = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true },
    {
      title: S.product.title,
      dataIndex: 'title',
      search: false,
      render: (_, p) => (
        <Space>
          {p.coverUrl ? (
            <Image src={p.coverUrl} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} />
          ) : (
            <div
              style={{
                width: 48,
                height: 48,
                background: '#f0f0f0',
                borderRadius: 4,
                textAlign: 'center',
                lineHeight: '48px',
              }}
            >
              {p.title.slice(0, 1)}
            </div>
          )}
          <span>
            <Link to={`/catalog/products/${p.id}`}>{p.title}</Link>
            {p.subtitle && (
              <>
                <br />
                <Typography.Text type="secondary">{p.subtitle}</Typography.Text>
              </>
            )}
          </span>
        </Space>
      ),
    },
    {
      title: S.product.category,
      dataIndex: 'categoryId',
      valueType: 'select',
      fieldProps: { options: cats.options, showSearch: true },
      render: (_, p) => cats.names.get(p.categoryId) ?? '—',
    },
    {
      title: S.product.minPrice,
      dataIndex: 'minPriceFen',
      ...moneyCol,
      render: (_, p) => (p.minPriceFen === null ? '—' : `${yuan(p.minPriceFen)} 起`),
    },
    { title: S.product.sales, dataIndex: 'salesCount', search: false, align: 'right' },
    {
      title: S.product.modes,
      dataIndex: 'fulfilmentModes',
      search: false,
      render: (_, p) => p.fulfilmentModes.map((m) => S.modes[m]).join(' / '),
    },
    {
      title: S.common.status,
      dataIndex: 'status',
      valueEnum: valueEnum(S.productStatus),
      render: (_, p) => <StatusTag status={p.status} labels={S.productStatus} />,
    },
    {
      title: S.common.createdAt,
      dataIndex: 'createdAt',
      search: false,
      render: (_, p) => dateTime(p.createdAt),
    },
    {
      title: S.common.actions,
      key: 'actions',
      search: false,
      render: (_, p) => (
        <Space>
          <Link to={`/catalog/products/${p.id}`}>{canWrite ? S.common.edit : S.common.detail}</Link>
          {canWrite &&
            (p.status === 'on_sale' ? (
              <ConfirmButton
                type="link"
                size="small"
                title={`下架「${p.title}」后顾客将无法购买，确定吗？`}
                onConfirm={() => setStatus(p, 'off_sale')}
              >
                {S.product.offSale}
              </ConfirmButton>
            ) : (
              <ConfirmButton
                type="link"
                size="small"
                title={`上架「${p.title}」？`}
                onConfirm={() => setStatus(p, 'on_sale')}
              >
                {S.product.onSale}
              </ConfirmButton>
            ))}
        </Space>
      ),
    },
  ];
  return (
    <ProTable<Product>
      {...tableDefaults<Product>()}
      headerTitle={S.menu.products}
      rowKey="id"
      actionRef={ref}
      columns={columns}
      request={pagedRequest(async (q) => {
        const page = await call(api.GET('/api/admin/products', { params: { query: q as never } }));
        setRows(page.items);
        return page;
      })}
      toolBarRender={() => [
        canWrite && (
          <Button
            key="new"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/catalog/products/new')}
          >
            {S.product.create}
          </Button>
        ),
        <Button
          key="export"
          onClick={() =>
            exportRowsCsv(
              rows,
              [
                { title: '商品', value: (p) => p.title },
                { title: '分类', value: (p) => cats.names.get(p.categoryId) ?? '' },
                {
                  title: '最低价(元)',
                  value: (p) => (p.minPriceFen === null ? '' : yuan(p.minPriceFen).replace('¥', '')),
                },
                { title: '销量', value: (p) => p.salesCount },
                { title: '状态', value: (p) => S.productStatus[p.status] },
              ],
              'products.csv',
            )
          }
        >
          {S.common.export}
        </Button>,
      ]}
    />
  );
}
