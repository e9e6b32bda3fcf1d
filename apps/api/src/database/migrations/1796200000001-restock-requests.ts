import { MigrationInterface, QueryRunner } from 'typeorm';

export class RestockRequests1796200000001 implements MigrationInterface {
  name = 'RestockRequests1796200000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "restock_request" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "store_id" uuid NOT NULL, "sku_id" uuid NOT NULL, "qty" integer NOT NULL, "note" character varying(200), "requested_by_user_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'open', "handled_by" character varying(64), "handled_at" TIMESTAMP WITH TIME ZONE, "handle_note" character varying(200), CONSTRAINT "PK_d6875890fd7e2792009a66c6360" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_restock_request_store" ON "restock_request"  ("store_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_restock_request_status" ON "restock_request"  ("status", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_restock_request_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_restock_request_store"`);
    await queryRunner.query(`DROP TABLE "restock_request"`);
  }
}
