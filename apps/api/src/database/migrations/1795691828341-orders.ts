import { MigrationInterface, QueryRunner } from 'typeorm';

export class Orders1795691828341 implements MigrationInterface {
  name = 'Orders1795691828341';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "after_sale" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "order_id" uuid NOT NULL, "line_id" uuid NOT NULL, "buyer_id" uuid NOT NULL, "type" character varying(16) NOT NULL, "qty" integer NOT NULL, "amount_fen" bigint NOT NULL, "reason" character varying(200) NOT NULL, "photos" jsonb NOT NULL DEFAULT '[]', "status" character varying(20) NOT NULL, "restock" boolean NOT NULL DEFAULT false, "refund_id" uuid, "decided_by" character varying(64), "reject_reason" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0f4f0579d93a375eb034440f169" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_after_sale_status" ON "after_sale"  ("status", "created_at") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_after_sale_order" ON "after_sale"  ("order_id") `);
    await queryRunner.query(
      `CREATE TABLE "cart_item" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "user_id" uuid NOT NULL, "sku_id" uuid NOT NULL, "qty" integer NOT NULL, "mode" character varying(16) NOT NULL, "store_id" uuid, "scan_code" character varying(32), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_cart_item_qty" CHECK ("qty" > 0 AND "qty" <= 999), CONSTRAINT "PK_bd94725aa84f8cf37632bcde997" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cart_item_user" ON "cart_item"  ("user_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "member_code" ("code" character varying(18) NOT NULL, "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_857249a5ab7724f4209ff123454" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_member_code_user" ON "member_code"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "order_event" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "order_id" uuid NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "actor_kind" character varying(16) NOT NULL, "actor_id" character varying(64) NOT NULL, "reason" character varying(200) NOT NULL, "request_id" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_394b0d7613180ebee9028e9aaa1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_order_event_order" ON "order_event"  ("order_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "order_line" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "order_id" uuid NOT NULL, "product_id" uuid NOT NULL, "sku_id" uuid NOT NULL, "title" character varying(120) NOT NULL, "specs" jsonb NOT NULL, "image_url" character varying(500), "price_fen" bigint NOT NULL, "qty" integer NOT NULL, "weight_grams" integer NOT NULL DEFAULT '0', "amount_fen" bigint NOT NULL, "paid_fen" bigint NOT NULL, "attribution" jsonb NOT NULL, "after_sale_qty" integer NOT NULL DEFAULT '0', "refunded_qty" integer NOT NULL DEFAULT '0', "refunded_fen" bigint NOT NULL DEFAULT '0', CONSTRAINT "CHK_order_line_amounts" CHECK ("amount_fen" = "price_fen" * "qty" AND "paid_fen" >= 0 AND "paid_fen" <= "amount_fen" AND "refunded_fen" >= 0 AND "refunded_fen" <= "paid_fen"), CONSTRAINT "CHK_order_line_qty" CHECK ("qty" > 0 AND "after_sale_qty" >= 0 AND "after_sale_qty" <= "qty"), CONSTRAINT "PK_01a7c973d9f30479647e44f9892" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_order_line_order" ON "order_line"  ("order_id") `);
    await queryRunner.query(
      `CREATE TABLE "orders" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "order_no" character varying(32) NOT NULL, "buyer_id" uuid NOT NULL, "channel" character varying(8) NOT NULL DEFAULT 'online', "mode" character varying(16) NOT NULL, "status" character varying(20) NOT NULL, "store_id" uuid, "reseller_id" uuid, "goods_fen" bigint NOT NULL, "discount_fen" bigint NOT NULL, "shipping_fen" bigint NOT NULL, "payable_fen" bigint NOT NULL, "address" jsonb, "remark" character varying(200), "carrier" character varying(40), "tracking_no" character varying(64), "pickup_code" character varying(6), "payment_id" uuid, "pay_deadline" TIMESTAMP WITH TIME ZONE, "paid_at" TIMESTAMP WITH TIME ZONE, "shipped_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_orders_amounts" CHECK ("goods_fen" >= 0 AND "discount_fen" >= 0 AND "shipping_fen" >= 0 AND "payable_fen" = "goods_fen" - "discount_fen" + "shipping_fen"), CONSTRAINT "PK_710e2d4957aa5878dfe94e4ac2f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_orders_open_pickup_code" ON "orders"  ("pickup_code") WHERE "status" = 'AWAITING_PICKUP'`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_orders_reseller" ON "orders"  ("reseller_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_orders_store" ON "orders"  ("store_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_orders_status" ON "orders"  ("status", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_orders_buyer" ON "orders"  ("buyer_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_orders_order_no" ON "orders"  ("order_no") `);
    await queryRunner.query(
      `CREATE TABLE "shipping_template" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "name" character varying(60) NOT NULL, "is_default" boolean NOT NULL DEFAULT false, "first_weight_grams" integer NOT NULL, "first_fee_fen" bigint NOT NULL, "extra_weight_grams" integer NOT NULL, "extra_fee_fen" bigint NOT NULL, "free_over_fen" bigint, "regions" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6cd4da7f440e1626c27de9659ab" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "shipping_template"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_orders_order_no"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_orders_buyer"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_orders_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_orders_store"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_orders_reseller"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_orders_open_pickup_code"`);
    await queryRunner.query(`DROP TABLE "orders"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_order_line_order"`);
    await queryRunner.query(`DROP TABLE "order_line"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_order_event_order"`);
    await queryRunner.query(`DROP TABLE "order_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_member_code_user"`);
    await queryRunner.query(`DROP TABLE "member_code"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cart_item_user"`);
    await queryRunner.query(`DROP TABLE "cart_item"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_after_sale_order"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_after_sale_status"`);
    await queryRunner.query(`DROP TABLE "after_sale"`);
  }
}
