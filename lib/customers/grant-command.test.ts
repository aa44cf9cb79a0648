import { describe, expect, it } from 'vitest';
import { parseGrantArgs } from '@/lib/customers/grant-command';

describe('credit:grant arguments', () => {
  it('reads an email, an amount in dollars and cents, a reason and an optional expiry', () => {
    expect(
      parseGrantArgs([
        '--email',
        ' Gold@Example.com',
        '--amount',
        '25.50',
        '--reason',
        'Late delivery',
        '--expires',
        '2027-06-30',
      ]),
    ).toEqual({
      ok: true,
      args: {
        email: 'gold@example.com',
        amount: 2_550,
        reason: 'Late delivery',
        expires: new Date('2027-06-30T23:59:59Z'),
      },
    });
    expect(parseGrantArgs(['--email', 'a@b.co', '--amount', '10', '--reason', 'Welcome'])).toMatchObject({
      ok: true,
      args: { amount: 1_000 },
    });
  });

  it('refuses a negative, zero or malformed amount, a missing reason and unknown options', () => {
    const problems = (argv: string[]) => {
      const parsed = parseGrantArgs(argv);
      return parsed.ok ? [] : parsed.problems;
    };
    expect(problems(['--email', 'a@b.co', '--amount=-5', '--reason', 'Oops'])).toEqual([
      '--amount: an amount such as 25 or 25.50',
    ]);
    expect(problems(['--email', 'a@b.co', '--amount', '-5', '--reason', 'Oops'])).toHaveLength(1);
    expect(problems(['--email', 'a@b.co', '--amount', '0', '--reason', 'Oops'])).toEqual(['--amount: more than zero']);
    expect(problems(['--email', 'a@b.co', '--amount', '1.234', '--reason', 'Oops'])).toHaveLength(1);
    expect(problems(['--email', 'a@b.co', '--amount', '5'])).toHaveLength(1);
    expect(problems(['--email', 'a@b.co', '--amount', '5', '--reason', 'Hi', '--sudo'])).toHaveLength(1);
  });
});
