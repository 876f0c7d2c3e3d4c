/**
 * The directory links an organisation's website only when it is an http(s) address: anything
 * else (a `javascript:` address above all) is not turned into a link.
 */
import { describe, expect, test } from 'vitest';
import { websiteHref, websiteText } from '../../client/features/directory/website.ts';

describe('an organisation’s website in the directory', () => {
  test('an http(s) address is linked, and reads as its host', () => {
    expect(websiteHref('https://www.gustaveroussy.fr/en')).toBe('https://www.gustaveroussy.fr/en');
    expect(websiteText('https://www.gustaveroussy.fr/en')).toBe('gustaveroussy.fr');
    expect(websiteHref('http://sainte-anne.example.org')).toBe('http://sainte-anne.example.org/');
  });

  test('nothing, or anything but http(s), is not a link', () => {
    for (const website of [
      null,
      undefined,
      '',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'mailto:a@b.c',
      'www.example.org',
    ])
      expect(websiteHref(website)).toBeNull();
  });
});
