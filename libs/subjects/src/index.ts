export * from './list-subjects.dto';
export * from './seed-catalog';
export * from './subject.entity';
export * from './subject.schema';
export * from './subjects.module';
export * from './subjects.service';
