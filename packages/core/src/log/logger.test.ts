import { describe, expect, it } from 'vitest';
import { createLineLogger } from './logger.js';

function capture(level = 3) {
  const lines: string[] = [];
  const logger = createLineLogger({ level, write: (line) => lines.push(line) });
  return { logger, lines };
}

describe('createLineLogger secret masking', () => {
  it('masks a secret in every kind of line, raw, JSON-escaped and URL-encoded', () => {
    const { logger, lines } = capture();
    const secret = 'ab/c+d="quoted"\\x';
    logger.addSecret(secret);
    logger.error(`raw ${secret}`);
    logger.debug(3, () => `json ${JSON.stringify({ k: secret })}`);
    logger.warning(`url ${encodeURIComponent(secret)}`);
    logger.plain(`plain ${secret}${secret}`);
    expect(lines.join('')).not.toContain('quoted');
    expect(lines).toEqual([
      'ERROR: raw ***\n',
      'DEBUG: json {"k":"***"}\n',
      'WARNING: url ***\n',
      'plain ******\n',
    ]);
  });

  it('masks a longer secret whole when it contains a shorter one', () => {
    const { logger, lines } = capture();
    logger.addSecret('KEYID');
    logger.addSecret('KEYIDSECRET');
    logger.info('KEYIDSECRET KEYID');
    expect(lines).toEqual(['INFO: *** ***\n']);
  });

  it('ignores values too short to be credentials', () => {
    const { logger, lines } = capture();
    logger.addSecret('ab');
    logger.addSecret('');
    logger.info('about abc');
    expect(lines).toEqual(['INFO: about abc\n']);
  });
});
