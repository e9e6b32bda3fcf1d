import { MigrationInterface, QueryRunner } from 'typeorm';

export class AfterSaleShippingRefund1795694734721 implements MigrationInterface {
  name = 'AfterSaleShippingRefund1795694734721';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "after_sale" ADD "shipping_refund_fen" bigint NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "after_sale" DROP COLUMN "shipping_refund_fen"`);
  }
}
