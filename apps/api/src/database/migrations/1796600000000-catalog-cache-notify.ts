import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every replica serves shelf layouts and catalog entries from memory (common/cache-bus.ts).
 * These statement-level triggers announce a change on the `cloudshelf_cache` channel at commit,
 * whoever writes (a service, a migration, a script). Stock columns (sku.stock, store_stock) and
 * sales counts are left out: they are never cached, and they change on every order.
 */
export class CatalogCacheNotify1796600000000 implements MigrationInterface {
  name = 'CatalogCacheNotify1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION cloudshelf_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN PERFORM pg_notify('cloudshelf_cache', TG_ARGV[0]); RETURN NULL; END $$`,
    );
    const watch = (table: string, columns?: string) =>
      queryRunner.query(
        `CREATE TRIGGER "cache_notify_${table}" AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE${columns ? ` OF ${columns}` : ''} ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION cloudshelf_cache_notify('catalog')`,
      );
    await watch(
      'product',
      'title, subtitle, category_id, images, description_html, status, fulfilment_modes, reward_rate_bp, commission_rate_bp',
    );
    await watch(
      'sku',
      'product_id, specs, code, barcode, price_fen, original_price_fen, weight_grams, sort_order',
    );
    for (const table of ['store', 'shelf', 'shelf_slot', 'scan_code']) await watch(table);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['product', 'sku', 'store', 'shelf', 'shelf_slot', 'scan_code'])
      await queryRunner.query(`DROP TRIGGER "cache_notify_${table}" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION cloudshelf_cache_notify()`);
  }
}
