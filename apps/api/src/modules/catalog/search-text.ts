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

/**
 * What separates words for bigram search, the same in SQL (`cs_bigrams`) and here: whitespace and
 * common Chinese and ASCII punctuation (quotes, backslash and colon too, which tsvector syntax needs).
 */
export const BIGRAM_DELIMITERS = `[[:space:],，。、;；:：/|()（）<>《》【】\\[\\]+\\-_.·!！?？'"“”‘’\\\\]+`;
const DELIMS_JS = /[\s,，。、;；:：/|()（）<>《》【】[\]+\-_.·!！?？'"“”‘’\\]+/u;

/**
 * The bigrams of a search term, as `cs_bigrams` cuts them: a one-character word is itself.
 * `飞天茅台` → [飞天, 天茅, 茅台].
 */
export function bigrams(term: string): string[] {
  const out = new Set<string>();
  for (const w of term.toLowerCase().split(DELIMS_JS)) {
    const chars = [...w];
    if (chars.length === 1) out.add(w);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  }
  return [...out];
}

/** Every bigram must match: `'飞天' & '天茅' & '茅台'` (lexemes quoted, so no parser runs). */
export function bigramQuery(grams: string[]): string {
  return grams.map((g) => `'${g}'`).join(' & ');
}
