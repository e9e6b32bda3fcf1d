import { MigrationInterface, QueryRunner } from 'typeorm';

/** Limited-time offers (flash sales), member tags and rule-based segments. */
export class OffersSegments1796400000001 implements MigrationInterface {
  name = 'OffersSegments1796400000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "offer" (
      "id" uuid NOT NULL DEFAULT uuid_generate_v4() PRIMARY KEY,
      "name" varchar(40) NOT NULL,
      "sku_id" uuid NOT NULL,
      "price_fen" bigint NOT NULL CHECK ("price_fen" > 0),
      "starts_at" timestamptz NOT NULL,
      "ends_at" timestamptz NOT NULL,
      "total_qty" integer NOT NULL CHECK ("total_qty" > 0),
      "sold_qty" integer NOT NULL DEFAULT 0,
      "per_user_limit" integer NOT NULL DEFAULT 1 CHECK ("per_user_limit" > 0),
      "status" varchar(10) NOT NULL DEFAULT 'active',
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "CHK_offer_window" CHECK ("starts_at" < "ends_at"),
      CONSTRAINT "CHK_offer_qty" CHECK ("sold_qty" BETWEEN 0 AND "total_qty"))`);
    await q.query(`CREATE INDEX "IDX_offer_sku" ON "offer" ("sku_id", "ends_at")`);
    await q.query(`CREATE TABLE "offer_purchase" (
      "offer_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "qty" integer NOT NULL CHECK ("qty" >= 0),
      PRIMARY KEY ("offer_id", "user_id"))`);
    await q.query(`CREATE TABLE "offer_order" (
      "order_id" uuid NOT NULL,
      "offer_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "qty" integer NOT NULL,
      "returned" boolean NOT NULL DEFAULT false,
      PRIMARY KEY ("order_id", "offer_id"))`);
    await q.query(`CREATE TABLE "member_tag" (
      "user_id" uuid NOT NULL,
      "tag" varchar(20) NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("user_id", "tag"))`);
    await q.query(`CREATE INDEX "IDX_member_tag_tag" ON "member_tag" ("tag")`);
    await q.query(`CREATE TABLE "segment" (
      "id" uuid NOT NULL DEFAULT uuid_generate_v4() PRIMARY KEY,
      "name" varchar(40) NOT NULL,
      "rules" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now())`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of ['segment', 'member_tag', 'offer_order', 'offer_purchase', 'offer'])
      await q.query(`DROP TABLE "${t}"`);
  }
}
