/**
 * Optimistic version check for admin edits (the mechanism products use with PRODUCT_STALE):
 * the editor sends back the `updatedAt` it loaded; when the row has been saved since, the
 * edit is refused with the module's `*_STALE` 409 instead of silently overwriting it.
 * Without `expectedUpdatedAt` (API clients that do not care) the edit goes through.
 */
export function isStale(expectedUpdatedAt: string | undefined, updatedAt: Date): boolean {
  return !!expectedUpdatedAt && new Date(expectedUpdatedAt).getTime() !== updatedAt.getTime();
}
