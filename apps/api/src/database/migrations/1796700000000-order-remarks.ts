import { MigrationInterface, QueryRunner } from 'typeorm';

/** Operators' remarks on orders (订单备注). */
export class OrderRemarks1796700000000 implements MigrationInterface {
  name = 'OrderRemarks1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "order_remark" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "order_id" uuid NOT NULL, "admin_id" character varying(64) NOT NULL, "text" character varying(500) NOT NULL, CONSTRAINT "PK_228d61c7da4d1f2a8e35297cc8f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_order_remark_order" ON "order_remark"  ("order_id", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_order_remark_order"`);
    await queryRunner.query(`DROP TABLE "order_remark"`);
  }
}
