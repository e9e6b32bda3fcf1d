import { RequestContext, type Actor } from '../request-context';
import { inStoreScope, storeFilter, storeScope } from './store-scope';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const as = (actor?: Actor) => new RequestContext('t', actor);
const admin = (roles: string[], storeIds?: string[]) => as({ kind: 'admin', id: 'x', roles, storeIds });

describe('store scope', () => {
  it.each([
    ['a store manager', admin(['store_manager'], [A]), [A]],
    ['a store manager with no stores (fails closed)', admin(['store_manager']), []],
    ['an operator', admin(['operator'], [A]), null],
    ['a store manager who is also finance', admin(['store_manager', 'finance'], [A]), null],
    ['an admin', admin(['admin']), null],
    ['a mini-program user', as({ kind: 'user', id: 'u', roles: ['store_manager'], storeIds: [A] }), null],
    ['the system', RequestContext.system('job'), null],
    ['no actor', as(), null],
  ])('%s → %p', (_, ctx, scope) => {
    expect(storeScope(ctx)).toEqual(scope);
  });

  it('hides other stores and storeless rows from a store manager only', () => {
    const mgr = admin(['store_manager'], [A]);
    expect([A, B, null].map((id) => inStoreScope(mgr, id))).toEqual([true, false, false]);
    expect([A, B, null].map((id) => inStoreScope(admin(['operator']), id))).toEqual([true, true, true]);
  });

  it.each([
    [admin(['store_manager'], [A, B]), undefined, [A, B]],
    [admin(['store_manager'], [A, B]), B, [B]],
    [admin(['store_manager'], [A]), B, []],
    [admin(['operator']), B, [B]],
    [admin(['operator']), undefined, null],
  ])('narrows a list filter (%#)', (ctx, requested, stores) => {
    expect(storeFilter(ctx, requested)).toEqual(stores);
  });
});
