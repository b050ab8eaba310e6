import { ParseError } from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';
import { prng } from '../test/helpers.js';
import { parseAlbLog, parseClbLog, parseNlbLog, ShortRowError } from './index.js';

const SAMPLE = [
  'https 2025-03-09T06:10:00Z app/a/1 2001:db8::1:5 10.0.0.1:80 0.0 0.2 0.0 404 404 6 8 "GET https://x:443/ HTTP/2.0" "UA (X)" E T arn "Root" "x" "c" 0 2025 "forward" "-" "-" "10.0.0.1:80 10.0.0.2:80" "404 404" "-" "-" "TID"',
  'tls 2.0 2025 net/n/1 l 1.2.3.4:5 10.0.0.1:443 1 2 3 4 - arn - E t - d h2 h2 h2,"http/1.1" 2025',
].join('\n');

describe('load balancer parsers fuzz', () => {
  it('return events or throw ParseError / ShortRowError, never anything else', async () => {
    const random = prng(11);
    for (let n = 0; n < 1500; n++) {
      let text = SAMPLE;
      const mode = random();
      if (mode < 0.4) text = text.slice(0, Math.floor(random() * text.length));
      else if (mode < 0.8) {
        const chars = [...text];
        for (let k = 0; k < 4; k++)
          chars[Math.floor(random() * chars.length)] = '" \n\r:[]'[Math.floor(random() * 8)] ?? '"';
        text = chars.join('');
      } else {
        text = '';
        for (let i = 0; i < 60; i++) text += String.fromCharCode(Math.floor(random() * 256));
      }
      for (const parse of [parseAlbLog, parseClbLog, parseNlbLog]) {
        try {
          for await (const event of parse(text)) expect(typeof event.source).toBe('string');
        } catch (error) {
          expect(error instanceof ParseError || error instanceof ShortRowError, String(error)).toBe(true);
        }
      }
    }
  });
});
