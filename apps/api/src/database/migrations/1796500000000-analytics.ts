import { MigrationInterface, QueryRunner } from 'typeorm';

export class Analytics1796500000000 implements MigrationInterface {
  name = 'Analytics1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "analytics_event" ("id" BIGSERIAL NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "product_id" uuid NOT NULL, "scan_code_id" uuid, "qty" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_29d5b2021997dfc387aa5a05ae6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_analytics_event_time" ON "analytics_event"  ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "analytics_state" ("name" character varying(32) NOT NULL, "watermark" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_fe05b27ee25d240e4efb1984126" PRIMARY KEY ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_fact" ("key" character varying(80) NOT NULL, "day" date NOT NULL, CONSTRAINT "PK_9971fb5fef32c1ce453d8b0edb4" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_analytics_fact_day" ON "analytics_fact"  ("day") `);
    await queryRunner.query(
      `CREATE TABLE "analytics_order" ("order_id" uuid NOT NULL, "buyer_id" uuid NOT NULL, "store_id" uuid NOT NULL, "shelf_id" uuid NOT NULL, "code_id" uuid NOT NULL, "paid_day" date, CONSTRAINT "PK_37e4c47f03607c66d0c7e5b0158" PRIMARY KEY ("order_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_analytics_order_store_paid" ON "analytics_order"  ("store_id", "paid_day") `,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_code_day" ("day" date NOT NULL, "store_id" uuid NOT NULL, "shelf_id" uuid NOT NULL, "code_id" uuid NOT NULL, "scans" integer NOT NULL DEFAULT '0', "views" integer NOT NULL DEFAULT '0', "carts" integer NOT NULL DEFAULT '0', "orders" integer NOT NULL DEFAULT '0', "paid_orders" integer NOT NULL DEFAULT '0', "gmv_fen" bigint NOT NULL DEFAULT '0', "offline_orders" integer NOT NULL DEFAULT '0', "offline_gmv_fen" bigint NOT NULL DEFAULT '0', "refunds" integer NOT NULL DEFAULT '0', "refund_fen" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_8f37342ab8cb6126fd0b6ee3e42" PRIMARY KEY ("day", "store_id", "shelf_id", "code_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_analytics_code_day_store" ON "analytics_code_day"  ("store_id", "day") `,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_product_day" ("day" date NOT NULL, "product_id" uuid NOT NULL, "views" integer NOT NULL DEFAULT '0', "carts" integer NOT NULL DEFAULT '0', "paid_qty" integer NOT NULL DEFAULT '0', "paid_fen" bigint NOT NULL DEFAULT '0', "refund_fen" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_a60b2a8feafa8e5811eb1bb8e81" PRIMARY KEY ("day", "product_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_reseller_day" ("day" date NOT NULL, "reseller_id" uuid NOT NULL, "paid_orders" integer NOT NULL DEFAULT '0', "gmv_fen" bigint NOT NULL DEFAULT '0', "refund_fen" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_f9212a89a349664abe233172d8f" PRIMARY KEY ("day", "reseller_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_buyer_day" ("buyer_id" uuid NOT NULL, "day" date NOT NULL, "prev_day" date, CONSTRAINT "PK_93fcc6850a3c60a96f6f23b9a20" PRIMARY KEY ("buyer_id", "day"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_analytics_buyer_day_day" ON "analytics_buyer_day"  ("day", "prev_day") `,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_platform_day" ("day" date NOT NULL, "new_members" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_8a09db75ec991ef163ad02f4a3f" PRIMARY KEY ("day"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_refund_succeeded" ON "refund"  ("succeeded_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_users_created" ON "users"  ("created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_orders_paid" ON "orders"  ("paid_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_orders_created" ON "orders"  ("created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_after_sale_refund" ON "after_sale"  ("refund_id") `);
    // The sweep counts what is created from now on; earlier days come from POST /api/admin/analytics/rebuild.
    await queryRunner.query(`INSERT INTO "analytics_state" ("name", "watermark") VALUES ('sweep', now())`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_after_sale_refund"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_orders_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_orders_paid"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_users_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_refund_succeeded"`);
    await queryRunner.query(`DROP TABLE "analytics_platform_day"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_analytics_buyer_day_day"`);
    await queryRunner.query(`DROP TABLE "analytics_buyer_day"`);
    await queryRunner.query(`DROP TABLE "analytics_reseller_day"`);
    await queryRunner.query(`DROP TABLE "analytics_product_day"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_analytics_code_day_store"`);
    await queryRunner.query(`DROP TABLE "analytics_code_day"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_analytics_order_store_paid"`);
    await queryRunner.query(`DROP TABLE "analytics_order"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_analytics_fact_day"`);
    await queryRunner.query(`DROP TABLE "analytics_fact"`);
    await queryRunner.query(`DROP TABLE "analytics_state"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_analytics_event_time"`);
    await queryRunner.query(`DROP TABLE "analytics_event"`);
  }
}
