import { Column, Entity, PrimaryColumn } from 'typeorm';

export const SECTORS = ['executive', 'legislative', 'judicial', 'municipal', 'autonomous', 'decentralized', 'other'] as const;
export type Sector = (typeof SECTORS)[number];

/** A sujeto obligado (LAIP Art. 6): a body that must answer requests through its UIP. */
@Entity('subjects')
export class Subject {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'short_name' })
  shortName: string;

  @Column('varchar', { length: 20 })
  sector: Sector;

  @Column('char', { name: 'department_code', length: 2, nullable: true })
  departmentCode: string | null;

  @Column('text', { nullable: true })
  department: string | null;

  @Column('char', { name: 'municipality_code', length: 4, nullable: true })
  municipalityCode: string | null;

  @Column('text', { nullable: true })
  competences: string | null;

  @Column('text', { name: 'uip_email', nullable: true })
  uipEmail: string | null;

  @Column('boolean')
  active: boolean;

  /** Calendar settings: most UIPs work Monday to Friday and close at the default time. */
  @Column('boolean', { name: 'works_saturdays' })
  worksSaturdays: boolean;

  @Column('varchar', { name: 'closing_time', length: 5, nullable: true })
  closingTime: string | null;
}

/** The contract's `Subject`. */
export interface SubjectView {
  code: string;
  name: string;
  shortName: string;
  sector: Sector;
  departmentCode: string | null;
  department: string | null;
  municipalityCode: string | null;
  active: boolean;
}

export function toSubjectView(s: Subject): SubjectView {
  return {
    code: s.code,
    name: s.name,
    shortName: s.shortName,
    sector: s.sector,
    departmentCode: s.departmentCode,
    department: s.department,
    municipalityCode: s.municipalityCode,
    active: s.active,
  };
}
