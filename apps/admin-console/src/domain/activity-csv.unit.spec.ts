import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvRow } from './activity-csv';

describe('activity CSV rows', () => {
  it('follows the column order and leaves missing values empty', () => {
    const row = csvRow({
      occurredAt: '2026-12-01T10:00:00.000Z',
      actor: { id: 7, name: 'Ada', type: 'user' },
      source: { type: 'user', id: null, label: 'Bob' },
      action: 'update',
      ipAddress: null,
    });
    expect(row).toHaveLength(CSV_COLUMNS.length);
    expect(row[CSV_COLUMNS.indexOf('actorId')]).toBe('7');
    expect(row[CSV_COLUMNS.indexOf('sourceId')]).toBe('');
    expect(row[CSV_COLUMNS.indexOf('ipAddress')]).toBe('');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const row = csvRow({ description: '=HYPERLINK("http://evil")', actionLabel: '+1', account: '@x' });
    expect(row[CSV_COLUMNS.indexOf('description')]).toBe(`'=HYPERLINK("http://evil")`);
    expect(row[CSV_COLUMNS.indexOf('actionLabel')]).toBe("'+1");
    expect(row[CSV_COLUMNS.indexOf('account')]).toBe("'@x");
  });
});
