import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, toCsv } from './csv.ts';

describe('CSV', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0)).toBe('0');
    expect(csvCell('')).toBe('');
  });

  it('makes cells that a spreadsheet would run as a formula inert', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-5)).toBe('-5');
  });

  it('writes a header and one CRLF-terminated line per record', () => {
    const csv = toCsv(['Name', 'Order'], [{ Name: 'A, B', Order: 1 }, { Name: 'C' }], (r, c) => (r as Record<string, unknown>)[c]);
    expect(csv).toBe('Name,Order\r\n"A, B",1\r\nC,\r\n');
    const named = toCsv(['Name', 'DueDate'], [{ Name: 'A' }], (r, c) => (r as Record<string, unknown>)[c], ['Name', 'Due date']);
    expect(named).toBe('Name,Due date\r\nA,\r\n');
  });

  it('names the file after the day', () => {
    expect(csvFileName('2026-11-27')).toBe('tasks-2026-11-27.csv');
  });
});
