import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shopping guides (导购): a store's guide rate override, the store a staff share link was
 * made for, and the store of the staff link that bound a customer's referrer.
 */
export class ShoppingGuides1796800000000 implements MigrationInterface {
  name = 'ShoppingGuides1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "store" ADD "guide_rate_bp" integer`);
    await queryRunner.query(`ALTER TABLE "share_links" ADD "store_id" uuid`);
    await queryRunner.query(`ALTER TABLE "customer_bindings" ADD "referrer_store_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "customer_bindings" DROP COLUMN "referrer_store_id"`);
    await queryRunner.query(`ALTER TABLE "share_links" DROP COLUMN "store_id"`);
    await queryRunner.query(`ALTER TABLE "store" DROP COLUMN "guide_rate_bp"`);
  }
}
