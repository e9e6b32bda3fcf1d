import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { NotFound, RouteError } from './app/ErrorPages';
import Login from './app/Login';
import Shell from './app/Shell';
import { ApiError } from './lib/api';

dayjs.locale('zh-cn');

/** Each screen is its own chunk, loaded when first opened. */
const page = (load: () => Promise<{ default: React.ComponentType }>) => () =>
  load().then((m) => ({ Component: m.default }));

const router = createBrowserRouter(
  [
    { path: '/login', Component: Login },
    {
      path: '/',
      Component: Shell,
      errorElement: <RouteError />,
      children: [
        { path: 'dashboard', lazy: page(() => import('./features/analytics/Dashboard')) },
        { path: 'analytics/funnels', lazy: page(() => import('./features/analytics/Funnels')) },
        { path: 'catalog/products', lazy: page(() => import('./features/catalog/Products')) },
        { path: 'catalog/products/:id', lazy: page(() => import('./features/catalog/ProductEdit')) },
        { path: 'catalog/categories', lazy: page(() => import('./features/catalog/Categories')) },
        { path: 'stores/list', lazy: page(() => import('./features/stores/Stores')) },
        { path: 'stores/list/:id', lazy: page(() => import('./features/stores/StoreDetail')) },
        { path: 'stores/scan-logs', lazy: page(() => import('./features/stores/ScanLogs')) },
        { path: 'stores/restocks', lazy: page(() => import('./features/stores/Restocks')) },
        { path: 'orders/list', lazy: page(() => import('./features/orders/Orders')) },
        { path: 'orders/list/:id', lazy: page(() => import('./features/orders/OrderDetail')) },
        {
          path: 'orders/shipping-templates',
          lazy: page(() => import('./features/orders/ShippingTemplates')),
        },
        { path: 'after-sales/list', lazy: page(() => import('./features/after-sales/AfterSales')) },
        { path: 'members/customers', lazy: page(() => import('./features/customers/Customers')) },
        { path: 'members/levels', lazy: page(() => import('./features/members/Levels')) },
        { path: 'members/profile', lazy: page(() => import('./features/members/Profile')) },
        { path: 'marketing/coupons', lazy: page(() => import('./features/marketing/Coupons')) },
        { path: 'marketing/offers', lazy: page(() => import('./features/marketing/Offers')) },
        { path: 'marketing/segments', lazy: page(() => import('./features/marketing/Segments')) },
        { path: 'resellers/list', lazy: page(() => import('./features/resellers/Resellers')) },
        { path: 'finance/rewards', lazy: page(() => import('./features/finance/Rewards')) },
        { path: 'finance/withdrawals', lazy: page(() => import('./features/finance/Withdrawals')) },
        { path: 'finance/ledger', lazy: page(() => import('./features/finance/Ledger')) },
        { path: 'finance/payments', lazy: page(() => import('./features/finance/Payments')) },
        { path: 'settings/business', lazy: page(() => import('./features/settings/Settings')) },
        { path: 'system/admins', lazy: page(() => import('./features/system/Admins')) },
        { path: 'system/audit', lazy: page(() => import('./features/system/Audit')) },
        { path: '*', element: <NotFound /> },
      ],
    },
  ],
  { basename: '/admin' },
);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused or missing resource does not get better by asking again.
      retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 2,
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
