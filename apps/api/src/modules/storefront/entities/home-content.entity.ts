import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const HOME_CONTENT_KINDS = ['banner', 'notice'] as const;
export type HomeContentKind = (typeof HOME_CONTENT_KINDS)[number];

/** A home-page banner (image + link) or notice (one line of text), set by operators, optionally timed. */
@Entity({ name: 'home_content' })
@Index('IDX_home_content_kind', ['kind', 'active', 'sortOrder'])
export class HomeContent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  kind: HomeContentKind;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ name: 'image_url', type: 'varchar', length: 300, nullable: true })
  imageUrl: string | null;

  /** A mini-program page path (`/packages/goods/detail/index?id=…`), or null. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  link: string | null;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'starts_at', type: 'timestamptz', nullable: true })
  startsAt: Date | null;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
