import { MigrationInterface, QueryRunner } from 'typeorm';

export class ShopperApp1796098895974 implements MigrationInterface {
  name = 'ShopperApp1796098895974';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Character bigrams of a text as a tsvector with positions (so ts_rank can weigh them):
    // lower-cased, split on whitespace and punctuation (search-text.ts BIGRAM_DELIMITERS, frozen
    // here), each word cut into overlapping pairs; a one-character word is itself. IMMUTABLE, so a
    // generated column can use it; works on any PostgreSQL without extensions or dictionaries.
    await queryRunner.query(`CREATE FUNCTION cs_bigrams(t text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
        SELECT coalesce(string_agg('''' || substr(s.w, g.i, 2) || ''':' || least(s.n * 32 + g.i, 16383), ' '), '')::tsvector
          FROM regexp_split_to_table(lower(coalesce(t, '')), $re$[[:space:],，。、;；:：/|()（）<>《》【】\\[\\]+\\-_.·!！?？'"“”‘’\\\\]+$re$) WITH ORDINALITY AS s(w, n)
          CROSS JOIN LATERAL generate_series(1, greatest(char_length(s.w) - 1, 1)) AS g(i)
         WHERE s.w <> ''
      $fn$`);
    await queryRunner.query(
      `CREATE TABLE "user_address" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "user_id" uuid NOT NULL, "name" character varying(40) NOT NULL, "phone" character varying(20) NOT NULL, "province_code" character varying(2) NOT NULL, "city_code" character varying(4) NOT NULL, "district_code" character varying(6), "province" character varying(20) NOT NULL, "city" character varying(20) NOT NULL, "district" character varying(20) NOT NULL DEFAULT '', "detail" character varying(120) NOT NULL, "is_default" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_302d96673413455481d5ff4022a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_address_default" ON "user_address"  ("user_id") WHERE "is_default"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_user_address_user" ON "user_address"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "home_content" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "kind" character varying(10) NOT NULL, "title" character varying(60) NOT NULL, "image_url" character varying(300), "link" character varying(200), "sort_order" integer NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, "starts_at" TIMESTAMP WITH TIME ZONE, "ends_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0538ebd94d81ba89f8ea85318f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_home_content_kind" ON "home_content"  ("kind", "active", "sort_order") `,
    );
    await queryRunner.query(
      `CREATE TABLE "product_flag" ("product_id" uuid NOT NULL, "flag" character varying(12) NOT NULL, "sort_order" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cf62421761d482f9d19b7294731" PRIMARY KEY ("product_id", "flag"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_product_flag_list" ON "product_flag"  ("flag", "sort_order") `,
    );
    await queryRunner.query(`ALTER TABLE "product" ADD "search_bigrams" tsvector`);
    // Kept by PostgreSQL on every write of the title or search_text, like a generated column.
    await queryRunner.query(`CREATE FUNCTION cs_product_search_bigrams() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      BEGIN
        NEW.search_bigrams := setweight(cs_bigrams(NEW.title), 'A') || setweight(cs_bigrams(NEW.search_text), 'D');
        RETURN NEW;
      END
      $fn$`);
    await queryRunner.query(`CREATE TRIGGER "TRG_product_search_bigrams" BEFORE INSERT OR UPDATE OF "title", "search_text"
      ON "product" FOR EACH ROW EXECUTE FUNCTION cs_product_search_bigrams()`);
    await queryRunner.query(
      `UPDATE "product" SET "search_bigrams" = setweight(cs_bigrams("title"), 'A') || setweight(cs_bigrams("search_text"), 'D')`,
    );
    // Bigram search needs a GIN index TypeORM cannot declare (entity: synchronize: false).
    await queryRunner.query(
      `CREATE INDEX "IDX_product_search_bigrams" ON "product" USING gin ("search_bigrams")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_product_search_bigrams"`);
    await queryRunner.query(`DROP TRIGGER "TRG_product_search_bigrams" ON "product"`);
    await queryRunner.query(`DROP FUNCTION cs_product_search_bigrams()`);
    await queryRunner.query(`ALTER TABLE "product" DROP COLUMN "search_bigrams"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_product_flag_list"`);
    await queryRunner.query(`DROP TABLE "product_flag"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_home_content_kind"`);
    await queryRunner.query(`DROP TABLE "home_content"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_address_user"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_user_address_default"`);
    await queryRunner.query(`DROP TABLE "user_address"`);
    await queryRunner.query(`DROP FUNCTION cs_bigrams(text)`);
  }
}
