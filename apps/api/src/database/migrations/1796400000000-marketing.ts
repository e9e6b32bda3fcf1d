import { MigrationInterface, QueryRunner } from 'typeorm';

/** Member levels, the points ledger, coupons and what each order used of them. */
export class Marketing1796400000000 implements MigrationInterface {
  name = 'Marketing1796400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "member_level" (
      "id" uuid NOT NULL DEFAULT uuid_generate_v4() PRIMARY KEY,
      "name" varchar(20) NOT NULL,
      "threshold_fen" bigint NOT NULL CHECK ("threshold_fen" >= 0),
      "discount_bp" integer NOT NULL DEFAULT 0 CHECK ("discount_bp" BETWEEN 0 AND 5000),
      "points_multiplier_bp" integer NOT NULL DEFAULT 10000 CHECK ("points_multiplier_bp" BETWEEN 0 AND 100000),
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "UQ_member_level_threshold" UNIQUE ("threshold_fen"))`);
    await q.query(`CREATE TABLE "points_account" (
      "user_id" uuid NOT NULL PRIMARY KEY,
      "balance" bigint NOT NULL DEFAULT 0 CHECK ("balance" >= 0),
      "updated_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "points_entry" (
      "id" uuid NOT NULL DEFAULT uuid_generate_v4() PRIMARY KEY,
      "user_id" uuid NOT NULL,
      "delta" bigint NOT NULL CHECK ("delta" <> 0),
      "kind" varchar(20) NOT NULL,
      "order_id" uuid,
      "ref" varchar(120) NOT NULL,
      "note" varchar(200),
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "UQ_points_entry_ref" UNIQUE ("ref"))`);
    await q.query(`CREATE INDEX "IDX_points_entry_user" ON "points_entry" ("user_id", "created_at")`);
    await q.query(`CREATE TABLE "coupon_template" (
      "id" uuid NOT NULL DEFAULT uuid_generate_v4() PRIMARY KEY,
      "name" varchar(40) NOT NULL,
      "kind" varchar(10) NOT NULL CHECK ("kind" IN ('amount', 'percent')),
      "amount_fen" bigint NOT NULL DEFAULT 0 CHECK ("amount_fen" >= 0),
      "percent_off_bp" integer NOT NULL DEFAULT 0 CHECK ("percent_off_bp" BETWEEN 0 AND 9900),
      "max_discount_fen" bigint,
      "scope" varchar(10) NOT NULL CHECK ("scope" IN ('all', 'category', 'products')),
      "scope_ids" uuid[] NOT NULL DEFAULT '{}',
      "min_spend_fen" bigint NOT NULL DEFAULT 0 CHECK ("min_spend_fen" >= 0),
      "valid_from" timestamptz,
      "valid_to" timestamptz,
      "valid_days" integer CHECK ("valid_days" > 0),
      "total_qty" integer NOT NULL CHECK ("total_qty" >= 0),
      "claimed_qty" integer NOT NULL DEFAULT 0,
      "per_user_limit" integer NOT NULL DEFAULT 1 CHECK ("per_user_limit" > 0),
      "claimable" boolean NOT NULL DEFAULT true,
      "status" varchar(10) NOT NULL DEFAULT 'active',
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "CHK_coupon_template_qty" CHECK ("claimed_qty" BETWEEN 0 AND "total_qty"))`);
    await q.query(`CREATE TABLE "coupon_claim" (
      "template_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "claimed" integer NOT NULL,
      PRIMARY KEY ("template_id", "user_id"))`);
    await q.query(`CREATE TABLE "coupon" (
      "id" uuid NOT NULL DEFAULT uuid_generate_v4() PRIMARY KEY,
      "template_id" uuid NOT NULL REFERENCES "coupon_template" ("id"),
      "user_id" uuid NOT NULL,
      "status" varchar(10) NOT NULL DEFAULT 'available' CHECK ("status" IN ('available', 'used')),
      "valid_from" timestamptz NOT NULL,
      "valid_to" timestamptz NOT NULL,
      "order_id" uuid,
      "source" varchar(10) NOT NULL DEFAULT 'claim',
      "claimed_at" timestamptz NOT NULL DEFAULT now(),
      "used_at" timestamptz)`);
    await q.query(`CREATE INDEX "IDX_coupon_user" ON "coupon" ("user_id", "status", "valid_to")`);
    await q.query(`CREATE TABLE "order_marketing" (
      "order_id" uuid NOT NULL PRIMARY KEY,
      "buyer_id" uuid NOT NULL,
      "coupon_id" uuid,
      "coupon_fen" bigint NOT NULL DEFAULT 0,
      "coupon_returned" boolean NOT NULL DEFAULT false,
      "points_used" bigint NOT NULL DEFAULT 0,
      "points_returned" bigint NOT NULL DEFAULT 0,
      "level_fen" bigint NOT NULL DEFAULT 0,
      "points_earned" bigint NOT NULL DEFAULT 0,
      "points_clawed" bigint NOT NULL DEFAULT 0,
      "multiplier_bp" integer,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'order_marketing',
      'coupon',
      'coupon_claim',
      'coupon_template',
      'points_entry',
      'points_account',
      'member_level',
    ])
      await q.query(`DROP TABLE "${t}"`);
  }
}
