import { afterEach, describe, expect, it } from 'vitest';
import fx from '../test/apiFixtures.json';
import { mockFetch } from '../test/pagesHarness';
import { todayIso } from './format';
import { dropEarlyRequests, startEarlyRequests, takeEarlyMe, takeEarlyStats } from './startup';

const noChunk = () => Promise.resolve();

function open(url: string, signedInBefore: boolean) {
  window.history.replaceState(null, '', url);
  window.localStorage.clear();
  if (signedInBefore) window.localStorage.setItem('gb.session', '1');
}

describe('the start-up requests', () => {
  afterEach(() => {
    dropEarlyRequests();
    window.history.replaceState(null, '', '/');
  });

  it('ask nothing of an anonymous visitor on the login page', () => {
    const calls = mockFetch(() => ({ status: 401, body: fx.meSignedOut }));
    open('/login', false);
    startEarlyRequests(noChunk);
    expect(calls).toEqual([]);
    expect(takeEarlyMe()).toBeNull();
  });

  it('ask for the dashboard’s figures only once a session is found, for a browser without one', async () => {
    const calls = mockFetch(() => ({ status: 401, body: fx.meSignedOut }));
    open('/', false);
    startEarlyRequests(noChunk);
    await expect(takeEarlyMe()).rejects.toMatchObject({ status: 401 });
    await Promise.resolve();
    expect(calls.map((c) => c.path)).toEqual(['/me']);
  });

  it('ask for the session and the figures together when the browser had a session', async () => {
    const calls = mockFetch((c) => (c.path === '/me' ? { body: fx.leaderMe } : { body: { total: 1 } }));
    open('/', true);
    startEarlyRequests(noChunk);
    expect(calls.map((c) => c.path)).toEqual(['/me', '/stats']);
    // The dashboard's default: this month's report, counted to the day the report counts (no as_of).
    expect(Object.fromEntries(calls[1].query)).toEqual({ report_period: todayIso().slice(0, 7) });
    await expect(takeEarlyStats(calls[1].query.toString())?.promise).resolves.toEqual({ total: 1 });
  });
});
