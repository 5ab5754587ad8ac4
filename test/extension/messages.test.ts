// The message protocol: requests validated by the side that answers them, replies by the side
// that asked; every failure a coded { ok: false, code, message }.
import { describe, expect, it } from 'vitest';
import { backgroundProtocol, contentProtocol, ProtocolError, sender, serve } from '../../extension/lib/messages.ts';

/** Runs a served listener as the browser would, returning what it sent back. */
function deliver(listener: ReturnType<typeof serve>, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const kept = listener(message, { tab: { id: 7 } }, resolve);
    if (kept === undefined) setTimeout(() => resolve('(not answered)'), 10);
  });
}

describe('the message protocol', () => {
  const listener = serve(contentProtocol, {
    state: () => { throw new Error('not used here'); },
    reveal: ({ id }) => id === 'g1',
    selection: () => ({ text: '惠及群众4.2万户', span: [40, 49] as [number, number] }),
    setCorrections: ({ corrections }) => corrections.length,
    step: () => { throw new ProtocolError('notRun', 'no page'); },
  });

  it('answers a valid request with { ok: true, value }', async () => {
    expect(await deliver(listener, { govclip: 'reveal', kind: 'target', id: 'g1' })).toEqual({ ok: true, value: true });
    expect(await deliver(listener, { govclip: 'selection' })).toEqual({ ok: true, value: { text: '惠及群众4.2万户', span: [40, 49] } });
  });

  it('refuses a malformed request with the code badRequest, and leaves other messages to other listeners', async () => {
    expect(await deliver(listener, { govclip: 'reveal', kind: 'paragraph', id: 'g1' })).toMatchObject({ ok: false, code: 'badRequest' });
    expect(await deliver(listener, { govclip: 'setCorrections', corrections: [{ kind: 'renameUnit' }] })).toMatchObject({ ok: false, code: 'badRequest' });
    expect(await deliver(listener, { type: 'something-else' })).toBe('(not answered)');
  });

  it('passes a handler’s coded failure on, and codes any other failure as failed', async () => {
    expect(await deliver(listener, { govclip: 'step', direction: 'next' })).toEqual({ ok: false, code: 'notRun', message: 'no page' });
    expect(await deliver(listener, { govclip: 'state' })).toEqual({ ok: false, code: 'failed', message: 'not used here' });
  });

  it('validates replies where they arrive: a wrong shape is badReply, no listener is notRun', async () => {
    const wrong = sender(backgroundProtocol, async () => ({ ok: true, value: [{ kind: 'rejectTarget' }] }));
    expect(await wrong('corrections', { url: 'https://a.gov.cn/', contentHash: 'x' })).toMatchObject({ ok: false, code: 'badReply' });
    const nobody = sender(contentProtocol, async () => { throw new Error('Could not establish connection. Receiving end does not exist.'); });
    expect(await nobody('state', {})).toMatchObject({ ok: false, code: 'notRun' });
    const through = sender(contentProtocol, (message) => deliver(listener, message));
    expect(await through('reveal', { kind: 'target', id: 'g2' })).toEqual({ ok: true, value: false });
  });
});
