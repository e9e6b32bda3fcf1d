import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderRefunds1796101013516 implements MigrationInterface {
  name = 'OrderRefunds1796101013516';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" ADD "refunded_fen" bigint NOT NULL DEFAULT '0'`);
    // Orders refunded before the column existed: their refunded after-sales, and REFUNDED when nothing is left.
    await queryRunner.query(
      `UPDATE "orders" o SET "refunded_fen" = r.total FROM (
         SELECT "order_id", sum("amount_fen" + "shipping_refund_fen") AS total FROM "after_sale"
          WHERE "status" = 'REFUNDED' GROUP BY "order_id") r WHERE r."order_id" = o."id"`,
    );
    await queryRunner.query(
      `UPDATE "orders" o SET "status" = 'REFUNDED' WHERE o."status" IN ('PAID', 'SHIPPED', 'AWAITING_PICKUP', 'COMPLETED')
         AND NOT EXISTS (SELECT 1 FROM "order_line" l WHERE l."order_id" = o."id" AND l."refunded_qty" < l."qty")
         AND EXISTS (SELECT 1 FROM "order_line" l WHERE l."order_id" = o."id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "refunded_fen"`);
  }
}
