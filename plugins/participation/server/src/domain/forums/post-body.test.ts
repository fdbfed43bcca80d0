import fs from 'fs';
import path from 'path';
import { parseDocument } from 'htmlparser2';
import type { Element, ChildNode } from 'domhandler';
import { mentionedUsernames, postFingerprint, sanitisePostHtml, visibleText } from './post-body';

const corpusFile = path.resolve(__dirname, '../../../../../../tests/fixtures/xss-owasp-cheat-sheet.txt');
const corpus = fs.readFileSync(corpusFile, 'utf8').split('\n').filter((line) => line.trim() && !line.startsWith('#'));
const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'blockquote', 'a']);

const elements = (nodes: ChildNode[]): Element[] =>
  nodes.flatMap((node) => ('attribs' in node ? [node, ...elements(node.children)] : 'children' in node ? elements(node.children) : []));

describe('sanitising posts against a public XSS corpus', () => {
  it('reads the corpus', () => {
    expect(corpus.length).toBeGreaterThan(70);
  });

  it.each(corpus.map((payload, index) => [index + 1, payload]))('payload %i never comes back executable', (_index, payload) => {
    for (const html of [payload as string, `<p>${payload}</p>`]) {
      const cleaned = sanitisePostHtml(html);
      for (const element of elements(parseDocument(cleaned).children)) {
        expect(ALLOWED_TAGS).toContain(element.name);
        for (const [name, value] of Object.entries(element.attribs)) {
          expect(['href', 'rel', 'target']).toContain(name);
          // A safe scheme, or no scheme at all (a relative link, which cannot run anything).
          if (name === 'href') expect(/^(https?:\/\/|mailto:)/i.test(value) || !value.includes(':')).toBe(true);
        }
      }
      // And sanitising is stable: what is stored passes through again unchanged.
      expect(sanitisePostHtml(cleaned)).toBe(cleaned);
    }
  });
});

describe('post text', () => {
  it('keeps paragraphs, emphasis, lists and safe links, marking links as user content', () => {
    expect(sanitisePostHtml('<p>A <strong>b</strong> <em>c</em> <a href="https://x.org" target="_self">d</a></p><ol><li>e</li></ol>')).toBe(
      '<p>A <strong>b</strong> <em>c</em> <a href="https://x.org" target="_blank" rel="nofollow ugc noopener noreferrer">d</a></p><ol><li>e</li></ol>'
    );
  });

  it('fingerprints the words a reader sees, not the markup or the case', () => {
    expect(postFingerprint('<p>Fix  the <b>LIGHTS</b></p>')).toBe(postFingerprint('fix the lights'));
    expect(postFingerprint('fix the lights')).not.toBe(postFingerprint('fix the lights now'));
  });

  it('separates block elements with spaces in the visible text', () => {
    expect(visibleText('<p>one</p><p>two <b>three</b></p><ul><li>four</li></ul>')).toBe('one two three four');
  });

  it('finds @mentions once each, not e-mail addresses', () => {
    expect(mentionedUsernames('<p>@ana.k and @bob- say hi to @ana.k; mail a@b.org</p>')).toEqual(['ana.k', 'bob']);
  });
});
