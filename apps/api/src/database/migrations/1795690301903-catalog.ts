import { MigrationInterface, QueryRunner } from 'typeorm';

export class Catalog1795690301903 implements MigrationInterface {
  name = 'Catalog1795690301903';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Hand-written: uuid_generate_v4() and trigram search need these (both ship with PostgreSQL's contrib).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "uuid-ossp"`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE TABLE "category" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "parent_id" uuid, "name" character varying(40) NOT NULL, "icon_url" character varying(500), "sort_order" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9c4e4a89e3674fc9f382d733f03" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_category_parent_sort" ON "category"  ("parent_id", "sort_order") `,
    );
    await queryRunner.query(
      `CREATE TABLE "product" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "title" character varying(120) NOT NULL, "subtitle" character varying(200), "category_id" uuid NOT NULL, "images" jsonb NOT NULL, "description_html" text NOT NULL DEFAULT '', "status" character varying(16) NOT NULL DEFAULT 'draft', "fulfilment_modes" jsonb NOT NULL, "reward_rate_bp" integer, "commission_rate_bp" integer, "sales_count" integer NOT NULL DEFAULT '0', "search_text" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_product_commission_rate" CHECK ("commission_rate_bp" IS NULL OR ("commission_rate_bp" >= 0 AND "commission_rate_bp" <= 10000)), CONSTRAINT "CHK_product_reward_rate" CHECK ("reward_rate_bp" IS NULL OR ("reward_rate_bp" >= 0 AND "reward_rate_bp" <= 10000)), CONSTRAINT "PK_bebc9158e480b949565b4dc7a82" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_product_status_category" ON "product"  ("status", "category_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sku_stock_movement" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "sku_id" uuid NOT NULL, "delta" integer NOT NULL, "qty_after" integer NOT NULL, "reason" character varying(32) NOT NULL, "note" character varying(200), "ref_id" character varying(64), "actor_kind" character varying(16) NOT NULL, "actor_id" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_36d64f7ffb1269ff1654b8cdfd0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sku_stock_movement_sku" ON "sku_stock_movement"  ("sku_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sku" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "product_id" uuid NOT NULL, "specs" jsonb NOT NULL, "code" character varying(64) NOT NULL, "barcode" character varying(32), "price_fen" bigint NOT NULL, "original_price_fen" bigint, "weight_grams" integer NOT NULL DEFAULT '0', "stock" integer NOT NULL DEFAULT '0', "sort_order" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_sku_price" CHECK ("price_fen" >= 0 AND ("original_price_fen" IS NULL OR "original_price_fen" >= 0)), CONSTRAINT "CHK_sku_stock" CHECK ("stock" >= 0), CONSTRAINT "PK_ed102ac07c2cbc14c9a1438ecc2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_sku_code" ON "sku"  ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_sku_product" ON "sku"  ("product_id", "sort_order") `);
    await queryRunner.query(
      `CREATE TABLE "qr_image" ("code" character varying(32) NOT NULL, "png" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_80e0c7e6676b3914e1f70c3d421" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "scan_code" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "code" character varying(32) NOT NULL, "store_id" uuid NOT NULL, "shelf_id" uuid NOT NULL, "slot_id" uuid, "status" character varying(16) NOT NULL DEFAULT 'active', "disabled_at" TIMESTAMP WITH TIME ZONE, "replaced_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_06bec3b9ada3bc8d9b0a89aacda" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_scan_code_shelf" ON "scan_code"  ("shelf_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_scan_code_store" ON "scan_code"  ("store_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_scan_code_code" ON "scan_code"  ("code") `);
    await queryRunner.query(
      `CREATE TABLE "scan_log" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "code" character varying(64) NOT NULL, "scan_code_id" uuid, "store_id" uuid, "shelf_id" uuid, "user_id" uuid, "result" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3bf6f0e8fa1e46e7b7ccb76fa22" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_scan_log_time" ON "scan_log"  ("created_at") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_scan_log_user_time" ON "scan_log"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_scan_log_store_time" ON "scan_log"  ("store_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "shelf_slot" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "shelf_id" uuid NOT NULL, "position" integer NOT NULL, "product_id" uuid NOT NULL, "sku_id" uuid, CONSTRAINT "PK_80b330d38b9d86425d7e9259bba" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_shelf_slot_position" ON "shelf_slot"  ("shelf_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "shelf" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "store_id" uuid NOT NULL, "name" character varying(60) NOT NULL, "sort_order" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_da2ce57e38dfc635d50d0e5fc8f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_shelf_store" ON "shelf"  ("store_id", "sort_order") `);
    await queryRunner.query(
      `CREATE TABLE "staff_invite" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "code" character varying(32) NOT NULL, "store_id" uuid NOT NULL, "created_by_user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_by_user_id" uuid, "accepted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b396eec4532380dcbb63ac5157a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_staff_invite_store" ON "staff_invite"  ("store_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_staff_invite_code" ON "staff_invite"  ("code") `);
    await queryRunner.query(
      `CREATE TABLE "store_member" ("store_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_80079b4e4ede7caee8ffe0a3c21" PRIMARY KEY ("store_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_store_member_user" ON "store_member"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "store_stock_movement" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "store_id" uuid NOT NULL, "sku_id" uuid NOT NULL, "delta" integer NOT NULL, "qty_after" integer NOT NULL, "reason" character varying(32) NOT NULL, "note" character varying(200), "ref_id" character varying(64), "actor_kind" character varying(16) NOT NULL, "actor_id" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fbf4e894fa478790ef4e30fe2ae" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_store_stock_movement_store" ON "store_stock_movement"  ("store_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "store_stock" ("store_id" uuid NOT NULL, "sku_id" uuid NOT NULL, "product_id" uuid NOT NULL, "qty" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_store_stock_qty" CHECK ("qty" >= 0), CONSTRAINT "PK_939ba9a35af8a350db5eadcfa26" PRIMARY KEY ("store_id", "sku_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_store_stock_sku" ON "store_stock"  ("sku_id") `);
    await queryRunner.query(
      `CREATE TABLE "store" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "name" character varying(60) NOT NULL, "address" character varying(200) NOT NULL, "city" character varying(40), "phone" character varying(32), "lat" double precision NOT NULL, "lng" double precision NOT NULL, "opening_hours" character varying(100) NOT NULL DEFAULT '', "owner_user_id" uuid, "agent_user_id" uuid, "status" character varying(16) NOT NULL DEFAULT 'active', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_store_geo" CHECK ("lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180), CONSTRAINT "PK_f3172007d4de5ae8e7692759d79" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_store_agent" ON "store"  ("agent_user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_store_owner" ON "store"  ("owner_user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_store_status" ON "store"  ("status") `);
    // Hand-written (declared with synchronize: false on the entities):
    // keyword search is a substring match on search_text, served by a trigram GIN index.
    await queryRunner.query(
      `CREATE INDEX "IDX_product_search_trgm" ON "product" USING gin ("search_text" gin_trgm_ops)`,
    );
    // At most one active code per shelf (slot_id null) and per slot.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_scan_code_active_shelf" ON "scan_code" ("shelf_id") WHERE "status" = 'active' AND "slot_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_scan_code_active_slot" ON "scan_code" ("slot_id") WHERE "status" = 'active' AND "slot_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_scan_code_active_slot"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_scan_code_active_shelf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_product_search_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_store_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_store_owner"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_store_agent"`);
    await queryRunner.query(`DROP TABLE "store"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_store_stock_sku"`);
    await queryRunner.query(`DROP TABLE "store_stock"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_store_stock_movement_store"`);
    await queryRunner.query(`DROP TABLE "store_stock_movement"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_store_member_user"`);
    await queryRunner.query(`DROP TABLE "store_member"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_staff_invite_code"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_staff_invite_store"`);
    await queryRunner.query(`DROP TABLE "staff_invite"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_shelf_store"`);
    await queryRunner.query(`DROP TABLE "shelf"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_shelf_slot_position"`);
    await queryRunner.query(`DROP TABLE "shelf_slot"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_scan_log_store_time"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_scan_log_user_time"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_scan_log_time"`);
    await queryRunner.query(`DROP TABLE "scan_log"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_scan_code_code"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_scan_code_store"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_scan_code_shelf"`);
    await queryRunner.query(`DROP TABLE "scan_code"`);
    await queryRunner.query(`DROP TABLE "qr_image"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sku_product"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_sku_code"`);
    await queryRunner.query(`DROP TABLE "sku"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sku_stock_movement_sku"`);
    await queryRunner.query(`DROP TABLE "sku_stock_movement"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_product_status_category"`);
    await queryRunner.query(`DROP TABLE "product"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_category_parent_sort"`);
    await queryRunner.query(`DROP TABLE "category"`);
  }
}
