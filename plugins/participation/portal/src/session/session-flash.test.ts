import { browserFlash } from './session-flash';

describe("a signed-out browser's flash", () => {
  const flash = browserFlash('the app key');
  const message = JSON.stringify({ checkedRoundDocumentId: 'r1', receiptCode: 'ABCD-EFGH-JKLM' });

  it('is read back by the browser that sealed it, and shows nothing of the message', () => {
    const sealed = flash.seal('binding-a', message);
    expect(sealed).not.toContain('ABCD');
    expect(Buffer.from(sealed, 'base64url').toString('utf8')).not.toContain('ABCD');
    expect(flash.unseal('binding-a', sealed)).toBe(message);
  });

  it("is unreadable with another browser's binding or another app key", () => {
    const sealed = flash.seal('binding-a', message);
    expect(flash.unseal('binding-b', sealed)).toBeNull();
    expect(browserFlash('another key').unseal('binding-a', sealed)).toBeNull();
  });

  it('refuses a cookie that was changed, cut short or blown up', () => {
    const sealed = flash.seal('binding-a', message);
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(flash.unseal('binding-a', bytes.toString('base64url'))).toBeNull();
    expect(flash.unseal('binding-a', sealed.slice(0, 10))).toBeNull();
    expect(flash.unseal('binding-a', 'A'.repeat(5000))).toBeNull();
  });
});
