import { ProTable } from '@ant-design/pro-components';
import { Drawer, Tag } from 'antd';
import { pagedRequest, type Columns } from '../../components/table';
import { api, call, type Schemas } from '../../lib/api';
import { dateTime } from '../../lib/format';
import { S } from '../../strings';

type Member = Schemas['TeamMemberDto'];

/** A reseller's team, two levels deep: direct downlines (一级) and theirs (二级, with who they came through). */
export function ResellerTeam({
  userId,
  name,
  onClose,
}: {
  userId: string;
  name: string;
  onClose: () => void;
}) {
  const columns: Columns<Member> = [
    { title: S.resellerTeam.member, key: 'member', render: (_, m) => m.nickname ?? m.userId.slice(0, 8) },
    {
      title: S.resellerTeam.level,
      key: 'level',
      render: (_, m) => (
        <Tag color={m.level === 1 ? 'blue' : 'default'}>{S.resellerTeam.levels[m.level]}</Tag>
      ),
    },
    { title: S.resellerTeam.via, key: 'via', render: (_, m) => m.viaNickname ?? '—' },
    { title: S.resellerTeam.customers, dataIndex: 'customers', align: 'right' },
    { title: S.resellerTeam.joinedAt, key: 'joined', render: (_, m) => dateTime(m.joinedAt) },
  ];
  return (
    <Drawer open width={760} title={S.resellerTeam.title(name)} onClose={onClose} destroyOnHidden>
      <ProTable<Member>
        rowKey="userId"
        size="small"
        columns={columns}
        search={false}
        options={false}
        pagination={{ defaultPageSize: 20 }}
        data-testid="reseller-team"
        request={pagedRequest((q) =>
          call(
            api.GET('/api/admin/resellers/{userId}/team', {
              params: { path: { userId }, query: q as never },
            }),
          ),
        )}
      />
    </Drawer>
  );
}
