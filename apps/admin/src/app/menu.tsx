import {
  AccountBookOutlined,
  AuditOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FunnelPlotOutlined,
  GiftOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { can, type Me } from '../lib/permissions';
import { S } from '../strings';

export interface MenuEntry {
  path: string;
  name: string;
  icon?: ReactNode;
  permission?: string;
  children?: MenuEntry[];
}

/** The left menu, grouped as operators think (UX.md); each entry names the permission it needs. */
export const MENU: MenuEntry[] = [
  { path: '/dashboard', name: S.menu.dashboard, icon: <DashboardOutlined />, permission: 'orders:read' },
  {
    path: '/analytics/funnels',
    name: S.menu.funnels,
    icon: <FunnelPlotOutlined />,
    permission: 'orders:read',
  },
  {
    path: '/catalog',
    name: S.menu.catalog,
    icon: <ShoppingOutlined />,
    children: [
      { path: '/catalog/products', name: S.menu.products, permission: 'catalog:read' },
      { path: '/catalog/categories', name: S.menu.categories, permission: 'catalog:read' },
    ],
  },
  {
    path: '/stores',
    name: S.menu.stores,
    icon: <ShopOutlined />,
    children: [
      { path: '/stores/list', name: S.menu.storeList, permission: 'stores:read' },
      { path: '/stores/scan-logs', name: S.menu.scanLogs, permission: 'stores:read' },
      { path: '/stores/restocks', name: S.menu.restocks, permission: 'stores:read' },
    ],
  },
  {
    path: '/orders',
    name: S.menu.orders,
    icon: <ShoppingCartOutlined />,
    children: [
      { path: '/orders/list', name: S.menu.orderList, permission: 'orders:read' },
      { path: '/orders/shipping-templates', name: S.menu.shipping, permission: 'orders:read' },
    ],
  },
  {
    path: '/after-sales',
    name: S.menu.afterSales,
    icon: <CustomerServiceOutlined />,
    children: [{ path: '/after-sales/list', name: S.menu.afterSaleList, permission: 'orders:read' }],
  },
  {
    path: '/members',
    name: S.menu.members,
    icon: <UserOutlined />,
    children: [
      { path: '/members/customers', name: S.menu.customers, permission: 'customers:read' },
      { path: '/members/levels', name: S.marketing.levels, permission: 'marketing:read' },
      { path: '/members/profile', name: S.marketing.profile, permission: 'marketing:read' },
    ],
  },
  {
    path: '/marketing',
    name: S.marketing.menu,
    icon: <GiftOutlined />,
    children: [
      { path: '/marketing/coupons', name: S.marketing.coupons, permission: 'marketing:read' },
      { path: '/marketing/offers', name: S.marketing.offers, permission: 'marketing:read' },
      { path: '/marketing/segments', name: S.marketing.segments, permission: 'marketing:read' },
    ],
  },
  {
    path: '/resellers',
    name: S.menu.resellers,
    icon: <TeamOutlined />,
    children: [{ path: '/resellers/list', name: S.menu.resellerList, permission: 'resellers:read' }],
  },
  {
    path: '/finance',
    name: S.menu.finance,
    icon: <AccountBookOutlined />,
    children: [
      { path: '/finance/rewards', name: S.menu.rewards, permission: 'finance:read' },
      { path: '/finance/withdrawals', name: S.menu.withdrawals, permission: 'finance:read' },
      { path: '/finance/ledger', name: S.menu.ledger, permission: 'finance:read' },
      { path: '/finance/payments', name: S.menu.payments, permission: 'finance:read' },
    ],
  },
  {
    path: '/settings',
    name: S.menu.settings,
    icon: <SettingOutlined />,
    children: [{ path: '/settings/business', name: S.menu.settingsPage, permission: 'settings:read' }],
  },
  {
    path: '/system',
    name: S.menu.system,
    icon: <AuditOutlined />,
    children: [
      { path: '/system/admins', name: S.menu.admins, permission: 'admins:write' },
      { path: '/system/audit', name: S.menu.audit, permission: 'audit:read' },
    ],
  },
];

/** The entries this account may open; a group with no entry left disappears. */
export function menuFor(me: Me | undefined, entries: MenuEntry[] = MENU): MenuEntry[] {
  return entries.flatMap((e) => {
    if (e.children) {
      const children = menuFor(me, e.children);
      return children.length ? [{ ...e, children }] : [];
    }
    return can(me, e.permission) ? [e] : [];
  });
}

/** The first page an account may open (its home). */
export function firstPath(me: Me | undefined): string {
  const walk = (es: MenuEntry[]): string | undefined => {
    for (const e of es) {
      if (!e.children) return e.path;
      const p = walk(e.children);
      if (p) return p;
    }
    return undefined;
  };
  return walk(menuFor(me)) ?? '/403';
}

/** The permission a path needs (the deepest menu entry that is a prefix of it). */
export function permissionFor(path: string, entries: MenuEntry[] = MENU): string | undefined {
  for (const e of entries) {
    if (e.children) {
      const p = permissionFor(path, e.children);
      if (p) return p;
    } else if (path === e.path || path.startsWith(`${e.path}/`)) return e.permission;
  }
  return undefined;
}
