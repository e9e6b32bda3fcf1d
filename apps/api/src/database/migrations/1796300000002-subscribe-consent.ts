import { MigrationInterface, QueryRunner } from 'typeorm';

/** Subscribe-message consents per user and template (each accepted request allows one message). */
export class SubscribeConsent1796300000002 implements MigrationInterface {
  name = 'SubscribeConsent1796300000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "subscribe_consent" ("user_id" uuid NOT NULL, "template_id" character varying(64) NOT NULL, "remaining" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ad2a0a581bb58c18fbaa883d24c" PRIMARY KEY ("user_id", "template_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "subscribe_consent"`);
  }
}
