import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ActorKind = 'requester' | 'staff' | 'system';

/** An append-only entry of a case's history (the database refuses updates and deletes). */
@Entity('case_events')
export class CaseEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('varchar', { length: 40 })
  type: string;

  @Column('timestamptz')
  at: Date;

  @Column('varchar', { name: 'actor_kind', length: 20 })
  actorKind: ActorKind;

  @Column('text', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column('jsonb')
  data: Record<string, unknown>;
}
