/**
 * Starts the tab: find out where it runs (Teams, SharePoint or a plain browser), open the view a
 * deep link asks for, render, and tell Teams the tab has loaded.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './page.css';
import { App } from './app.tsx';
import { detectHost, notifyLoaded } from './host/teams-host.ts';
import { applyDeepLink } from './shell/router.tsx';

async function start(): Promise<void> {
  const host = await detectHost();
  applyDeepLink(host.kind === 'teams' ? host.subPageId : null);
  const container = document.getElementById('root');
  if (container === null) {
    throw new Error('the page has no #root');
  }
  createRoot(container).render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  );
  await notifyLoaded(host);
}

start().catch((error: unknown) => {
  console.error('Insatsnavet kunde inte starta', error);
});
