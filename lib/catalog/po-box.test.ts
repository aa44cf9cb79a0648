import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPoBox, isPoBoxLine } from '@/lib/catalog/po-box';

describe('isPoBoxLine', () => {
  it.each([
    'PO Box 1234',
    'po box 1234',
    'P.O. Box 77',
    'P. O. Box 77',
    'P.O.Box 77',
    'POBox 77',
    'PO BOX',
    'Post Office Box 12',
    'post office box 12',
    'POST OFFICE BOX 12',
    'P O Box 5',
    'Unit 4, PO Box 99',
    'PO Box #12',
  ])('%s is a PO box', (line) => {
    expect(isPoBoxLine(line)).toBe(true);
  });

  it.each([
    '12 Market Street',
    '1 Boxwood Lane',
    '5 Box Hill Road',
    '40 Depot Box Road',
    'Apt 4, 12 Polo Street',
    'Boxer Avenue 3',
    'Post Office Square 1',
    'Office 12, 1 Post Road',
    '',
  ])('%s is not a PO box', (line) => {
    expect(isPoBoxLine(line)).toBe(false);
  });

  const spacing = fc.constantFrom('', ' ', '  ');
  const dot = fc.constantFrom('', '.');
  const randomCase = (text: string) =>
    fc
      .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
      .map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));

  it('recognises every spelling of "PO Box", in any case, with or without dots and spaces, and a number', () => {
    const spelling = fc.oneof(
      fc.tuple(randomCase('p'), dot, spacing, randomCase('o'), dot, spacing).map((parts) => parts.join('')),
      fc.tuple(randomCase('post'), fc.constantFrom(' ', '  '), randomCase('office'), spacing).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(spelling, randomCase('box'), fc.nat(99_999), (prefix, box, number) => {
        expect(isPoBoxLine(`${prefix}${box} ${number}`)).toBe(true);
      }),
    );
  });

  it('does not take a street address for a PO box', () => {
    const street = fc.constantFrom('Market Street', 'Boxwood Lane', 'Box Hill', 'Post Road', 'Depot Way', 'Pobble Way');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999 }), street, (number, name) => {
        expect(isPoBoxLine(`${number} ${name}`)).toBe(false);
      }),
    );
  });
});

describe('isPoBox', () => {
  it('looks at both address lines', () => {
    expect(isPoBox({ line1: '12 Market Street', line2: null })).toBe(false);
    expect(isPoBox({ line1: '12 Market Street', line2: 'P.O. Box 4' })).toBe(true);
    expect(isPoBox({ line1: 'PO Box 4', line2: null })).toBe(true);
  });
});
