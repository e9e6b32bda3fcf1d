import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The mini-program code image WeChat made for a scan code. Codes never change
 * meaning, so the image is kept forever and WeChat is asked once per code.
 */
@Entity({ name: 'qr_image' })
export class QrImage {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'bytea' })
  png: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
