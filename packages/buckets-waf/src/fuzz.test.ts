import { isWazuhAwsError, ParseError } from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';
import { prng } from '../test/helpers.js';
import { parseWafLog, WafFileError } from './index.js';

const SAMPLE =
  '{"timestamp":1,"httpRequest":{"clientIp":"1.2.3.4","headers":[{"name":"Host","value":"a"},{"name":"x","value":"y"}]},"v":[1.5,NaN,"\\u00e9"]}';

describe('parseWafLog fuzz', () => {
  it('returns events or throws ParseError / WafFileError, never anything else', async () => {
    const random = prng(9);
    for (let n = 0; n < 2000; n++) {
      let text = SAMPLE.repeat(1 + Math.floor(random() * 3));
      const mode = random();
      if (mode < 0.4) text = text.slice(0, Math.floor(random() * text.length));
      else if (mode < 0.8) {
        const chars = [...text];
        for (let k = 0; k < 3; k++)
          chars[Math.floor(random() * chars.length)] = String.fromCharCode(Math.floor(random() * 128));
        text = chars.join('');
      } else {
        text = '';
        for (let i = 0; i < 40; i++) text += String.fromCharCode(Math.floor(random() * 256));
      }
      for (const skipOnError of [false, true]) {
        try {
          for await (const event of parseWafLog(text, { key: 'k', skipOnError }))
            expect(event.source).toBe('waf');
        } catch (error) {
          expect(error instanceof ParseError || error instanceof WafFileError, String(error)).toBe(true);
          expect(isWazuhAwsError(error)).toBe(true);
        }
      }
    }
  });
});
