/**
 * A request's log line does not carry a calendar link's secret or what someone typed into a query
 * or a path (a personnummer in the search box is refused by the guard, but the line was logged).
 */
import { describe, expect, it } from 'vitest';
import { loggableUrl } from '../../../src/server/loggable-url.ts';

describe('loggableUrl', () => {
  it.each([
    ['/api/eko', '/api/eko'],
    ['/api/insatser/7', '/api/insatser/7'],
    ['/api/insatser?sok=19121212-1212', '/api/insatser?sok=…'],
    ['/api/insatser?skede=Id%C3%A9&ar=2027', '/api/insatser?skede=…&ar=…'],
    ['/kalender/4dc56134/v1-abcdef0123456789.ics', '/kalender/…'],
    ['/api/insatser?19121212-1212=x', '/api/insatser?…'],
    ['/api/insatser?%3Cscript%3E=1', '/api/insatser?…'],
    ['/api/insatser?', '/api/insatser'],
  ])('%s → %s', (url, logged) => {
    expect(loggableUrl(url)).toBe(logged);
  });

  it('shows the route’s pattern when the path holds a personnummer', () => {
    expect(loggableUrl('/api/insatser/19121212-1212', '/api/insatser/:id')).toBe('/api/insatser/:id');
    expect(loggableUrl('/api/rekvisitioner/121212%2D1212', '/api/rekvisitioner/:periodKey')).toBe(
      '/api/rekvisitioner/:periodKey',
    );
  });

  it('keeps at most 20 parameter names', () => {
    expect(loggableUrl(`/api/me?${'a=1&'.repeat(50)}`)).toBe(`/api/me?${Array(20).fill('a=…').join('&')}&…`);
  });
});
