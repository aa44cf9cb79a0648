/**
 * What a shopper who tried too many discount codes reads, for the seconds left until codes are accepted again: the
 * 429's message (from its `Retry-After`) and the countdown the code field shows from it.
 */
export function tooManyCodesMessage(secondsLeft: number): string {
  if (secondsLeft <= 0) return 'You can try a code again now.';
  return `Too many codes tried. Try again in ${waitFor(secondsLeft)}.`;
}

function waitFor(secondsLeft: number): string {
  if (secondsLeft < 60) {
    const seconds = Math.ceil(secondsLeft);
    return seconds === 1 ? '1 second' : `${seconds} seconds`;
  }
  const minutes = Math.ceil(secondsLeft / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
