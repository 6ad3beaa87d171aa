import { caseMeasuresSelect, toCaseMeasures } from './case-measures';

describe('case measures', () => {
  it('selects one FILTERed aggregate per figure and resolution type', () => {
    const sql = caseMeasuresSelect('$3');
    expect(sql).toContain(`c.term_due_date < $3::date`);
    expect(sql).toContain(`c.status IN ('received', 'clarification_requested', 'extended')`);
    expect(sql).toContain(`AS "resolution_denied_no_clarification"`);
    expect(sql.match(/percentile_cont/g)).toHaveLength(2);
  });

  it('maps a row, keeping null percentiles and every resolution type', () => {
    const measures = toCaseMeasures({ received: 3, resolved: 1, medianBusinessDays: null, p90BusinessDays: 4.5, resolution_delivered: 1 });
    expect(measures).toMatchObject({ received: 3, resolved: 1, open: 0, medianBusinessDays: null, p90BusinessDays: 4.5 });
    expect(measures.byResolution).toEqual({
      delivered: 1, partially_delivered: 0, denied_reserved: 0, denied_confidential: 0, denied_no_clarification: 0, nonexistent: 0,
    });
  });
});
