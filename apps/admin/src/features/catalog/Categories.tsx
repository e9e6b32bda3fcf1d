import { PlusOutlined } from '@ant-design/icons';
import {
  ModalForm,
  PageContainer,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
} from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, message, Space, Table } from 'antd';
import { ConfirmButton } from '../../components/Actions';
import { api, call, type Schemas } from '../../lib/api';
import { applyFieldErrors } from '../../lib/errors';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';

type Node = Schemas['CategoryTreeDto'] | Schemas['CategoryDto'];
interface Values {
  name: string;
  parentId?: string;
  sortOrder?: number;
}

/** 商品分类: two levels, ordered; a category with products or children cannot be deleted. */
export default function Categories() {
  const qc = useQueryClient();
  const { data: me } = useMe();
  const tree = useQuery({
    queryKey: ['category-tree'],
    queryFn: () => call(api.GET('/api/admin/categories/tree')),
  });
  const canWrite = can(me, 'catalog:write');
  const reload = () => void qc.invalidateQueries({ queryKey: ['category-tree'] });
  const roots = tree.data?.items ?? [];

  const CategoryForm = ({ node, trigger }: { node?: Node; trigger: JSX.Element }) => {
    const [form] = Form.useForm<Values>();
    return (
      <ModalForm<Values>
        title={node ? S.common.edit : S.common.create}
        trigger={trigger}
        form={form}
        width={420}
        modalProps={{ destroyOnHidden: true }}
        initialValues={
          node
            ? { name: node.name, parentId: node.parentId ?? undefined, sortOrder: node.sortOrder }
            : { sortOrder: 0 }
        }
        onFinish={async (v) => {
          try {
            if (node)
              await call(
                api.PATCH('/api/admin/categories/{id}', {
                  params: { path: { id: node.id } },
                  body: { name: v.name, sortOrder: v.sortOrder ?? 0, expectedUpdatedAt: node.updatedAt },
                }),
              );
            else
              await call(
                api.POST('/api/admin/categories', {
                  body: { name: v.name, parentId: v.parentId, sortOrder: v.sortOrder ?? 0 },
                }),
              );
            void message.success(S.common.saved);
            reload();
            return true;
          } catch (e) {
            applyFieldErrors(form, e);
            return false;
          }
        }}
      >
        <ProFormText name="name" label={S.common.name} rules={[{ required: true, max: 30 }]} />
        {!node && (
          <ProFormSelect
            name="parentId"
            label={S.category.parent}
            placeholder={S.category.root}
            allowClear
            options={roots.map((r) => ({ value: r.id, label: r.name }))}
          />
        )}
        <ProFormDigit
          name="sortOrder"
          label={S.category.sortOrder}
          min={0}
          max={9999}
          fieldProps={{ precision: 0 }}
        />
      </ModalForm>
    );
  };

  return (
    <PageContainer
      title={S.menu.categories}
      extra={
        canWrite && (
          <CategoryForm
            trigger={
              <Button type="primary" icon={<PlusOutlined />}>
                {S.common.create}
              </Button>
            }
          />
        )
      }
    >
      <Table<Node>
        rowKey="id"
        loading={tree.isLoading}
        dataSource={roots as Node[]}
        pagination={false}
        expandable={{ defaultExpandAllRows: true, childrenColumnName: 'children' }}
        columns={[
          { title: S.common.name, dataIndex: 'name' },
          { title: S.category.sortOrder, dataIndex: 'sortOrder', width: 120 },
          {
            title: S.common.actions,
            key: 'a',
            width: 200,
            render: (_, n) =>
              canWrite && (
                <Space>
                  <CategoryForm node={n} trigger={<a>{S.common.edit}</a>} />
                  <ConfirmButton
                    type="link"
                    size="small"
                    danger
                    title={S.category.deleteConfirm}
                    onConfirm={async () => {
                      await call(
                        api.DELETE('/api/admin/categories/{id}', { params: { path: { id: n.id } } }),
                      );
                      void message.success(S.common.done);
                      reload();
                    }}
                  >
                    {S.common.delete}
                  </ConfirmButton>
                </Space>
              ),
          },
        ]}
      />
    </PageContainer>
  );
}
