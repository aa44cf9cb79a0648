import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '@/lib/admin/csv';

describe('CSV', () => {
  it('quotes every field and doubles quotes inside it', () => {
    expect(csvField('plain')).toBe('"plain"');
    expect(csvField('say "hi", then go\nhome')).toBe('"say ""hi"", then go\nhome"');
    expect(csvField(null)).toBe('""');
    expect(csvField(1999)).toBe('"1999"');
    expect(csvField(false)).toBe('"false"');
  });

  it('keeps what a spreadsheet would run as a formula as text', () => {
    for (const hostile of ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvField(hostile)).toBe(`"'${hostile.replaceAll('"', '""')}"`);
    }
    expect(csvField('a=b')).toBe('"a=b"');
  });

  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[1, '=x']])).toBe('"a","b"\r\n"1","\'=x"\r\n');
  });
});
