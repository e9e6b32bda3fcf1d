import { MigrationInterface, QueryRunner } from 'typeorm';

/** Orders whose shipping information WeChat accepted (发货信息录入). */
export class OrderShippingUpload1796300000001 implements MigrationInterface {
  name = 'OrderShippingUpload1796300000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "order_shipping_upload" ("order_id" uuid NOT NULL, "logistics_type" smallint NOT NULL, "transaction_id" character varying(64) NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fb902c0a8a07856642d3bf9b562" PRIMARY KEY ("order_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "order_shipping_upload"`);
  }
}
