import type { EntityManager } from 'typeorm';

/**
 * Recomputes `product.search_text` (what keyword search matches) from the title,
 * subtitle, category and parent category names, and SKU spec values and codes.
 * One statement, so it also serves a category rename.
 */
export async function refreshSearchText(
  manager: EntityManager,
  where: { productIds: string[] } | { categoryId: string },
): Promise<void> {
  const [cond, param] =
    'productIds' in where
      ? ['p.id = ANY($1::uuid[])', where.productIds]
      : ['(c.id = $1 OR pc.id = $1)', where.categoryId];
  await manager.query(
    `UPDATE product p SET search_text = lower(concat_ws(' ', p.title, p.subtitle, c.name, pc.name,
        (SELECT string_agg(v.value, ' ') FROM sku s CROSS JOIN LATERAL jsonb_each_text(s.specs) v WHERE s.product_id = p.id),
        (SELECT string_agg(concat_ws(' ', s.code, s.barcode), ' ') FROM sku s WHERE s.product_id = p.id)))
     FROM category c LEFT JOIN category pc ON pc.id = c.parent_id
     WHERE c.id = p.category_id AND ${cond}`,
    [param],
  );
}

/** Escapes LIKE wildcards so a user's `%` or `_` matches itself. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** Splits a keyword into lower-cased terms; every term must match (AND). At most 5 terms. */
export function searchTerms(keyword: string | undefined): string[] {
  if (!keyword) return [];
  return keyword
    .toLowerCase()
    .split(/[\s\u3000,，]+/)
    .filter(Boolean)
    .slice(0, 5);
}
