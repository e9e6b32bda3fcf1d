import { MigrationInterface, QueryRunner } from 'typeorm';

export class StoreManagerScope1795693007381 implements MigrationInterface {
  name = 'StoreManagerScope1795693007381';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "admin_users" ADD "store_ids" uuid array NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "admin_users" DROP COLUMN "store_ids"`);
  }
}
